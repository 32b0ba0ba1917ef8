//! Checks the parsed evidence: sources exist and are used, numbers are in range, every option
//! has every row, harms get as much room as benefits, dates parse and regulatory words are right.

use super::checker::Checker;
pub use super::error::DataError;
use super::trace::Quote;
use super::types::*;
use super::validate_option::check_option;
use super::validate_trace;
use super::Evidence;
use std::collections::{BTreeMap, BTreeSet};

/// Every problem found in `evidence`; empty when the data is sound.
pub fn validate(evidence: &Evidence) -> Vec<DataError> {
    let mut checker = Checker {
        known_sources: BTreeSet::new(),
        cited: BTreeSet::new(),
        errors: Vec::new(),
    };
    check_sources(evidence, &mut checker);
    check_meta(&evidence.meta, &mut checker);
    for option in &evidence.options {
        check_option(option, &mut checker);
    }
    check_outcomes(evidence, &mut checker);
    checker
        .errors
        .extend(validate_trace::outcome_problems(evidence));
    checker
        .errors
        .extend(validate_trace::harm_problems(evidence));
    check_sections(&evidence.sections, &mut checker);
    check_glossary(&evidence.glossary, &mut checker);
    checker.localized(
        "combination.toml",
        None,
        "title",
        &evidence.combination.title,
    );
    for (index, claim) in evidence.combination.claims.iter().enumerate() {
        checker.claim(
            "combination.toml",
            None,
            &format!("claim {}", index + 1),
            claim,
        );
    }
    if evidence.combination.claims.is_empty() {
        checker.error(
            "combination.toml",
            None,
            None,
            "there are no claims".to_string(),
        );
    }
    for source in &evidence.sources {
        if !checker.cited.contains(&source.id) {
            checker.error(
                "sources.toml",
                None,
                Some(&source.id),
                "this source is never cited; cite it or remove it".to_string(),
            );
        }
    }
    checker.errors
}

fn check_sources<'a>(evidence: &'a Evidence, checker: &mut Checker<'a>) {
    for source in &evidence.sources {
        let row = source.id.as_str();
        if !checker.known_sources.insert(row) {
            checker.error(
                "sources.toml",
                None,
                Some(row),
                "the id is used twice".to_string(),
            );
        }
        for (field, value) in [
            ("authors", &source.authors),
            ("title", &source.title),
            ("publisher", &source.publisher),
        ] {
            if value.trim().is_empty() {
                checker.error(
                    "sources.toml",
                    None,
                    Some(row),
                    format!("`{field}` is empty"),
                );
            }
        }
        if !(1950..=2100).contains(&source.year) {
            checker.error(
                "sources.toml",
                None,
                Some(row),
                format!("year {} is not a plausible publication year", source.year),
            );
        }
        if source.pmid.is_none()
            && source.doi.is_none()
            && source.number.is_none()
            && source.url.is_none()
        {
            checker.error(
                "sources.toml",
                None,
                Some(row),
                "give a PMID, DOI, document number or URL so the source can be found".to_string(),
            );
        }
        if let Some(pmid) = &source.pmid {
            if pmid.is_empty() || !pmid.chars().all(|c| c.is_ascii_digit()) {
                checker.error(
                    "sources.toml",
                    None,
                    Some(row),
                    format!("PMID `{pmid}` is not a number"),
                );
            }
        }
        if let Some(doi) = &source.doi {
            if !doi.starts_with("10.") {
                checker.error(
                    "sources.toml",
                    None,
                    Some(row),
                    format!("DOI `{doi}` does not start with 10."),
                );
            }
        }
        if let Some(url) = &source.url {
            if !url.starts_with("https://") {
                checker.error(
                    "sources.toml",
                    None,
                    Some(row),
                    format!("URL `{url}` is not https"),
                );
            }
        }
    }
}

fn check_meta(meta: &Meta, checker: &mut Checker<'_>) {
    let file = "meta.toml";
    let review = parse_date(&meta.review_date);
    let next = parse_date(&meta.next_review);
    if review.is_none() {
        checker.error(
            file,
            None,
            Some("review_date"),
            format!("`{}` is not a YYYY-MM-DD date", meta.review_date),
        );
    }
    if next.is_none() {
        checker.error(
            file,
            None,
            Some("next_review"),
            format!("`{}` is not a YYYY-MM-DD date", meta.next_review),
        );
    }
    if let (Some(review), Some(next)) = (review, next) {
        if next <= review {
            checker.error(
                file,
                None,
                Some("next_review"),
                "the next review must come after the last one".to_string(),
            );
        }
    }
    for (row, text) in [
        ("update_policy", &meta.update_policy),
        ("funding", &meta.funding),
        ("method", &meta.method),
        ("not_advice", &meta.not_advice),
    ] {
        checker.localized(file, None, row, text);
    }
    checker.claim(file, None, "no_head_to_head", &meta.no_head_to_head);
}

