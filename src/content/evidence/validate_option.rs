//! The checks of one treatment option: every row filled in both languages, harms given at
//! least three quarters of the room of benefits, its schedule, and its regulatory words.

use super::checker::Checker;
use super::types::*;
use super::{option_file, validate_trace};

/// The harm rows of an option must hold at least this share of the text of its benefit rows.
pub const MIN_HARM_TO_BENEFIT_RATIO: f32 = 0.75;

pub(super) fn check_option(option: &TreatmentOption, checker: &mut Checker<'_>) {
    let file = option_file(option.id);
    let id = Some(option.id);
    checker.localized(&file, id, "name", &option.name);
    checker.localized(&file, id, "short_name", &option.short_name);
    checker.claim(&file, id, "summary", &option.summary);
    checker.cite(&file, id, "regulatory", &option.regulatory.sources);
    let expected = match option.id.family() {
        Family::Tms => RegulatoryKind::Cleared,
        Family::Medication => RegulatoryKind::Approved,
        Family::Ketamine if option.id == OptionId::Esketamine => RegulatoryKind::Approved,
        Family::Ketamine => RegulatoryKind::OffLabel,
        Family::Ect => RegulatoryKind::Cleared,
    };
    if option.regulatory.kind != expected {
        checker.error(
            &file,
            id,
            Some("regulatory"),
            format!(
                "the status is {:?}, but for this option it must be {expected:?}",
                option.regulatory.kind
            ),
        );
    }
    check_schedule(&file, option, checker);
    for row in RowId::ALL {
        let claims = option.row(row);
        if claims.is_empty() {
            checker.error(
                &file,
                id,
                Some(row.as_str()),
                "the row is missing or empty; every option needs every row".to_string(),
            );
        }
        for (index, claim) in claims.iter().enumerate() {
            let label = format!("{row} claim {}", index + 1);
            checker.claim(&file, id, &label, claim);
            if option.id.family() == Family::Tms && says_fda_approved(&claim.en) {
                checker.error(
                    &file,
                    id,
                    Some(&label),
                    "TMS devices are FDA-cleared, not FDA-approved".to_string(),
                );
            }
        }
    }
    let benefit = text_length(option, RowId::is_benefit);
    let harm = text_length(option, RowId::is_harm);
    if benefit > 0 && (harm as f32) < MIN_HARM_TO_BENEFIT_RATIO * benefit as f32 {
        checker.error(
            &file,
            id,
            Some("side_effects"),
            format!(
                "harms ({harm} characters in side_effects and cautions) are much thinner than benefits ({benefit} characters in effectiveness and speed); give harms equal detail"
            ),
        );
    }
}

fn check_schedule(file: &str, option: &TreatmentOption, checker: &mut Checker<'_>) {
    let schedule = &option.schedule;
    let id = Some(option.id);
    if schedule.visits_per_week.len() != 12 {
        checker.error(
            file,
            id,
            Some("schedule"),
            format!(
                "visits_per_week needs 12 weeks, found {}",
                schedule.visits_per_week.len()
            ),
        );
    }
    if schedule
        .visits_per_week
        .iter()
        .any(|visits| !(0.0..=7.0).contains(visits))
    {
        checker.error(
            file,
            id,
            Some("schedule"),
            "visits per week must be between 0 and 7".to_string(),
        );
    }
    if !(schedule.hours_per_visit > 0.0 && schedule.hours_per_visit <= 12.0) {
        checker.error(
            file,
            id,
            Some("schedule"),
            "hours_per_visit must be above 0 and at most 12".to_string(),
        );
    }
    checker.text(file, id, "schedule", &schedule.en, &schedule.es);
    checker.cite(file, id, "schedule", &schedule.sources);
    checker.errors.extend(validate_trace::quote_problems(
        file,
        id,
        "schedule",
        &schedule.en,
        &schedule.sources,
        &schedule.quotes,
    ));
}

fn text_length(option: &TreatmentOption, keep: fn(RowId) -> bool) -> usize {
    RowId::ALL
        .into_iter()
        .filter(|row| keep(*row))
        .flat_map(|row| option.row(row))
        .map(|claim| claim.en.chars().count())
        .sum()
}

fn says_fda_approved(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("fda-approved")
        || lower.contains("fda approved")
        || lower.contains("approved by the fda")
}
