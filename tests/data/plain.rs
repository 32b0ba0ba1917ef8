//! Plain language: every English patient-facing string of the evidence reads at grade 8 or
//! below.

use crate::support::content::evidence;
use crate::support::readability;
use ketamine_tms_widget::content::{Evidence, RowId};

/// The highest Flesch–Kincaid grade allowed for an English patient-facing string.
const MAX_GRADE: f64 = 8.0;
/// Strings shorter than this many words (labels, time points) are not graded.
const MIN_WORDS_GRADED: usize = 8;

/// Every English patient-facing string with the place it comes from (titles and names aside).
pub fn english_texts(evidence: &Evidence) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for option in &evidence.options {
        let file = format!("options/{}.toml", option.id);
        texts.push((format!("{file} summary"), option.summary.en.clone()));
        texts.push((format!("{file} schedule"), option.schedule.en.clone()));
        for row in RowId::ALL {
            for (index, claim) in option.row(row).iter().enumerate() {
                texts.push((
                    format!("{file} {row} claim {}", index + 1),
                    claim.en.clone(),
                ));
            }
        }
    }
    for (index, outcome) in evidence.outcomes.iter().enumerate() {
        let place = format!("outcomes.toml outcome {} ({})", index + 1, outcome.option);
        texts.push((format!("{place} caveat"), outcome.caveat.en.clone()));
        texts.push((format!("{place} timepoint"), outcome.timepoint.en.clone()));
        texts.push((format!("{place} population"), outcome.population.en.clone()));
        if let Some(comparison) = &outcome.comparison {
            texts.push((format!("{place} comparison"), comparison.label.en.clone()));
        }
    }
    for section in &evidence.sections {
        texts.push((
            format!("sections.toml {} summary", section.id),
            section.summary.en.clone(),
        ));
    }
    for term in &evidence.glossary {
        texts.push((
            format!("glossary.toml {} definition", term.id),
            term.definition.en.clone(),
        ));
    }
    let meta = &evidence.meta;
    for (what, text) in [
        ("update_policy", &meta.update_policy.en),
        ("funding", &meta.funding.en),
        ("method", &meta.method.en),
        ("not_advice", &meta.not_advice.en),
        ("no_head_to_head", &meta.no_head_to_head.en),
    ] {
        texts.push((format!("meta.toml {what}"), text.clone()));
    }
    for (index, claim) in evidence.combination.claims.iter().enumerate() {
        texts.push((
            format!("combination.toml claim {}", index + 1),
            claim.en.clone(),
        ));
    }
    texts
}

#[test]
fn english_text_reads_at_grade_8_or_below() {
    let evidence = evidence();
    let mut failures = Vec::new();
    for (place, text) in english_texts(&evidence) {
        if readability::word_count(&text) < MIN_WORDS_GRADED {
            continue;
        }
        let grade = readability::grade(&text);
        if grade > MAX_GRADE {
            failures.push(format!("{place}: grade {grade:.1}\n    {text}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} strings read above grade {MAX_GRADE}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
