//! The "which might fit me" engine: questionnaire answers in, an explained report out (pure Rust).
//!
//! - [`model`]: the questionnaire read from `questions.toml` and validated into [`Questionnaire`].
//! - [`answers`]: [`Answers`], what a person has said so far, and [`Questionnaire::sanitize`].
//! - [`engine`]: [`assess`], the PHQ-9 score, the crisis check and the SURE check.
//! - [`share`]: the URL-fragment share link.
//! - [`storage`]: the "remember my answers" state and its migrations.
//!
//! This module never names a web crate; it builds and tests natively, and a test enforces that.

pub mod answers;
pub mod engine;
pub mod model;
pub mod share;
pub mod storage;

pub use answers::{Answers, Leaning, SureAnswers};
pub use engine::{
    assess, needs_crisis_help, phq9, sure_check, Consideration, FitReport, OptionFit, Phq9Band,
    Phq9Result, PriorityReason, PriorityWeight, SureResult,
};
pub use model::{
    Choice, ChoiceId, EvidenceRef, LeaningText, Link, LinkKind, Phq9BandText, Phq9Text, Priority,
    PriorityId, Question, QuestionId, QuestionKind, Questionnaire, Section, SureItemText, SureText,
    Weight, CRISIS_NO_CHOICE, CRISIS_QUESTION, MAX_RATING, MAX_WEIGHT, PHQ9_ITEM9, PHQ9_ITEMS,
    QUESTIONS_FILE,
};
pub use share::{decode_answers, decode_fragment, encode_fragment, FragmentError, Restored};
pub use storage::{
    encode_stored, load_stored, DiscardReason, Phq9Record, StoredLoad, StoredState, STORAGE_VERSION,
};
