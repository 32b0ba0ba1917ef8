//! Reads `flags.toml` into a [`FlagTable`], checked against the questions it refers to: each
//! flag names a known question, choices, options, row and topic, a source or what it waits for,
//! and text that says "Talk with your clinician …"; no answer flags one option twice on one
//! topic; and "not sure" flags every option that "yes" flags.

use super::flags::{place, problem, Flag, FlagTable, Support, Topic, FLAGS_FILE};
use super::{put_together, ChoiceId, Question, Questionnaire};
use crate::content::evidence::{DataError, OptionId, RowId, Text};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// The English words every flag starts with; flags explain, they never forbid.
const ENGLISH_START: &str = "Talk with your clinician";

/// The Spanish words every flag starts with.
const SPANISH_START: &str = "Hable con su médico";

impl FlagTable {
    /// Reads and checks the JSON form of `flags.toml` against the questions it refers to.
    pub fn from_value(
        value: &serde_json::Value,
        questions: &[Question],
    ) -> Result<FlagTable, Vec<DataError>> {
        let raw = RawFile::deserialize(value)
            .map_err(|err| vec![DataError::file(FLAGS_FILE, err.to_string())])?;
        let mut errors = Vec::new();
        let topics = topics(&raw.topics, &mut errors);
        let mut flags = Vec::new();
        for raw_flag in &raw.flags {
            if let Some(flag) = raw_flag.validate(questions, &topics, &mut errors) {
                flags.push(flag);
            }
        }
        let table = FlagTable { topics, flags };
        table.check_repeats(&mut errors);
        table.check_not_sure_covers_yes(questions, &mut errors);
        if errors.is_empty() {
            Ok(table)
        } else {
            Err(errors)
        }
    }

    /// No answer gives the same option two flags on one topic.
    fn check_repeats(&self, errors: &mut Vec<DataError>) {
        let mut seen = BTreeSet::new();
        for flag in &self.flags {
            for choice in &flag.choices {
                for option in &flag.options {
                    let key = (&flag.question, choice, *option, &flag.topic);
                    if !seen.insert(key) {
                        errors.push(problem(
                            &flag.place(),
                            format!(
                                "`{choice}` already flags {option} on `{}` in another flag",
                                flag.topic
                            ),
                        ));
                    }
                }
            }
        }
    }

    /// Where a question has both a `yes` and a `not-sure` answer, "not sure" flags every
    /// option that "yes" flags: someone who cannot rule a risk out gets the same cautions.
    fn check_not_sure_covers_yes(&self, questions: &[Question], errors: &mut Vec<DataError>) {
        let (yes, not_sure) = (ChoiceId::from("yes"), ChoiceId::from("not-sure"));
        for question in questions {
            if question.choice(&yes).is_none() || question.choice(&not_sure).is_none() {
                continue;
            }
            let flagged = |choice: &ChoiceId| -> BTreeSet<OptionId> {
                self.flags
                    .iter()
                    .filter(|flag| flag.question == question.id && flag.choices.contains(choice))
                    .flat_map(|flag| flag.options.iter().copied())
                    .collect()
            };
            let covered = flagged(&not_sure);
            let missed: Vec<&str> = flagged(&yes)
                .into_iter()
                .filter(|option| !covered.contains(option))
                .map(OptionId::as_str)
                .collect();
            if !missed.is_empty() {
                errors.push(DataError::file(
                    FLAGS_FILE,
                    format!(
                        "question `{}`: `not-sure` must flag every option that `yes` flags; it misses {}",
                        question.id,
                        missed.join(", ")
                    ),
                ));
            }
        }
    }
}

impl Questionnaire {
    /// Builds and validates the questionnaire and its flag table from the data files, given
    /// by name as JSON values (the parts under `questions/`, and `flags.toml`).
    pub fn from_files(
        files: &BTreeMap<String, serde_json::Value>,
    ) -> Result<Questionnaire, Vec<DataError>> {
        let missing = |file: &str| vec![DataError::file(file, "the file is missing".to_string())];
        let questions = put_together(files)?;
        let mut questionnaire = Questionnaire::from_value(&questions)?;
        let flags = files.get(FLAGS_FILE).ok_or_else(|| missing(FLAGS_FILE))?;
        questionnaire.flags = FlagTable::from_value(flags, &questionnaire.questions)?;
        Ok(questionnaire)
    }
}

/// Reads `flags.toml` into its shape from `input` and drops it (see `check_shape` above).
pub(super) fn check_shape<'de, D: serde::Deserializer<'de>>(input: D) -> Result<(), D::Error> {
    RawFile::deserialize(input).map(drop)
}

