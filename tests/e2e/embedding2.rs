//! End-to-end tests of two strict hosts: a site builder's sandboxed frame (`allow-scripts`
//! only), where the questionnaire must work without form submission and the results say what
//! the frame stops, and a page that requires Trusted Types, where the widget must draw with no
//! HTML string sink, and a failure after WebAssembly started must be reported as `internal`.

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

const ENTER: char = '\u{E007}';

#[tokio::test]
async fn in_a_sandboxed_frame_the_questionnaire_works_and_says_what_the_frame_stops() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open_plain(&servers.page("sandbox.html")).await;
    browser.enter_frame(0).await;
    let page = WidgetPage::first(&browser);
    page.wait_live("the widget draws inside the sandboxed frame")
        .await;
    assert_eq!(
        browser.eval("return [self.origin, location.href];").await,
        json!(["null", "about:srcdoc"]),
        "the frame is sandboxed, with an opaque origin and no address"
    );
    // Enter on a picked answer goes on, as it did when the question was a form.
    page.open_fit_tab().await;
    page.answer("self-harm-thoughts", "no").await;
    page.wait_chosen("no").await;
    page.focus("#ktw-self-harm-thoughts-no").await;
    browser.press(ENTER).await;
    page.wait_until(
        "return !root.querySelector('[data-question=\"self-harm-thoughts\"]');",
        "Enter on an answer goes to the next question",
    )
    .await;
    // Next and Show results are buttons, so the whole questionnaire works without allow-forms.
    browser.click(".ktw-back").await;
    browser.wait_for("#ktw-self-harm-thoughts-no").await;
    page.walk_to_results("no", None).await;
    let note = page
        .run("const n = root.querySelector('.ktw-frame-note'); return n ? n.innerText : '';")
        .await;
    let note = note.as_str().unwrap();
    for expected in [
        "locked frame",
        "Print may not work here",
        "no web address of its own",
        "https://example.org/book",
    ] {
        assert!(
            note.contains(expected),
            "the results say {expected:?}: {note}"
        );
    }
    // "Copy a link" does not copy an about:srcdoc link, and says so.
    browser.click("#ktw-share").await;
    page.wait_until(
        "return [...root.querySelectorAll('.ktw-copy-status')].some(p => p.innerText.includes('could not copy'));",
        "the widget says the link was not copied",
    )
    .await;
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn on_a_page_that_requires_trusted_types_the_widget_draws_without_html_sinks() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("trusted-types.html")).await;
    let page = WidgetPage::first(&browser);
    let drawn = page
        .run("return { failed: !!root.querySelector('.ktw-failure'), tabs: !!root.querySelector('#ktw-tab-fit') };")
        .await;
    assert_eq!(
        drawn,
        json!({ "failed": false, "tabs": true }),
        "the widget draws, not its failure message"
    );
    // The questionnaire answers and moves on under the policy too.
    page.open_fit_tab().await;
    page.answer("self-harm-thoughts", "no").await;
    page.next().await;
    page.wait_gone("[data-question=\"self-harm-thoughts\"]")
        .await;
    let errors: Vec<_> = browser
        .events()
        .await
        .into_iter()
        .filter(|(name, _)| name == "ktw-error")
        .collect();
    assert!(errors.is_empty(), "no ktw-error: {errors:?}");
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn a_failure_after_webassembly_started_is_reported_as_internal() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("draw-fails.html")).await;
    WidgetPage::first(&browser)
        .wait_until(
            "return !!root.querySelector('.ktw-failure');",
            "the failure message appears",
        )
        .await;
    let reasons: Vec<_> = browser
        .events()
        .await
        .into_iter()
        .filter(|(name, _)| name == "ktw-error")
        .map(|(_, detail)| detail["reason"].clone())
        .collect();
    assert_eq!(reasons, vec![json!("internal")], "not a WebAssembly reason");
    let log = browser.log().await;
    assert!(
        log.iter().any(|line| line.contains("could not draw")
            && line.contains("getAttributeNames")
            && !line.contains("WebAssembly could not start")),
        "{log:#?}"
    );
    browser.close().await;
}
