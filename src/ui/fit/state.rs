//! The questionnaire's part of the widget state and every transition of it, kept pure and tested.
//!
//! [`FitState::start`] builds the first state from what the page holds (a share-link fragment,
//! stored answers, today's date). [`FitState::apply`] is called by the widget's one reducer for
//! each [`FitAction`]. Effects (saving, focusing, events) read the counters kept here.

use crate::fit::{
    assess, decode_fragment, load_stored, needs_crisis_help, phq9, risk_in, Answers, ChoiceId,
    DiscardReason, FragmentError, Leaning, Phq9Record, PriorityId, QuestionId, QuestionKind,
    Questionnaire, Risk, Section, StoredLoad,
};
use crate::ui::host::StorageBlocked;
use std::rc::Rc;

/// The name of the fragment parameter that carries shared answers: `#ktw=…`.
pub const FRAGMENT_KEY: &str = "ktw";

/// The questionnaire, shared by pointer; two are equal only when they are the same one.
#[derive(Clone, Debug)]
pub struct SharedQuestionnaire(pub Rc<Questionnaire>);

impl PartialEq for SharedQuestionnaire {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// One screen of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A question, by its index in the questionnaire.
    Question(usize),
    /// "Would you like to do the optional mood check?"
    MoodGate,
    /// Every answer, each with a button to change it.
    Summary,
    Results,
}

/// A plain message shown above the questionnaire after something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Answers were opened from a share link; `dropped` were unknown and left out.
    LinkRestored { dropped: usize },
    /// The link was changed or cut short.
    LinkTampered,
    /// The link came from another version of the tool.
    LinkOutdated,
    /// The link could not be read.
    LinkDamaged,
    /// Remembered answers were loaded from this device.
    StorageRestored { dropped: usize },
    /// Remembered answers from an older version were updated.
    StorageMigrated { dropped: usize },
    /// Remembered answers could not be read and were cleared.
    StorageDiscarded,
    /// Remembered answers came from a newer version and were not used.
    StorageNewer,
    /// The browser blocks storage, so nothing can be remembered.
    StorageBlocked,
    /// Everything was cleared.
    Cleared,
    /// The share link was copied.
    LinkCopied,
    /// The share link could not be copied; it is shown to copy by hand.
    LinkNotCopied,
}

/// The questionnaire's state within one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct FitState {
    pub questionnaire: SharedQuestionnaire,
    pub answers: Answers,
    pub step: Step,
    /// The answer to the mood-check question: `None` until asked.
    pub mood_check: Option<bool>,
    /// The crisis panel is showing, before anything else.
    pub crisis_panel: bool,
    /// The person came to this question from the summary and goes back there next.
    pub return_to_summary: bool,
    /// Next was pressed without an answer to a question that needs one.
    pub invalid: bool,
    /// "Remember my answers on this device" is on.
    pub remember: bool,
    /// The browser blocked storage.
    pub storage_blocked: bool,
    /// Completed PHQ-9 totals by date, kept only while remembering.
    pub phq9_history: Vec<Phq9Record>,
    /// A PHQ-9 item was answered in this visit (restored answers are not a new mood check).
    pub phq9_touched: bool,
    /// Today's date, `YYYY-MM-DD`, from the host.
    pub today: String,
    pub notices: Vec<Notice>,
    /// The share fragment (`ktw=…`) last made, shown as a link to copy.
    pub share_fragment: Option<String>,
    /// Bumped when focus should move to the current screen's heading (0: never moved).
    pub focus: u32,
    /// Bumped when stored answers should be wiped.
    pub wipe: u32,
    /// Bumped each time the results are reached.
    pub completed: u32,
    /// The page's fragment held an unusable share link and should be removed.
    pub drop_fragment: bool,
}

