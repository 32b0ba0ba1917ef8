//! [`Answers`] to and from the JSON that share links and stored state have always carried:
//! written key for key as serde_json wrote it (empty parts left out), and read with its rules
//! (unknown keys ignored, a repeated key inside a map keeps the last, a repeated field fails).

use super::json::{write_string, Json};
use crate::content::questionnaire::{ChoiceId, PriorityId, QuestionId};
use crate::fit::answers::{Answers, Leaning, SureAnswers};
use std::collections::BTreeMap;

/// How to reach one SURE item's answer.
type SureSlot = fn(&mut SureAnswers) -> &mut Option<bool>;

/// The SURE items' keys in the order written, with how to reach each.
const SURE_KEYS: [(&str, SureSlot); 4] = [
    ("sure", |sure| &mut sure.sure),
    ("understand", |sure| &mut sure.understand),
    ("risk_benefit", |sure| &mut sure.risk_benefit),
    ("encouragement", |sure| &mut sure.encouragement),
];

/// Appends `answers` as a JSON object.
pub fn write_answers(out: &mut String, answers: &Answers) {
    let mut fields = Fields::open(out);
    if !answers.choices.is_empty() {
        let out = fields.key("choices");
        out.push('{');
        for (index, (question, choices)) in answers.choices.iter().enumerate() {
            comma(out, index);
            write_string(out, question.as_str());
            out.push_str(":[");
            for (index, choice) in choices.iter().enumerate() {
                comma(out, index);
                write_string(out, choice.as_str());
            }
            out.push(']');
        }
        out.push('}');
    }
    if !answers.ratings.is_empty() {
        let out = fields.key("ratings");
        out.push('{');
        for (index, (priority, rating)) in answers.ratings.iter().enumerate() {
            comma(out, index);
            write_string(out, priority.as_str());
            out.push(':');
            out.push_str(&rating.to_string());
        }
        out.push('}');
    }
    if let Some(leaning) = answers.leaning {
        write_string(fields.key("leaning"), leaning.as_str());
    }
    if !answers.sure.is_empty() {
        let mut copy = answers.sure;
        let mut sure = Fields::open(fields.key("sure"));
        for (key, slot) in SURE_KEYS {
            if let Some(value) = *slot(&mut copy) {
                sure.key(key).push_str(if value { "true" } else { "false" });
            }
        }
        sure.close();
    }
    fields.close();
}

/// Reads answers from a JSON value; the error says what did not fit.
pub fn read_answers(value: &Json) -> Result<Answers, String> {
    let members = fields(value, "answers", &["choices", "ratings", "leaning", "sure"])?;
    let mut answers = Answers::default();
    for (key, value) in members {
        match key.as_str() {
            "choices" => answers.choices = read_choices(value)?,
            "ratings" => answers.ratings = read_ratings(value)?,
            "leaning" => {
                answers.leaning = match value {
                    Json::Null => None,
                    Json::String(raw) => Some(
                        Leaning::parse(raw)
                            .ok_or_else(|| format!("`{raw}` is not an option id or `not-sure`"))?,
                    ),
                    other => return Err(format!("leaning is {}", other.kind())),
                }
            }
            "sure" => answers.sure = read_sure(value)?,
            _ => {}
        }
    }
    Ok(answers)
}

fn read_choices(value: &Json) -> Result<BTreeMap<QuestionId, Vec<ChoiceId>>, String> {
    let members = value
        .members()
        .ok_or_else(|| format!("choices is {}", value.kind()))?;
    let mut choices = BTreeMap::new();
    for (question, chosen) in members {
        let Json::Array(items) = chosen else {
            return Err(format!("the choices of `{question}` are {}", chosen.kind()));
        };
        let ids = items
            .iter()
            .map(|item| match item {
                Json::String(choice) => Ok(ChoiceId::from(choice.as_str())),
                other => Err(format!("a choice of `{question}` is {}", other.kind())),
            })
            .collect::<Result<Vec<_>, _>>()?;
        choices.insert(QuestionId::from(question), ids);
    }
    Ok(choices)
}

fn read_ratings(value: &Json) -> Result<BTreeMap<PriorityId, u8>, String> {
    let members = value
        .members()
        .ok_or_else(|| format!("ratings is {}", value.kind()))?;
    let mut ratings = BTreeMap::new();
    for (priority, rating) in members {
        ratings.insert(PriorityId::from(priority), small_number(rating, priority)?);
    }
    Ok(ratings)
}

fn read_sure(value: &Json) -> Result<SureAnswers, String> {
    let mut sure = SureAnswers::default();
    let known = SURE_KEYS.map(|(key, _)| key);
    for (key, value) in fields(value, "sure", &known)? {
        if let Some((_, slot)) = SURE_KEYS.iter().find(|(name, _)| name == key) {
            *slot(&mut sure) = match value {
                Json::Null => None,
                Json::Bool(answer) => Some(*answer),
                other => return Err(format!("sure.{key} is {}", other.kind())),
            };
        }
    }
    Ok(sure)
}

/// A whole number from 0 to 255, as a `u8` field takes it; `what` names it in the error.
pub fn small_number(value: &Json, what: &str) -> Result<u8, String> {
    match value {
        Json::Number(Some(number)) => {
            u8::try_from(*number).map_err(|_| format!("`{what}` is {number}, above 255"))
        }
        other => Err(format!("`{what}` is {}, not a whole number", other.kind())),
    }
}

/// The members of an object read as a struct: each of its `known` fields at most once (other
/// keys are ignored, repeated or not).
pub fn fields<'a>(
    value: &'a Json,
    what: &str,
    known: &[&str],
) -> Result<&'a [(String, Json)], String> {
    let Json::Object(members) = value else {
        return Err(format!("{what} is {}, not an object", value.kind()));
    };
    for (index, (key, _)) in members.iter().enumerate() {
        let repeated = members
            .iter()
            .skip(index + 1)
            .any(|(other, _)| other == key);
        if repeated && known.contains(&key.as_str()) {
            return Err(format!("duplicate field `{key}`"));
        }
    }
    Ok(members)
}

fn comma(out: &mut String, index: usize) {
    if index > 0 {
        out.push(',');
    }
}

/// An object being written: `{`, then `"key":` pairs with commas between, then `}`.
pub struct Fields<'a> {
    out: &'a mut String,
    count: usize,
}

impl<'a> Fields<'a> {
    pub fn open(out: &'a mut String) -> Self {
        out.push('{');
        Fields { out, count: 0 }
    }

    /// Writes the next key and returns the text to write its value into.
    pub fn key(&mut self, key: &str) -> &mut String {
        comma(self.out, self.count);
        self.count += 1;
        write_string(self.out, key);
        self.out.push(':');
        self.out
    }

    pub fn close(self) {
        self.out.push('}');
    }
}
