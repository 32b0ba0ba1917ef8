//! End-to-end tests of the "which might fit me" questionnaire in a real browser (the engine
//! `KTW_BROWSER` names; `cargo xtask test` runs Chromium, Firefox and WebKit): the whole
//! journey by keyboard alone with axe-core on every kind of screen, the crisis panel for the
//! direct question and for PHQ-9 item 9, remembering across a reload, share links (good and
//! tampered), and the print view.

use crate::support::browser::{self, Browser, Servers};
use crate::support::widget_page::{pdf_page_count, WidgetPage};
use serde_json::{json, Value};

const ENTER: char = '\u{E007}';

async fn no_axe_violations(browser: &Browser, state: &str) {
    let violations = browser.axe(0).await;
    assert!(
        violations.is_empty(),
        "axe, {state}:\n{}",
        violations.join("\n")
    );
}

/// axe-core finds nothing and every target on screen is at least 24 × 24 px.
async fn audit(browser: &Browser, state: &str) {
    no_axe_violations(browser, state).await;
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
            browser
            .wait_until(
                &format!("const r = document.querySelector('ketamine-tms-widget').shadowRoot; return r.activeElement && r.activeElement.id === '{current}';"),
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
        browser
            .wait_until(
                &format!(
                    "const r = document.querySelector('ketamine-tms-widget').shadowRoot; const h = r.getElementById('{current}');\
                     return !h || r.activeElement !== h || {};",
                    if current == "ktw-question-heading" { "true" } else { "false" }
                ),
                "the next screen",
            )
            .await;
        browser.next_task().await;
    }
    let results = browser.text_of(".ktw-results").await;
    assert!(
        results.contains("not a recommendation"),
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
    assert_eq!(browser.eval("return window.__printed;").await, json!(1));
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
    browser.click("#ktw-self-harm-thoughts-yes-sometimes").await;
    browser.click(".ktw-next").await;
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
    browser
        .wait_until(
            "return document.querySelector('ketamine-tms-widget').shadowRoot.activeElement.id === 'ktw-crisis-heading';",
            "focus on the crisis panel",
        )
        .await;
    audit(&browser, "crisis panel").await;
    browser.screenshot("crisis-panel").await;
    browser.click("#ktw-crisis-continue").await;
    browser
        .wait_until("return !document.querySelector('ketamine-tms-widget').shadowRoot.getElementById('ktw-crisis-panel');", "the person can continue")
        .await;

    // PHQ-9 item 9 at 1 ("several days") shows it too, on a fresh start.
    let browser2 = Browser::start().await;
    browser2.open(&servers.page("basic.html")).await;
    browser2.click("#ktw-tab-fit").await;
    browser2.wait_for("#ktw-self-harm-thoughts-no").await;
    browser2.click("#ktw-self-harm-thoughts-no").await;
    browser2.click(".ktw-next").await;
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
    browser.click("#ktw-self-harm-thoughts-no").await;
    browser.click(".ktw-next").await;
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

#[tokio::test]
async fn printing_shows_the_summary_and_nothing_else() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "no");
    answers.choose("implants", "in-head");
    let link = format!(
        "{}#ktw={}",
        servers.page("index.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
    // The Print button opens the browser's print dialog (stood in for here, since a headless
    // browser has none) and tells the host page.
    browser
        .eval(
            "window.__printed = 0; window.print = () => { window.__printed += 1; };\
             window.__printEvents = 0; document.addEventListener('ktw-print', () => { window.__printEvents += 1; });\
             return true;",
        )
        .await;
    browser.click("#ktw-print").await;
    assert_eq!(browser.eval("return window.__printed;").await, json!(1));
    assert_eq!(
        browser.eval("return window.__printEvents;").await,
        json!(1),
        "a ktw-print event"
    );
    if !browser::chromium_only("the print layout and its page count") {
        browser.close().await;
        return;
    }
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let shown = browser
        .in_widget(
            0,
            "const visible = s => { const e = root.querySelector(s); return !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0; };\
             return { results: visible('#ktw-results-heading'), tabs: visible('.ktw-tabs'), compare: visible('.ktw-compare'), print: visible('#ktw-print'), page_heading: getComputedStyle(document.querySelector('h1')).display };",
        )
        .await;
    assert_eq!(
        shown,
        json!({ "results": true, "tabs": false, "compare": false, "print": false, "page_heading": "none" })
    );
    no_axe_violations(&browser, "print view").await;
    let pdf = browser
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    let pages = pdf_page_count(&pdf);
    assert!(
        (1..=2).contains(&pages),
        "the summary prints on 1–2 pages, not {pages}"
    );
    browser.close().await;
}

/// The grid of the results, read in the page: its options in order, whether it has its
/// caption and header scopes, and the whole results text.
const GRID: &str = "const g = root.querySelector('.ktw-grid'); if (!g) return null;\
    return { order: [...g.querySelectorAll('tbody tr')].map(r => r.dataset.option),\
             caption: !!g.querySelector('caption'),\
             cols: g.querySelectorAll('thead th[scope=col]').length,\
             rows: g.querySelectorAll('tbody th[scope=row]').length,\
             text: root.querySelector('.ktw-results').innerText };";

/// Each option's row at this width: the option's name, then each of its cells below it (stacked)
/// or beside it (a table row), and whether anything reaches past the widget.
const STACKED: &str = "const g = root.querySelector('.ktw-grid');\
    const box = root.host.getBoundingClientRect();\
    const rows = [...g.querySelectorAll('tbody tr')];\
    const stacked = rows.every(r => { const th = r.querySelector('th').getBoundingClientRect();\
        return [...r.querySelectorAll('td')].every(td => td.getBoundingClientRect().top >= th.bottom - 1); });\
    const inside = [...g.querySelectorAll('*')].every(e => { const r = e.getBoundingClientRect();\
        return r.width === 0 || (r.right <= box.right + 1 && r.left >= box.left - 1); });\
    const doc = document.documentElement;\
    return { stacked, inside, sideways: doc.scrollWidth > doc.clientWidth + 1 };";

#[tokio::test]
async fn the_priorities_grid_has_no_total_and_one_fixed_order() {
    use ketamine_tms_widget::content::OptionId;
    use ketamine_tms_widget::fit::{encode_fragment, Answers};
    let servers = Servers::start();
    let mut metal = Answers::default();
    metal.choose("self-harm-thoughts", "no");
    metal.choose("implants", "in-head");
    metal.rate("keep-driving", 3);
    let mut aneurysm = Answers::default();
    aneurysm.choose("self-harm-thoughts", "no");
    aneurysm.choose("heart-vessels", "aneurysm");
    aneurysm.rate("fast-relief", 3);
    let display: Vec<&str> = OptionId::ALL.iter().map(|option| option.as_str()).collect();
    let mut orders = Vec::new();
    for (name, answers) in [
        ("metal and driving", metal),
        ("aneurysm and fast relief", aneurysm),
    ] {
        // A fresh browser for each set: a link to the page already open only changes its fragment.
        let browser = Browser::start().await;
        browser
            .open(&format!(
                "{}#ktw={}",
                servers.page("index.html"),
                encode_fragment(&answers)
            ))
            .await;
        browser.wait_for("#ktw-results-heading").await;
        let grid = browser.in_widget(0, GRID).await;
        assert!(
            !grid.is_null(),
            "{name}: the results have no priorities grid"
        );
        let order: Vec<String> = serde_json::from_value(grid["order"].clone()).unwrap();
        assert_eq!(
            order, display,
            "{name}: the options keep their display order"
        );
        assert_eq!(grid["caption"], json!(true), "{name}: a caption");
        assert!(
            grid["cols"].as_u64().unwrap_or(0) >= 3,
            "{name}: column headers: {grid}"
        );
        assert_eq!(
            grid["rows"],
            json!(display.len()),
            "{name}: a row header per option"
        );
        let text = grid["text"].as_str().unwrap_or("").to_lowercase();
        for word in [
            "adds up",
            "total",
            "best for you",
            "top match",
            "first choice",
            "ranked",
        ] {
            assert!(!text.contains(word), "{name}: the results say `{word}`");
        }
        assert!(
            !text
                .as_bytes()
                .windows(2)
                .any(|p| p[0] == b'+' && p[1].is_ascii_digit()),
            "{name}: a signed score in the results"
        );
        no_axe_violations(&browser, &format!("the priorities grid, {name}")).await;
        browser
            .in_widget(
                0,
                "root.querySelector('.ktw-grid').scrollIntoView(); return true;",
            )
            .await;
        browser
            .screenshot(&format!("fit-grid-{}", orders.len()))
            .await;
        // At 320 px each option stacks, in the same order, and nothing scrolls sideways.
        browser.set_width(320, 800).await;
        browser.next_task().await;
        let narrow = browser.in_widget(0, STACKED).await;
        assert_eq!(
            narrow,
            json!({ "stacked": true, "inside": true, "sideways": false }),
            "{name} at 320 px"
        );
        let grid = browser.in_widget(0, GRID).await;
        assert_eq!(
            grid["order"],
            json!(display),
            "{name} at 320 px: the same order"
        );
        browser
            .assert_no_small_targets(0, &format!("the grid at 320 px, {name}"))
            .await;
        browser
            .in_widget(
                0,
                "root.querySelector('.ktw-grid').scrollIntoView(); return true;",
            )
            .await;
        browser
            .screenshot(&format!("fit-grid-320-{}", orders.len()))
            .await;
        // The print view shows the same grid, in the same order, without totals.
        if browser::chromium_only("the print view of the grid") {
            browser.set_width(1280, 900).await;
            browser
                .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
                .await;
            let printed = browser
                .in_widget(
                    0,
                    "const g = root.querySelector('.ktw-grid');\
                     return { shown: getComputedStyle(g).display !== 'none' && g.getClientRects().length > 0,\
                              order: [...g.querySelectorAll('tbody tr')].filter(r => r.getClientRects().length > 0).map(r => r.dataset.option),\
                              text: g.innerText.toLowerCase() };",
                )
                .await;
            assert_eq!(printed["shown"], json!(true), "{name}: the grid prints");
            assert_eq!(
                printed["order"],
                json!(display),
                "{name}: printed in display order"
            );
            let printed_text = printed["text"].as_str().unwrap_or("");
            assert!(!printed_text.contains("total") && !printed_text.contains("adds up"));
            let pdf = browser
                .client
                .print(fantoccini::wd::PrintConfiguration::default())
                .await
                .unwrap();
            let pages = pdf_page_count(&pdf);
            assert!(
                (1..=2).contains(&pages),
                "{name}: the summary with its grid prints on 1–2 pages, not {pages}"
            );
            browser
                .in_widget(
                    0,
                    "root.querySelector('.ktw-grid').scrollIntoView(); return true;",
                )
                .await;
            browser
                .screenshot(&format!("fit-grid-print-{}", orders.len()))
                .await;
        }
        orders.push(order);
        browser.close().await;
    }
    assert_eq!(
        orders[0], orders[1],
        "the same order for very different answers"
    );
}
