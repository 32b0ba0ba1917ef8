//! End-to-end check of "Clear my answers" (issue 14, access fix 6): one keypress no longer
//! wipes everything. The button asks "Clear all your answers?" with focus on "Keep my
//! answers"; Keep and Escape leave every answer and the stored copy in place and return focus
//! to the button; only "Yes, clear them" clears.

use crate::support::browser::{Browser, Servers};
use serde_json::json;

const ENTER: char = '\u{E007}';
const ESCAPE: char = '\u{E00C}';

/// Whether the first question is answered, and what is stored on the device.
const ANSWERED: &str = "const checked = root.querySelector('.ktw-question input:checked');\
    return [!!checked, localStorage.getItem('ketamine-tms-widget') !== null];";

#[tokio::test]
async fn clearing_the_answers_asks_first_and_keeps_them_by_default() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("index.html")).await;
    browser.eval("localStorage.clear(); return true;").await;
    browser.click("#ktw-tab-fit").await;
    browser.click("#ktw-remember").await;
    browser
        .click("label[for='ktw-self-harm-thoughts-no']")
        .await;
    browser
        .wait_until(
            "return localStorage.getItem('ketamine-tms-widget') !== null;",
            "the answer is remembered",
        )
        .await;

    // Enter on the button only asks, and focus goes to the safe answer. The keyboard journey
    // starts at the question's heading, as after Next.
    browser
        .in_widget(
            0,
            "root.getElementById('ktw-question-heading').focus(); return true;",
        )
        .await;
    browser.tab_to(0, "#ktw-clear", 60).await;
    browser.press(ENTER).await;
    browser.wait_for("#ktw-clear-keep").await;
    browser.assert_focused(0, "#ktw-clear-keep").await;
    assert_eq!(browser.in_widget(0, ANSWERED).await, json!([true, true]));
    let named = browser
        .in_widget(0, "const g = root.querySelector('.ktw-clear-confirm');\
                       return [g.getAttribute('role'), root.getElementById(g.getAttribute('aria-labelledby')).textContent];")
        .await;
    assert_eq!(named[0], json!("group"));
    assert!(
        named[1].as_str().unwrap().contains("cannot be undone"),
        "{named}"
    );

    // Escape keeps the answers and returns to the button.
    browser.press(ESCAPE).await;
    browser.wait_for("#ktw-clear").await;
    browser.assert_focused(0, "#ktw-clear").await;
    assert_eq!(browser.in_widget(0, ANSWERED).await, json!([true, true]));

    // So does "Keep my answers".
    browser.press(ENTER).await;
    browser.wait_for("#ktw-clear-keep").await;
    browser.press(ENTER).await;
    browser.wait_for("#ktw-clear").await;
    browser.assert_focused(0, "#ktw-clear").await;
    assert_eq!(browser.in_widget(0, ANSWERED).await, json!([true, true]));

    // Only "Yes, clear them" clears, here and on the device.
    browser.click("#ktw-clear").await;
    browser.click("#ktw-clear-yes").await;
    browser
        .wait_until(
            "return localStorage.getItem('ketamine-tms-widget') === null;",
            "clearing wipes the stored copy",
        )
        .await;
    assert_eq!(browser.in_widget(0, ANSWERED).await, json!([false, false]));
    let violations = browser.axe(0).await;
    assert!(violations.is_empty(), "{violations:#?}");
    browser.close().await;
}
