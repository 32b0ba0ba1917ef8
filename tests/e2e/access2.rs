//! End-to-end checks of the comparison's access fixes from issue 14, in use: the picker's
//! boxes always match what is compared, focus returns to the control that opened a source or
//! a definition, and the sticky table header never covers the focused control.

use crate::support::browser::{Browser, Servers};
use crate::support::engine;
use crate::support::widget_page::WidgetPage;
use serde_json::{json, Value};

const ESCAPE: char = '\u{E00C}';

/// Whether each picker box is ticked, the options in the table, and the notice's text.
async fn picker(browser: &Browser) -> Value {
    browser
        .in_widget(
            0,
            "return { ticked: Object.fromEntries([...root.querySelectorAll('.ktw-picker input')].map(i => [i.id, i.checked])),\
               columns: root.querySelectorAll('thead th.ktw-option-head').length,\
               notice: root.querySelector('.ktw-compare .ktw-notice').textContent.trim() };",
        )
        .await
}

#[tokio::test]
async fn the_picker_boxes_always_match_what_is_compared() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    // Watch the live region, so a repeated refusal can be seen to be announced again.
    browser
        .in_widget(
            0,
            "window.__ktwNoticeChanges = 0;\
             new MutationObserver(m => { window.__ktwNoticeChanges += m.length; })\
               .observe(root.querySelector('.ktw-compare .ktw-notice'), { childList: true, characterData: true, subtree: true });\
             return true;",
        )
        .await;

    // A fourth option is refused: its box is unticked again and the table keeps 3 columns.
    browser.click("#ktw-pick-itbs").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('.ktw-compare .ktw-notice').textContent.trim().length > 0;",
            "the notice about the limit",
        )
        .await;
    browser.next_task().await;
    let state = picker(&browser).await;
    assert_eq!(state["columns"], json!(3), "{state}");
    assert_eq!(
        state["ticked"]["ktw-pick-itbs"],
        json!(false),
        "a refused fourth box stays ticked: {state}"
    );
    assert!(state["notice"].as_str().unwrap().contains('3'), "{state}");

    // The same refusal again is announced again.
    let before = browser.eval("return window.__ktwNoticeChanges;").await;
    browser.click("#ktw-pick-itbs").await;
    browser.next_task().await;
    let after = browser.eval("return window.__ktwNoticeChanges;").await;
    assert_ne!(before, after, "a repeated refusal changes the live region");
    let state = picker(&browser).await;
    assert_eq!(state["ticked"]["ktw-pick-itbs"], json!(false), "{state}");

    // Down to two, then unticking one of the last two is refused: the box is ticked again.
    browser.click("#ktw-pick-tms").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelectorAll('thead th.ktw-option-head').length === 2;",
            "two columns",
        )
        .await;
    browser.click("#ktw-pick-esketamine").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('.ktw-compare .ktw-notice').textContent.trim().length > 0;",
            "the notice about the minimum",
        )
        .await;
    browser.next_task().await;
    let state = picker(&browser).await;
    assert_eq!(state["columns"], json!(2), "{state}");
    assert_eq!(state["ticked"]["ktw-pick-tms"], json!(false), "{state}");
    assert_eq!(
        state["ticked"]["ktw-pick-esketamine"],
        json!(true),
        "a refused unticked box stays unticked: {state}"
    );
    assert!(state["notice"].as_str().unwrap().contains('2'), "{state}");
    assert_eq!(browser.axe(0).await, Vec::<String>::new());
    browser.assert_no_errors().await;
    browser.close().await;
}

/// How many Escape presses reached the host page.
async fn escapes_heard(browser: &Browser) -> Value {
    browser.eval("return window.__ktwEscapes;").await
}

