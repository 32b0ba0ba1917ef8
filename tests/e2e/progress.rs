//! End-to-end check of the questionnaire's progress (issue 14, access fix 7): the number of
//! questions is said once, up front; choosing the mood check never stretches it ("Question 3
//! of 20" stays "of 20", the PHQ-9 items count inside the mood check); and the progress is read
//! with each new heading, since focus lands on the heading when a screen opens.

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// The focused heading's spoken text, the visible progress line, and whether screen readers
/// skip that line (it is read with the heading instead).
const HEARD: &str = "const h = root.activeElement; const line = root.querySelector('.ktw-progress');\
    return [h ? h.textContent.replace(/\\s+/g, ' ').trim() : '', line ? line.textContent.trim() : '',\
            line ? line.getAttribute('aria-hidden') : null];";

#[tokio::test]
async fn the_count_is_said_up_front_never_jumps_and_comes_with_each_heading() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let widget = WidgetPage::first(&browser);
    widget.open_fit_tab().await;
    let intro = widget
        .run("return root.querySelector('.ktw-fit-intro').textContent;")
        .await;
    assert!(
        intro
            .as_str()
            .unwrap()
            .contains("There are 20 short questions"),
        "{intro}"
    );

    widget.answer("self-harm-thoughts", "no").await;
    widget.next().await;
    widget
        .wait_until(
            "return root.activeElement && root.activeElement.id === 'ktw-mood-heading';",
            "the mood-check question",
        )
        .await;
    let heard = widget.run(HEARD).await;
    assert!(
        heard[0].as_str().unwrap().starts_with("Question 2 of 20: "),
        "the heading says where the person is: {heard}"
    );
    assert_eq!(heard[1], json!("Question 2 of 20"));
    assert_eq!(heard[2], json!("true"), "the line itself is not read twice");

    browser.click("#ktw-mood-start").await;
    widget
        .wait_until(
            "return root.activeElement && root.activeElement.id === 'ktw-question-heading';",
            "the first mood item",
        )
        .await;
    let heard = widget.run(HEARD).await;
    assert!(
        heard[0]
            .as_str()
            .unwrap()
            .starts_with("Mood check: question 1 of 9: "),
        "{heard}"
    );
    assert_eq!(heard[1], json!("Mood check: question 1 of 9"));
    browser.close().await;
}
