//! Scores and answers the engine keeps: PHQ-9 bands and the crisis rule, the SURE check, the
//! leaning, rated priorities, odd answers (unknown ids, duplicates, too many choices) and
//! exclusive choices.

use super::answers;
use crate::support::content::questionnaire;
use ketamine_tms_widget::content::OptionId::{self, *};
use ketamine_tms_widget::content::RowId;
use ketamine_tms_widget::fit::*;

/// Answers giving a PHQ-9 total of `total`, filling items in order and item 9 last.
fn phq9_answers(total: u8) -> Answers {
    let mut left = total;
    let mut answers = Answers::default();
    for item in PHQ9_ITEMS {
        let score = left.min(3);
        left -= score;
        answers.choose(item, &score.to_string());
    }
    answers
}

#[test]
fn phq9_bands_at_every_boundary() {
    let questionnaire = questionnaire();
    let table = [
        (0, Phq9Band::Minimal),
        (4, Phq9Band::Minimal),
        (5, Phq9Band::Mild),
        (9, Phq9Band::Mild),
        (10, Phq9Band::Moderate),
        (14, Phq9Band::Moderate),
        (15, Phq9Band::ModeratelySevere),
        (19, Phq9Band::ModeratelySevere),
        (20, Phq9Band::Severe),
        (27, Phq9Band::Severe),
    ];
    for (total, band) in table {
        let result = phq9(&questionnaire, &phq9_answers(total)).expect("all nine answered");
        assert_eq!((result.total, result.band), (total, band), "total {total}");
        assert_eq!(Phq9Band::of(total), band);
        assert!(!band.label(&questionnaire).en.is_empty());
    }
    let severe = phq9(&questionnaire, &phq9_answers(27)).expect("complete");
    assert_eq!(severe.item9, 3);
    assert!(
        needs_crisis_help(&phq9_answers(27)),
        "item 9 = 3 at total 27"
    );
    assert!(
        !needs_crisis_help(&phq9_answers(24)),
        "item 9 = 0 at total 24"
    );
}

#[test]
fn phq9_is_none_until_all_nine_are_answered() {
    let questionnaire = questionnaire();
    let mut answers = phq9_answers(12);
    answers.clear("phq9-5");
    assert_eq!(phq9(&questionnaire, &answers), None);
    assert_eq!(assess(&questionnaire, &answers).phq9, None);
    answers.choose("phq9-5", "9");
    assert_eq!(
        phq9(&questionnaire, &answers),
        None,
        "an unknown choice is not a score"
    );
}

