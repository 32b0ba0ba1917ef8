//! End-to-end tests of crisis help in a real browser (the engine `KTW_BROWSER` names): the
//! arrow keys reach every answer of the two risk questions and the panel waits for Next;
//! "I might act on them" gets the urgent panel; a UK clinic's numbers replace the US ones in
//! every place, the failure message and the print view included; and no `ktw-*` event tells
//! the host page about a risk answer or the mood check unless the clinic sets `share-answers`.

use crate::support::browser::{Browser, Servers};
use crate::support::engine;
use crate::support::widget_page::{wait_until_every_widget, WidgetPage};
use serde_json::{json, Value};

const ENTER: char = '\u{E007}';

/// A script body (with `root` bound) returning the US crisis numbers found in `text` and in
/// every link's address under the element `selector`, as whole numbers.
fn us_numbers_in(selector: &str) -> String {
    format!(
        "const box = {selector};\
         if (!box) return ['nothing matched'];\
         const text = (box.innerText || box.textContent) + ' ' + [...box.querySelectorAll('a')].map(a => a.getAttribute('href')).join(' ');\
         return [...text.matchAll(/(?:^|[^0-9])(988|911)(?![0-9])/g)].map(m => m[1]);"
    )
}

/// Fails if the element `selector` (a JavaScript expression with `root` bound) shows a US
/// crisis number, or lacks one of `expected`.
async fn assert_uk_only(
    browser: &Browser,
    index: usize,
    selector: &str,
    expected: &[&str],
    place: &str,
) {
    let found = browser.in_widget(index, &us_numbers_in(selector)).await;
    assert_eq!(found, json!([]), "{place} shows a US crisis number");
    let text = browser
        .in_widget(
            index,
            &format!("const box = {selector}; return box.innerText || box.textContent;"),
        )
        .await;
    let text = text.as_str().unwrap_or("");
    for want in expected {
        assert!(text.contains(want), "{place} should show {want:?}:\n{text}");
    }
}

