//! End-to-end check of issue 14's access item 5: at 320 px, with WCAG 1.4.12 text spacing
//! (line height 1.5, letter spacing 0.12 em, word spacing 0.16 em, paragraph spacing 2 em),
//! every rating pill of the priorities question stays inside its card and no label is cut.

use crate::results_summary::{full_answers, open_results};
use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;

/// WCAG 1.4.12's text spacing, applied inside the widget as a reader's style sheet would.
const TEXT_SPACING: &str = "const s = document.createElement('style');\
    s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';\
    root.appendChild(s); return true;";

/// Every rating pill that reaches outside its card, and every label cut off by its box.
const PILLS_OUTSIDE: &str = "const problems = [];\
    for (const card of root.querySelectorAll('.ktw-priority')) {\
      const box = card.getBoundingClientRect();\
      for (const pill of card.querySelectorAll('.ktw-rating')) {\
        const r = pill.getBoundingClientRect();\
        const name = pill.textContent.trim();\
        if (r.right > box.right + 1 || r.left < box.left - 1) problems.push('outside its card: ' + name + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' vs ' + Math.round(box.left) + '..' + Math.round(box.right));\
        for (const e of [pill, ...pill.querySelectorAll('*')]) {\
          if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') problems.push('cut off: ' + name);\
          const inner = e.getBoundingClientRect();\
          if (inner.right > r.right + 1) problems.push('text past its pill: ' + name);\
        }\
      }\
    }\
    return problems.slice(0, 12);";

#[tokio::test]
async fn the_priorities_fit_at_320_px_with_wcag_text_spacing() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(320, 800).await;
    open_results(&browser, &servers, &full_answers()).await;
    browser.click("#ktw-edit-answers").await;
    browser.wait_for("#ktw-change-priorities").await;
    browser.click("#ktw-change-priorities").await;
    browser.wait_for(".ktw-priority .ktw-rating").await;
    let widget = WidgetPage::first(&browser);
    widget.run(TEXT_SPACING).await;
    browser.next_task().await;
    let problems = widget.strings(PILLS_OUTSIDE).await;
    assert!(
        problems.is_empty(),
        "{} px wide with text spacing:\n{}",
        browser.eval("return window.innerWidth;").await,
        problems.join("\n")
    );
    browser.close().await;
}
