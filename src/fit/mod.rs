//! The "which might fit me" engine: questionnaire answers in, an explained report out (pure Rust).
//!
//! The questionnaire itself (its questions, texts and safety flags) is content, in
//! [`crate::content::questionnaire`]; this module re-exports its types for the engine's users.
//! - [`answers`]: [`Answers`], what a person has said so far, and [`Questionnaire::sanitize`].
//! - [`digest`]: the short digest atop the results: flagging answers and top priorities.
//! - [`engine`]: [`assess`], the PHQ-9 score, the crisis check and the SURE check.
//! - [`flow`]: the questionnaire's navigation: its screens, their order, which are answered.
//! - [`risk`]: which answers need the crisis panel, and which need emergency help now.
//! - [`share`]: the URL-fragment share link.
//! - [`storage`]: the "remember my answers" state and its migrations.
//!
//! This module never names a web crate; it builds and tests natively, and a test enforces that.

pub mod answers;
pub mod digest;
pub mod engine;
pub mod flow;
pub mod risk;
pub mod share;
pub mod storage;

use std::cmp::Ordering;

pub use crate::content::questionnaire::flags::{Flag, FlagTable, Support, Topic, FLAGS_FILE};
pub use crate::content::questionnaire::{
    Choice, ChoiceId, Effect, EvidenceRef, LeaningText, Link, LinkKind, Phq9BandText, Phq9Text,
    Priority, PriorityId, Question, QuestionId, QuestionKind, Questionnaire, Section, SureItemText,
    SureText, Weight, CRISIS_NO_CHOICE, CRISIS_QUESTION, MAX_RATING, MAX_WEIGHT, PHQ9_ITEM9,
    PHQ9_ITEMS, QUESTIONS_DIR, TREATMENTS_TRIED_QUESTION,
};
pub use answers::{Answers, Leaning, SureAnswers};
pub use engine::{
    assess, needs_crisis_help, phq9, sure_check, Consideration, FitReport, OptionFit, Phq9Band,
    Phq9Result, PriorityCell, RatedPriority, SureResult,
};
pub use risk::{risk, risk_in, Risk, CRISIS_URGENT_CHOICE};
pub use share::{decode_answers, decode_fragment, encode_fragment, FragmentError, Restored};
pub use storage::{
    encode_stored, load_stored, DiscardReason, Phq9Record, StoredLoad, StoredState, STORAGE_VERSION,
};

/// Sorts `items` stably by `compare`, by insertion. The lists sorted here hold a few dozen
/// items at most, and the standard library's sort adds several KB of wasm for each type it
/// sorts.
pub(crate) fn sort_small_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 {
            let (Some(before), Some(current)) = (items.get(at - 1), items.get(at)) else {
                break;
            };
            if compare(before, current) != Ordering::Greater {
                break;
            }
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_small_by_is_stable() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_small_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