#[test]
fn crisis_via_item_9_and_via_the_direct_question() {
    let questionnaire = questionnaire();
    let mut item9 = phq9_answers(3);
    item9.choose("phq9-9", "1");
    assert!(needs_crisis_help(&item9));
    assert!(assess(&questionnaire, &item9).crisis);
    let direct = answers(&[("self-harm-thoughts", &["yes-sometimes"])]);
    assert!(needs_crisis_help(&direct));
    assert!(assess(&questionnaire, &direct).crisis);
    assert!(!needs_crisis_help(&answers(&[(
        "self-harm-thoughts",
        &["no"]
    )])));
    assert!(!needs_crisis_help(&Answers::default()));
    // Every answer of the direct question but "no", and every answer of item 9 but 0, on its
    // own, is a crisis.
    for (question, calm) in [("self-harm-thoughts", "no"), ("phq9-9", "0")] {
        let asked = questionnaire
            .question(&QuestionId::from(question))
            .expect("a risk question");
        assert!(asked.choices.len() >= 4, "{question}");
        for choice in &asked.choices {
            let answers = answers(&[(question, &[choice.id.as_str()])]);
            let crisis = choice.id.as_str() != calm;
            assert_eq!(
                assess(&questionnaire, &answers).crisis,
                crisis,
                "{question} / {}",
                choice.id
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// SURE, leaning and priorities.

#[test]
fn sure_check_scores_and_low_score_means_talk_it_through() {
    // (the four SURE answers, the score and whether it says to talk it through)
    type Case = ([Option<bool>; 4], Option<(u8, bool)>);
    let table: [Case; 5] = [
        ([Some(true); 4], Some((4, false))),
        (
            [Some(true), Some(true), Some(true), Some(false)],
            Some((3, true)),
        ),
        ([Some(false); 4], Some((0, true))),
        ([Some(true), None, Some(true), Some(true)], None),
        ([None; 4], None),
    ];
    for (items, expected) in table {
        let sure = SureAnswers {
            sure: items[0],
            understand: items[1],
            risk_benefit: items[2],
            encouragement: items[3],
        };
        let got = sure_check(&sure).map(|result| (result.score, result.talk_it_through()));
        assert_eq!(got, expected, "{items:?}");
    }
    let mut sure = SureAnswers::default();
    assert!(sure.set("risk-benefit", Some(true)));
    assert!(!sure.set("unknown", Some(true)));
    assert_eq!(sure.risk_benefit, Some(true));
}

#[test]
fn leaning_is_kept_in_answers_and_report() {
    let questionnaire = questionnaire();
    for (raw, leaning) in [
        ("tms", Leaning::Option(Tms)),
        ("not-sure", Leaning::NotSure),
    ] {
        let answers = Answers {
            leaning: Leaning::parse(raw),
            ..Answers::default()
        };
        assert_eq!(answers.leaning, Some(leaning));
        assert_eq!(assess(&questionnaire, &answers).leaning, Some(leaning));
        let json = serde_json::to_string(&answers).expect("serializes");
        assert!(json.contains(raw), "{json}");
    }
    assert_eq!(Leaning::parse("surgery"), None);
}

#[test]
fn priorities_give_one_cell_per_option_and_rated_priority_in_display_order() {
    use Effect::{Fits, NoDifference, WorksAgainst};
    let questionnaire = questionnaire();
    let mut answers = Answers::default();
    answers.rate("keep-driving", 3);
    answers.rate("fast-relief", 0);
    let report = assess(&questionnaire, &answers);
    assert!(!report.missing.iter().any(|id| id.as_str() == "priorities"));
    assert!(report.has_priorities());
    assert_eq!(
        report.priorities,
        [RatedPriority {
            priority: PriorityId::from("keep-driving"),
            rating: 3
        }],
        "a rating of 0 gives no column"
    );
    let effect = |report: &FitReport, option: OptionId, index: usize| {
        report.option(option).expect("option").priorities[index].effect
    };
    let tms = &report.option(Tms).expect("tms").priorities;
    assert_eq!(tms.len(), 1);
    assert_eq!(tms[0].effect, Fits);
    assert_eq!(
        tms[0].evidence,
        Some(EvidenceRef {
            option: Tms,
            row: RowId::DrivingWork
        })
    );
    assert!(tms[0].reason.is_some());
    assert_eq!(effect(&report, Esketamine, 0), WorksAgainst);
    let pills = &report.option(Antidepressants).expect("pills").priorities[0];
    assert_eq!(
        (pills.effect, pills.evidence, pills.reason.is_none()),
        (NoDifference, None, true),
        "no weight in the data: no difference shown, and no reason made up"
    );

    // Two priorities: columns in questionnaire order, not by rating; options in display order.
    answers.rate("fast-relief", 1);
    let report = assess(&questionnaire, &answers);
    let columns: Vec<&str> = report
        .priorities
        .iter()
        .map(|rated| rated.priority.as_str())
        .collect();
    assert_eq!(columns, ["fast-relief", "keep-driving"]);
    for fit in &report.options {
        let cells: Vec<&str> = fit.priorities.iter().map(|c| c.priority.as_str()).collect();
        assert_eq!(cells, columns, "{}", fit.option);
    }
    assert_eq!(effect(&report, IvKetamine, 0), Fits);
    assert_eq!(effect(&report, IvKetamine, 1), WorksAgainst);
    let order: Vec<OptionId> = report.options.iter().map(|fit| fit.option).collect();
    assert_eq!(order, OptionId::ALL.to_vec());

    // No ratings at all: no columns, and still every option in display order.
    let report = assess(&questionnaire, &Answers::default());
    assert!(!report.has_priorities());
    assert!(report.options.iter().all(|fit| fit.priorities.is_empty()));
}

#[test]
fn assess_is_total_on_odd_answers() {
    let questionnaire = questionnaire();
    let mut answers = answers(&[
        ("unknown-question", &["x"]),
        ("relief-timing", &["days", "months", "nope"]),
        ("implants", &["in-head", "in-head"]),
    ]);
    answers.ratings.insert(PriorityId::from("cost"), 200);
    answers.ratings.insert(PriorityId::from("made-up"), 2);
    let report = assess(&questionnaire, &answers);
    let ivk = report.option(IvKetamine).expect("iv");
    assert_eq!(
        ivk.favours.len(),
        1,
        "a single-choice question uses only its first answer"
    );
    assert!(
        report.option(Tms).expect("tms").notes.is_empty(),
        "`months` was ignored"
    );
    assert_eq!(
        report.option(Tms).expect("tms").flags.len(),
        1,
        "duplicates count once"
    );
    assert_eq!(
        report.priorities,
        [RatedPriority {
            priority: PriorityId::from("cost"),
            rating: 3
        }],
        "a rating above 3 counts as 3; an unknown priority is ignored"
    );
    assert_eq!(
        report.option(Antidepressants).expect("ad").priorities[0].effect,
        Effect::Fits
    );

    let (clean, dropped) = questionnaire.sanitize(answers);
    assert_eq!(dropped, 1 + 2 + 1 + 1 + 1);
    assert_eq!(clean.selected("relief-timing").len(), 1);
    assert_eq!(clean.selected("implants").len(), 1);
    assert!(clean.ratings.is_empty());
}

#[test]
fn toggling_an_exclusive_choice_clears_the_others() {
    let questionnaire = questionnaire();
    let mut answers = Answers::default();
    answers.toggle(&questionnaire, "implants", "in-head");
    answers.toggle(&questionnaire, "implants", "heart-device");
    assert_eq!(answers.selected("implants").len(), 2);
    answers.toggle(&questionnaire, "implants", "none");
    assert!(answers.has("implants", "none") && answers.selected("implants").len() == 1);
    answers.toggle(&questionnaire, "implants", "dental");
    assert!(!answers.has("implants", "none") && answers.has("implants", "dental"));
    answers.toggle(&questionnaire, "implants", "dental");
    assert!(answers.selected("implants").is_empty());
}
