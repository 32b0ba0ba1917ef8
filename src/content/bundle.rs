//! [`Bundle`]: everything the widget shows, read from the data files and checked as a whole.
//!
//! Content is read in two passes. [`check_shape`] reads each file's text straight into its
//! typed shape, so a mistake of shape (an unknown key, a wrong type, a missing field) is
//! reported with its line and column; `build.rs` runs it on every TOML file first. Then
//! [`Bundle::from_files`] checks the content itself and names the option, question and row.
//! `build.rs` includes this file, so it names only `evidence`, `questionnaire` and `i18n`, and
//! reads no file itself.

use super::evidence::{self, Evidence, Lang};
use super::i18n::{self, Messages};
use super::questionnaire::flags::FLAGS_FILE;
use super::questionnaire::{self, Questionnaire, QUESTIONS_DIR};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Reads content file `name` into its typed shape from `input` (for example a
/// `toml::Deserializer` over the file's text, whose errors say the line and column).
pub fn check_shape<'de, D: serde::Deserializer<'de>>(name: &str, input: D) -> Result<(), D::Error> {
    if name.starts_with("i18n/") {
        i18n::check_shape(input)
    } else if name.starts_with(QUESTIONS_DIR) || name == FLAGS_FILE {
        questionnaire::check_shape(name, input)
    } else {
        evidence::check_shape(name, input)
    }
}

/// The evidence, the questionnaire checked against it, and both message catalogues.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub evidence: Evidence,
    pub questionnaire: Questionnaire,
    pub english: Messages,
    pub spanish: Messages,
}

impl Bundle {
    /// The bundle as the widget carries it: the evidence without its quotes.
    pub fn for_widget(self) -> Bundle {
        Bundle {
            evidence: self.evidence.without_quotes(),
            ..self
        }
    }

    /// Reads and validates every data file and catalogue, given by file name as JSON values;
    /// each error names its file (and, where it applies, the option and row).
    pub fn from_files(files: &BTreeMap<String, serde_json::Value>) -> Result<Bundle, Vec<String>> {
        let evidence = Evidence::from_files(files);
        let catalogues = i18n::load_catalogues(files);
        let questionnaire = Questionnaire::from_files(files);
        match (evidence, catalogues, questionnaire) {
            (Ok(evidence), Ok(mut catalogues), Ok(questionnaire)) => {
                if let Err(errors) = questionnaire.check_against(&evidence) {
                    return Err(errors.iter().map(ToString::to_string).collect());
                }
                match (catalogues.remove(&Lang::En), catalogues.remove(&Lang::Es)) {
                    (Some(english), Some(spanish)) => Ok(Bundle {
                        evidence,
                        questionnaire,
                        english,
                        spanish,
                    }),
                    _ => Err(vec!["a message catalogue is missing".to_string()]),
                }
            }
            (evidence, catalogues, questionnaire) => {
                let mut errors: Vec<String> = evidence
                    .err()
                    .unwrap_or_default()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                errors.extend(catalogues.err().unwrap_or_default());
                errors.extend(
                    questionnaire
                        .err()
                        .unwrap_or_default()
                        .iter()
                        .map(ToString::to_string),
                );
                Err(errors)
            }
        }
    }
}
