//! Unit tests of the questionnaire's transitions, without rendering.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
use super::*;
use crate::ui::host::StorageBlocked;

fn questionnaire() -> Rc<Questionnaire> {
    Rc::new(Questionnaire::from_bundle().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the questionnaire is invalid:\n{}", lines.join("\n"))
    }))
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
fn the_flow_walks_every_counted_screen() {
    let mut state = fresh();
    assert_eq!(state.position(), Some((1, 20)));
    state.apply(FitAction::Next);
    assert!(state.invalid, "the crisis question needs an answer");
    state.apply(choose("self-harm-thoughts", "no"));
    state.apply(FitAction::Next);
    assert_eq!(state.step, Step::MoodGate);
    state.apply(FitAction::MoodCheck(true));
    assert_eq!(state.position(), Some((3, 29)));
    state.apply(FitAction::Skip);
    assert_eq!(state.position(), Some((4, 29)));
    state.apply(FitAction::Back);
    state.apply(FitAction::Back);
    assert_eq!(state.step, Step::MoodGate);
    state.apply(FitAction::MoodCheck(false));
    assert_eq!(state.position(), Some((3, 20)));
    assert!(!state.crisis_panel);
}

#[test]
fn continuing_after_the_crisis_panel_moves_on() {
    let mut state = fresh();
    state.apply(choose("self-harm-thoughts", "yes-often"));
    assert!(!state.crisis_panel, "the panel waits for Next");
    state.apply(FitAction::Next);
    assert!(state.crisis_panel);
    state.apply(FitAction::ContinueAfterCrisis);
    assert!(!state.crisis_panel);
    assert_eq!(state.step, Step::MoodGate);
}

#[test]
fn fragments_restore_or_explain() {
    let mut answers = Answers::default();
    answers.choose("self-harm-thoughts", "no");
    answers.choose("relief-timing", "days");
    let good = format!("ktw={}", crate::fit::encode_fragment(&answers));
    let (state, effects) = FitState::start(questionnaire(), &good, Ok(None), String::new());
    assert_eq!(state.step, Step::Results);
    assert_eq!(effects, vec![FitEffect::ReportCompleted]);
    assert_eq!(state.answers, answers);
    let tampered = good.replace("ktw1.", "ktw1.A");
    let (state, effects) = FitState::start(questionnaire(), &tampered, Ok(None), String::new());
    assert_eq!(state.notices, vec![FitNotice::LinkTampered]);
    assert!(state.answers.is_empty() && effects.is_empty());
    let (state, _) = FitState::start(questionnaire(), "pricing", Ok(None), String::new());
    assert!(state.notices.is_empty());
}

#[test]
fn the_share_payload_is_found_among_other_fragment_parts() {
    let cases = [
        ("", None),
        ("#pricing", None),
        ("ktw=ktw1.abc.123", Some("ktw1.abc.123")),
        ("#top&ktw=ktw1.abc.123", Some("ktw1.abc.123")),
        ("#ktwx=1", None),
    ];
    for (fragment, expected) in cases {
        assert_eq!(share_payload(fragment), expected, "{fragment}");
    }
}

#[test]
fn remembering_keeps_each_completed_mood_check() {
    let mut state = fresh();
    state.apply(FitAction::SetRemember(true));
    for item in crate::fit::PHQ9_ITEMS {
        state.apply(choose(item, "1"));
    }
    assert_eq!(state.phq9_history.len(), 1);
    assert_eq!(state.phq9_history[0].total, 9);
    let effects = state.apply(FitAction::ClearAll);
    assert!(state.phq9_history.is_empty() && !state.remember);
    assert_eq!(
        effects,
        vec![FitEffect::WipeStored, FitEffect::FocusScreen],
        "the stored copy goes too"
    );
}

#[test]
fn clearing_asks_first_and_keeping_changes_nothing() {
    let mut state = fresh();
    state.apply(FitAction::SetRemember(true));
    state.apply(choose("self-harm-thoughts", "no"));
    let before = state.clone();
    let effects = state.apply(FitAction::AskClear);
    assert!(state.confirm_clear);
    assert_eq!(effects, vec![FitEffect::FocusClearQuestion]);
    assert_eq!(state.answers, before.answers, "asking clears nothing");
    let effects = state.apply(FitAction::KeepAnswers);
    assert_eq!(effects, vec![FitEffect::FocusClearButton]);
    assert_eq!(state, before, "keeping leaves everything as it was");
    state.apply(FitAction::AskClear);
    let effects = state.apply(FitAction::ClearAll);
    assert!(!state.confirm_clear && state.answers.is_empty());
    assert!(effects.contains(&FitEffect::WipeStored));
}