#[tokio::test]
async fn arrow_keys_reach_every_answer_and_next_opens_the_panel() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    WidgetPage::first(&browser).open_fit_tab().await;
    let answers = ["no", "yes-sometimes", "yes-often", "yes-now"];
    WidgetPage::first(&browser)
        .arrow_through("self-harm-thoughts", &answers, "yes-often")
        .await;
    browser.press(ENTER).await;
    browser.wait_for("#ktw-crisis-panel").await;
    let urgent = browser
        .in_widget(
            0,
            "return root.getElementById('ktw-crisis-panel').hasAttribute('data-urgent');",
        )
        .await;
    assert_eq!(urgent, json!(false), "\"often\" gets the calmer panel");
    browser.click("#ktw-crisis-continue").await;
    browser.wait_for("#ktw-mood-start").await;
    browser.click("#ktw-mood-start").await;
    for item in 1..=8 {
        let id = format!("#ktw-phq9-{item}-0");
        browser.wait_for(&id).await;
        browser.click(&id).await;
        browser.click(".ktw-next").await;
    }
    browser.wait_for("#ktw-phq9-9-0").await;
    WidgetPage::first(&browser)
        .arrow_through("phq9-9", &["0", "1", "2", "3"], "2")
        .await;
    browser.press(ENTER).await;
    browser.wait_for("#ktw-crisis-panel").await;
    browser.click("#ktw-crisis-continue").await;
    browser.wait_for("[data-question='relief-timing']").await;
    browser.click(".ktw-back").await;
    browser.wait_for("#ktw-phq9-9-2").await;
    assert_eq!(
        WidgetPage::first(&browser).chosen().await,
        json!("2"),
        "the answer stopped on is the one saved"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn might_act_on_them_gets_the_urgent_panel() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    browser.click("#ktw-tab-fit").await;
    browser.wait_for("#ktw-self-harm-thoughts-yes-now").await;
    browser.click("#ktw-self-harm-thoughts-yes-now").await;
    browser.next_task().await;
    assert_eq!(
        browser
            .in_widget(0, "return !!root.getElementById('ktw-crisis-panel');")
            .await,
        json!(false),
        "choosing an answer does not open the panel"
    );
    browser.click(".ktw-next").await;
    browser.wait_for("#ktw-crisis-panel[data-urgent]").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.activeElement.id === 'ktw-crisis-heading';",
            "focus on the urgent panel",
        )
        .await;
    let panel = browser
        .in_widget(
            0,
            "const p = root.getElementById('ktw-crisis-panel');\
             const links = [...p.querySelectorAll('a')].map(a => a.getAttribute('href'));\
             const button = p.querySelector('#ktw-crisis-continue');\
             const last = [...p.querySelectorAll('a')].pop();\
             return { text: p.innerText, links, button: button.innerText,\
               after: !!(last.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING),\
               lead: p.querySelector('h4').innerText + ' ' + p.querySelector('p').innerText };",
        )
        .await;
    let text = panel["text"].as_str().unwrap();
    for want in ["911", "emergency room", "alone", "988"] {
        assert!(
            text.contains(want),
            "the urgent panel says {want:?}:\n{text}"
        );
    }
    assert_eq!(
        panel["links"][0],
        json!("tel:911"),
        "the emergency number comes first: {panel}"
    );
    let links = panel["links"].to_string();
    assert!(
        links.contains("tel:988") && links.contains("tel:+15550102030"),
        "{links}"
    );
    assert_eq!(
        panel["after"],
        json!(true),
        "the way back comes after the help: {panel}"
    );
    let lead = panel["lead"].as_str().unwrap().to_lowercase();
    let button = panel["button"].as_str().unwrap().to_lowercase();
    assert!(
        !lead.contains("continue") && !button.contains("continue") && !lead.contains("keep going"),
        "the urgent panel never leads with carrying on: {panel}"
    );
    let axe = browser.axe(0).await;
    assert!(axe.is_empty(), "axe, urgent panel:\n{}", axe.join("\n"));
    browser.screenshot("crisis-urgent").await;

    // A milder answer keeps the calmer panel.
    browser.click("#ktw-crisis-continue").await;
    browser.wait_for("#ktw-mood-start").await;
    browser.click(".ktw-back").await;
    browser
        .wait_for("#ktw-self-harm-thoughts-yes-sometimes")
        .await;
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "yes-sometimes").await;
    page.next().await;
    browser.wait_for("#ktw-crisis-panel").await;
    let calm = browser
        .in_widget(0, "const p = root.getElementById('ktw-crisis-panel'); return [p.hasAttribute('data-urgent'), p.innerText];")
        .await;
    assert_eq!(calm[0], json!(false), "{calm}");
    assert!(
        calm[1]
            .as_str()
            .unwrap()
            .contains("Continue with the questions"),
        "{calm}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn a_uk_clinic_shows_no_us_number_anywhere() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("crisis-uk.html")).await;
    let log = browser.log().await;
    assert!(
        !log.iter()
            .any(|line| line.contains("crisis-line") || line.contains("emergency-number")),
        "{log:?}"
    );
    let whole = "root.querySelector('.ktw')";
    assert_uk_only(
        &browser,
        0,
        whole,
        &["116 123", "999"],
        "the comparison and footer",
    )
    .await;
    browser.click(".ktw-about > button").await;
    browser.wait_for("#ktw-about-panel").await;
    assert_uk_only(
        &browser,
        0,
        "root.getElementById('ktw-about-panel')",
        &["116 123"],
        "About",
    )
    .await;
    WidgetPage::first(&browser).open_fit_tab().await;
    assert_uk_only(
        &browser,
        0,
        "root.querySelector('.ktw-question-step')",
        &["999", "116 123"],
        "the first question's hint",
    )
    .await;
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "yes-sometimes").await;
    page.next().await;
    browser.wait_for("#ktw-crisis-panel").await;
    assert_uk_only(
        &browser,
        0,
        "root.getElementById('ktw-crisis-panel')",
        &["Samaritans", "116 123", "999"],
        "the crisis panel",
    )
    .await;
    browser.click("#ktw-crisis-continue").await;
    browser.wait_for("#ktw-mood-start").await;
    browser.click(".ktw-back").await;
    browser.wait_for("#ktw-self-harm-thoughts-yes-now").await;
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "yes-now").await;
    page.next().await;
    browser.wait_for("#ktw-crisis-panel").await;
    assert_uk_only(
        &browser,
        0,
        "root.getElementById('ktw-crisis-panel')",
        &["Samaritans", "116 123", "999"],
        "the urgent panel",
    )
    .await;
    // In Spanish too.
    browser
        .in_widget(
            0,
            "root.querySelector('.ktw-lang-button[lang=es]').click(); return true;",
        )
        .await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('.ktw').lang === 'es';",
            "Spanish",
        )
        .await;
    assert_uk_only(
        &browser,
        0,
        whole,
        &["116 123", "999"],
        "the Spanish urgent panel and footer",
    )
    .await;

    // The results, on screen and as printed.
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "yes-now");
    answers.choose("implants", "none");
    let link = format!(
        "{}#ktw={}",
        servers.page("crisis-uk.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    let results = Browser::start().await;
    results.open(&link).await;
    results.click("#ktw-tab-fit").await;
    results.wait_for("#ktw-crisis-continue").await;
    results.click("#ktw-crisis-continue").await;
    results.wait_for("#ktw-results-heading").await;
    assert_uk_only(
        &results,
        0,
        "root.querySelector('.ktw-results')",
        &["116 123", "999"],
        "the results",
    )
    .await;
    assert_uk_only(
        &results,
        0,
        "root.querySelector('.ktw-crisis-reminder')",
        &["999"],
        "the results reminder",
    )
    .await;
    if engine::chromium_only("the print view's visible text") {
        results
            .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await;
        assert_uk_only(&results, 0, whole, &["116 123", "999"], "the print view").await;
    }
    results.close().await;
    browser.assert_no_errors().await;
    browser.close().await;

    // The loader's own message, in a browser without WebAssembly, in English and Spanish.
    let failure = Browser::start().await;
    failure
        .client
        .goto(&servers.page("no-wasm-uk.html"))
        .await
        .unwrap();
    wait_until_every_widget(
        &failure,
        "return !!(root && root.querySelector('.ktw-failure'));",
        "the failure messages appear",
    )
    .await;
    for (index, want) in [(0, "needs a newer web browser"), (1, "navegador")] {
        assert_uk_only(
            &failure,
            index,
            "root.querySelector('.ktw-failure')",
            &[want, "Samaritans", "116 123", "999"],
            "the failure message",
        )
        .await;
    }
    failure.close().await;
}

/// Every `ktw-*` event the page heard, in order.
async fn every_event(browser: &Browser) -> Vec<Value> {
    browser.next_task().await;
    let events = browser.eval("return window.__ktwEveryEvent;").await;
    events.as_array().cloned().unwrap_or_default()
}

#[tokio::test]
async fn no_event_tells_the_page_about_risk_or_the_mood_check() {
    let servers = Servers::start();
    let mut runs = Vec::new();
    for (page, crisis, phq9) in [
        ("crisis.html", "yes-often", Some("1")),
        ("crisis.html", "no", None),
        ("crisis-share.html", "yes-often", Some("1")),
    ] {
        let browser = Browser::start().await;
        browser.open(&servers.page(page)).await;
        WidgetPage::first(&browser)
            .walk_to_results(crisis, phq9)
            .await;
        browser.eval("window.print = () => {}; return true;").await;
        browser.click("#ktw-print").await;
        runs.push(every_event(&browser).await);
        browser.close().await;
    }
    let (at_risk, not_at_risk, shared) = (&runs[0], &runs[1], &runs[2]);
    assert!(
        at_risk.iter().any(|event| event[0] == "ktw-step"),
        "the page hears step events: {at_risk:?}"
    );
    assert_eq!(
        at_risk, not_at_risk,
        "without share-answers, a person at risk who did the mood check and one who did neither send the same events"
    );
    let shared_text = serde_json::to_string(shared).unwrap();
    assert!(
        shared_text.contains("\"crisis\"") && shared_text.contains("phq9-9"),
        "with share-answers the page may hear them: {shared_text}"
    );
}
