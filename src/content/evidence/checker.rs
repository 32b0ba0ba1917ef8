//! [`Checker`]: the problems of one validation run of the evidence, and the source ids that
//! were cited, so that an uncited source can be reported at the end.

use super::error::DataError;
use super::types::*;
use super::validate_trace;
use std::collections::BTreeSet;

/// Collects the problems of one validation run and the source ids that were cited.
pub(super) struct Checker<'a> {
    pub(super) known_sources: BTreeSet<&'a str>,
    pub(super) cited: BTreeSet<String>,
    pub(super) errors: Vec<DataError>,
}

impl<'a> Checker<'a> {
    pub(super) fn cite(
        &mut self,
        file: &str,
        option: Option<OptionId>,
        row: &str,
        sources: &SourceIds,
    ) {
        for id in sources.iter() {
            if self.known_sources.contains(id) {
                self.cited.insert(id.to_string());
            } else {
                self.errors.push(DataError::at(
                    file,
                    option,
                    Some(row),
                    format!("cites `{id}`, which is not in sources.toml"),
                ));
            }
        }
    }

    pub(super) fn text(
        &mut self,
        file: &str,
        option: Option<OptionId>,
        row: &str,
        en: &str,
        es: &str,
    ) {
        for (lang, value) in [("en", en), ("es", es)] {
            if is_untranslated(value) {
                self.errors.push(DataError::at(
                    file,
                    option,
                    Some(row),
                    format!("the `{lang}` text is empty"),
                ));
            }
        }
    }

    pub(super) fn claim(&mut self, file: &str, option: Option<OptionId>, row: &str, claim: &Claim) {
        self.text(file, option, row, &claim.en, &claim.es);
        self.cite(file, option, row, &claim.sources);
        self.errors
            .extend(validate_trace::claim_problems(file, option, row, claim));
    }

    pub(super) fn localized(
        &mut self,
        file: &str,
        option: Option<OptionId>,
        row: &str,
        text: &Text,
    ) {
        self.text(file, option, row, &text.en, &text.es);
    }

    pub(super) fn error(
        &mut self,
        file: &str,
        option: Option<OptionId>,
        row: Option<&str>,
        message: String,
    ) {
        self.errors.push(DataError::at(file, option, row, message));
    }
}
