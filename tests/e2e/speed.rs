//! End-to-end tests of lazy start: a widget near the top starts at once, one far below the
//! fold keeps its placeholder and creates no instance until it is scrolled near (or the page
//! is idle), and then works. Speed itself is measured by `cargo xtask bench`, not asserted.

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// The far widget's state: whether its app has drawn (`.ktw`) or it still shows the loader's
/// placeholder, and how tall it is (a script body with `root` bound to its shadow root).
const FAR_STATE: &str = "return { live: !!root.querySelector('.ktw'), placeholder: !!root.querySelector('.ktw-loading'),\
              height: Math.round(document.getElementById('far').getBoundingClientRect().height) };";

/// Waits until the loader has run and the widget near the top is live.
async fn open_far_page(browser: &Browser, url: &str) {
    browser.open_plain(url).await;
    WidgetPage::by_id(browser, "near")
        .wait_until(
            "return !!(window.KetamineTmsWidget && window.KetamineTmsWidget.version\
                       && root && root.querySelector('.ktw'));",
            "the widget near the top is live",
        )
        .await;
}

#[tokio::test]
async fn a_far_widget_waits_until_scrolled_near_then_works() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    // `idle=off` makes the page set the loader's documented `startWhen: "near"`, so only
    // scrolling can start the far widget and nothing here depends on when the page is idle.
    open_far_page(&browser, &format!("{}?idle=off", servers.page("far.html"))).await;
    browser.settle().await;
    let before = WidgetPage::by_id(&browser, "far").run(FAR_STATE).await;
    assert_eq!(
        before["live"],
        json!(false),
        "the far widget started before it was near the viewport: {before}"
    );
    assert_eq!(
        before["placeholder"],
        json!(true),
        "the far widget shows its placeholder until it starts: {before}"
    );
    let ready_events = browser
        .eval("return window.__ktwEvents.filter(e => e[0] === 'ktw-ready').length;")
        .await;
    assert_eq!(ready_events, json!(1), "only the near widget is ready");
    // Scroll to 500 px above the far widget: not on screen yet, but within the 1000 px margin.
    browser
        .eval(
            "const far = document.getElementById('far');\
             window.scrollTo(0, far.getBoundingClientRect().top + window.scrollY - window.innerHeight - 500);",
        )
        .await;
    WidgetPage::by_id(&browser, "far")
        .wait_until(
            "return !!root.querySelector('.ktw');",
            "the far widget starts once scrolled near",
        )
        .await;
    browser
        .eval("document.getElementById('far').scrollIntoView();")
        .await;
    // A real click in the far widget: untick standard TMS, and its column leaves the table.
    let far = WidgetPage::by_id(&browser, "far");
    let heads = "root.querySelectorAll('thead th.ktw-option-head').length";
    let columns = far.run(&format!("return {heads};")).await.as_u64().unwrap();
    let index = browser
        .eval("return [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')].indexOf(document.getElementById('far'));")
        .await
        .as_u64()
        .unwrap() as usize;
    browser
        .widget_element(index, "#ktw-pick-tms")
        .await
        .click()
        .await
        .unwrap();
    far.wait_until(
        &format!("return {heads} !== {columns};"),
        "the click in the far widget changes its comparison",
    )
    .await;
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn a_far_widget_starts_at_idle_without_scrolling() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    open_far_page(&browser, &servers.page("far.html")).await;
    // The loader starts a far widget at idle 5 s after the load event, 8 s at most: well inside
    // this wait's 15 s.
    WidgetPage::by_id(&browser, "far")
        .wait_until(
            "return !!root.querySelector('.ktw');",
            "the far widget starts when the page is idle",
        )
        .await;
    let scrolled = browser.eval("return window.scrollY;").await;
    assert_eq!(scrolled, json!(0), "nothing scrolled the page");
    browser.assert_no_errors().await;
    browser.close().await;
}
