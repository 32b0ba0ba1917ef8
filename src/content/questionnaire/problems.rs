//! [`Problems`]: every problem found while reading the questionnaire's parts, each naming where it is.

use super::QUESTIONS_DIR;
use crate::content::evidence::{is_untranslated, DataError, Lang, Text};
use std::fmt;

/// Collects every problem found while validating, each naming where it is: the file of the
/// part being read (`file`, which the reader sets as it goes) and the place in it.
pub(super) struct Problems {
    pub(super) errors: Vec<DataError>,
    pub(super) file: String,
}

impl Default for Problems {
    fn default() -> Problems {
        Problems {
            errors: Vec::new(),
            file: QUESTIONS_DIR.to_string(),
        }
    }
}

impl Problems {
    pub(super) fn add(&mut self, place: &str, message: impl fmt::Display) {
        self.errors
            .push(DataError::file(&self.file, format!("{place}: {message}")));
    }

    pub(super) fn text(&mut self, place: &str, what: &str, text: &Text) {
        let missing = Lang::ALL
            .into_iter()
            .filter(|lang| is_untranslated(text.get(*lang)));
        for lang in missing {
            let name = match lang {
                Lang::En => "English",
                Lang::Es => "Spanish",
            };
            self.add(
                place,
                format!("{what} has no {name} (`{}`) text", lang.tag()),
            );
        }
    }

    pub(super) fn id(&mut self, place: &str, what: &str, id: &str) {
        let well_formed = !id.is_empty()
            && id.len() <= 40
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            self.add(
                place,
                format!("{what} id `{id}` must be 1–40 lowercase letters, digits or dashes"),
            );
        }
    }
}
