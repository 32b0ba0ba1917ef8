//! The short digest at the top of the results and the printout: which answers call for a talk
//! with the clinician and which options they concern, and the person's top priorities.
//!
//! It only regroups what [`FitReport`](super::FitReport) already holds; it ranks no option.

use super::engine::{FitReport, RatedPriority};
use super::{ChoiceId, QuestionId};
use crate::content::OptionId;

/// How many priorities the digest names.
pub const TOP_PRIORITIES: usize = 3;

/// One answer that raised a safety flag, and every shown option it concerns, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlaggedAnswer {
    pub question: QuestionId,
    pub choice: ChoiceId,
    pub options: Vec<OptionId>,
}

/// The answers that raised a flag on any option that `shows`, in the order they were first met
/// (options in display order, each option's flags in question order), each listed once.
pub fn flagged_answers(report: &FitReport, shows: impl Fn(OptionId) -> bool) -> Vec<FlaggedAnswer> {
    let mut answers: Vec<FlaggedAnswer> = Vec::new();
    for fit in report.options.iter().filter(|fit| shows(fit.option)) {
        for flag in &fit.flags {
            let known = answers
                .iter_mut()
                .find(|answer| answer.question == flag.question && answer.choice == flag.choice);
            match known {
                Some(answer) if !answer.options.contains(&fit.option) => {
                    answer.options.push(fit.option);
                }
                Some(_) => {}
                None => answers.push(FlaggedAnswer {
                    question: flag.question.clone(),
                    choice: flag.choice.clone(),
                    options: vec![fit.option],
                }),
            }
        }
    }
    answers
}

/// The person's highest-rated priorities, at most [`TOP_PRIORITIES`]: the highest rating first,
/// and priorities rated the same in the order the questionnaire lists them.
pub fn top_priorities(report: &FitReport) -> Vec<RatedPriority> {
    let mut rated = report.priorities.clone();
    // A stable sort keeps the questionnaire's order among equal ratings.
    rated.sort_by_key(|rated| std::cmp::Reverse(rated.rating));
    rated.truncate(TOP_PRIORITIES);
    rated
}
