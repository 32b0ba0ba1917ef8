//! Reading the questionnaire's parts, put together: every id a plain string, checked and
//! turned into the typed [`Questionnaire`], each problem named by its part's file and the
//! question it sits in.

use super::problems::Problems;
use super::raw::{RawChoice, RawFile, RawLink, RawPriority, RawQuestion};
use super::required::check_required_questions;
use super::*;
use crate::content::evidence::{DataError, OptionId, RowId};
use std::collections::BTreeSet;

fn parse_row(raw: &str) -> Option<RowId> {
    RowId::ALL.into_iter().find(|row| row.as_str() == raw)
}

fn parse_option(raw: &str) -> Option<OptionId> {
    OptionId::from_id(raw)
}

impl RawFile {
    pub(super) fn validate(self) -> Result<Questionnaire, Vec<DataError>> {
        let mut problems = Problems::default();
        self.check_result_texts(&mut problems);
        let mut questions = Vec::new();
        let mut seen_questions = BTreeSet::new();
        let mut last_section = Section::Safety;
        for raw in &self.questions {
            problems.file = raw
                .section
                .map(part_file)
                .unwrap_or_else(|| QUESTIONS_DIR.to_string());
            let place = format!("question `{}`", raw.id);
            problems.id(&place, "question", &raw.id);
            if !seen_questions.insert(raw.id.clone()) {
                problems.add(&place, "the id is used by another question");
            }
            if let Some(question) = self.question(raw, &place, &mut problems) {
                if question.section < last_section {
                    problems.add(&place, "its section comes before the previous question's section; keep sections in order");
                }
                last_section = question.section;
                questions.push(question);
            }
        }
        problems.file = QUESTIONS_DIR.to_string();
        check_required_questions(&questions, &mut problems);
        if problems.errors.is_empty() {
            Ok(Questionnaire {
                questions,
                flags: FlagTable::default(),
                phq9: self.phq9,
                sure: self.sure,
                leaning: self.leaning,
            })
        } else {
            Err(problems.errors)
        }
    }

    fn check_result_texts(&self, problems: &mut Problems) {
        problems.file = part_file(Section::Mood);
        let phq9 = &self.phq9;
        for (what, text) in [
            ("instructions", &phq9.instructions),
            ("intro", &phq9.intro),
            ("not_diagnosis", &phq9.not_diagnosis),
            ("attribution", &phq9.attribution),
            ("bands.minimal", &phq9.bands.minimal),
            ("bands.mild", &phq9.bands.mild),
            ("bands.moderate", &phq9.bands.moderate),
            ("bands.moderately_severe", &phq9.bands.moderately_severe),
            ("bands.severe", &phq9.bands.severe),
        ] {
            problems.text("[phq9]", what, text);
        }
        problems.file = part_file(Section::Priorities);
        let sure = &self.sure;
        for (what, text) in [
            ("intro", &sure.intro),
            ("yes", &sure.yes),
            ("no", &sure.no),
            ("low_score", &sure.low_score),
            ("full_score", &sure.full_score),
            ("attribution", &sure.attribution),
        ] {
            problems.text("[sure]", what, text);
        }
        let ids: Vec<&str> = sure.items.iter().map(|item| item.id.as_str()).collect();
        if ids != ["sure", "understand", "risk-benefit", "encouragement"] {
            problems.add(
                "[sure]",
                "items must be `sure`, `understand`, `risk-benefit`, `encouragement` in that order",
            );
        }
        for item in &sure.items {
            problems.text(&format!("[sure] item `{}`", item.id), "text", &item.text);
        }
        let leaning = &self.leaning;
        for (what, text) in [
            ("question", &leaning.question),
            ("help", &leaning.help),
            ("not_sure", &leaning.not_sure),
        ] {
            problems.text("[leaning]", what, text);
        }
    }

