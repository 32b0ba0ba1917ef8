//! Bundled evidence: loading the data files, and validating them into an [`Evidence`] value.
//!
//! The data lives as TOML files beside this module (one file per concern, one per option).
//! [`Evidence::from_files`] reads them, given as a map of file name → JSON value, and reports
//! every problem with the file, option and row it concerns. `build.rs` runs it on the real
//! files (the build fails on bad data) and compiles the validated result in; the tests run it
//! on the files and on broken copies of them. This module reads no file itself, so that
//! `build.rs` can include it.

mod checker;
mod error;
mod evidence_table;
mod outcomes;
mod trace;
mod types;
mod validate;
mod validate_option;
mod validate_trace;
mod vocabulary;

pub use evidence_table::evidence_table;
pub use outcomes::*;
pub use trace::*;
pub use types::*;
pub use validate::{parse_date, DataError};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// All the evidence the widget shows, checked for sources, ranges, dates and balance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub meta: Meta,
    /// Sources in the order of `sources.toml`; their position gives the citation number.
    pub sources: Vec<Source>,
    pub sections: Vec<ComparisonSection>,
    /// One entry per option, in [`OptionId::ALL`] order.
    pub options: Vec<TreatmentOption>,
    pub outcomes: Vec<Outcome>,
    pub glossary: Vec<Term>,
    pub combination: Combination,
    /// The harm topics each option must cover.
    pub harms: HarmChecklist,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionsFile {
    sections: Vec<ComparisonSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutcomesFile {
    outcomes: Vec<Outcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    terms: Vec<Term>,
}

/// Reads evidence file `name` into its typed shape from `input` and drops the result: the
/// first pass of [`crate::content::bundle::check_shape`], whose errors carry line and column.
/// A name that is no evidence file passes (the checks report missing files).
pub fn check_shape<'de, D: serde::Deserializer<'de>>(name: &str, input: D) -> Result<(), D::Error> {
    match name {
        "meta.toml" => Meta::deserialize(input).map(drop),
        "sources.toml" => SourcesFile::deserialize(input).map(drop),
        "sections.toml" => SectionsFile::deserialize(input).map(drop),
        "outcomes.toml" => OutcomesFile::deserialize(input).map(drop),
        "glossary.toml" => GlossaryFile::deserialize(input).map(drop),
        "combination.toml" => Combination::deserialize(input).map(drop),
        "harms.toml" => HarmChecklist::deserialize(input).map(drop),
        _ if name.starts_with("options/") => TreatmentOption::deserialize(input).map(drop),
        _ => Ok(()),
    }
}

impl Evidence {
    /// Builds and validates the evidence from data files given by name.
    pub fn from_files(
        files: &BTreeMap<String, serde_json::Value>,
    ) -> Result<Evidence, Vec<DataError>> {
        let mut errors = Vec::new();
        let meta = parse_file::<Meta>(files, "meta.toml", &mut errors);
        let sources = parse_file::<SourcesFile>(files, "sources.toml", &mut errors);
        let sections = parse_file::<SectionsFile>(files, "sections.toml", &mut errors);
        let outcomes = parse_file::<OutcomesFile>(files, "outcomes.toml", &mut errors);
        let glossary = parse_file::<GlossaryFile>(files, "glossary.toml", &mut errors);
        let combination = parse_file::<Combination>(files, "combination.toml", &mut errors);
        let harms = parse_file::<HarmChecklist>(files, "harms.toml", &mut errors);
        let mut options = Vec::new();
        for id in OptionId::ALL {
            let name = option_file(id);
            if let Some(option) = parse_file::<TreatmentOption>(files, &name, &mut errors) {
                if option.id == id {
                    options.push(option);
                } else {
                    errors.push(DataError::file(
                        &name,
                        format!("the file holds option `{}`, expected `{id}`", option.id),
                    ));
                }
            }
        }
        let (
            Some(meta),
            Some(sources),
            Some(sections),
            Some(outcomes),
            Some(glossary),
            Some(combination),
            Some(harms),
        ) = (
            meta,
            sources,
            sections,
            outcomes,
            glossary,
            combination,
            harms,
        )
        else {
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let evidence = Evidence {
            meta,
            sources: sources.sources,
            sections: sections.sections,
            options,
            outcomes: outcomes.outcomes,
            glossary: glossary.terms,
            combination,
            harms,
        };
        let problems = validate::validate(&evidence);
        if problems.is_empty() {
            Ok(evidence)
        } else {
            Err(problems)
        }
    }

    /// The evidence as the widget needs it: the same, less the quotes behind the figures,
    /// which only the clinicians' evidence table shows (they would make the wasm larger).
    pub fn without_quotes(mut self) -> Evidence {
        let mut claims: Vec<&mut Claim> = vec![&mut self.meta.no_head_to_head];
        claims.extend(self.sections.iter_mut().map(|section| &mut section.summary));
        claims.extend(self.combination.claims.iter_mut());
        for option in &mut self.options {
            option.schedule.quotes = Vec::new();
            claims.push(&mut option.summary);
            claims.extend(option.rows.values_mut().flatten());
        }
        for outcome in &mut self.outcomes {
            outcome.quote = OutcomeQuote::default();
            claims.push(&mut outcome.caveat);
        }
        for claim in claims {
            claim.quotes = Vec::new();
        }
        self
    }

    /// The option with `id`; every id is present once validation has passed.
    pub fn option(&self, id: OptionId) -> Option<&TreatmentOption> {
        self.options.iter().find(|option| option.id == id)
    }

    /// The source with `id` and its citation number (1-based, the order of `sources.toml`).
    pub fn source(&self, id: &str) -> Option<(usize, &Source)> {
        self.sources
            .iter()
            .enumerate()
            .find(|(_, source)| source.id == id)
            .map(|(index, source)| (index + 1, source))
    }

    /// The outcomes of `option` for `measure`, ranked by [`outcomes::ranked`]: the first is
    /// the one the comparison shows.
    pub fn outcomes_for(&self, option: OptionId, measure: Measure) -> Vec<&Outcome> {
        outcomes::ranked(&self.outcomes, option, measure)
    }
}

/// The data file that holds `id`.
pub fn option_file(id: OptionId) -> String {
    format!("options/{id}.toml")
}

fn parse_file<T: DeserializeOwned>(
    files: &BTreeMap<String, serde_json::Value>,
    name: &str,
    errors: &mut Vec<DataError>,
) -> Option<T> {
    let Some(value) = files.get(name) else {
        errors.push(DataError::file(name, "the file is missing".to_string()));
        return None;
    };
    match T::deserialize(value) {
        Ok(parsed) => Some(parsed),
        Err(err) => {
            errors.push(DataError::file(name, err.to_string()));
            None
        }
    }
}
