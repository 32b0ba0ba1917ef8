//! The results digest: each flagging answer is listed once with every shown option it
//! concerns, in display order, and the top priorities are the highest ratings, ties in the
//! questionnaire's order, never more than three.

use super::answers;
use crate::support::content::questionnaire;
use ketamine_tms_widget::content::OptionId;
use ketamine_tms_widget::fit::digest::{flagged_answers, top_priorities, TOP_PRIORITIES};
use ketamine_tms_widget::fit::*;

/// The flagged answers of `report` as `question/choice: options`, for every option or only
/// the ones `shows` keeps.
fn digest_lines(report: &FitReport, shows: impl Fn(OptionId) -> bool) -> Vec<String> {
    flagged_answers(report, shows)
        .iter()
        .map(|answer| {
            let options: Vec<&str> = answer
                .options
                .iter()
                .map(|option| option.as_str())
                .collect();
            format!(
                "{}/{}: {}",
                answer.question.as_str(),
                answer.choice.as_str(),
                options.join(",")
            )
        })
        .collect()
}

#[test]
fn each_flagging_answer_is_listed_once_with_the_options_it_concerns() {
    let questionnaire = questionnaire();
    // Every answer that flags at least one option, alone and then two together.
    let metal = answers(&[("implants", &["in-head"])]);
    let report = assess(&questionnaire, &metal);
    let lines = digest_lines(&report, |_| true);
    assert_eq!(
        lines.len(),
        1,
        "one flagging answer gives one line: {lines:?}"
    );
    let flagged: Vec<OptionId> = report
        .options
        .iter()
        .filter(|fit| !fit.flags.is_empty())
        .map(|fit| fit.option)
        .collect();
    let listed = &flagged_answers(&report, |_| true)[0].options;
    assert_eq!(listed, &flagged, "every flagged option, in display order");

    let both = answers(&[("implants", &["in-head"]), ("heart-vessels", &["aneurysm"])]);
    let report = assess(&questionnaire, &both);
    let lines = digest_lines(&report, |_| true);
    assert_eq!(
        lines.len(),
        2,
        "two flagging answers give two lines: {lines:?}"
    );
    let mut questions: Vec<&str> = lines
        .iter()
        .map(|line| line.split('/').next().unwrap_or(""))
        .collect();
    questions.dedup();
    assert_eq!(questions.len(), 2, "no answer twice: {lines:?}");
}

#[test]
fn options_the_clinic_hides_are_left_out_and_an_answer_only_they_flag_goes() {
    let questionnaire = questionnaire();
    let metal = answers(&[("implants", &["in-head"])]);
    let report = assess(&questionnaire, &metal);
    let everything = flagged_answers(&report, |_| true);
    let first = everything[0].options[0];
    let without_first = flagged_answers(&report, |option| option != first);
    assert!(
        without_first
            .iter()
            .all(|answer| !answer.options.contains(&first)),
        "a hidden option is never named"
    );
    let shown: Vec<OptionId> = everything[0].options.clone();
    let none = flagged_answers(&report, |option| !shown.contains(&option));
    assert!(
        none.is_empty(),
        "an answer that flags only hidden options is left out: {none:?}"
    );
}

#[test]
fn no_flagging_answer_gives_an_empty_digest() {
    let report = assess(&questionnaire(), &answers(&[("implants", &["none"])]));
    assert!(flagged_answers(&report, |_| true).is_empty());
}

/// Ratings given, as (priority index, rating), and the expected top list by index.
type TopCase = (&'static [(usize, u8)], &'static [usize]);

#[test]
fn top_priorities_are_the_highest_ratings_with_ties_in_question_order() {
    let questionnaire = questionnaire();
    let priorities: Vec<String> = questionnaire
        .questions
        .iter()
        .find(|question| question.kind == QuestionKind::Priorities)
        .map(|question| {
            question
                .priorities
                .iter()
                .map(|p| p.id.as_str().to_string())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        priorities.len() >= 5,
        "the table below needs five priorities"
    );
    let p = |index: usize| priorities[index].as_str();
    // (ratings given, in questionnaire order, as (priority index, rating); the expected top list)
    let cases: &[TopCase] = &[
        (&[], &[]),
        (&[(0, 1)], &[0]),
        (&[(0, 1), (1, 3)], &[1, 0]),
        (&[(0, 2), (1, 2), (2, 2), (3, 2)], &[0, 1, 2]),
        (&[(0, 1), (1, 1), (2, 3), (3, 2), (4, 3)], &[2, 4, 3]),
    ];
    for (ratings, expected) in cases {
        let mut given = Answers::default();
        for (index, rating) in *ratings {
            given.rate(p(*index), *rating);
        }
        let report = assess(&questionnaire, &given);
        let top_list = top_priorities(&report);
        let top: Vec<&str> = top_list
            .iter()
            .map(|rated| rated.priority.as_str())
            .collect();
        let want: Vec<&str> = expected.iter().map(|index| p(*index)).collect();
        assert_eq!(top, want, "ratings {ratings:?}");
        assert!(top.len() <= TOP_PRIORITIES);
    }
}
