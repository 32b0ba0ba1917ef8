//! What "remember my answers on this device" keeps, and how older stored data is read back.
//!
//! The UI hands the raw stored text to [`load_stored`] and gets a [`StoredLoad`]: nothing, the
//! current state, a state migrated from an older version, or a discard with a plain reason.
//! Nothing stored can make it panic.
//!
//! Versions: **v0** was a plain JSON object of question id → choice id (or list of choice ids),
//! with no `version` field. **v1** is [`StoredState`].

use super::answers::Answers;
use super::share::codec::{self, Fields};
use super::share::json::{write_string, Json};
use crate::content::questionnaire::{ChoiceId, QuestionId, Questionnaire};
use std::fmt;

/// The storage version this build writes.
pub const STORAGE_VERSION: u32 = 1;

/// The most PHQ-9 results kept; the oldest go first.
pub const MAX_PHQ9_HISTORY: usize = 100;

/// One completed PHQ-9, for the mood-over-time chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phq9Record {
    /// The day it was completed, `YYYY-MM-DD`.
    pub date: String,
    /// The total score, 0–27.
    pub total: u8,
}

/// Everything kept on the device when the person opts in, stored as the JSON object
/// `{"version":1,"remember":…,"answers":{…},"phq9_history":[{"date":…,"total":…}]}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredState {
    pub version: u32,
    /// Whether the person chose "remember my answers on this device".
    pub remember: bool,
    pub answers: Answers,
    /// Completed PHQ-9 totals by date, oldest first, one per day.
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

/// The text to store for `state`: the same JSON, byte for byte, that earlier builds wrote.
pub fn encode_stored(state: &StoredState) -> String {
    let mut out = String::new();
    let mut fields = Fields::open(&mut out);
    fields.key("version").push_str(&state.version.to_string());
    fields
        .key("remember")
        .push_str(if state.remember { "true" } else { "false" });
    codec::write_answers(fields.key("answers"), &state.answers);
    let history = fields.key("phq9_history");
    history.push('[');
    for (index, record) in state.phq9_history.iter().enumerate() {
        if index > 0 {
            history.push(',');
        }
        let mut entry = Fields::open(history);
        write_string(entry.key("date"), &record.date);
        entry.key("total").push_str(&record.total.to_string());
        entry.close();
    }
    history.push(']');
    fields.close();
    out
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
    let Ok(value) = Json::parse(raw) else {
        return StoredLoad::Discarded {
            reason: DiscardReason::Unreadable,
        };
    };
    // Earlier builds read the text into serde_json's `Value` first, whose objects keep each
    // key once; reading the same tree keeps their results.
    let value = value.deduplicated();
    let Some(object) = value.members() else {
        return discard("it was not a set of answers");
    };
    let Some(version) = value.get("version") else {
        return migrate_v0(&object, questionnaire);
    };
    let version = match version {
        Json::Number(number) => *number,
        _ => None,
    };
    match version {
        Some(v) if v == u64::from(STORAGE_VERSION) => load_current(&value, questionnaire),
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

/// The v1 shape as read: `remember` must be there, `answers` and `phq9_history` may be
/// missing, and anything the questionnaire does not know is dropped afterwards.
struct Loose {
    remember: bool,
    answers: Answers,
    phq9_history: Vec<Phq9Record>,
}

fn read_loose(value: &Json) -> Result<Loose, String> {
    let remember = match value.get("remember") {
        Some(Json::Bool(remember)) => *remember,
        Some(other) => return Err(format!("remember is {}", other.kind())),
        None => return Err("missing field `remember`".to_string()),
    };
    let answers = match value.get("answers") {
        Some(answers) => codec::read_answers(answers)?,
        None => Answers::default(),
    };
    let phq9_history = match value.get("phq9_history") {
        None => Vec::new(),
        Some(Json::Array(records)) => records
            .iter()
            .map(read_record)
            .collect::<Result<Vec<_>, _>>()?,
        Some(other) => return Err(format!("phq9_history is {}", other.kind())),
    };
    Ok(Loose {
        remember,
        answers,
        phq9_history,
    })
}

fn read_record(value: &Json) -> Result<Phq9Record, String> {
    codec::fields(value, "a PHQ-9 record", &["date", "total"])?;
    let date = match value.get("date") {
        Some(Json::String(date)) => date.clone(),
        Some(other) => return Err(format!("a PHQ-9 date is {}", other.kind())),
        None => return Err("missing field `date`".to_string()),
    };
    let total = match value.get("total") {
        Some(total) => codec::small_number(total, "total")?,
        None => return Err("missing field `total`".to_string()),
    };
    Ok(Phq9Record { date, total })
}

fn load_current(value: &Json, questionnaire: &Questionnaire) -> StoredLoad {
    let loose = match read_loose(value) {
        Ok(loose) => loose,
        Err(err) => return discard(&err),
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

fn migrate_v0(object: &[(&str, &Json)], questionnaire: &Questionnaire) -> StoredLoad {
    let mut answers = Answers::default();
    let mut dropped = 0;
    for (question, value) in object.iter().copied() {
        let choices: Vec<ChoiceId> = match value {
            Json::String(choice) => vec![ChoiceId(choice.clone())],
            Json::Array(items) => {
                let strings: Vec<ChoiceId> = items
                    .iter()
                    .filter_map(|item| match item {
                        Json::String(choice) => Some(ChoiceId::from(choice.as_str())),
                        _ => None,
                    })
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
            answers.choices.insert(QuestionId::from(question), choices);
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