/// Everything a person can do in the questionnaire.
#[derive(Clone, Debug, PartialEq)]
pub enum FitAction {
    /// Picks the one answer of a single-choice question.
    Choose {
        question: QuestionId,
        choice: ChoiceId,
    },
    /// Ticks or unticks one answer of a multiple-choice question.
    Toggle {
        question: QuestionId,
        choice: ChoiceId,
    },
    /// Rates a priority 0 to 3.
    Rate {
        priority: PriorityId,
        rating: u8,
    },
    Next,
    Back,
    /// Leaves an optional question unanswered and moves on.
    Skip,
    /// Answers the mood-check question: do the PHQ-9 or skip it.
    MoodCheck(bool),
    /// Goes from the summary to a screen to change an answer.
    Edit(Step),
    ShowResults,
    ShowSummary,
    /// Closes the crisis panel and carries on.
    ContinueAfterCrisis,
    SetLeaning(Option<Leaning>),
    /// Answers one SURE item (`sure`, `understand`, `risk-benefit`, `encouragement`).
    SetSure(String, bool),
    SetRemember(bool),
    /// Saving failed because the browser blocks storage.
    StorageFailed,
    /// Wipes the answers, the stored copy and the link, and starts again.
    ClearAll,
    /// Makes a share link of the current answers.
    MakeShareLink,
    /// The clipboard copy finished.
    Copied(bool),
    /// Starts a new PHQ-9, keeping the other answers.
    RetakeMood,
}

