//! [`Problems`]: every problem found while reading `questions.toml`, each naming where it is.

use super::QUESTIONS_FILE;
use crate::content::evidence::{is_untranslated, DataError, Lang, Text};
use std::fmt;

/// Collects every problem found while validating, each naming where it is.
#[derive(Default)]
pub(super) struct Problems {
    pub(super) errors: Vec<DataError>,
}

impl Problems {
    pub(super) fn add(&mut self, place: &str, message: impl fmt::Display) {
        self.errors.push(DataError::file(
            QUESTIONS_FILE,
            format!("{place}: {message}"),
        ));
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
