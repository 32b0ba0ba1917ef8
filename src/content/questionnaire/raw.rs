//! `questions.toml` as written: the words of a fixed set (section, kind, link kind) already
//! typed, since the first pass reports a wrong one with its line, and every id still a plain
//! string, so that `read` can check each one and name the question, choice or link it sits in.

use super::{LeaningText, LinkKind, Phq9Text, QuestionKind, Section, SureText};
use crate::content::evidence::Text;
use serde::Deserialize;
use std::collections::BTreeMap;

/// The file as written, with every id still a plain string.
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
    pub(super) section: Section,
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
