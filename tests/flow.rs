//! Native, table-driven tests of the questionnaire's navigation (`fit::flow`): which screens
//! there are, where Next and Back lead, which screens are answered, and which may be skipped.
//! Screens are named by question id, so the tables read the same when questions move.
// The helpers below stop the test loudly on a missing question, outside any `#[test]`.
#![allow(clippy::panic)]

use ketamine_tms_widget::fit::flow::{Flow, Progress, Step};
use ketamine_tms_widget::fit::{Answers, Questionnaire};

fn questionnaire() -> Questionnaire {
    Questionnaire::from_bundle().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the questionnaire is invalid:\n{}", lines.join("\n"))
    })
}

/// A screen by name: a question id, `mood-check`, `summary` or `results`.
fn step(questionnaire: &Questionnaire, name: &str) -> Step {
    match name {
        "mood-check" => Step::MoodGate,
        "summary" => Step::Summary,
        "results" => Step::Results,
        id => Step::Question(
            questionnaire
                .questions
                .iter()
                .position(|question| question.id.as_str() == id)
                .unwrap_or_else(|| panic!("no question {id}")),
        ),
    }
}

/// The flow of `answers` with the mood check answered `mood_check`.
fn flow<'a>(
    questionnaire: &'a Questionnaire,
    answers: &'a Answers,
    mood_check: Option<bool>,
) -> Flow<'a> {
    Flow {
        questionnaire,
        answers,
        mood_check,
    }
}

#[test]
fn the_mood_items_are_counted_only_when_the_person_chose_them() {
    let questionnaire = questionnaire();
    let answers = Answers::default();
    // (the mood-check answer, how many screens, the first four, the last)
    let cases: &[(Option<bool>, usize, [&str; 4], &str)] = &[
        (
            None,
            20,
            [
                "self-harm-thoughts",
                "mood-check",
                "relief-timing",
                "antidepressants-tried",
            ],
            "priorities",
        ),
        (
            Some(false),
            20,
            [
                "self-harm-thoughts",
                "mood-check",
                "relief-timing",
                "antidepressants-tried",
            ],
            "priorities",
        ),
        (
            Some(true),
            29,
            ["self-harm-thoughts", "mood-check", "phq9-1", "phq9-2"],
            "priorities",
        ),
    ];
    for (mood_check, count, first, last) in cases {
        let steps = flow(&questionnaire, &answers, *mood_check).steps();
        let expected: Vec<Step> = first
            .iter()
            .map(|name| step(&questionnaire, name))
            .collect();
        assert_eq!(steps.len(), *count, "{mood_check:?}");
        assert_eq!(steps[..4], expected[..], "{mood_check:?}");
        assert_eq!(
            steps.last(),
            Some(&step(&questionnaire, last)),
            "{mood_check:?}"
        );
        let names: Vec<String> = steps
            .iter()
            .map(|step| flow(&questionnaire, &answers, *mood_check).step_name(*step))
            .collect();
        assert_eq!(
            names
                .iter()
                .filter(|name| name.starts_with("phq9-"))
                .count(),
            if *mood_check == Some(true) { 9 } else { 0 },
            "{mood_check:?}"
        );
    }
}

#[test]
fn next_and_back_lead_to_the_neighbouring_screens() {
    let questionnaire = questionnaire();
    let answers = Answers::default();
    // (the mood-check answer, the screen, the one after it, the one before it)
    let cases: &[(Option<bool>, &str, &str, &str)] = &[
        (
            None,
            "self-harm-thoughts",
            "mood-check",
            "self-harm-thoughts",
        ),
        (None, "mood-check", "relief-timing", "self-harm-thoughts"),
        (
            Some(false),
            "mood-check",
            "relief-timing",
            "self-harm-thoughts",
        ),
        (Some(true), "mood-check", "phq9-1", "self-harm-thoughts"),
        (Some(true), "phq9-1", "phq9-2", "mood-check"),
        (Some(true), "phq9-9", "relief-timing", "phq9-8"),
        (
            Some(true),
            "relief-timing",
            "antidepressants-tried",
            "phq9-9",
        ),
        (
            Some(false),
            "relief-timing",
            "antidepressants-tried",
            "mood-check",
        ),
        (None, "priorities", "summary", "insurance"),
        (None, "summary", "summary", "priorities"),
        (None, "results", "summary", "summary"),
        // A PHQ-9 item that is not counted (the mood check was declined) leads to the summary
        // and stays where it is on Back.
        (Some(false), "phq9-3", "summary", "phq9-3"),
    ];
    for (mood_check, from, after, before) in cases {
        let flow = flow(&questionnaire, &answers, *mood_check);
        let from_step = step(&questionnaire, from);
        assert_eq!(
            flow.following(from_step),
            step(&questionnaire, after),
            "after {from} with {mood_check:?}"
        );
        assert_eq!(
            flow.preceding(from_step),
            step(&questionnaire, before),
            "before {from} with {mood_check:?}"
        );
    }
}

