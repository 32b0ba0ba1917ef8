//! The questionnaire's typed shape, read from its parts (`questions/*.toml`) and validated into [`Questionnaire`].
//!
//! The file is first read into loose "raw" structs with plain strings for every id, then each
//! id is checked and turned into its type, so a mistake is reported with the question, choice
//! and link it sits in rather than as a bare serde message. The safety flags live in their
//! own table, `flags.toml`, read and checked by [`flags`]. [`read`] turns the raw file into these types.

pub mod flags;
mod flags_read;
mod parts;
mod problems;
mod raw;
mod read;
mod required;

pub use self::parts::{check_shape, part_file, put_together, QUESTIONS_DIR};

use self::flags::FlagTable;
use self::raw::RawFile;
use super::evidence::{DataError, Evidence, OptionId, RowId, Text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The id of the early, plain question about thoughts of death or self-harm.
pub const CRISIS_QUESTION: &str = "self-harm-thoughts";

/// The one answer to [`CRISIS_QUESTION`] that shows no sign of risk; any other answer does.
pub const CRISIS_NO_CHOICE: &str = "no";

/// The ids of the nine PHQ-9 items, in order; item 9 asks about thoughts of death or self-harm.
pub const PHQ9_ITEMS: [&str; 9] = [
    "phq9-1", "phq9-2", "phq9-3", "phq9-4", "phq9-5", "phq9-6", "phq9-7", "phq9-8", "phq9-9",
];

/// The PHQ-9 item about thoughts of death or self-harm; any score above 0 needs crisis help.
pub const PHQ9_ITEM9: &str = "phq9-9";

/// The question of how many antidepressant medicines the person has tried, which the printed
/// clinician block repeats.
pub const TREATMENTS_TRIED_QUESTION: &str = "antidepressants-tried";

/// The highest rating a person can give a priority (0 = not important, 3 = very important).
pub const MAX_RATING: u8 = 3;

/// The largest weight, either way, that the priorities question may give a priority for an option.
/// Only its sign is kept: the widget never adds weights up.
pub const MAX_WEIGHT: i8 = 2;

/// The stable id of a question, as stored in answers and share links.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QuestionId(pub String);

/// The stable id of an answer choice, unique within its question.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChoiceId(pub String);

/// The stable id of one "what matters most" priority.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PriorityId(pub String);

macro_rules! string_id {
    ($name:ident) => {
        impl $name {
            /// The id as written in the data file.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(raw: &str) -> Self {
                $name(raw.to_string())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

string_id!(QuestionId);
string_id!(ChoiceId);
string_id!(PriorityId);

/// The part of the questionnaire a question belongs to, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// The early question about thoughts of death or self-harm.
    Safety,
    /// The optional PHQ-9 mood check.
    Mood,
    /// How soon relief is needed and what has been tried.
    History,
    /// Medical screens that lead to "talk with your clinician" flags.
    Health,
    /// Rides, visits, needles, sprays, therapy, cost and insurance.
    Life,
    /// The "what matters most to you" ratings.
    Priorities,
}

impl Section {
    /// Every part, in the order asked.
    pub const ALL: [Section; 6] = [
        Section::Safety,
        Section::Mood,
        Section::History,
        Section::Health,
        Section::Life,
        Section::Priorities,
    ];

    /// The part's name, as its file is called (`questions/{name}.toml`).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Safety => "safety",
            Section::Mood => "mood",
            Section::History => "history",
            Section::Health => "health",
            Section::Life => "life",
            Section::Priorities => "priorities",
        }
    }
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// Exactly one choice.
    Single,
    /// Any number of choices (a choice marked `exclusive` stands alone).
    Multiple,
    /// A 0–3 rating for each priority.
    Priorities,
}

/// How an answer bears on an option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// The answer is a reason the option may fit.
    For,
    /// The answer is a reason the option may fit less well.
    Against,
    /// A medical point to check with a clinician ("talk with your clinician about …"); these
    /// come only from the flag table, never from a link in a question.
    Flag,
    /// A practical point worth knowing.
    Note,
}

/// The evidence a statement rests on: one row of one option in the comparison table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EvidenceRef {
    pub option: OptionId,
    pub row: RowId,
}

/// How one answer bears on one or more options, with a sentence and the evidence row behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub kind: LinkKind,
    /// The options the sentence is about; each consideration cites that option's `row`.
    pub options: Vec<OptionId>,
    pub row: RowId,
    pub text: Text,
}

/// One answer a person can pick.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: ChoiceId,
    pub label: Text,
    /// The PHQ-9 score of this answer (0–3); `None` outside the PHQ-9.
    pub score: Option<u8>,
    /// In a multiple-choice question, picking this choice clears the others ("None of these").
    pub exclusive: bool,
    pub links: Vec<Link>,
}

/// How one option meets one priority, in three words and never as a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Effect {
    /// The option fits the priority.
    Fits,
    /// The option works against the priority.
    WorksAgainst,
    /// The evidence in this guide shows no difference for the option on this priority.
    NoDifference,
}

