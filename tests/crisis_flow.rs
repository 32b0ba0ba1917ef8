//! Native, table-driven tests of when the crisis panel opens: never on a change of answer
//! (arrow keys in a radio group change it on every move), always when the person moves on
//! from a risk answer with Next, for the direct question and for PHQ-9 item 9.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ketamine_tms_widget::fit::{ChoiceId, QuestionId, Questionnaire};
use ketamine_tms_widget::ui::fit::state::{FitAction, FitState, Step};
use std::rc::Rc;

fn questionnaire() -> Rc<Questionnaire> {
    Rc::new(Questionnaire::from_bundle().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("questions.toml is invalid:\n{}", lines.join("\n"))
    }))
}

fn fresh() -> FitState {
    FitState::start(questionnaire(), "", Ok(None), "2026-11-22".to_string())
}

fn choose(question: &str, choice: &str) -> FitAction {
    FitAction::Choose {
        question: QuestionId::from(question),
        choice: ChoiceId::from(choice),
    }
}

/// A fresh state on the screen of `question` (PHQ-9 items with the mood check taken).
fn on_question(question: &str) -> FitState {
    let mut state = fresh();
    if question.starts_with("phq9-") {
        state.apply(FitAction::MoodCheck(true));
    }
    let index = state
        .questionnaire()
        .questions
        .iter()
        .position(|q| q.id.as_str() == question)
        .unwrap();
    state.step = Step::Question(index);
    state
}

#[test]
fn moving_through_the_answers_never_opens_the_panel_and_next_does() {
    // (question, answers chosen in turn, as arrow keys would, and whether Next opens the panel)
    let cases: &[(&str, &[&str], bool)] = &[
        ("self-harm-thoughts", &["no"], false),
        ("self-harm-thoughts", &["no", "yes-sometimes"], true),
        (
            "self-harm-thoughts",
            &["no", "yes-sometimes", "yes-often", "yes-now"],
            true,
        ),
        (
            "self-harm-thoughts",
            &["no", "yes-sometimes", "yes-often", "yes-sometimes", "no"],
            false,
        ),
        ("self-harm-thoughts", &["yes-now", "yes-often"], true),
        ("phq9-9", &["0"], false),
        ("phq9-9", &["0", "1"], true),
        ("phq9-9", &["0", "1", "2", "3", "2"], true),
        ("phq9-9", &["3", "2", "1", "0"], false),
    ];
    for (question, path, opens) in cases {
        let mut state = on_question(question);
        let before = state.step;
        for choice in path.iter() {
            state.apply(choose(question, choice));
            assert!(
                !state.crisis_panel,
                "{question} {path:?}: choosing {choice} must not open the panel"
            );
        }
        let last = path.last().unwrap();
        assert_eq!(
            state.answers.selected(question),
            &[ChoiceId::from(*last)],
            "{question} {path:?}: the answer stopped on is saved"
        );
        state.apply(FitAction::Next);
        assert_eq!(state.crisis_panel, *opens, "{question} {path:?}: Next");
        if *opens {
            assert_eq!(
                state.step, before,
                "the panel shows over the question it came from"
            );
            state.apply(FitAction::ContinueAfterCrisis);
            assert!(!state.crisis_panel);
            assert_ne!(state.step, before, "carrying on after the panel moves on");
        } else {
            assert_ne!(state.step, before, "{question} {path:?}: Next moves on");
        }
    }
}

#[test]
fn a_risk_answer_changed_from_the_summary_opens_the_panel_on_the_way_back() {
    let mut state = fresh();
    state.apply(FitAction::ShowSummary);
    state.apply(FitAction::Edit(Step::Question(0)));
    state.apply(choose("self-harm-thoughts", "yes-often"));
    assert!(!state.crisis_panel);
    state.apply(FitAction::Next);
    assert!(state.crisis_panel);
    state.apply(FitAction::ContinueAfterCrisis);
    assert_eq!(state.step, Step::Summary);
}

#[test]
fn restored_risk_answers_still_show_the_panel_first() {
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "yes-now");
    let fragment = format!(
        "ktw={}",
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    let state = FitState::start(questionnaire(), &fragment, Ok(None), String::new());
    assert!(state.crisis_panel);
}
