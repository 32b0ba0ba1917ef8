//! A person's answers: choices per question, priority ratings, the SURE check and where they lean.
//!
//! [`Answers`] is plain serde data so the UI can keep it in state, the share link can carry it
//! and storage can keep it. [`Questionnaire::sanitize`] drops anything the current questionnaire
//! does not know, so old or edited answers never reach the engine.

use crate::content::questionnaire::{
    ChoiceId, PriorityId, QuestionId, QuestionKind, Questionnaire, MAX_RATING,
};
use crate::content::OptionId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Everything a person has answered so far; every part may be missing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// The chosen choice ids of each answered question (one for a single-choice question).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<QuestionId, Vec<ChoiceId>>,
    /// The 0–3 rating of each rated priority.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<PriorityId, u8>,
    /// The answer to "where are you leaning?".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leaning: Option<Leaning>,
    /// The four yes/no items of the SURE check.
    #[serde(default, skip_serializing_if = "SureAnswers::is_empty")]
    pub sure: SureAnswers,
}

impl Answers {
    /// Answers a single-choice question, replacing any earlier answer.
    pub fn choose(&mut self, question: &str, choice: &str) {
        self.choices
            .insert(QuestionId::from(question), vec![ChoiceId::from(choice)]);
    }

    /// Sets all the choices of a multiple-choice question at once (empty clears it).
    pub fn choose_many(&mut self, question: &str, choices: &[&str]) {
        if choices.is_empty() {
            self.choices.remove(&QuestionId::from(question));
        } else {
            let ids = choices
                .iter()
                .map(|choice| ChoiceId::from(*choice))
                .collect();
            self.choices.insert(QuestionId::from(question), ids);
        }
    }

    /// Adds or removes one choice of a multiple-choice question; an `exclusive` choice
    /// (such as "None of these") clears the others, and any other choice clears it.
    pub fn toggle(&mut self, questionnaire: &Questionnaire, question: &str, choice: &str) {
        let question_id = QuestionId::from(question);
        let choice_id = ChoiceId::from(choice);
        let exclusive = |id: &ChoiceId| {
            questionnaire
                .question(&question_id)
                .and_then(|question| question.choice(id))
                .is_some_and(|choice| choice.exclusive)
        };
        let mut chosen = self.selected(question).to_vec();
        if let Some(position) = chosen.iter().position(|id| id == &choice_id) {
            chosen.remove(position);
        } else if exclusive(&choice_id) {
            chosen = vec![choice_id];
        } else {
            chosen.retain(|id| !exclusive(id));
            chosen.push(choice_id);
        }
        if chosen.is_empty() {
            self.choices.remove(&question_id);
        } else {
            self.choices.insert(question_id, chosen);
        }
    }

    /// Removes the answer to `question` (the "skip" button, or changing one's mind).
    pub fn clear(&mut self, question: &str) {
        self.choices.remove(&QuestionId::from(question));
    }

    /// Rates a priority from 0 (not important) to 3 (very important); higher values become 3.
    pub fn rate(&mut self, priority: &str, rating: u8) {
        self.ratings
            .insert(PriorityId::from(priority), rating.min(MAX_RATING));
    }

    /// The chosen choice ids of `question`, empty when unanswered.
    pub fn selected(&self, question: &str) -> &[ChoiceId] {
        self.choices
            .get(&QuestionId::from(question))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Whether `choice` is among the answers to `question`.
    pub fn has(&self, question: &str, choice: &str) -> bool {
        self.selected(question)
            .iter()
            .any(|chosen| chosen.as_str() == choice)
    }

    /// Whether nothing at all has been answered.
    pub fn is_empty(&self) -> bool {
        self.choices.is_empty()
            && self.ratings.is_empty()
            && self.leaning.is_none()
            && self.sure.is_empty()
    }
}

/// Where a person is leaning after reading the results: one option, or not sure yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Leaning {
    Option(OptionId),
    NotSure,
}

impl Leaning {
    /// The id as stored: an option id or `not-sure`.
    pub fn as_str(self) -> &'static str {
        match self {
            Leaning::Option(option) => option.as_str(),
            Leaning::NotSure => "not-sure",
        }
    }

    /// Reads a stored id; `None` for anything else.
    pub fn parse(raw: &str) -> Option<Leaning> {
        if raw == "not-sure" {
            return Some(Leaning::NotSure);
        }
        OptionId::from_id(raw).map(Leaning::Option)
    }
}

impl fmt::Display for Leaning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for Leaning {
    type Error = String;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        Leaning::parse(&raw).ok_or_else(|| format!("`{raw}` is not an option id or `not-sure`"))
    }
}

impl From<Leaning> for String {
    fn from(leaning: Leaning) -> Self {
        leaning.as_str().to_string()
    }
}

/// The four yes/no items of the SURE test (Légaré 2010); `None` where not answered yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SureAnswers {
    /// Do you feel sure about the best choice for you?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sure: Option<bool>,
    /// Do you know the benefits and risks of each option?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub understand: Option<bool>,
    /// Are you clear about which benefits and risks matter most to you?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_benefit: Option<bool>,
    /// Do you have enough support and advice to make a choice?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encouragement: Option<bool>,
}

impl SureAnswers {
    /// Whether no item has been answered.
    pub fn is_empty(&self) -> bool {
        self.items().iter().all(Option::is_none)
    }

    /// The four items in SURE order.
    pub fn items(&self) -> [Option<bool>; 4] {
        [
            self.sure,
            self.understand,
            self.risk_benefit,
            self.encouragement,
        ]
    }

    /// Sets the item with `id` (`sure`, `understand`, `risk-benefit`, `encouragement`);
    /// returns false for an unknown id.
    pub fn set(&mut self, id: &str, value: Option<bool>) -> bool {
        let slot = match id {
            "sure" => &mut self.sure,
            "understand" => &mut self.understand,
            "risk-benefit" => &mut self.risk_benefit,
            "encouragement" => &mut self.encouragement,
            _ => return false,
        };
        *slot = value;
        true
    }
}

impl Questionnaire {
    /// Keeps only what this questionnaire knows: known questions and choices, one choice for a
    /// single-choice question, no duplicates, and known priorities rated 0–3. Returns the clean
    /// answers and how many entries were dropped.
    pub fn sanitize(&self, answers: Answers) -> (Answers, usize) {
        let mut dropped = 0;
        let mut clean = Answers {
            choices: BTreeMap::new(),
            ratings: BTreeMap::new(),
            leaning: answers.leaning,
            sure: answers.sure,
        };
        for (question_id, chosen) in answers.choices {
            let Some(question) = self.question(&question_id) else {
                dropped += chosen.len().max(1);
                continue;
            };
            let mut kept: Vec<ChoiceId> = Vec::new();
            for choice in chosen {
                let known = question.choice(&choice).is_some();
                let room = question.kind == QuestionKind::Multiple || kept.is_empty();
                if known && room && !kept.contains(&choice) {
                    kept.push(choice);
                } else {
                    dropped += 1;
                }
            }
            if !kept.is_empty() {
                clean.choices.insert(question_id, kept);
            }
        }
        for (priority_id, rating) in answers.ratings {
            let known = self
                .questions
                .iter()
                .any(|question| question.priority(&priority_id).is_some());
            if known && rating <= MAX_RATING {
                clean.ratings.insert(priority_id, rating);
            } else {
                dropped += 1;
            }
        }
        (clean, dropped)
    }
}