/// Whether a priority favours or disfavours one option, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Weight {
    pub option: OptionId,
    /// [`Effect::Fits`] or [`Effect::WorksAgainst`], from the sign of the weight in the file.
    pub effect: Effect,
    pub row: RowId,
    pub reason: Text,
}

/// One "what matters most" item, rated 0–3 by the person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Priority {
    pub id: PriorityId,
    pub label: Text,
    pub help: Option<Text>,
    pub weights: Vec<Weight>,
}

/// One question of the questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: QuestionId,
    pub section: Section,
    pub kind: QuestionKind,
    /// Optional questions are never listed as missing (the PHQ-9 items).
    pub optional: bool,
    pub text: Text,
    pub help: Option<Text>,
    /// The answer choices; empty for [`QuestionKind::Priorities`].
    pub choices: Vec<Choice>,
    /// The priorities to rate; empty unless the kind is [`QuestionKind::Priorities`].
    pub priorities: Vec<Priority>,
    /// Labels for ratings 0 to 3; empty unless the kind is [`QuestionKind::Priorities`].
    pub rating_labels: Vec<Text>,
}

impl Question {
    /// The choice with `id`, if the question has it.
    pub fn choice(&self, id: &ChoiceId) -> Option<&Choice> {
        self.choices.iter().find(|choice| &choice.id == id)
    }

    /// The priority with `id`, if the question has it.
    pub fn priority(&self, id: &PriorityId) -> Option<&Priority> {
        self.priorities.iter().find(|priority| &priority.id == id)
    }
}

/// Words shown around the PHQ-9: its instructions, the "not a diagnosis" line and band names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phq9Text {
    /// The standard stem: "Over the last 2 weeks, how often have you been bothered by …".
    pub instructions: Text,
    pub intro: Text,
    pub not_diagnosis: Text,
    pub attribution: Text,
    pub bands: Phq9BandText,
}

/// The name of each PHQ-9 severity band.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phq9BandText {
    pub minimal: Text,
    pub mild: Text,
    pub moderate: Text,
    pub moderately_severe: Text,
    pub severe: Text,
}

/// One yes/no item of the SURE check.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SureItemText {
    /// One of `sure`, `understand`, `risk-benefit`, `encouragement`.
    pub id: String,
    pub text: Text,
}

/// Words for the SURE check and what a low score means.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SureText {
    pub intro: Text,
    pub items: Vec<SureItemText>,
    pub yes: Text,
    pub no: Text,
    /// Shown when the score is 3 or less: talk it through with someone.
    pub low_score: Text,
    pub full_score: Text,
    pub attribution: Text,
}

/// Words for the "where are you leaning?" step.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeaningText {
    pub question: Text,
    pub help: Text,
    pub not_sure: Text,
}

/// The validated questionnaire: questions in the order they are asked, the safety flags, and
/// the result-step texts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Questionnaire {
    pub questions: Vec<Question>,
    /// Every "talk with your clinician about …" flag, from `flags.toml`.
    pub flags: FlagTable,
    pub phq9: Phq9Text,
    pub sure: SureText,
    pub leaning: LeaningText,
}

impl Questionnaire {
    /// Builds and validates a questionnaire from its parts put together ([`put_together`]),
    /// with no flags yet ([`Questionnaire::from_files`] adds them).
    pub fn from_value(value: &serde_json::Value) -> Result<Questionnaire, Vec<DataError>> {
        let raw = RawFile::deserialize(value)
            .map_err(|err| vec![DataError::file(QUESTIONS_DIR, err.to_string())])?;
        raw.validate()
    }

    /// The question with `id`.
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions.iter().find(|question| &question.id == id)
    }

    /// The questions of `section`, in order.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |question| question.section == section)
    }

    /// Every evidence row the questionnaire cites, with where it is cited from.
    pub fn cited_rows(&self) -> Vec<(String, EvidenceRef)> {
        let mut cited = Vec::new();
        for question in &self.questions {
            for choice in &question.choices {
                for link in &choice.links {
                    for &option in &link.options {
                        let place = format!("question `{}`, choice `{}`", question.id, choice.id);
                        cited.push((
                            place,
                            EvidenceRef {
                                option,
                                row: link.row,
                            },
                        ));
                    }
                }
            }
            for priority in &question.priorities {
                for weight in &priority.weights {
                    let place = format!("question `{}`, priority `{}`", question.id, priority.id);
                    let evidence = EvidenceRef {
                        option: weight.option,
                        row: weight.row,
                    };
                    cited.push((place, evidence));
                }
            }
        }
        cited
    }

    /// Checks that every evidence row the questionnaire cites holds at least one claim, and
    /// that each flag rests on a claim of its row that cites its source and is on its topic.
    pub fn check_against(&self, evidence: &Evidence) -> Result<(), Vec<DataError>> {
        let mut errors = self.flags.check_against(evidence);
        for (place, cited) in self.cited_rows() {
            let has_claims = evidence
                .option(cited.option)
                .is_some_and(|option| !option.row(cited.row).is_empty());
            if !has_claims {
                errors.push(DataError {
                    file: QUESTIONS_DIR.to_string(),
                    option: Some(cited.option),
                    row: Some(cited.row.as_str().to_string()),
                    message: format!("{place} rests on a row that has no claims in the evidence"),
                });
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}
