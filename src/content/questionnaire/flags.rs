//! The safety flags: which answers call for "talk with your clinician about …" on which
//! options, read from `flags.toml` (by `flags_read`) and checked against the evidence here.
//!
//! One table holds every flag. Each names the answer (a question and one or more of its
//! choices), the options it concerns, the evidence row and topic it rests on, and the one
//! source whose claim in that row carries it. The check rejects a flag unless, for every option
//! it names, that row holds a claim that cites the source and speaks to the topic. A flag whose
//! claim is not in the evidence yet names what it `waits_for` instead: it stays in the table,
//! is never shown, and fails the check once a claim on its topic lands, so it is not forgotten.

use super::{ChoiceId, QuestionId};
use crate::content::evidence::{Claim, DataError, Evidence, OptionId, RowId, Text};
use serde::{Deserialize, Serialize};

/// The bundled file that holds the flag table.
pub const FLAGS_FILE: &str = "flags.toml";

/// A topic a flag can rest on, and the words that show a claim speaks to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    /// Lowercase words or phrases; a claim is on the topic when its English text holds one.
    pub words: Vec<String>,
}

impl Topic {
    /// Whether `claim` speaks to this topic: its English text holds one of the topic's words.
    /// When claims carry harm-topic tags, a tag equal to the topic id should count too.
    pub fn covers(&self, claim: &Claim) -> bool {
        let text = claim.en.to_lowercase();
        self.words.iter().any(|word| text.contains(word.as_str()))
    }
}

/// What a flag rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Support {
    /// The source whose claim in the flag's row carries the flag.
    Source(String),
    /// The claim the evidence still needs; until it lands the flag is not shown.
    WaitsFor(String),
}

/// One safety flag: an answer, the options it concerns and the claim it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub question: QuestionId,
    /// The answers that raise the flag (any one of them).
    pub choices: Vec<ChoiceId>,
    pub options: Vec<OptionId>,
    /// The row of each option that holds the claim.
    pub row: RowId,
    /// The id of a [`Topic`] in the same table.
    pub topic: String,
    pub support: Support,
    /// The sentence to show, starting "Talk with your clinician …".
    pub text: Text,
}

impl Flag {
    /// The source the flag rests on; `None` while it waits for its claim.
    pub fn source(&self) -> Option<&str> {
        match &self.support {
            Support::Source(source) => Some(source),
            Support::WaitsFor(_) => None,
        }
    }

    /// Whether the flag is shown: only once its claim is in the evidence.
    pub fn is_shown(&self) -> bool {
        self.source().is_some()
    }

    /// How problems with the flag name it, e.g. "flag `seizures` / `yes`".
    pub(super) fn place(&self) -> String {
        place(
            self.question.as_str(),
            self.choices.iter().map(ChoiceId::as_str),
        )
    }
}

/// Every flag and the topics they rest on, in the order of `flags.toml`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FlagTable {
    pub topics: Vec<Topic>,
    pub flags: Vec<Flag>,
}

impl FlagTable {
    /// The shown flags that `choice` of `question` raises, in table order.
    pub fn shown_for<'a>(
        &'a self,
        question: &'a QuestionId,
        choice: &'a ChoiceId,
    ) -> impl Iterator<Item = &'a Flag> {
        self.flags.iter().filter(move |flag| {
            flag.is_shown() && &flag.question == question && flag.choices.contains(choice)
        })
    }

    /// The topic with `id`.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|topic| topic.id == id)
    }

    /// Checks every flag against the evidence: its source exists, and for each option the
    /// flag's row holds a claim that cites the source and is on the topic. A waiting flag is
    /// rejected once any row of its options holds a claim on its topic.
    pub fn check_against(&self, evidence: &Evidence) -> Vec<DataError> {
        let mut errors = Vec::new();
        for flag in &self.flags {
            let Some(topic) = self.topic(&flag.topic) else {
                continue;
            };
            match &flag.support {
                Support::Source(source) => {
                    check_supported(flag, topic, source, evidence, &mut errors);
                }
                Support::WaitsFor(_) => check_still_waiting(flag, topic, evidence, &mut errors),
            }
        }
        errors
    }
}

/// Names a flag by its question and choices, e.g. "flag `age-group` / `under-15`, `15-17`".
pub(super) fn place<'a>(question: &str, choices: impl Iterator<Item = &'a str>) -> String {
    let choices: Vec<String> = choices.map(|choice| format!("`{choice}`")).collect();
    format!("flag `{question}` / {}", choices.join(", "))
}

/// A problem with the flag at `place`.
pub(super) fn problem(place: &str, message: String) -> DataError {
    DataError::file(FLAGS_FILE, format!("{place}: {message}"))
}

/// A problem on one option's row; the message names the flag.
fn problem_at(option: OptionId, row: RowId, message: String) -> DataError {
    DataError {
        file: FLAGS_FILE.to_string(),
        option: Some(option),
        row: Some(row.as_str().to_string()),
        message,
    }
}

/// For each option, the flag's row holds a claim citing `source` that is on `topic`.
fn check_supported(
    flag: &Flag,
    topic: &Topic,
    source: &str,
    evidence: &Evidence,
    errors: &mut Vec<DataError>,
) {
    let place = flag.place();
    if evidence.source(source).is_none() {
        errors.push(problem(
            &place,
            format!("source `{source}` is not in sources.toml"),
        ));
        return;
    }
    for &option in &flag.options {
        let claims = evidence
            .option(option)
            .map(|found| found.row(flag.row))
            .unwrap_or_default();
        let citing: Vec<&Claim> = claims
            .iter()
            .filter(|claim| claim.sources.iter().any(|id| id == source))
            .collect();
        if citing.is_empty() {
            errors.push(problem_at(
                option,
                flag.row,
                format!("{place}: no claim in this row cites `{source}`"),
            ));
        } else if !citing.iter().any(|claim| topic.covers(claim)) {
            errors.push(problem_at(
                option,
                flag.row,
                format!(
                    "{place}: the claims in this row that cite `{source}` say nothing about `{}` (no claim holds {})",
                    topic.id,
                    topic.words.join(", ")
                ),
            ));
        }
    }
}

/// A waiting flag fails once any row of one of its options holds a claim on its topic.
fn check_still_waiting(
    flag: &Flag,
    topic: &Topic,
    evidence: &Evidence,
    errors: &mut Vec<DataError>,
) {
    for &option in &flag.options {
        let Some(found) = evidence.option(option) else {
            continue;
        };
        let landed = RowId::ALL.into_iter().find_map(|row| {
            let sources: Vec<&str> = found
                .row(row)
                .iter()
                .filter(|claim| topic.covers(claim))
                .flat_map(|claim| claim.sources.iter())
                .collect();
            (!sources.is_empty()).then_some((row, sources))
        });
        if let Some((row, sources)) = landed {
            let fix = if row == flag.row {
                "set `source` and remove `waits_for`".to_string()
            } else {
                format!("set `row = \"{row}\"` and `source`, and remove `waits_for`")
            };
            errors.push(problem_at(
                option,
                row,
                format!(
                    "{} waits for a `{}` claim, and this row now has one (citing {}): {fix}",
                    flag.place(),
                    topic.id,
                    sources.join(", ")
                ),
            ));
        }
    }
}
