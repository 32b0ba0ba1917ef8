//! The safety flags: which answers call for "talk with your clinician about …" on which
//! options, read from `flags.toml` and checked against the questions and the evidence.
//!
//! One table holds every flag. Each names the answer (a question and one or more of its
//! choices), the options it concerns, the evidence row and topic it rests on, and the one
//! source whose claim in that row carries it. The check rejects a flag unless, for every option
//! it names, that row holds a claim that cites the source and speaks to the topic. A flag whose
//! claim is not in the evidence yet names what it `waits_for` instead: it stays in the table,
//! is never shown, and fails the check once a claim on its topic lands, so it is not forgotten.

use super::model::{ChoiceId, Question, QuestionId, Questionnaire, QUESTIONS_FILE};
use crate::data::{Claim, DataError, Evidence, OptionId, RowId, Text};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The bundled file that holds the flag table.
pub const FLAGS_FILE: &str = "flags.toml";

/// The English words every flag starts with; flags explain, they never forbid.
const ENGLISH_START: &str = "Talk with your clinician";

/// The Spanish words every flag starts with.
const SPANISH_START: &str = "Hable con su médico";

/// A topic a flag can rest on, and the words that show a claim speaks to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub id: String,
    /// Lowercase words or phrases; a claim is on the topic when its English text holds one.
    pub words: Vec<String>,
}

impl Topic {
    /// Whether `claim` speaks to this topic.
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
    fn place(&self) -> String {
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
    /// by name as JSON values (`questions.toml` and `flags.toml`).
    pub fn from_files(
        files: &BTreeMap<String, serde_json::Value>,
    ) -> Result<Questionnaire, Vec<DataError>> {
        let missing = |file: &str| vec![DataError::file(file, "the file is missing".to_string())];
        let questions = files
            .get(QUESTIONS_FILE)
            .ok_or_else(|| missing(QUESTIONS_FILE))?;
        let mut questionnaire = Questionnaire::from_value(questions)?;
        let flags = files.get(FLAGS_FILE).ok_or_else(|| missing(FLAGS_FILE))?;
        questionnaire.flags = FlagTable::from_value(flags, &questionnaire.questions)?;
        Ok(questionnaire)
    }
}

/// Names a flag by its question and choices, e.g. "flag `age-group` / `under-15`, `15-17`".
fn place<'a>(question: &str, choices: impl Iterator<Item = &'a str>) -> String {
    let choices: Vec<String> = choices.map(|choice| format!("`{choice}`")).collect();
    format!("flag `{question}` / {}", choices.join(", "))
}

/// A problem with the flag at `place`.
fn problem(place: &str, message: String) -> DataError {
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
