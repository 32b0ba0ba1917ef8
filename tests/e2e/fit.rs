//! End-to-end tests of the "which might fit me" questionnaire in a real browser (the engine
//! `KTW_BROWSER` names; `cargo xtask test` runs Chromium, Firefox and WebKit): the whole
//! journey by keyboard alone with axe-core on every kind of screen, the crisis panel for the
//! direct question and for PHQ-9 item 9, remembering across a reload, and share links (good
//! and tampered).

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::{json, Value};

const ENTER: char = '\u{E007}';

/// axe-core finds nothing and every target on screen is at least 24 × 24 px.
async fn audit(browser: &Browser, state: &str) {
    browser.assert_no_axe_violations(0, state).await;
    browser.assert_no_small_targets(0, state).await;
}

#[tokio::test]
async fn the_questionnaire_works_by_keyboard_alone_to_the_results() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    // The tabs use roving focus: Tab reaches the selected tab, the arrow keys move between tabs.
    browser.tab_to(0, "#ktw-tab-compare", 20).await;
    browser.press('\u{E014}').await;
    browser.tab_to(0, "#ktw-tab-fit", 1).await;
    browser.press(ENTER).await;
    browser.wait_for("#ktw-question-heading").await;
    let mut steps = 0;
    loop {
        steps += 1;
        assert!(steps < 60, "the questionnaire never reached its results");
        let current = WidgetPage::first(&browser).screen_heading().await;
        // Focus moves to the heading of every new step (choosing the tab keeps focus on the tab).
        if steps > 1 {
            WidgetPage::first(&browser)
                .wait_until(
                    &format!("return root.activeElement && root.activeElement.id === '{current}';"),
                    &format!("focus on {current} at step {steps}"),
                )
                .await;
        }
        audit(&browser, &format!("step {steps} ({current})")).await;
        match current.as_str() {
            "ktw-question-heading" => {
                let progress = browser.text_of("#ktw-progress").await;
                assert!(progress.contains(" of "), "progress is shown: {progress:?}");
                WidgetPage::first(&browser).answer_by_keyboard().await;
            }
            "ktw-mood-heading" => {
                browser.tab_to(0, "#ktw-mood-start", 10).await;
                browser.press(ENTER).await;
            }
            "ktw-summary-heading" => {
                browser.tab_to(0, "#ktw-show-results", 200).await;
                browser.press(ENTER).await;
            }
            "ktw-results-heading" => break,
            other => panic!("unexpected screen {other:?} at step {steps}"),
        }
        WidgetPage::first(&browser)
            .wait_until(
                &format!(
                    "const h = root.getElementById('{current}');\
                     return !h || root.activeElement !== h || {};",
                    if current == "ktw-question-heading" {
                        "true"
                    } else {
                        "false"
                    }
                ),
                "the next screen",
            )
            .await;
        browser.next_task().await;
    }
    // The score opens from its section's button, by keyboard too.
    browser.keyboard_to(0, "#ktw-part-mood", 40).await;
    browser.press('\u{E007}').await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('#ktw-part-mood').getAttribute('aria-expanded') === 'true';",
            "the mood section opens",
        )
        .await;
    let results = WidgetPage::first(&browser).results_text().await;
    assert!(
        results.to_lowercase().contains("not a recommendation"),
        "the weighing is labelled:\n{results}"
    );
    assert!(
        results.contains("not a diagnosis"),
        "the PHQ-9 result is labelled:\n{results}"
    );
    let crisis = browser.text_of(".ktw-crisis").await;
    assert!(
        crisis.contains("988"),
        "the crisis line stays visible: {crisis}"
    );
    let announced = browser
        .in_widget(
            0,
            "return root.querySelector('.ktw-fit-notices[aria-live=polite]').textContent;",
        )
        .await;
    assert!(
        !announced.as_str().unwrap_or("").is_empty(),
        "a live region announces the results"
    );
    audit(&browser, "results").await;
    let events = browser.events().await;
    assert!(
        events.iter().any(|(name, _)| name == "ktw-step"),
        "step events: {events:?}"
    );
    let complete = events
        .iter()
        .find(|(name, _)| name == "ktw-complete")
        .expect("a ktw-complete event");
    assert!(
        complete.1.get("answers").is_none_or(Value::is_null),
        "no answers without share-answers: {complete:?}"
    );

    // The clinic's call link tells the host page (the test stops the tel: navigation itself).
    browser
        .in_widget(
            0,
            "const a = root.querySelector('.ktw-cta a[href^=\"tel:\"]'); a.addEventListener('click', e => e.preventDefault()); a.click(); return true;",
        )
        .await;
    let events = browser.events().await;
    assert!(
        events
            .iter()
            .any(|(name, detail)| name == "ktw-cta" && detail["kind"] == "call"),
        "{events:?}"
    );

    // Share: the link carries the answers in the fragment, never the query string.
    browser.tab_to(0, "#ktw-share", 300).await;
    browser.press(ENTER).await;
    browser.wait_for("#ktw-share-url").await;
    let link = browser
        .in_widget(0, "return root.getElementById('ktw-share-url').value;")
        .await;
    let link = link.as_str().unwrap().to_string();
    assert!(link.contains("#ktw=ktw1."), "{link}");
    assert!(
        !link.split('#').next().unwrap().contains("ktw1"),
        "answers must not be in the query: {link}"
    );
    // Print: Enter on the Print button opens the print dialog (stood in for, since a headless
    // browser has none).
    browser
        .eval("window.__printed = 0; window.print = () => { window.__printed += 1; }; return true;")
        .await;
    browser.keyboard_to(0, "#ktw-print", 300).await;
    browser.press(ENTER).await;
    // The dialog opens once the printout (with its QR code) is drawn, a frame later.
    browser
        .wait_until("return window.__printed === 1;", "the print dialog opens")
        .await;
    let fresh = Browser::start().await;
    fresh.open(&link).await;
    fresh.wait_for("#ktw-results-heading").await;
    fresh.close().await;
    browser.screenshot("fit-results").await;
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn any_sign_of_risk_shows_the_crisis_panel_first() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    browser.click("#ktw-tab-fit").await;
    browser
        .wait_for("#ktw-self-harm-thoughts-yes-sometimes")
        .await;
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "yes-sometimes").await;
    page.next().await;
    browser.wait_for("#ktw-crisis-panel").await;
    let panel = browser.text_of("#ktw-crisis-panel").await;
    assert!(panel.contains("988") && panel.contains("911"), "{panel}");
    let links = browser
        .in_widget(0, "return [...root.querySelectorAll('#ktw-crisis-panel a')].map(a => a.getAttribute('href'));")
        .await;
    let links = links.to_string();
    assert!(
        links.contains("tel:988")
            && links.contains("tel:911")
            && links.contains("tel:+15550102030"),
        "{links}"
    );
    WidgetPage::first(&browser)
        .wait_until(
            "return root.activeElement.id === 'ktw-crisis-heading';",
            "focus on the crisis panel",
        )
        .await;
    audit(&browser, "crisis panel").await;
    browser.screenshot("crisis-panel").await;
    browser.click("#ktw-crisis-continue").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return !root.getElementById('ktw-crisis-panel');",
            "the person can continue",
        )
        .await;

    // PHQ-9 item 9 at 1 ("several days") shows it too, on a fresh start.
    let browser2 = Browser::start().await;
    browser2.open(&servers.page("basic.html")).await;
    WidgetPage::first(&browser2).open_fit_tab().await;
    let page = WidgetPage::first(&browser2);
    page.answer("self-harm-thoughts", "no").await;
    page.next().await;
    browser2.wait_for("#ktw-mood-start").await;
    browser2.click("#ktw-mood-start").await;
    for item in 1..=8 {
        let id = format!("#ktw-phq9-{item}-0");
        browser2.wait_for(&id).await;
        browser2.click(&id).await;
        browser2.click(".ktw-next").await;
    }
    browser2.wait_for("#ktw-phq9-9-1").await;
    browser2.click("#ktw-phq9-9-1").await;
    browser2.click(".ktw-next").await;
    browser2.wait_for("#ktw-crisis-panel").await;
    browser.close().await;
    browser2.close().await;
}

