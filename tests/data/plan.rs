//! What the evidence must and must not say: comparable detail across options, outcome rows
//! only where verified rates exist, and none of the wrong claims of the first draft.

use super::plain::english_texts;
use crate::support::content::evidence;
use ketamine_tms_widget::content::{OptionId, RowId};

#[test]
fn rows_have_comparable_detail_across_options() {
    // Equal detail: no option's total text may be under half of the longest option's.
    let evidence = evidence();
    let lengths: Vec<(OptionId, usize)> = evidence
        .options
        .iter()
        .map(|o| {
            (
                o.id,
                RowId::ALL
                    .iter()
                    .flat_map(|r| o.row(*r))
                    .map(|c| c.en.len())
                    .sum(),
            )
        })
        .collect();
    let longest = lengths.iter().map(|(_, n)| *n).max().unwrap_or(0);
    for (id, n) in &lengths {
        assert!(
            *n * 2 >= longest,
            "{id} has {n} characters of text, less than half of the longest ({longest})"
        );
    }
}

#[test]
fn outcomes_follow_the_evidence_plan() {
    let evidence = evidence();
    for id in [OptionId::Itbs, OptionId::KetamineTherapy] {
        assert!(
            evidence.outcomes.iter().all(|o| o.option != id),
            "{id} must have no outcome rows: no verified rates out of 100 exist for it"
        );
    }
    for id in [
        OptionId::IvKetamine,
        OptionId::Esketamine,
        OptionId::Tms,
        OptionId::AcceleratedTms,
        OptionId::Antidepressants,
    ] {
        assert!(
            evidence.outcomes.iter().any(|o| o.option == id),
            "{id} has no outcome rows"
        );
    }
}

#[test]
fn wrong_seed_claims_are_not_repeated() {
    let evidence = evidence();
    let forbidden = [
        "both are fda-approved",
        "ketamine is fda-approved",
        "30-60 minutes",
        "30–60 minutes",
        "30 to 60 minutes",
        "about 70 of 100",
        "~70%",
        "70% response",
        "50 to 70 of 100",
        "50%–70%",
        "one-third of people with depression",
    ];
    for (place, text) in english_texts(&evidence) {
        let lower = text.to_lowercase();
        for phrase in forbidden {
            // A match counts only at a word start, so "esketamine is" does not match "ketamine is".
            let repeated = lower.match_indices(phrase).any(|(at, _)| {
                lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            });
            assert!(
                !repeated,
                "{place} repeats a wrong seed claim ({phrase}): {text}"
            );
        }
    }
    let iv = evidence.option(OptionId::IvKetamine).expect("iv-ketamine");
    for row in RowId::ALL {
        for claim in iv.row(row) {
            let lower = claim.en.to_lowercase();
            assert!(
                !lower.contains("approved for depression")
                    || lower.contains("not approved for depression"),
                "iv-ketamine {row} must not call ketamine approved for depression: {}",
                claim.en
            );
        }
    }
}
