//! The questionnaire's files as written: the words of a fixed set (section, kind, link kind) already
//! typed, since the first pass reports a wrong one with its line, and every id still a plain
//! string, so that `read` can check each one and name the question, choice or link it sits in.

use super::{LeaningText, LinkKind, Phq9Text, QuestionKind, Section, SureText};
use crate::content::evidence::Text;
use serde::Deserialize;
use std::collections::BTreeMap;

/// One part's file as written (`questions/….toml`): its questions, and whichever of the
/// shared tables it holds. It is read only for its shape, by the first pass: the second puts
/// the parts together as values ([`super::put_together`]) and reads them as one [`RawFile`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(super) struct RawPart {
    #[serde(default)]
    pub(super) phq9: Option<Phq9Text>,
    #[serde(default)]
    pub(super) sure: Option<SureText>,
    #[serde(default)]
    pub(super) leaning: Option<LeaningText>,
    #[serde(default)]
    pub(super) choice_sets: BTreeMap<String, Vec<RawChoice>>,
    #[serde(default)]
    pub(super) questions: Vec<RawQuestion>,
}

/// The parts put together, with every id still a plain string.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    pub(super) phq9: Phq9Text,
    pub(super) sure: SureText,
    pub(super) leaning: LeaningText,
    #[serde(default)]
    pub(super) choice_sets: BTreeMap<String, Vec<RawChoice>>,
    pub(super) questions: Vec<RawQuestion>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: String,
    /// The part the question is in: written by [`super::put_together`] from its file, never
    /// in the file itself.
    #[serde(default)]
    pub(super) section: Option<Section>,
    pub(super) kind: QuestionKind,
    #[serde(default)]
    pub(super) optional: bool,
    pub(super) text: Text,
    #[serde(default)]
    pub(super) help: Option<Text>,
    #[serde(default)]
    pub(super) choices: Vec<RawChoice>,
    /// The name of a shared list in `choice_sets`, used instead of `choices`.
    #[serde(default)]
    pub(super) choice_set: Option<String>,
    #[serde(default)]
    pub(super) priorities: Vec<RawPriority>,
    #[serde(default)]
    pub(super) rating_labels: Vec<Text>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChoice {
    pub(super) id: String,
    pub(super) label: Text,
    #[serde(default)]
    pub(super) score: Option<u8>,
    #[serde(default)]
    pub(super) exclusive: bool,
    #[serde(default)]
    pub(super) links: Vec<RawLink>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLink {
    pub(super) kind: LinkKind,
    pub(super) options: Vec<String>,
    pub(super) row: String,
    pub(super) text: Text,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPriority {
    pub(super) id: String,
    pub(super) label: Text,
    #[serde(default)]
    pub(super) help: Option<Text>,
    pub(super) weights: Vec<RawWeight>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWeight {
    pub(super) option: String,
    pub(super) weight: i64,
    pub(super) row: String,
    pub(super) reason: Text,
}
