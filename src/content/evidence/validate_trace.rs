//! The checks that keep figures traceable and harms complete: a number needs the quote that
//! gives it, an outcome needs its scale, rater, time point and quote, and every option must
//! name each harm topic its family requires.

use super::error::DataError;
use super::trace::{has_number, quote_gives, HarmTopic, Quote};
use super::types::Claim;
use super::vocabulary::{OptionId, SourceIds};
use super::{option_file, Evidence};
use std::collections::BTreeSet;

/// Every traceability problem of one claim, located by `file`, `option` and `row`.
pub fn claim_problems(
    file: &str,
    option: Option<OptionId>,
    row: &str,
    claim: &Claim,
) -> Vec<DataError> {
    quote_problems(file, option, row, &claim.en, &claim.sources, &claim.quotes)
}

/// Every traceability problem of a sentence with its sources and quotes: a number with no
/// quote, a quote from a source the sentence does not cite, or an empty quote.
pub fn quote_problems(
    file: &str,
    option: Option<OptionId>,
    row: &str,
    english: &str,
    sources: &SourceIds,
    quotes: &[Quote],
) -> Vec<DataError> {
    let mut errors = Vec::new();
    let mut error = |message: String| errors.push(DataError::at(file, option, Some(row), message));
    if has_number(english) && quotes.is_empty() {
        error(
            "the text states a number but has no quote; add `quotes` with the source's own words that give it"
                .to_string(),
        );
    }
    for quote in quotes {
        if !sources.iter().any(|id| id == quote.source) {
            error(format!(
                "a quote is from `{}`, which the text does not cite in `sources`",
                quote.source
            ));
        }
        if quote.text.trim().is_empty() || quote.at.trim().is_empty() {
            error("a quote needs both `text` and `at` (where in the source it stands)".to_string());
        }
    }
    errors
}

/// Every problem with the outcomes' designs, scales, quotes and figures.
pub fn outcome_problems(evidence: &Evidence) -> Vec<DataError> {
    let file = "outcomes.toml";
    let mut errors = Vec::new();
    for (index, outcome) in evidence.outcomes.iter().enumerate() {
        let row = format!("outcome {} ({})", index + 1, outcome.study);
        let mut error = |message: String| {
            errors.push(DataError::at(
                file,
                Some(outcome.option),
                Some(&row),
                message,
            ))
        };
        if outcome.participants == 0 {
            error("`participants` must say how many people the study had".to_string());
        }
        if outcome.cutoff.en.trim().is_empty() || outcome.cutoff.es.trim().is_empty() {
            error("`cutoff` must say in both languages what counted".to_string());
        }
        if outcome.quote.text.trim().is_empty() || outcome.quote.at.trim().is_empty() {
            error(
                "the outcome needs a `quote` with the study's words and where they stand"
                    .to_string(),
            );
            continue;
        }
        if !quote_gives(&outcome.quote.text, outcome.per_100) {
            error(format!(
                "the quote does not give {} out of 100 (as a percentage or a count)",
                outcome.per_100
            ));
        }
        if let Some(comparison) = &outcome.comparison {
            if !quote_gives(&outcome.quote.text, comparison.per_100) {
                error(format!(
                    "the quote does not give the comparison's {} out of 100",
                    comparison.per_100
                ));
            }
        }
    }
    errors
}

/// Every required harm topic that no claim of an option covers.
pub fn harm_problems(evidence: &Evidence) -> Vec<DataError> {
    let mut errors = Vec::new();
    for option in &evidence.options {
        let covered: BTreeSet<HarmTopic> = option
            .rows
            .values()
            .flatten()
            .flat_map(|claim| claim.harms.iter().copied())
            .collect();
        for topic in evidence.harms.required(option.id) {
            if !covered.contains(&topic) {
                errors.push(DataError::at(
                    &option_file(option.id),
                    Some(option.id),
                    Some("side_effects"),
                    format!(
                        "no claim covers the harm topic `{}`, which harms.toml requires; add one tagged harms = [\"{}\"]",
                        topic.as_str(),
                        topic.as_str()
                    ),
                ));
            }
        }
    }
    errors
}
