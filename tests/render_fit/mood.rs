//! The mood check over time: a device that remembers the answers and two PHQ-9 scores shows
//! them as a chart and a table once the mood section of the results is opened.

use super::{config, persona, phq9_item9, render_open_results, Page};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::fit::{encode_stored, StoredState};

/// A page whose device remembers the persona's answers and two PHQ-9 scores.
pub(super) fn remembered_mood_page() -> Page {
    Page {
        stored: Some(encode_stored(&{
            let mut state = StoredState {
                remember: true,
                answers: {
                    let mut answers = persona();
                    for (question, choices) in &phq9_item9("0").choices {
                        answers.choices.insert(question.clone(), choices.clone());
                    }
                    answers
                },
                ..StoredState::default()
            };
            state.record_phq9("2026-10-01", 18);
            state.record_phq9("2026-11-01", 8);
            state
        })),
        ..Page::default()
    }
}

#[tokio::test]
async fn remembered_mood_scores_show_as_a_chart_and_table_once_opened() {
    let html = render_open_results(
        &remembered_mood_page(),
        config(&[("view", "fit")]),
        Lang::En,
    )
    .await;
    for text in [
        "Your mood check scores over time",
        "class=\"ktw-mood-svg\"",
        "role=\"img\"",
        "October 1, 2026: 18, November 1, 2026: 8",
        "ktw-mood-table",
    ] {
        assert!(
            html.contains(text),
            "the opened mood section lacks `{text}`"
        );
    }
}