#[tokio::test]
async fn remembered_answers_survive_a_reload_and_clear_wipes_them() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    browser.click("#ktw-tab-fit").await;
    browser.wait_for("#ktw-remember").await;
    browser.click("#ktw-remember").await;
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "no").await;
    page.next().await;
    browser.wait_for("#ktw-mood-start").await;
    browser.client.refresh().await.unwrap();
    browser.open(&servers.page("basic.html")).await;
    browser.click("#ktw-tab-fit").await;
    browser.wait_for("#ktw-remember").await;
    let restored = browser
        .in_widget(0, "return [root.getElementById('ktw-remember').checked, !!root.querySelector('.ktw-fit-notice')];")
        .await;
    assert_eq!(
        restored,
        json!([true, true]),
        "remembering and a restored notice after reload"
    );
    let stored = browser
        .eval("return localStorage.getItem('ketamine-tms-widget');")
        .await;
    assert!(
        stored
            .as_str()
            .is_some_and(|s| s.contains("self-harm-thoughts")),
        "{stored}"
    );
    browser.click("#ktw-clear").await;
    browser.click("#ktw-clear-yes").await;
    browser
        .wait_until(
            "return localStorage.getItem('ketamine-tms-widget') === null;",
            "clear wipes storage",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_tampered_share_link_says_so_and_starts_fresh() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "no");
    let good = ketamine_tms_widget::fit::encode_fragment(&answers);
    let mut tampered = good.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == '0' { '1' } else { '0' });
    browser
        .open(&format!("{}#ktw={tampered}", servers.page("basic.html")))
        .await;
    browser.click("#ktw-tab-fit").await;
    browser.wait_for(".ktw-fit-notice").await;
    let notice = browser.text_of(".ktw-fit-notice").await;
    assert!(!notice.is_empty(), "a clear message for a tampered link");
    let checked = browser
        .in_widget(
            0,
            "return root.querySelectorAll('.ktw-fit input:checked').length;",
        )
        .await;
    assert_eq!(checked, json!(0), "a tampered link starts fresh");
    browser.close().await;
}
