//! End-to-end checks of four smaller access fixes (issue 14, item 10): a required question
//! says so before the person meets the error; "None of these" and "Not sure" say they clear
//! the other boxes (and do); the SURE score is announced when the fourth answer brings it;
//! and after "Change" → "Save and go back", focus returns to the changed row.

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

#[tokio::test]
async fn required_questions_say_so_before_the_error() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let widget = WidgetPage::first(&browser);
    widget.open_fit_tab().await;
    let said = widget
        .run(
            "const f = root.querySelector('.ktw-question'); const ids = (f.getAttribute('aria-describedby') || '').split(' ');\
             const hint = root.querySelector('.ktw-required');\
             return [hint ? hint.textContent : null, hint ? ids.includes(hint.id) : false, !!root.querySelector('.ktw-error')];",
        )
        .await;
    assert_eq!(
        said,
        json!(["This question needs an answer to go on.", true, false]),
        "the hint is there, and part of the question's description, before any error"
    );
    browser.close().await;
}

#[tokio::test]
async fn none_of_these_says_it_clears_the_other_boxes() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let widget = WidgetPage::first(&browser);
    widget.open_fit_tab().await;
    // Walk to the implants question, which has a "None of these".
    for _ in 0..30 {
        if widget.screen().await == "implants" {
            break;
        }
        widget
            .run("const first = root.querySelector('.ktw-answers-list input'); if (first && !first.checked) first.click(); return true;")
            .await;
        browser.next_task().await;
        widget
            .run("const next = root.querySelector('.ktw-question-step .ktw-next'); if (next) next.click();\
                  const skip = root.querySelector('#ktw-mood-skip'); if (skip) skip.click();\
                  const go = root.querySelector('#ktw-crisis-continue'); if (go) go.click(); return true;")
            .await;
        browser.next_task().await;
    }
    assert_eq!(widget.screen().await, "implants");
    let hints = widget
        .run("return [...root.querySelectorAll('.ktw-answer')].map(l => [l.getAttribute('for'), (l.querySelector('.ktw-exclusive-hint') || {}).textContent || null]);")
        .await;
    let hinted: Vec<&str> = hints
        .as_array()
        .unwrap()
        .iter()
        .filter(|pair| !pair[1].is_null())
        .map(|pair| pair[0].as_str().unwrap())
        .collect();
    assert_eq!(
        hinted,
        ["ktw-implants-none", "ktw-implants-not-sure"],
        "{hints}"
    );
    widget.answer("implants", "in-head").await;
    widget.answer("implants", "none").await;
    widget
        .wait_until(
            "return root.getElementById('ktw-implants-none').checked && !root.getElementById('ktw-implants-in-head').checked;",
            "None of these clears the other box",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn the_sure_score_is_announced_when_it_arrives() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "no");
    let link = format!(
        "{}#ktw={}",
        servers.page("basic.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
    crate::results_summary::open_part(&browser, "deciding").await;
    let widget = WidgetPage::first(&browser);
    let live = "const r = root.querySelector('.ktw-sure-live'); return r ? [r.getAttribute('role'), r.textContent.trim()] : null;";
    assert_eq!(
        widget.run(live).await,
        json!(["status", ""]),
        "the live region waits, empty, before the score"
    );
    for item in ["sure", "understand", "risk-benefit", "encouragement"] {
        browser.click(&format!("#ktw-sure-{item}-true")).await;
    }
    widget
        .wait_until(
            "const r = root.querySelector('.ktw-sure-live'); return r.textContent.includes('yes to 4 of 4');",
            "the score in the live region",
        )
        .await;
    browser.close().await;
}

#[tokio::test]
async fn after_changing_an_answer_focus_returns_to_its_row() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "no");
    answers.choose("relief-timing", "weeks");
    let link = format!(
        "{}#ktw={}",
        servers.page("basic.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
    browser.click("#ktw-edit-answers").await;
    browser.wait_for("#ktw-change-relief-timing").await;
    browser.click("#ktw-change-relief-timing").await;
    browser.wait_for("#ktw-relief-timing-days").await;
    browser.click("label[for='ktw-relief-timing-days']").await;
    browser.click(".ktw-next").await;
    browser.wait_for("#ktw-summary-heading").await;
    let widget = WidgetPage::first(&browser);
    widget
        .wait_until(
            "return root.activeElement && root.activeElement.id === 'ktw-change-relief-timing';",
            "focus on the changed row's Change button",
        )
        .await;
    browser.close().await;
}

/// Where the copy-link status is and what it says: its text, whether it sits in the results'
/// tools beside the Share button, and whether the notices at the top repeat it.
const COPY_STATUS: &str = "const s = root.querySelector('.ktw-copy-status');\
    const share = root.getElementById('ktw-share');\
    const notices = root.querySelector('.ktw-fit-notices');\
    return { text: s ? s.textContent.trim() : null, role: s ? s.getAttribute('role') : null,\
      beside: !!(s && share && s.closest('.ktw-fit-tools') && Math.abs(s.getBoundingClientRect().top - share.getBoundingClientRect().bottom) < 120),\
      in_notices: !!(notices && /copied|copiar|copió/i.test(notices.textContent)) };";

#[tokio::test]
async fn the_copy_link_status_shows_beside_its_button_and_never_goes_stale() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let answers = crate::results_summary::full_answers();
    let link = format!(
        "{}#ktw={}",
        servers.page("basic.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
    let widget = WidgetPage::first(&browser);
    let before = widget.run(COPY_STATUS).await;
    assert_eq!(
        (before["text"].clone(), before["role"].clone()),
        (json!(""), json!("status")),
        "an empty status region waits beside the button: {before}"
    );
    browser.click("#ktw-share").await;
    widget
        .wait_until(
            "const s = root.querySelector('.ktw-copy-status'); return !!s && s.textContent.trim() !== '';",
            "the copy status",
        )
        .await;
    let after = widget.run(COPY_STATUS).await;
    assert_eq!(
        after["beside"],
        json!(true),
        "beside the Share button: {after}"
    );
    assert_eq!(
        after["in_notices"],
        json!(false),
        "not repeated at the top: {after}"
    );
    // A changed answer makes the link stale, and its status goes with it.
    crate::results_summary::open_part(&browser, "deciding").await;
    browser.click("#ktw-leaning-ect").await;
    widget
        .wait_until(
            "const s = root.querySelector('.ktw-copy-status'); return !!s && s.textContent.trim() === '';",
            "the stale status clears",
        )
        .await;
    browser.close().await;
}