#[tokio::test]
async fn closing_a_source_or_a_definition_returns_focus_to_its_opener() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    browser
        .eval(
            "window.__ktwEscapes = 0;\
             document.addEventListener('keydown', e => { if (e.key === 'Escape') window.__ktwEscapes += 1; });\
             return true;",
        )
        .await;
    WidgetPage::first(&browser).open_every_section().await;
    let pairs = [
        (
            "tr.ktw-section-head button.ktw-cite",
            ".ktw-source",
            ".ktw-source .ktw-link-button",
        ),
        (
            "tr.ktw-row button.ktw-term",
            ".ktw-definition",
            ".ktw-definition .ktw-link-button",
        ),
    ];
    for (button, panel, close) in pairs {
        let opener = WidgetPage::first(&browser).opener_of(button).await;

        // Its close button.
        browser.click(&opener).await;
        browser.wait_for(panel).await;
        browser.click(close).await;
        WidgetPage::first(&browser).wait_gone(panel).await;
        browser.assert_focused(0, &opener).await;

        // Escape inside it.
        browser.click(&opener).await;
        browser.wait_for(panel).await;
        WidgetPage::first(&browser).focus(close).await;
        browser.press(ESCAPE).await;
        WidgetPage::first(&browser).wait_gone(panel).await;
        browser.assert_focused(0, &opener).await;

        // Escape on the button that opened it.
        browser.click(&opener).await;
        browser.wait_for(panel).await;
        WidgetPage::first(&browser).focus(&opener).await;
        browser.press(ESCAPE).await;
        WidgetPage::first(&browser).wait_gone(panel).await;
        browser.assert_focused(0, &opener).await;
        assert_eq!(
            escapes_heard(&browser).await,
            json!(0),
            "an Escape that closed something stays in the widget"
        );

        // With nothing open, Escape is the page's.
        browser.press(ESCAPE).await;
        browser.next_task().await;
        assert_eq!(escapes_heard(&browser).await, json!(1), "{button}");
        browser.eval("window.__ktwEscapes = 0; return true;").await;
    }
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_sticky_header_never_covers_the_focused_control() {
    if engine::Engine::current() == engine::Engine::WebKit {
        // The rule keys on `:focus-visible`, and WebKitGTK does not count WebDriver's keys as
        // keyboard use (the focus-ring checks of tests/e2e/embedding.rs meet the same limit).
        eprintln!("[webkit] skipped: the sticky header and keyboard focus (WebDriver keys do not count as keyboard use in this engine)");
        return;
    }
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(1280, 800).await;
    browser.open(&servers.page("basic.html")).await;
    WidgetPage::first(&browser).open_every_section().await;
    // From the first control after the table, back up through it to "Open all sections".
    WidgetPage::first(&browser)
        .focus(".ktw-combination button")
        .await;
    let check = "const a = root.activeElement; const head = root.querySelector('.ktw-table thead th');\
                 const h = head.getBoundingClientRect(); const r = a.getBoundingClientRect();\
                 const covered = !!a.closest('.ktw-table tbody') && r.top < h.bottom - 0.5 && r.bottom > h.top + 0.5;\
                 return { done: a.matches('.ktw-tools button'), covered, what: a.tagName + ' ' + (a.getAttribute('aria-label') || a.textContent).trim().slice(0, 40) + ' at ' + Math.round(r.top) + ', header ' + Math.round(h.top) + '..' + Math.round(h.bottom) };";
    let mut stops = 0;
    let mut covered = Vec::new();
    loop {
        browser.press_shifted('\u{E004}').await;
        let focus = browser.in_widget(0, check).await;
        if focus["done"] == json!(true) {
            break;
        }
        stops += 1;
        assert!(stops < 400, "Shift+Tab never reached the tools: {focus}");
        if focus["covered"] == json!(true) {
            covered.push(focus["what"].as_str().unwrap_or("").to_string());
        }
    }
    assert!(stops > 20, "only {stops} stops in the table");
    assert!(
        covered.is_empty(),
        "{} of {stops} Shift+Tab stops sit under the sticky header:\n{}",
        covered.len(),
        covered.join("\n")
    );
    browser.close().await;
}