#[test]
fn changing_an_answer_from_the_summary_returns_there() {
    let mut state = fresh();
    state.apply(FitAction::ShowSummary);
    state.apply(FitAction::Edit(Step::Question(0)));
    assert_eq!(state.step, Step::Question(0));
    state.apply(choose("self-harm-thoughts", "no"));
    let effects = state.apply(FitAction::Next);
    assert_eq!(state.step, Step::Summary);
    assert_eq!(
        effects,
        vec![
            FitEffect::FocusScreen,
            FitEffect::FocusChanged(Step::Question(0))
        ],
        "focus goes back to the changed row"
    );
    let effects = state.apply(FitAction::ShowResults);
    assert_eq!(state.step, Step::Results);
    assert_eq!(
        effects,
        vec![FitEffect::FocusScreen, FitEffect::ReportCompleted]
    );
    state.apply(FitAction::Back);
    assert_eq!(state.step, Step::Summary);
}

#[test]
fn skipping_the_mood_check_clears_its_answers() {
    let mut state = fresh();
    state.apply(FitAction::MoodCheck(true));
    state.apply(choose("phq9-1", "2"));
    state.apply(FitAction::Edit(Step::MoodGate));
    state.apply(FitAction::MoodCheck(false));
    assert!(state.answers.selected("phq9-1").is_empty());
    assert_eq!(state.step, Step::Summary);
}

#[test]
fn blocked_storage_says_so_and_keeps_working() {
    let (mut state, _) = FitState::start(questionnaire(), "", Err(StorageBlocked), String::new());
    state.apply(FitAction::SetRemember(true));
    assert!(!state.remember);
    assert_eq!(state.notices, vec![FitNotice::StorageBlocked]);
    state.apply(choose("self-harm-thoughts", "no"));
    state.apply(FitAction::Next);
    assert_eq!(state.step, Step::MoodGate);
}

#[test]
fn results_sections_open_on_demand_and_close_when_answers_are_cleared() {
    use super::ResultsPart::{Deciding, Options};
    let mut state = fresh();
    assert!(state.open_parts.is_empty(), "every section starts closed");
    assert_eq!(state.apply(FitAction::ToggleResultsPart(Options)), vec![]);
    assert_eq!(state.open_parts, vec![Options]);
    state.apply(FitAction::ToggleResultsPart(Options));
    assert!(state.open_parts.is_empty(), "a second press closes it");
    let effects = state.apply(FitAction::OpenResultsPart(Deciding));
    assert_eq!(
        effects,
        vec![FitEffect::FocusResultsPart(Deciding)],
        "focus goes to it"
    );
    state.apply(FitAction::OpenResultsPart(Deciding));
    assert_eq!(
        state.open_parts,
        vec![Deciding],
        "opening an open section keeps it open"
    );
    state.apply(choose("self-harm-thoughts", "no"));
    assert_eq!(
        state.open_parts,
        vec![Deciding],
        "answering keeps what is open"
    );
    state.apply(FitAction::ClearAll);
    assert!(state.open_parts.is_empty(), "clearing closes every section");
}

#[test]
fn the_copy_status_is_cleared_by_a_new_copy_and_by_a_changed_answer() {
    let mut state = fresh();
    state.apply(FitAction::MakeShareLink);
    state.apply(FitAction::Copied(true));
    assert_eq!(state.copy_status, Some(true));
    assert!(
        state.notices.is_empty(),
        "the status is not a notice at the top"
    );
    state.apply(FitAction::MakeShareLink);
    assert_eq!(
        state.copy_status, None,
        "cleared, so the next copy is announced again"
    );
    state.apply(FitAction::Copied(false));
    assert_eq!(state.copy_status, Some(false));
    state.apply(choose("self-harm-thoughts", "no"));
    assert_eq!(
        state.copy_status, None,
        "a changed answer makes the link stale"
    );
}