/// The file as written, with every id still a plain string.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    topics: Vec<RawTopic>,
    flags: Vec<RawFlag>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlag {
    question: String,
    choices: Vec<String>,
    options: Vec<String>,
    row: String,
    topic: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    waits_for: Option<String>,
    text: Text,
}

/// The topics, checked: well-formed unique ids, each with lowercase words.
fn topics(raw: &[RawTopic], errors: &mut Vec<DataError>) -> Vec<Topic> {
    let mut seen = BTreeSet::new();
    let mut topics = Vec::new();
    for topic in raw {
        let place = format!("topic `{}`", topic.id);
        let well_formed = !topic.id.is_empty()
            && topic
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            errors.push(problem(
                &place,
                "the id must be lowercase letters, digits or dashes".to_string(),
            ));
        }
        if !seen.insert(topic.id.as_str()) {
            errors.push(problem(
                &place,
                "the id is used by another topic".to_string(),
            ));
        }
        if topic.words.is_empty()
            || topic
                .words
                .iter()
                .any(|word| word.trim().is_empty() || word.to_lowercase() != *word)
        {
            errors.push(problem(
                &place,
                "needs one or more words, all lowercase".to_string(),
            ));
        }
        topics.push(Topic {
            id: topic.id.clone(),
            words: topic.words.clone(),
        });
    }
    topics
}

impl RawFlag {
    /// The flag, checked against the questions and topics; `None` when it cannot be built.
    fn validate(
        &self,
        questions: &[Question],
        topics: &[Topic],
        errors: &mut Vec<DataError>,
    ) -> Option<Flag> {
        let place = place(&self.question, self.choices.iter().map(String::as_str));
        let mut add = |message: String| errors.push(problem(&place, message));
        let question = questions
            .iter()
            .find(|question| question.id.as_str() == self.question);
        let mut choices = Vec::new();
        match question {
            None => add(format!("unknown question `{}`", self.question)),
            Some(question) => {
                for raw in &self.choices {
                    let choice = ChoiceId::from(raw.as_str());
                    if question.choice(&choice).is_none() {
                        add(format!(
                            "question `{}` has no choice `{raw}`",
                            self.question
                        ));
                    } else if choices.contains(&choice) {
                        add(format!("choice `{raw}` is listed twice"));
                    } else {
                        choices.push(choice);
                    }
                }
            }
        }
        if self.choices.is_empty() {
            add("needs at least one choice".to_string());
        }
        let mut options = Vec::new();
        for raw in &self.options {
            match OptionId::ALL
                .into_iter()
                .find(|option| option.as_str() == raw)
            {
                Some(option) if options.contains(&option) => {
                    add(format!("option `{raw}` is listed twice"));
                }
                Some(option) => options.push(option),
                None => add(format!("unknown option `{raw}`")),
            }
        }
        if self.options.is_empty() {
            add("needs at least one option".to_string());
        }
        let row = RowId::ALL.into_iter().find(|row| row.as_str() == self.row);
        if row.is_none() {
            add(format!("unknown evidence row `{}`", self.row));
        }
        if !topics.iter().any(|topic| topic.id == self.topic) {
            add(format!("unknown topic `{}`", self.topic));
        }
        let support = match (&self.source, &self.waits_for) {
            (Some(source), None) if !source.trim().is_empty() => {
                Some(Support::Source(source.clone()))
            }
            (None, Some(waits)) if !waits.trim().is_empty() => {
                Some(Support::WaitsFor(waits.clone()))
            }
            (Some(_), Some(_)) => {
                add("give either `source` or `waits_for`, not both".to_string());
                None
            }
            _ => {
                add("give either `source` or `waits_for` (the claim it still needs)".to_string());
                None
            }
        };
        if !self.text.en.starts_with(ENGLISH_START) {
            add(format!(
                "the English text must start with \"{ENGLISH_START}\""
            ));
        }
        if !self.text.es.starts_with(SPANISH_START) {
            add(format!(
                "the Spanish text must start with \"{SPANISH_START}\""
            ));
        }
        if self.text.es.contains("TMS") {
            add("the Spanish text says `TMS`; Spanish uses `EMT`".to_string());
        }
        Some(Flag {
            question: question?.id.clone(),
            choices,
            options,
            row: row?,
            topic: self.topic.clone(),
            support: support?,
            text: self.text.clone(),
        })
    }
}
