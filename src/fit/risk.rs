//! How urgent a sign of risk is: which answers need the crisis panel, and the one answer
//! ("Yes, and I might act on them") that needs emergency help now.

use super::answers::Answers;
use crate::content::questionnaire::{CRISIS_NO_CHOICE, CRISIS_QUESTION, PHQ9_ITEM9};

/// The answer to [`CRISIS_QUESTION`] that means imminent risk.
pub const CRISIS_URGENT_CHOICE: &str = "yes-now";

/// How much help an answer asks for, from none to emergency help now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    None,
    /// Thoughts of death or self-harm: the crisis panel, with a way to carry on.
    Concern,
    /// The person might act on them: the urgent panel, emergency help first.
    Urgent,
}

/// The risk shown by the answer to `question` alone: only the direct question and PHQ-9
/// item 9 show any. Unknown answers count as a concern.
pub fn risk_in(answers: &Answers, question: &str) -> Risk {
    let safe = match question {
        CRISIS_QUESTION => CRISIS_NO_CHOICE,
        PHQ9_ITEM9 => "0",
        _ => return Risk::None,
    };
    answers
        .selected(question)
        .iter()
        .map(|choice| match choice.as_str() {
            id if id == safe => Risk::None,
            CRISIS_URGENT_CHOICE if question == CRISIS_QUESTION => Risk::Urgent,
            _ => Risk::Concern,
        })
        .max()
        .unwrap_or(Risk::None)
}

/// The highest risk any answer shows.
pub fn risk(answers: &Answers) -> Risk {
    risk_in(answers, CRISIS_QUESTION).max(risk_in(answers, PHQ9_ITEM9))
}
