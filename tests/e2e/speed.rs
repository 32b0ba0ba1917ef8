//! End-to-end tests of lazy start: a widget near the top starts at once, one far below the
//! fold keeps its placeholder and creates no instance until it is scrolled near (or the page
//! is idle), and then works; and a widget at the top of a page whose CSS reserves the room as
//! the README says moves nothing while it loads and draws, in every view. Speed itself is
//! measured by `cargo xtask bench`, not asserted.

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

/// The page below the widget before and after it draws: the placeholder's height, where the
/// clinic's text under it starts, and the window's height.
const ABOVE_FOLD: &str = "const host = document.getElementById('aid'); const after = document.getElementById('after');\
     return { host: Math.round(host.getBoundingClientRect().height), after: Math.round(after.getBoundingClientRect().top),\
              window: innerHeight, placeholder: !!root.querySelector('.ktw-loading'), live: !!root.querySelector('.ktw'),\
              shift: window.__shift };";

#[tokio::test]
async fn with_the_readmes_reserved_room_a_widget_at_the_top_moves_nothing_when_it_draws() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    for (width, height) in [(1280, 900), (375, 667)] {
        browser.set_width(width, height).await;
        for view in ["both", "fit", "compare"] {
            browser
                .open_plain(&format!("{}?view={view}", servers.page("above-fold.html")))
                .await;
            let page = WidgetPage::by_id(&browser, "aid");
            page.wait_until(
                "return !!root.querySelector('.ktw-loading');",
                "the placeholder shows",
            )
            .await;
            browser.settle().await;
            let before = page.run(ABOVE_FOLD).await;
            browser.eval("window.__release(); return true;").await;
            page.wait_live("the widget draws").await;
            browser.settle().await;
            let after = page.run(ABOVE_FOLD).await;
            let what = format!("{width} x {height}, view {view}: before {before}, after {after}");
            // The clinic's text under the widget starts below the window's bottom while the
            // widget loads and after it draws (no view is shorter than the reserved room).
            for state in [&before, &after] {
                assert!(
                    state["after"].as_i64() >= state["window"].as_i64(),
                    "the text under the widget is on screen: {what}"
                );
            }
            // Where the browser reports layout shifts (Chromium), there were none at all.
            if let Some(shift) = after["shift"].as_f64() {
                assert!(shift == 0.0, "the page shifted: {what}");
            }
        }
    }
    browser.close().await;
}