#[test]
fn a_screen_is_answered_once_it_holds_an_answer() {
    let questionnaire = questionnaire();
    let mut answered = Answers::default();
    answered.choose("self-harm-thoughts", "no");
    answered.toggle(&questionnaire, "implants", "none");
    let priority = questionnaire
        .questions
        .iter()
        .find(|question| question.id.as_str() == "priorities")
        .and_then(|question| question.priorities.first())
        .map(|priority| priority.id.to_string())
        .unwrap();
    answered.rate(&priority, 0);
    let empty = Answers::default();
    // (the answers, the mood-check answer, the screen, whether it is answered)
    let cases: &[(&Answers, Option<bool>, &str, bool)] = &[
        (&empty, None, "self-harm-thoughts", false),
        (&answered, None, "self-harm-thoughts", true),
        (&empty, None, "mood-check", false),
        (&empty, Some(false), "mood-check", true),
        (&empty, Some(true), "mood-check", true),
        (&empty, None, "implants", false),
        (&answered, None, "implants", true),
        (&empty, None, "priorities", false),
        (&answered, None, "priorities", true),
        (&empty, None, "summary", true),
        (&empty, None, "results", true),
    ];
    for (answers, mood_check, name, expected) in cases {
        let flow = flow(&questionnaire, answers, *mood_check);
        assert_eq!(
            flow.is_answered(step(&questionnaire, name)),
            *expected,
            "{name} with {mood_check:?}"
        );
    }
    assert_eq!(
        flow(&questionnaire, &empty, None).first_unanswered(),
        Some(step(&questionnaire, "self-harm-thoughts"))
    );
    assert_eq!(
        flow(&questionnaire, &answered, None).first_unanswered(),
        Some(Step::MoodGate)
    );
}

#[test]
fn only_the_mood_items_may_be_skipped_and_only_the_priorities_need_no_answer() {
    let questionnaire = questionnaire();
    let answers = Answers::default();
    let flow = flow(&questionnaire, &answers, Some(true));
    // (the screen, whether Skip may leave it unanswered, whether Next asks for an answer)
    let cases: &[(&str, bool, bool)] = &[
        ("self-harm-thoughts", false, true),
        ("mood-check", false, true),
        ("phq9-1", true, true),
        ("phq9-9", true, true),
        ("relief-timing", false, true),
        ("implants", false, true),
        ("priorities", false, false),
        ("summary", false, false),
        ("results", false, false),
    ];
    for (name, may_skip, needs_answer) in cases {
        let at = step(&questionnaire, name);
        assert_eq!(flow.may_skip(at), *may_skip, "skip {name}");
        assert_eq!(flow.needs_answer(at), *needs_answer, "answer {name}");
    }
}

#[test]
fn positions_count_the_screens_shown_and_everyone_sees_the_same_ones() {
    let questionnaire = questionnaire();
    let answers = Answers::default();
    // (the mood-check answer, the screen, its position, the screen everyone sees there)
    type Case<'a> = (Option<bool>, &'a str, Option<(usize, usize)>, &'a str);
    let cases: &[Case] = &[
        (
            None,
            "self-harm-thoughts",
            Some((1, 20)),
            "self-harm-thoughts",
        ),
        (None, "mood-check", Some((2, 20)), "mood-check"),
        (Some(true), "phq9-1", Some((3, 29)), "mood-check"),
        (Some(true), "relief-timing", Some((12, 29)), "relief-timing"),
        (Some(false), "relief-timing", Some((3, 20)), "relief-timing"),
        (Some(false), "phq9-1", None, "mood-check"),
        (None, "summary", None, "summary"),
        (None, "results", None, "results"),
    ];
    for (mood_check, name, position, everyone) in cases {
        let flow = flow(&questionnaire, &answers, *mood_check);
        let at = step(&questionnaire, name);
        assert_eq!(flow.position(at), *position, "{name} with {mood_check:?}");
        assert_eq!(
            flow.seen_by_everyone(at),
            step(&questionnaire, everyone),
            "{name}"
        );
    }
    assert_eq!(
        flow(&questionnaire, &answers, Some(true)).after_mood_gate(),
        Some(step(&questionnaire, "phq9-1"))
    );
    assert_eq!(
        flow(&questionnaire, &answers, Some(false)).after_mood_gate(),
        Some(step(&questionnaire, "relief-timing")),
        "declined, the screen after the mood check is the next question"
    );
}

#[test]
fn the_count_everyone_is_told_never_jumps_when_the_mood_check_is_chosen() {
    let questionnaire = questionnaire();
    let answers = Answers::default();
    let question = |number, total| Some(Progress::Question { number, total });
    let mood = |number, total| Some(Progress::MoodItem { number, total });
    // (the mood-check answer, the screen, what the person is told)
    let cases: &[(Option<bool>, &str, Option<Progress>)] = &[
        (None, "self-harm-thoughts", question(1, 20)),
        (None, "mood-check", question(2, 20)),
        (None, "relief-timing", question(3, 20)),
        (Some(false), "relief-timing", question(3, 20)),
        (Some(true), "relief-timing", question(3, 20)),
        (Some(true), "mood-check", question(2, 20)),
        (Some(true), "phq9-1", mood(1, 9)),
        (Some(true), "phq9-9", mood(9, 9)),
        (Some(true), "summary", None),
        (Some(true), "results", None),
    ];
    for (mood_check, screen, expected) in cases {
        let flow = flow(&questionnaire, &answers, *mood_check);
        assert_eq!(
            flow.progress(step(&questionnaire, screen)),
            *expected,
            "{screen} with the mood check {mood_check:?}"
        );
        assert_eq!(flow.questions_everyone_answers(), 20);
    }
}
