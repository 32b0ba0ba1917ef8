//! End-to-end tests of the console and the API (one warning per bad value, the nearest name
//! for a typo, `scan()` after `unmount()`, `ktw-step` for the first question, details that do
//! not need `JSON.parse`) and of privacy from the page's own scripts (a closed shadow root, the
//! replay tools' "do not record" markers, and nothing of the answers in what a page can read).

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// The warnings the page logged that mention `text`.
fn warnings_about<'a>(log: &'a [String], text: &str) -> Vec<&'a String> {
    log.iter()
        .filter(|line| line.starts_with("warn:") && line.contains(text))
        .collect()
}

#[tokio::test]
async fn the_console_and_the_api_behave() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("hygiene.html")).await;
    // Both widgets have said they are ready (a loaded machine can be slow to start the second).
    browser
        .wait_until(
            "return (window.__ktwEvents || []).filter(e => e[0] === 'ktw-ready').length >= 2;",
            "both widgets are ready",
        )
        .await;
    // Details are objects even though the page replaced JSON.parse.
    let ready: Vec<_> = browser
        .events()
        .await
        .into_iter()
        .filter(|(name, _)| name == "ktw-ready")
        .map(|(_, detail)| detail)
        .collect();
    assert_eq!(ready.len(), 2, "{ready:?}");
    assert!(
        ready.iter().all(|detail| detail["lang"] == "en"),
        "{ready:?}"
    );
    // Typos get one warning each, with the nearest name; the page's own attributes none.
    let page = WidgetPage::by_id(&browser, "typos");
    for _ in 0..3 {
        browser
            .eval("const el = document.getElementById('typos'); el.setAttribute('phone', el.getAttribute('phone') === '555 0100' ? '555 0101' : '555 0100'); return true;")
            .await;
        browser.settle().await;
    }
    page.wait_until(
        "return root.querySelector('.ktw') !== null;",
        "the widget re-rendered",
    )
    .await;
    let log = browser.log().await;
    let clinic = warnings_about(&log, "`clinicname`");
    assert_eq!(clinic.len(), 1, "{log:#?}");
    assert!(clinic[0].contains("`clinic-name`"), "{clinic:?}");
    let booking = warnings_about(&log, "`booking-link`");
    assert_eq!(booking.len(), 1, "{log:#?}");
    assert!(booking[0].contains("`booking-url`"), "{booking:?}");
    assert_eq!(
        warnings_about(&log, "`accent`").len(),
        1,
        "a bad value warns once, not on every change: {log:#?}"
    );
    for own in ["`class`", "`title`", "`id`"] {
        assert!(warnings_about(&log, own).is_empty(), "{log:#?}");
    }
    // Opening the questionnaire reports its first question, so clinics can count starts.
    // The tab is clicked from the page: WebKit's driver runs its own click script through
    // JSON.parse, which this page has replaced.
    page.run("root.getElementById('ktw-tab-fit').click(); return true;")
        .await;
    browser
        .wait_until(
            "return window.__ktwEvents.some(e => e[0] === 'ktw-step');",
            "a ktw-step event",
        )
        .await;
    let steps: Vec<_> = browser
        .events()
        .await
        .into_iter()
        .filter(|(name, _)| name == "ktw-step")
        .map(|(_, detail)| detail)
        .collect();
    assert_eq!(
        steps[0]["question"],
        json!("self-harm-thoughts"),
        "{steps:?}"
    );
    assert_eq!(steps[0]["step"], json!(1), "{steps:?}");
    // A data- widget the page unmounted stays unmounted when the page scans again.
    let data = WidgetPage::by_id(&browser, "data");
    browser
        .eval("KetamineTmsWidget.unmount(document.getElementById('data')); KetamineTmsWidget.scan(); return true;")
        .await;
    browser.settle().await;
    assert_eq!(
        data.run("return root.querySelector('.ktw') === null;")
            .await,
        json!(true),
        "scan() did not mount it again"
    );
    // An explicit mount() still brings it back.
    browser
        .eval("KetamineTmsWidget.mount(document.getElementById('data')); return true;")
        .await;
    data.wait_live("mount() mounts it again").await;
    browser.close().await;
}

#[tokio::test]
async fn a_page_script_finds_nothing_of_the_answers() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("privacy.html")).await;
    let page = WidgetPage::first(&browser);
    page.walk_to_results("no", None).await;
    browser.click("#ktw-edit-answers").await;
    browser.wait_for("#ktw-summary-heading").await;
    // The answers in words, read through the test's own handle on the root.
    let answers = page
        .strings("return [...root.querySelectorAll('.ktw-answer-summary dd span')].map(s => s.innerText.trim()).filter(t => t.length > 8);")
        .await;
    assert!(answers.len() >= 5, "{answers:?}");
    let seen = browser.eval("return window.pageScriptSees();").await;
    assert_eq!(seen["hostRoot"], json!(true), "the shadow root is closed");
    let text = seen["text"].as_str().unwrap();
    for answer in &answers {
        assert!(
            !text.contains(answer.as_str()),
            "a page script can read {answer:?}"
        );
    }
    // The host carries the documented "do not record" markers.
    let markers = browser
        .eval("const h = document.querySelector('ketamine-tms-widget'); return [h.classList.contains('fs-exclude'), h.classList.contains('ph-no-capture'), h.hasAttribute('data-private'), h.getAttribute('data-clarity-mask') === 'true', h.classList.contains('sentry-block'), h.getAttribute('data-dd-privacy') === 'hidden'];")
        .await;
    assert_eq!(
        markers,
        json!([true, true, true, true, true, true]),
        "FullStory, PostHog, LogRocket, Clarity, Sentry, Datadog"
    );
    browser.close().await;
}
