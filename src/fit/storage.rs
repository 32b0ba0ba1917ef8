//! What "remember my answers on this device" keeps, and how older stored data is read back.
//!
//! The UI hands the raw stored text to [`load_stored`] and gets a [`StoredLoad`]: nothing, the
//! current state, a state migrated from an older version, or a discard with a plain reason.
//! Nothing stored can make it panic.
//!
//! Versions: **v0** was a plain JSON object of question id → choice id (or list of choice ids),
//! with no `version` field. **v1** is [`StoredState`].

use super::answers::Answers;
use crate::content::questionnaire::{ChoiceId, QuestionId, Questionnaire};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The storage version this build writes.
pub const STORAGE_VERSION: u32 = 1;

/// The most PHQ-9 results kept; the oldest go first.
pub const MAX_PHQ9_HISTORY: usize = 100;

/// One completed PHQ-9, for the mood-over-time chart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phq9Record {
    /// The day it was completed, `YYYY-MM-DD`.
    pub date: String,
    /// The total score, 0–27.
    pub total: u8,
}

/// Everything kept on the device when the person opts in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredState {
    pub version: u32,
    /// Whether the person chose "remember my answers on this device".
    pub remember: bool,
    #[serde(default)]
    pub answers: Answers,
    /// Completed PHQ-9 totals by date, oldest first, one per day.
    #[serde(default)]
    pub phq9_history: Vec<Phq9Record>,
}

impl Default for StoredState {
    fn default() -> Self {
        StoredState {
            version: STORAGE_VERSION,
            remember: false,
            answers: Answers::default(),
            phq9_history: Vec::new(),
        }
    }
}

impl StoredState {
    /// Records a completed PHQ-9; a second result on the same day replaces the first.
    /// Returns false (and keeps nothing) for a malformed date or a total above 27.
    pub fn record_phq9(&mut self, date: &str, total: u8) -> bool {
        if !is_iso_date(date) || total > 27 {
            return false;
        }
        self.phq9_history.retain(|record| record.date != date);
        self.phq9_history.push(Phq9Record {
            date: date.to_string(),
            total,
        });
        super::sort_small_by(&mut self.phq9_history, |a, b| a.date.cmp(&b.date));
        let excess = self.phq9_history.len().saturating_sub(MAX_PHQ9_HISTORY);
        self.phq9_history.drain(..excess);
        true
    }
}

/// The text to store for `state`.
pub fn encode_stored(state: &StoredState) -> String {
    serde_json::to_string(state).unwrap_or_default()
}

/// Why stored data was thrown away. `Display` gives a plain sentence for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiscardReason {
    /// The text is not JSON at all.
    Unreadable,
    /// JSON, but not the shape of any version.
    WrongShape(String),
    /// Written by a newer version of the widget.
    NewerVersion(u64),
}

impl fmt::Display for DiscardReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscardReason::Unreadable => f.write_str(
                "Your saved answers could not be read, so they were cleared. Please start again.",
            ),
            DiscardReason::WrongShape(detail) => write!(
                f,
                "Your saved answers were damaged ({detail}), so they were cleared. Please start again."
            ),
            DiscardReason::NewerVersion(version) => write!(
                f,
                "Your saved answers came from a newer version of this tool (version {version}), so they were not used."
            ),
        }
    }
}

/// The result of reading stored data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredLoad {
    /// Nothing was stored.
    Nothing,
    /// Current-version data; `dropped` counts answers or history entries that were left out.
    Current { state: StoredState, dropped: usize },
    /// Older data brought up to the current version.
    Migrated {
        state: StoredState,
        from_version: u32,
        dropped: usize,
    },
    /// The data could not be used and should be removed from storage.
    Discarded { reason: DiscardReason },
}

impl StoredLoad {
    /// The state to start from: the loaded one, or a fresh default.
    pub fn into_state(self) -> StoredState {
        match self {
            StoredLoad::Current { state, .. } | StoredLoad::Migrated { state, .. } => state,
            StoredLoad::Nothing | StoredLoad::Discarded { .. } => StoredState::default(),
        }
    }
}

/// Reads stored text, migrating v0 and dropping anything the questionnaire does not know.
pub fn load_stored(raw: &str, questionnaire: &Questionnaire) -> StoredLoad {
    if raw.trim().is_empty() {
        return StoredLoad::Nothing;
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(raw) else {
        return StoredLoad::Discarded {
            reason: DiscardReason::Unreadable,
        };
    };
    let Some(object) = value.as_object() else {
        return discard("it was not a set of answers");
    };
    let Some(version) = object.get("version") else {
        return migrate_v0(object, questionnaire);
    };
    match version.as_u64() {
        Some(v) if v == u64::from(STORAGE_VERSION) => load_current(value, questionnaire),
        Some(v) if v > u64::from(STORAGE_VERSION) => StoredLoad::Discarded {
            reason: DiscardReason::NewerVersion(v),
        },
        _ => discard("its version was not understood"),
    }
}

fn discard(detail: &str) -> StoredLoad {
    StoredLoad::Discarded {
        reason: DiscardReason::WrongShape(detail.to_string()),
    }
}

fn load_current(value: serde_json::Value, questionnaire: &Questionnaire) -> StoredLoad {
    /// The v1 shape with ratings read wide, so a bad rating is dropped rather than fatal.
    #[derive(Deserialize)]
    struct Loose {
        remember: bool,
        #[serde(default)]
        answers: Answers,
        #[serde(default)]
        phq9_history: Vec<Phq9Record>,
    }
    let loose = match Loose::deserialize(&value) {
        Ok(loose) => loose,
        Err(err) => return discard(&err.to_string()),
    };
    let mut state = StoredState {
        version: STORAGE_VERSION,
        remember: loose.remember,
        answers: Answers::default(),
        phq9_history: Vec::new(),
    };
    let (answers, mut dropped) = questionnaire.sanitize(loose.answers);
    state.answers = answers;
    for record in loose.phq9_history {
        if !state.record_phq9(&record.date, record.total) {
            dropped += 1;
        }
    }
    StoredLoad::Current { state, dropped }
}

fn migrate_v0(
    object: &serde_json::Map<String, serde_json::Value>,
    questionnaire: &Questionnaire,
) -> StoredLoad {
    let mut answers = Answers::default();
    let mut dropped = 0;
    for (question, value) in object {
        let choices: Vec<ChoiceId> = match value {
            serde_json::Value::String(choice) => vec![ChoiceId(choice.clone())],
            serde_json::Value::Array(items) => {
                let strings: Vec<ChoiceId> = items
                    .iter()
                    .filter_map(|item| item.as_str().map(ChoiceId::from))
                    .collect();
                dropped += items.len() - strings.len();
                strings
            }
            _ => {
                dropped += 1;
                continue;
            }
        };
        if !choices.is_empty() {
            answers
                .choices
                .insert(QuestionId(question.clone()), choices);
        }
    }
    let (answers, removed) = questionnaire.sanitize(answers);
    let state = StoredState {
        version: STORAGE_VERSION,
        remember: true,
        answers,
        phq9_history: Vec::new(),
    };
    StoredLoad::Migrated {
        state,
        from_version: 0,
        dropped: dropped + removed,
    }
}

/// Whether `date` is a real calendar date written `YYYY-MM-DD`, from 2000 on, by the content's
/// one calendar check.
pub fn is_iso_date(date: &str) -> bool {
    crate::content::parse_date(date).is_some_and(|(year, _, _)| year >= 2000)
}
