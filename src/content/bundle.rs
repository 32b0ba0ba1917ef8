//! [`Bundle`]: everything the widget shows, read from the data files and checked as a whole.
//!
//! `build.rs` includes this file to validate the data before compiling it in, so it names
//! only `data`, `fit::model`, `fit::flags` and `i18n`, and reads no file itself.

use super::evidence::{Evidence, Lang};
use super::i18n::{self, Messages};
use super::questionnaire::Questionnaire;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
