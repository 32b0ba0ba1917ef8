//! What the `ktw-step` event may tell the host page about where the person is.
//!
//! Without `share-answers` the detail must be the same for a person at risk as for one who
//! is not, and the same whether or not they did the mood check: the step counts only the
//! screens everyone sees (the mood-check question counts, its nine items do not), the total
//! never changes, the nine items report `mood-check`, and the crisis panel is not a step.
//! A detail equal to the last one sent is not sent again, so the number of events does not
//! tell either. With `share-answers` the clinic has chosen to see answers, and the detail
//! names the screen itself: a PHQ-9 item, or `crisis` for the crisis panel.

use super::state::{FitState, Step};
use crate::fit::Section;
use crate::ui::events::WidgetEvent;

/// The `ktw-step` event for the screen `fit` shows now.
pub fn step_event(fit: &FitState, share_answers: bool) -> WidgetEvent {
    if share_answers {
        let (step, total) = fit.position().unwrap_or_else(|| {
            let total = fit.steps().len();
            (total, total)
        });
        return WidgetEvent::StepChanged {
            step,
            total,
            question: fit.step_name(),
        };
    }
    // The screens everyone sees, whatever they answered.
    let questions = &fit.questionnaire().questions;
    let mut base: Vec<Step> = Vec::new();
    for (index, question) in questions.iter().enumerate() {
        if question.section == Section::Mood {
            if !base.contains(&Step::MoodGate) {
                base.push(Step::MoodGate);
            }
        } else {
            base.push(Step::Question(index));
        }
    }
    let total = base.len();
    let shown = match fit.step {
        Step::Question(index)
            if questions
                .get(index)
                .is_some_and(|question| question.section == Section::Mood) =>
        {
            Step::MoodGate
        }
        step => step,
    };
    let step = base
        .iter()
        .position(|candidate| *candidate == shown)
        .map_or(total, |index| index + 1);
    let question = match shown {
        Step::Question(index) => questions
            .get(index)
            .map(|question| question.id.to_string())
            .unwrap_or_default(),
        Step::MoodGate => "mood-check".to_string(),
        Step::Summary => "summary".to_string(),
        Step::Results => "results".to_string(),
    };
    WidgetEvent::StepChanged {
        step,
        total,
        question,
    }
}
