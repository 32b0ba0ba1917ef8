//! Native, table-driven tests of when the crisis panel opens: never on a change of answer
//! (arrow keys in a radio group change it on every move), always when the person moves on
//! from a risk answer with Next, for the direct question and for PHQ-9 item 9. And the
//! `ktw-step` events such runs send without `share-answers` are the same for everyone.

mod support;

use ketamine_tms_widget::fit::flow::Step;
use ketamine_tms_widget::fit::{ChoiceId, QuestionId, Questionnaire};
use ketamine_tms_widget::ui::fit::state::{FitAction, FitEffect, FitState};
use ketamine_tms_widget::ui::fit::step_event::step_event;
use std::rc::Rc;

fn questionnaire() -> Rc<Questionnaire> {
    Rc::new(support::content::questionnaire())
}

fn fresh() -> FitState {
    FitState::start(questionnaire(), "", Ok(None), "2026-11-22".to_string()).0
}

fn choose(question: &str, choice: &str) -> FitAction {
    FitAction::Choose {
        question: QuestionId::from(question),
        choice: ChoiceId::from(choice),
    }
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
        // A fresh state on the screen of `question` (PHQ-9 items with the mood check taken).
        let mut state = fresh();
        if question.starts_with("phq9-") {
            state.apply(FitAction::MoodCheck(true));
        }
        let index = state
            .questionnaire()
            .questions
            .iter()
            .position(|q| q.id.as_str() == *question)
            .unwrap();
        state.step = Step::Question(index);
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
    let (state, _) = FitState::start(questionnaire(), &fragment, Ok(None), String::new());
    assert!(state.crisis_panel);
}

/// The `ktw-step` details a run sends, as the widget sends them: after each move of focus,
/// unless the detail is the one last sent (or, at first, the one of the first screen).
fn step_details(actions: &[FitAction], share_answers: bool) -> Vec<serde_json::Value> {
    step_details_from(fresh(), actions, share_answers)
}

fn step_details_from(
    mut state: FitState,
    actions: &[FitAction],
    share_answers: bool,
) -> Vec<serde_json::Value> {
    let mut last = step_event(&state, share_answers).detail();
    let mut sent = Vec::new();
    for action in actions {
        let effects = state.apply(action.clone());
        if effects.contains(&FitEffect::FocusScreen) {
            let detail = step_event(&state, share_answers).detail();
            if detail != last {
                last = detail.clone();
                sent.push(detail);
            }
        }
    }
    sent
}

/// Answers the crisis question with `crisis`, then does the mood check with item 9 at
/// `item9` (or skips it), then answers the next question and goes on to the results.
fn run(crisis: &str, item9: Option<&str>) -> Vec<FitAction> {
    let mut actions = vec![choose("self-harm-thoughts", crisis), FitAction::Next];
    if crisis != "no" {
        actions.push(FitAction::ContinueAfterCrisis);
    }
    match item9 {
        Some(item9) => {
            actions.push(FitAction::MoodCheck(true));
            for item in 1..=9 {
                let choice = if item == 9 { item9 } else { "0" };
                actions.push(choose(&format!("phq9-{item}"), choice));
                actions.push(FitAction::Next);
            }
            if item9 != "0" {
                actions.push(FitAction::ContinueAfterCrisis);
            }
            // Back into the mood check and out again.
            actions.push(FitAction::Back);
            actions.push(FitAction::Next);
            if item9 != "0" {
                actions.push(FitAction::ContinueAfterCrisis);
            }
        }
        None => {
            actions.push(FitAction::MoodCheck(false));
            actions.push(FitAction::Back);
            actions.push(FitAction::MoodCheck(false));
        }
    }
    actions.push(choose("relief-timing", "days"));
    actions.push(FitAction::Next);
    actions.push(FitAction::ShowSummary);
    actions.push(FitAction::ShowResults);
    actions
}

#[test]
fn without_share_answers_step_events_are_the_same_for_everyone() {
    let plain = step_details(&run("no", None), false);
    assert!(plain.len() >= 5, "{plain:?}");
    for (crisis, item9) in [
        ("yes-sometimes", None),
        ("yes-now", None),
        ("no", Some("0")),
        ("no", Some("2")),
        ("yes-often", Some("3")),
    ] {
        let details = step_details(&run(crisis, item9), false);
        assert_eq!(details, plain, "{crisis} {item9:?}");
    }
    let text = serde_json::to_string(&plain).unwrap();
    for hidden in ["crisis", "phq9", "29"] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
}

#[test]
fn with_share_answers_step_events_may_name_the_screens() {
    let details = step_details(&run("yes-often", Some("1")), true);
    let text = serde_json::to_string(&details).unwrap();
    assert!(
        text.contains("\"crisis\"") && text.contains("phq9-9"),
        "{text}"
    );
}

#[test]
fn a_share_link_with_a_risk_answer_sends_what_one_without_sends() {
    let opened = |crisis: &str| {
        let mut answers = ketamine_tms_widget::fit::Answers::default();
        answers.choose("self-harm-thoughts", crisis);
        answers.choose("relief-timing", "days");
        let fragment = format!(
            "ktw={}",
            ketamine_tms_widget::fit::encode_fragment(&answers)
        );
        FitState::start(questionnaire(), &fragment, Ok(None), String::new()).0
    };
    let at_risk = opened("yes-now");
    assert!(at_risk.crisis_panel);
    let at_risk = step_details_from(
        at_risk,
        &[FitAction::ContinueAfterCrisis, FitAction::Back],
        false,
    );
    let not = step_details_from(opened("no"), &[FitAction::Back], false);
    assert_eq!(at_risk, not);
    assert_eq!(not.len(), 1, "{not:?}");
}