fn check_outcomes(evidence: &Evidence, checker: &mut Checker<'_>) {
    let file = "outcomes.toml";
    for (index, outcome) in evidence.outcomes.iter().enumerate() {
        let row = format!("outcome {} ({:?})", index + 1, outcome.measure);
        let id = Some(outcome.option);
        if outcome.per_100 > 100 {
            checker.error(
                file,
                id,
                Some(&row),
                format!("{} out of 100 is more than 100", outcome.per_100),
            );
        }
        if let Some(comparison) = &outcome.comparison {
            if comparison.per_100 > 100 {
                checker.error(
                    file,
                    id,
                    Some(&row),
                    format!(
                        "comparison {} out of 100 is more than 100",
                        comparison.per_100
                    ),
                );
            }
            checker.localized(file, id, &row, &comparison.label);
        }
        checker.localized(file, id, &row, &outcome.timepoint);
        checker.localized(file, id, &row, &outcome.cutoff);
        checker.localized(file, id, &row, &outcome.population);
        // The caveat may rest on the outcome's own quote, from the same study.
        checker.text(file, id, &row, &outcome.caveat.en, &outcome.caveat.es);
        checker.cite(file, id, &row, &outcome.caveat.sources);
        let quotes: Vec<Quote> = outcome
            .caveat
            .quotes
            .iter()
            .cloned()
            .chain(std::iter::once(Quote {
                source: outcome.study.clone(),
                at: outcome.quote.at.clone(),
                text: outcome.quote.text.clone(),
            }))
            .collect();
        checker.errors.extend(validate_trace::quote_problems(
            file,
            id,
            &row,
            &outcome.caveat.en,
            &outcome.caveat.sources,
            &quotes,
        ));
        checker.cite(file, id, &row, &outcome.study_ids());
    }
}

fn check_sections(sections: &[ComparisonSection], checker: &mut Checker<'_>) {
    let file = "sections.toml";
    let mut seen: BTreeMap<RowId, &str> = BTreeMap::new();
    for section in sections {
        let row = section.id.as_str();
        checker.localized(file, None, row, &section.title);
        checker.claim(file, None, row, &section.summary);
        if section.rows.len() != section.row_labels.len() {
            checker.error(
                file,
                None,
                Some(row),
                "give one row label for each row".to_string(),
            );
        }
        for label in &section.row_labels {
            checker.localized(file, None, row, label);
        }
        for id in &section.rows {
            if let Some(other) = seen.insert(*id, row) {
                checker.error(
                    file,
                    None,
                    Some(row),
                    format!("row {id} is already in section {other}"),
                );
            }
        }
    }
    for id in RowId::ALL {
        if !seen.contains_key(&id) {
            checker.error(
                file,
                None,
                None,
                format!("row {id} is in no section, so it would never show"),
            );
        }
    }
}

fn check_glossary(terms: &[Term], checker: &mut Checker<'_>) {
    let mut ids = BTreeSet::new();
    for term in terms {
        if !ids.insert(term.id.as_str()) {
            checker.error(
                "glossary.toml",
                None,
                Some(&term.id),
                "the id is used twice".to_string(),
            );
        }
        checker.localized("glossary.toml", None, &term.id, &term.term);
        checker.localized("glossary.toml", None, &term.id, &term.definition);
    }
}

/// Parses a `YYYY-MM-DD` date into a sortable triple: four, two and two digits, a real month
/// and a real day of it. The one calendar check, for the content's review dates and for the
/// dates of the stored PHQ-9 history (`fit::storage`).
pub fn parse_date(raw: &str) -> Option<(u16, u8, u8)> {
    let digits = |range: std::ops::Range<usize>| -> Option<&str> {
        raw.get(range)
            .filter(|part| part.bytes().all(|byte| byte.is_ascii_digit()))
    };
    if raw.len() != 10 || raw.get(4..5) != Some("-") || raw.get(7..8) != Some("-") {
        return None;
    }
    let year: u16 = digits(0..4)?.parse().ok()?;
    let month: u8 = digits(5..7)?.parse().ok()?;
    let day: u8 = digits(8..10)?.parse().ok()?;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then_some((year, month, day))
}
