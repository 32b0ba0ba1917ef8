//! End-to-end tests of a script that never runs or runs early: the README's snippet from a CDN
//! that sends no CORS header leaves the fallback content inside the element on screen (and the
//! README says why, with the command for the SRI hash), and a synchronous script in `<head>`
//! still shows the fallback content under the failure message.

use crate::support::browser::{self, Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// The fallback content inside the first widget element of a page file, folded to one line.
fn fallback_of(page: &str) -> Option<String> {
    let start = page.find("<ketamine-tms-widget")?;
    let open_end = start + page[start..].find('>')? + 1;
    let close = page.find("</ketamine-tms-widget>")?;
    let inside = page.get(open_end..close)?;
    Some(inside.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[tokio::test]
async fn a_script_that_cannot_load_leaves_the_readmes_fallback_on_screen() {
    let readme = std::fs::read_to_string(browser::root().join("README.md")).unwrap();
    let page_file =
        std::fs::read_to_string(browser::root().join("tests/pages/cdn-blocked.html")).unwrap();
    let fallback = fallback_of(&page_file).expect("the page has a widget element");
    let folded: String = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        folded.contains(&fallback),
        "the README's snippet carries the fallback the test page uses: {fallback}"
    );
    for rule in [
        "Access-Control-Allow-Origin",
        "openssl dgst -sha384 -binary",
        "openssl base64 -A",
    ] {
        assert!(
            readme.contains(rule),
            "the README says {rule:?} next to the snippet"
        );
    }
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open_plain(&servers.page("cdn-blocked.html")).await;
    // The browser refuses the script (no Access-Control-Allow-Origin), so it never runs …
    browser
        .wait_until(
            "return document.readyState === 'complete';",
            "the page has loaded",
        )
        .await;
    assert_eq!(
        browser
            .eval("return typeof window.KetamineTmsWidget;")
            .await,
        json!("undefined")
    );
    // … and the element is not a blank box: its fallback shows, with the phone and 988.
    let shown = browser
        .eval(
            "const p = document.querySelector('ketamine-tms-widget p');\
             return { boxes: p.getClientRects().length, text: p.innerText };",
        )
        .await;
    assert_eq!(shown["boxes"], json!(1), "{shown}");
    let text = shown["text"].as_str().unwrap();
    assert!(
        text.contains("+1 555 010 2030") && text.contains("988"),
        "{text}"
    );
    browser.close().await;
}

#[tokio::test]
async fn a_synchronous_head_script_still_shows_the_fallback_under_the_failure_message() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open_plain(&servers.page("sync-head.html")).await;
    WidgetPage::first(&browser)
        .wait_until(
            "return !!root.querySelector('.ktw-failure');",
            "the failure message appears",
        )
        .await;
    // A light-DOM child is drawn only when a slot in the shadow root takes it.
    let fallback = browser
        .eval("return document.getElementById('fallback').getClientRects().length;")
        .await;
    assert_eq!(fallback, json!(1), "the fallback shows under the message");
    browser.close().await;
}