/// The share payload inside a page fragment such as `ktw=ktw1.…` or `top&ktw=ktw1.…`.
pub fn share_payload(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

impl FitState {
    /// The first state: answers from a share link first, else remembered answers, else none.
    pub fn start(
        questionnaire: Rc<Questionnaire>,
        fragment: &str,
        stored: Result<Option<String>, StorageBlocked>,
        today: String,
    ) -> FitState {
        let mut state = FitState {
            questionnaire: SharedQuestionnaire(questionnaire),
            answers: Answers::default(),
            step: Step::Question(0),
            mood_check: None,
            crisis_panel: false,
            return_to_summary: false,
            invalid: false,
            remember: false,
            storage_blocked: false,
            phq9_history: Vec::new(),
            phq9_touched: false,
            today,
            notices: Vec::new(),
            share_fragment: None,
            focus: 0,
            wipe: 0,
            completed: 0,
            drop_fragment: false,
        };
        let mut from_link = false;
        if let Some(payload) = share_payload(fragment) {
            match decode_fragment(payload, &state.questionnaire.0) {
                Ok(restored) => {
                    state.answers = restored.answers;
                    state.notices.push(Notice::LinkRestored {
                        dropped: restored.dropped,
                    });
                    from_link = true;
                }
                Err(error) => {
                    state.notices.push(match error {
                        FragmentError::Tampered => Notice::LinkTampered,
                        FragmentError::UnknownVersion(_) => Notice::LinkOutdated,
                        _ => Notice::LinkDamaged,
                    });
                    state.drop_fragment = true;
                }
            }
        }
        match stored {
            Err(StorageBlocked) => state.storage_blocked = true,
            Ok(None) => {}
            Ok(Some(raw)) => match load_stored(&raw, &state.questionnaire.0) {
                StoredLoad::Nothing => {}
                StoredLoad::Current {
                    state: stored,
                    dropped,
                } if stored.remember => {
                    state.remember = true;
                    state.phq9_history = stored.phq9_history;
                    if !from_link {
                        state.answers = stored.answers;
                        state.notices.push(Notice::StorageRestored { dropped });
                    }
                }
                StoredLoad::Migrated {
                    state: stored,
                    dropped,
                    ..
                } if stored.remember => {
                    state.remember = true;
                    state.phq9_history = stored.phq9_history;
                    if !from_link {
                        state.answers = stored.answers;
                    }
                    state.notices.push(Notice::StorageMigrated { dropped });
                }
                StoredLoad::Current { .. } | StoredLoad::Migrated { .. } => state.wipe += 1,
                StoredLoad::Discarded { reason } => {
                    state.notices.push(match reason {
                        DiscardReason::NewerVersion(_) => Notice::StorageNewer,
                        DiscardReason::Unreadable | DiscardReason::WrongShape(_) => {
                            Notice::StorageDiscarded
                        }
                    });
                    state.wipe += 1;
                }
            },
        }
        if state
            .questionnaire
            .0
            .section(Section::Mood)
            .any(|question| !state.answers.selected(question.id.as_str()).is_empty())
        {
            state.mood_check = Some(true);
        }
        if !state.answers.is_empty() {
            state.step = if from_link {
                Step::Results
            } else {
                state.first_unanswered().unwrap_or(Step::Results)
            };
            if state.step == Step::Results {
                state.completed += 1;
            }
        }
        state.crisis_panel = needs_crisis_help(&state.answers);
        state
    }

    /// The questionnaire.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire.0
    }

    /// The counted screens in order: every question shown, with the mood-check question
    /// before the PHQ-9 and the PHQ-9 items only when the person chose to do them.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut gate_added = false;
        for (index, question) in self.questionnaire().questions.iter().enumerate() {
            if question.section == Section::Mood {
                if !gate_added {
                    steps.push(Step::MoodGate);
                    gate_added = true;
                }
                if self.mood_check == Some(true) {
                    steps.push(Step::Question(index));
                }
            } else {
                steps.push(Step::Question(index));
            }
        }
        steps
    }

    /// The current screen's place among the counted screens, 1-based, and their number.
    pub fn position(&self) -> Option<(usize, usize)> {
        let steps = self.steps();
        let index = steps.iter().position(|step| *step == self.step)?;
        Some((index + 1, steps.len()))
    }

    /// The first counted screen still unanswered, if any.
    fn first_unanswered(&self) -> Option<Step> {
        self.steps()
            .into_iter()
            .find(|step| !self.is_answered(*step))
    }

    /// Whether a screen has an answer (a priorities screen counts once one is rated).
    pub fn is_answered(&self, step: Step) -> bool {
        match step {
            Step::MoodGate => self.mood_check.is_some(),
            Step::Question(index) => {
                let Some(question) = self.questionnaire().questions.get(index) else {
                    return true;
                };
                match question.kind {
                    QuestionKind::Priorities => question
                        .priorities
                        .iter()
                        .any(|priority| self.answers.ratings.contains_key(&priority.id)),
                    QuestionKind::Single | QuestionKind::Multiple => {
                        !self.answers.selected(question.id.as_str()).is_empty()
                    }
                }
            }
            Step::Summary | Step::Results => true,
        }
    }

    /// Whether a screen may be left without an answer (the PHQ-9, and the priorities).
    pub fn may_skip(&self, step: Step) -> bool {
        match step {
            Step::Question(index) => self
                .questionnaire()
                .questions
                .get(index)
                .is_some_and(|question| question.optional),
            Step::MoodGate | Step::Summary | Step::Results => false,
        }
    }

    /// The id of the current question, or a name for the other screens.
    pub fn step_name(&self) -> String {
        if self.crisis_panel {
            return "crisis".to_string();
        }
        match self.step {
            Step::Question(index) => self
                .questionnaire()
                .questions
                .get(index)
                .map(|question| question.id.to_string())
                .unwrap_or_default(),
            Step::MoodGate => "mood-check".to_string(),
            Step::Summary => "summary".to_string(),
            Step::Results => "results".to_string(),
        }
    }

    fn question_at(&self, step: Step) -> Option<&crate::fit::Question> {
        match step {
            Step::Question(index) => self.questionnaire().questions.get(index),
            _ => None,
        }
    }

    fn go(&mut self, step: Step) {
        self.step = step;
        self.invalid = false;
        self.focus += 1;
        self.notices
            .retain(|notice| *notice == Notice::StorageBlocked);
        if step == Step::Results {
            self.completed += 1;
        }
    }

    /// The screen after the current one: the summary after the last question.
    fn following(&self) -> Step {
        if self.return_to_summary {
            return Step::Summary;
        }
        let steps = self.steps();
        steps
            .iter()
            .position(|step| *step == self.step)
            .and_then(|index| steps.get(index + 1).copied())
            .unwrap_or(Step::Summary)
    }

    fn preceding(&self) -> Step {
        match self.step {
            Step::Results => Step::Summary,
            Step::Summary => self.steps().last().copied().unwrap_or(Step::Question(0)),
            step => {
                let steps = self.steps();
                steps
                    .iter()
                    .position(|candidate| *candidate == step)
                    .and_then(|index| index.checked_sub(1))
                    .and_then(|index| steps.get(index).copied())
                    .unwrap_or(step)
            }
        }
    }

    /// Records the PHQ-9 of this visit when it is complete and the person chose to remember.
    fn record_mood(&mut self) {
        if !(self.remember && self.phq9_touched) {
            return;
        }
        if let Some(result) = phq9(self.questionnaire(), &self.answers) {
            let mut stored = crate::fit::StoredState {
                phq9_history: std::mem::take(&mut self.phq9_history),
                ..Default::default()
            };
            stored.record_phq9(&self.today, result.total);
            self.phq9_history = stored.phq9_history;
        }
    }

    /// Changes the answers. The crisis panel waits until the person moves on: the arrow keys
    /// change a radio group's answer on every move, and the panel must not take the question
    /// away before they reach the answer they mean.
    fn change_answers(&mut self, change: impl FnOnce(&mut Answers, &Questionnaire)) {
        let questionnaire = self.questionnaire.0.clone();
        change(&mut self.answers, &questionnaire);
        self.invalid = false;
        self.share_fragment = None;
        self.record_mood();
    }

    /// Whether the answer on the current screen is a sign of risk, so moving on from it
    /// shows the crisis panel first.
    fn risk_here(&self) -> bool {
        self.question_at(self.step)
            .is_some_and(|question| risk_in(&self.answers, question.id.as_str()) != Risk::None)
    }

    /// Shows the crisis panel over the current screen and moves focus to it.
    fn open_crisis_panel(&mut self) {
        self.crisis_panel = true;
        self.focus += 1;
    }

    /// Applies one action.
    pub fn apply(&mut self, action: FitAction) {
        match action {
            FitAction::Choose { question, choice } => {
                if question.as_str().starts_with("phq9-") {
                    self.phq9_touched = true;
                }
                self.change_answers(|answers, _| {
                    answers.choose(question.as_str(), choice.as_str())
                });
            }
            FitAction::Toggle { question, choice } => {
                self.change_answers(|answers, questionnaire| {
                    answers.toggle(questionnaire, question.as_str(), choice.as_str())
                })
            }
            FitAction::Rate { priority, rating } => {
                self.change_answers(|answers, _| answers.rate(priority.as_str(), rating))
            }
            FitAction::Next => {
                if !self.is_answered(self.step) && !self.may_skip(self.step) && self.needs_answer()
                {
                    self.invalid = true;
                    return;
                }
                if self.risk_here() {
                    self.open_crisis_panel();
                    return;
                }
                let next = self.following();
                self.return_to_summary = false;
                self.go(next);
            }
            FitAction::Back => {
                let previous = self.preceding();
                self.return_to_summary = false;
                self.go(previous);
            }
            FitAction::Skip => {
                let risk = self.risk_here();
                if let Some(question) = self.question_at(self.step) {
                    let id = question.id.clone();
                    self.change_answers(|answers, _| answers.clear(id.as_str()));
                }
                let next = self.following();
                self.return_to_summary = false;
                self.go(next);
                if risk {
                    self.open_crisis_panel();
                }
            }
            FitAction::MoodCheck(take_it) => {
                self.mood_check = Some(take_it);
                if !take_it {
                    let items: Vec<QuestionId> = self
                        .questionnaire()
                        .section(Section::Mood)
                        .map(|question| question.id.clone())
                        .collect();
                    self.change_answers(|answers, _| {
                        for item in &items {
                            answers.clear(item.as_str());
                        }
                    });
                }
                let next = if take_it {
                    self.steps()
                        .into_iter()
                        .skip_while(|step| *step != Step::MoodGate)
                        .nth(1)
                        .unwrap_or(Step::Summary)
                } else {
                    self.following()
                };
                self.return_to_summary = false;
                self.go(next);
            }
            FitAction::Edit(step) => {
                self.return_to_summary = true;
                self.go(step);
            }
            FitAction::ShowSummary => {
                self.return_to_summary = false;
                self.go(Step::Summary);
            }
            FitAction::ShowResults => {
                self.return_to_summary = false;
                self.record_mood();
                self.go(Step::Results);
            }
            FitAction::ContinueAfterCrisis => {
                self.crisis_panel = false;
                self.focus += 1;
                if matches!(self.step, Step::Question(_) | Step::MoodGate)
                    && self.is_answered(self.step)
                {
                    let next = self.following();
                    self.return_to_summary = false;
                    self.go(next);
                }
            }
            FitAction::SetLeaning(leaning) => {
                self.answers.leaning = leaning;
                self.share_fragment = None;
            }
            FitAction::SetSure(item, value) => {
                self.answers.sure.set(&item, Some(value));
                self.share_fragment = None;
            }
            FitAction::SetRemember(on) => {
                if on && self.storage_blocked {
                    self.remember = false;
                    self.notices
                        .retain(|notice| *notice != Notice::StorageBlocked);
                    self.notices.push(Notice::StorageBlocked);
                    return;
                }
                self.remember = on;
                if on {
                    self.record_mood();
                } else {
                    self.phq9_history.clear();
                    self.wipe += 1;
                }
            }
            FitAction::StorageFailed => {
                self.remember = false;
                self.storage_blocked = true;
                self.notices
                    .retain(|notice| *notice != Notice::StorageBlocked);
                self.notices.push(Notice::StorageBlocked);
            }
            FitAction::ClearAll => {
                self.answers = Answers::default();
                self.mood_check = None;
                self.crisis_panel = false;
                self.remember = false;
                self.phq9_history.clear();
                self.phq9_touched = false;
                self.share_fragment = None;
                self.return_to_summary = false;
                self.wipe += 1;
                self.go(Step::Question(0));
                self.notices.push(Notice::Cleared);
            }
            FitAction::MakeShareLink => {
                self.share_fragment = Some(format!(
                    "{FRAGMENT_KEY}={}",
                    crate::fit::encode_fragment(&self.answers)
                ));
            }
            FitAction::Copied(worked) => {
                self.notices
                    .retain(|notice| !matches!(notice, Notice::LinkCopied | Notice::LinkNotCopied));
                self.notices.push(if worked {
                    Notice::LinkCopied
                } else {
                    Notice::LinkNotCopied
                });
            }
            FitAction::RetakeMood => {
                let items: Vec<QuestionId> = self
                    .questionnaire()
                    .section(Section::Mood)
                    .map(|question| question.id.clone())
                    .collect();
                self.change_answers(|answers, _| {
                    for item in &items {
                        answers.clear(item.as_str());
                    }
                });
                self.mood_check = Some(true);
                let first = self
                    .steps()
                    .into_iter()
                    .skip_while(|step| *step != Step::MoodGate)
                    .nth(1)
                    .unwrap_or(Step::MoodGate);
                self.return_to_summary = false;
                self.go(first);
            }
        }
    }

    /// Whether the current screen needs an answer before Next (a priorities screen does not).
    fn needs_answer(&self) -> bool {
        match self.question_at(self.step) {
            Some(question) => question.kind != QuestionKind::Priorities,
            None => self.step == Step::MoodGate,
        }
    }

    /// The report for the current answers.
    pub fn report(&self) -> crate::fit::FitReport {
        assess(self.questionnaire(), &self.answers)
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )]
    use super::*;

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
        let state = FitState::start(questionnaire(), &good, Ok(None), String::new());
        assert_eq!(state.step, Step::Results);
        assert_eq!(state.answers, answers);
        let tampered = good.replace("ktw1.", "ktw1.A");
        let state = FitState::start(questionnaire(), &tampered, Ok(None), String::new());
        assert_eq!(state.notices, vec![Notice::LinkTampered]);
        assert!(state.answers.is_empty() && state.drop_fragment);
        let state = FitState::start(questionnaire(), "pricing", Ok(None), String::new());
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
        state.apply(FitAction::ClearAll);
        assert!(state.phq9_history.is_empty() && !state.remember && state.wipe == 1);
    }

    #[test]
    fn changing_an_answer_from_the_summary_returns_there() {
        let mut state = fresh();
        state.apply(FitAction::ShowSummary);
        state.apply(FitAction::Edit(Step::Question(0)));
        assert_eq!(state.step, Step::Question(0));
        state.apply(choose("self-harm-thoughts", "no"));
        state.apply(FitAction::Next);
        assert_eq!(state.step, Step::Summary);
        state.apply(FitAction::ShowResults);
        assert_eq!((state.step, state.completed), (Step::Results, 1));
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
        let mut state = FitState::start(questionnaire(), "", Err(StorageBlocked), String::new());
        state.apply(FitAction::SetRemember(true));
        assert!(!state.remember);
        assert_eq!(state.notices, vec![Notice::StorageBlocked]);
        state.apply(choose("self-harm-thoughts", "no"));
        state.apply(FitAction::Next);
        assert_eq!(state.step, Step::MoodGate);
    }
}
