//! The comparison's choice of figures, by the declared rule on the real data and on a
//! reordered copy: the strongest design first, then the larger study, never the file order.

mod support;

use support::content::evidence_from;

use ketamine_tms_widget::content::bundled_files;
use ketamine_tms_widget::content::{shown_alike, Evidence, Measure, OptionId, StudyType};
use serde_json::Value;

/// The study each option's first figure comes from, for every option and measure.
fn chosen(evidence: &Evidence) -> Vec<(OptionId, Measure, Option<String>)> {
    let mut picks = Vec::new();
    for option in OptionId::ALL {
        for measure in [Measure::Response, Measure::Remission] {
            let first = evidence
                .outcomes_for(option, measure)
                .first()
                .map(|outcome| outcome.study.clone());
            picks.push((option, measure, first));
        }
    }
    picks
}

#[test]
fn the_first_figure_has_the_strongest_design_then_the_most_people() {
    let evidence = evidence_from(&bundled_files().expect("the bundled files"));
    for option in OptionId::ALL {
        for measure in [Measure::Response, Measure::Remission] {
            let ranked = evidence.outcomes_for(option, measure);
            for pair in ranked.windows(2) {
                let [better, worse] = pair else { continue };
                let key = |o: &ketamine_tms_widget::content::Outcome| {
                    (o.study_type.rank(), u32::MAX - o.participants)
                };
                assert!(
                    key(better) <= key(worse),
                    "{option} {measure:?}: {} ({:?}, {} people) is ranked above {} ({:?}, {} people)",
                    better.study, better.study_type, better.participants,
                    worse.study, worse.study_type, worse.participants
                );
            }
        }
    }
}

#[test]
fn a_blinded_trial_is_shown_before_an_open_one() {
    let evidence = evidence_from(&bundled_files().expect("the bundled files"));
    // For pills the file lists STAR*D first (3,671 people, but one open group), so taking the
    // first in file order showed it; the blinded trial must win.
    let cases = [
        (OptionId::Tms, Measure::Response, "levkovitz-2015"),
        (OptionId::Antidepressants, Measure::Remission, "katz-2021"),
    ];
    for (option, measure, study) in cases {
        let first = evidence.outcomes_for(option, measure);
        let first = first.first().expect("the option has figures");
        assert_eq!(first.study, study, "{option} {measure:?}");
        assert_eq!(first.study_type, StudyType::BlindedRct);
    }
}

#[test]
fn reordering_the_file_changes_nothing_shown() {
    let files = bundled_files().expect("the bundled files");
    let before = chosen(&evidence_from(&files));
    let mut reordered = files.clone();
    reordered
        .get_mut("outcomes.toml")
        .and_then(|file| file.get_mut("outcomes"))
        .and_then(Value::as_array_mut)
        .expect("outcomes.toml holds a list of outcomes")
        .reverse();
    assert_eq!(chosen(&evidence_from(&reordered)), before);
}

#[test]
fn figures_measured_differently_are_marked_as_not_comparable() {
    let evidence = evidence_from(&bundled_files().expect("the bundled files"));
    // Ketamine's blinded trial used MADRS at the end of a 4-week course; the TMS figures
    // come from other scales and times, so side by side they need the note.
    assert!(!shown_alike(
        &evidence.outcomes,
        &[OptionId::IvKetamine, OptionId::Tms]
    ));
    // One option alone is always alike with itself.
    assert!(shown_alike(&evidence.outcomes, &[OptionId::Esketamine]));
}