    fn question(
        &self,
        raw: &RawQuestion,
        place: &str,
        problems: &mut Problems,
    ) -> Option<Question> {
        let Some(section) = raw.section else {
            problems.add(place, "has no part; put it in the file of its part");
            return None;
        };
        problems.text(place, "text", &raw.text);
        if let Some(help) = &raw.help {
            problems.text(place, "help", help);
        }
        let raw_choices = match (&raw.choice_set, raw.choices.is_empty()) {
            (Some(name), true) => match self.choice_sets.get(name) {
                Some(set) => set.clone(),
                None => {
                    problems.add(place, format!("unknown choice_set `{name}`"));
                    Vec::new()
                }
            },
            (Some(_), false) => {
                problems.add(place, "give either `choices` or `choice_set`, not both");
                Vec::new()
            }
            (None, _) => raw.choices.clone(),
        };
        let mut choices = Vec::new();
        let mut seen = BTreeSet::new();
        for raw_choice in &raw_choices {
            let choice_place = format!("{place}, choice `{}`", raw_choice.id);
            problems.id(&choice_place, "choice", &raw_choice.id);
            if !seen.insert(raw_choice.id.clone()) {
                problems.add(&choice_place, "the id is used twice in this question");
            }
            choices.push(choice(raw_choice, &choice_place, problems));
        }
        let mut priorities = Vec::new();
        let mut seen = BTreeSet::new();
        for raw_priority in &raw.priorities {
            let priority_place = format!("{place}, priority `{}`", raw_priority.id);
            problems.id(&priority_place, "priority", &raw_priority.id);
            if !seen.insert(raw_priority.id.clone()) {
                problems.add(&priority_place, "the id is used twice in this question");
            }
            priorities.push(priority(raw_priority, &priority_place, problems));
        }
        for (index, label) in raw.rating_labels.iter().enumerate() {
            problems.text(place, &format!("rating label {index}"), label);
        }
        let kind = raw.kind;
        match kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                if choices.len() < 2 {
                    problems.add(place, "a choice question needs at least two choices");
                }
                if !priorities.is_empty() || !raw.rating_labels.is_empty() {
                    problems.add(
                        place,
                        "only a priorities question has priorities or rating labels",
                    );
                }
            }
            QuestionKind::Priorities => {
                if priorities.is_empty() {
                    problems.add(place, "a priorities question needs priorities");
                }
                if !choices.is_empty() {
                    problems.add(place, "a priorities question has no choices");
                }
                if raw.rating_labels.len() != usize::from(MAX_RATING) + 1 {
                    problems.add(
                        place,
                        "a priorities question needs 4 rating labels (0 to 3)",
                    );
                }
            }
        }
        Some(Question {
            id: QuestionId(raw.id.clone()),
            section,
            kind,
            optional: raw.optional,
            text: raw.text.clone(),
            help: raw.help.clone(),
            choices,
            priorities,
            rating_labels: raw.rating_labels.clone(),
        })
    }
}

fn choice(raw: &RawChoice, place: &str, problems: &mut Problems) -> Choice {
    problems.text(place, "label", &raw.label);
    if raw.score.is_some_and(|score| score > 3) {
        problems.add(place, "a PHQ-9 score must be 0 to 3");
    }
    let mut links = Vec::new();
    for (index, raw_link) in raw.links.iter().enumerate() {
        let link_place = format!("{place}, link {}", index + 1);
        if let Some(link) = link(raw_link, &link_place, problems) {
            links.push(link);
        }
    }
    Choice {
        id: ChoiceId(raw.id.clone()),
        label: raw.label.clone(),
        score: raw.score,
        exclusive: raw.exclusive,
        links,
    }
}

fn link(raw: &RawLink, place: &str, problems: &mut Problems) -> Option<Link> {
    problems.text(place, "text", &raw.text);
    let row = parse_row(&raw.row);
    if row.is_none() {
        problems.add(place, format!("unknown evidence row `{}`", raw.row));
    }
    let mut options = Vec::new();
    for name in &raw.options {
        match parse_option(name) {
            Some(option) if options.contains(&option) => {
                problems.add(place, format!("option `{name}` is listed twice"));
            }
            Some(option) => options.push(option),
            None => problems.add(place, format!("unknown option `{name}`")),
        }
    }
    if raw.options.is_empty() {
        problems.add(place, "a link needs at least one option");
    }
    let kind = raw.kind;
    if kind == LinkKind::Flag {
        problems.add(
            place,
            "a flag belongs in flags.toml, with the source and topic of the claim it rests on",
        );
    }
    Some(Link {
        kind,
        options,
        row: row?,
        text: raw.text.clone(),
    })
}

fn priority(raw: &RawPriority, place: &str, problems: &mut Problems) -> Priority {
    problems.text(place, "label", &raw.label);
    if let Some(help) = &raw.help {
        problems.text(place, "help", help);
    }
    let mut weights = Vec::new();
    let mut seen = BTreeSet::new();
    for raw_weight in &raw.weights {
        let weight_place = format!("{place}, weight for `{}`", raw_weight.option);
        problems.text(&weight_place, "reason", &raw_weight.reason);
        let option = parse_option(&raw_weight.option);
        if option.is_none() {
            problems.add(
                &weight_place,
                format!("unknown option `{}`", raw_weight.option),
            );
        }
        if !seen.insert(raw_weight.option.clone()) {
            problems.add(&weight_place, "the option has two weights in this priority");
        }
        let row = parse_row(&raw_weight.row);
        if row.is_none() {
            problems.add(
                &weight_place,
                format!("unknown evidence row `{}`", raw_weight.row),
            );
        }
        let limit = i64::from(MAX_WEIGHT);
        let effect = match raw_weight.weight {
            weight if (1..=limit).contains(&weight) => Some(Effect::Fits),
            weight if (-limit..=-1).contains(&weight) => Some(Effect::WorksAgainst),
            _ => None,
        };
        if effect.is_none() {
            problems.add(
                &weight_place,
                format!(
                    "weight {} must be −{limit} to {limit} and not 0",
                    raw_weight.weight
                ),
            );
        }
        if let (Some(option), Some(row), Some(effect)) = (option, row, effect) {
            weights.push(Weight {
                option,
                effect,
                row,
                reason: raw_weight.reason.clone(),
            });
        }
    }
    Priority {
        id: PriorityId(raw.id.clone()),
        label: raw.label.clone(),
        help: raw.help.clone(),
        weights,
    }
}
