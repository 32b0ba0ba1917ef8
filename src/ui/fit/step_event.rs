//! What the `ktw-step` event may tell the host page about where the person is.
//!
//! Without `share-answers` the detail must be the same for a person at risk as for one who
//! is not, and the same whether or not they did the mood check: the step counts only the
//! screens everyone sees (the mood-check question counts, its nine items do not), the total
//! never changes, the nine items report `mood-check`, and the crisis panel is not a step.
//! A detail equal to the last one sent is not sent again, so the number of events does not
//! tell either. With `share-answers` the clinic has chosen to see answers, and the detail
//! names the screen itself: a PHQ-9 item, or `crisis` for the crisis panel.

use super::state::FitState;
use crate::fit::flow::Flow;
use crate::ui::events::WidgetEvent;

/// The `ktw-step` event for the screen `fit` shows now.
pub fn step_event(fit: &FitState, share_answers: bool) -> WidgetEvent {
    if share_answers {
        let (step, total) = fit.position().unwrap_or_else(|| {
            let total = fit.flow().steps().len();
            (total, total)
        });
        return WidgetEvent::StepChanged {
            step,
            total,
            question: fit.step_name(),
        };
    }
    // The screens everyone sees, whatever they answered: those of a person who has not
    // answered the mood-check question.
    let everyone = Flow {
        mood_check: None,
        ..fit.flow()
    };
    let base = everyone.steps();
    let total = base.len();
    let shown = everyone.seen_by_everyone(fit.step);
    let step = base
        .iter()
        .position(|candidate| *candidate == shown)
        .map_or(total, |index| index + 1);
    WidgetEvent::StepChanged {
        step,
        total,
        question: everyone.step_name(shown),
    }
}
