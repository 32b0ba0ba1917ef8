//! The questionnaire's files, one per part in the order asked (`questions/safety.toml` …
//! `questions/priorities.toml`), put together into one value: each question takes its part
//! from its file, and the mood check's and the deciding step's texts come from one file each.

use super::flags::FLAGS_FILE;
use super::raw::RawPart;
use super::Section;
use crate::content::evidence::DataError;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The folder of the questionnaire's files, as file names in the bundle begin.
pub const QUESTIONS_DIR: &str = "questions/";

/// The file that holds the questions of `section`.
pub fn part_file(section: Section) -> String {
    format!("{QUESTIONS_DIR}{}.toml", section.as_str())
}

/// The parts' files of `files` as one questionnaire value: every part's questions in the
/// order of the parts, each with its `section`, and each other table (`phq9`, `sure`,
/// `leaning`, the shared answer lists) from the one file that holds it.
pub fn put_together(files: &BTreeMap<String, Value>) -> Result<Value, Vec<DataError>> {
    let mut errors = Vec::new();
    let parts: Vec<String> = Section::ALL.into_iter().map(part_file).collect();
    for name in files.keys().filter(|name| name.starts_with(QUESTIONS_DIR)) {
        if !parts.contains(name) {
            errors.push(DataError::file(
                name,
                format!(
                    "is not a part of the questionnaire, which are {}",
                    parts.join(", ")
                ),
            ));
        }
    }
    let mut whole = Map::new();
    let mut questions = Vec::new();
    let mut choice_sets = Map::new();
    for section in Section::ALL {
        let name = part_file(section);
        let Some(table) = files.get(&name).and_then(Value::as_object) else {
            errors.push(DataError::file(&name, "the file is missing".to_string()));
            continue;
        };
        for (key, value) in table {
            match key.as_str() {
                "questions" => {
                    for question in value.as_array().into_iter().flatten() {
                        questions.push(with_section(question, section, &name, &mut errors));
                    }
                }
                "choice_sets" => {
                    for (set, choices) in value.as_object().into_iter().flatten() {
                        if choice_sets.insert(set.clone(), choices.clone()).is_some() {
                            errors.push(DataError::file(
                                &name,
                                format!("the answer list `{set}` is also in another part"),
                            ));
                        }
                    }
                }
                _ => {
                    if whole.insert(key.clone(), value.clone()).is_some() {
                        errors.push(DataError::file(
                            &name,
                            format!("`{key}` is also in another part; give it once"),
                        ));
                    }
                }
            }
        }
    }
    whole.insert("choice_sets".to_string(), Value::Object(choice_sets));
    whole.insert("questions".to_string(), Value::Array(questions));
    if errors.is_empty() {
        Ok(Value::Object(whole))
    } else {
        Err(errors)
    }
}

/// `question` with its part as its `section`; a question that names a section itself is
/// reported, since its file already says which part it is in.
fn with_section(
    question: &Value,
    section: Section,
    file: &str,
    errors: &mut Vec<DataError>,
) -> Value {
    let mut question = question.clone();
    if let Some(fields) = question.as_object_mut() {
        if fields.contains_key("section") {
            let id = fields.get("id").and_then(Value::as_str).unwrap_or("?");
            errors.push(DataError::file(
                file,
                format!("question `{id}` says its section; its file says that already"),
            ));
        }
        fields.insert("section".to_string(), Value::from(section.as_str()));
    }
    question
}

/// Reads a part's file (`questions/….toml`) or `flags.toml` into its file shape from `input`
/// and drops the result, for [`crate::content::bundle::check_shape`]; any other name passes.
pub fn check_shape<'de, D: serde::Deserializer<'de>>(name: &str, input: D) -> Result<(), D::Error> {
    if name.starts_with(QUESTIONS_DIR) {
        return RawPart::deserialize(input).map(drop);
    }
    match name {
        FLAGS_FILE => super::flags_read::check_shape(input),
        _ => Ok(()),
    }
}
