//! Every transition of the questionnaire's state, each handing back the effects it asks for.

use super::{FitAction, FitEffect, FitNotice, FitState, FRAGMENT_KEY};
use crate::fit::flow::Step;
use crate::fit::{
    encode_fragment, phq9, risk_in, Answers, QuestionId, Questionnaire, Risk, Section, StoredState,
};

impl FitState {
    /// Applies one action and returns the effects it asks for, in the order it asked.
    pub fn apply(&mut self, action: FitAction) -> Vec<FitEffect> {
        let mut effects = Vec::new();
        self.transition(action, &mut effects);
        effects
    }

    fn transition(&mut self, action: FitAction, effects: &mut Vec<FitEffect>) {
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
                let flow = self.flow();
                if !flow.is_answered(self.step)
                    && !flow.may_skip(self.step)
                    && flow.needs_answer(self.step)
                {
                    self.invalid = true;
                    return;
                }
                if self.risk_here() {
                    self.open_crisis_panel(effects);
                    return;
                }
                self.move_on(effects);
            }
            FitAction::Back => {
                let previous = self.flow().preceding(self.step);
                self.return_to_summary = false;
                self.go(previous, effects);
            }
            FitAction::Skip => {
                let risk = self.risk_here();
                if let Some(question) = self.flow().question_at(self.step) {
                    let id = question.id.clone();
                    self.change_answers(|answers, _| answers.clear(id.as_str()));
                }
                self.move_on(effects);
                if risk {
                    self.open_crisis_panel(effects);
                }
            }
            FitAction::MoodCheck(take_it) => {
                self.mood_check = Some(take_it);
                if !take_it {
                    self.clear_mood_items();
                }
                let next = if take_it {
                    self.flow().after_mood_gate().unwrap_or(Step::Summary)
                } else {
                    self.next_step()
                };
                self.return_to_summary = false;
                self.go(next, effects);
            }
            FitAction::Edit(step) => {
                self.return_to_summary = true;
                self.go(step, effects);
            }
            FitAction::ShowSummary => {
                self.return_to_summary = false;
                self.go(Step::Summary, effects);
            }
            FitAction::ShowResults => {
                self.return_to_summary = false;
                self.record_mood();
                self.go(Step::Results, effects);
            }
            FitAction::ContinueAfterCrisis => {
                self.crisis_panel = false;
                effects.push(FitEffect::FocusScreen);
                if matches!(self.step, Step::Question(_) | Step::MoodGate)
                    && self.flow().is_answered(self.step)
                {
                    self.move_on(effects);
                }
            }
            FitAction::SetLeaning(leaning) => {
                self.answers.leaning = leaning;
                self.share_fragment = None;
                self.print_fragment = None;
                self.copy_status = None;
            }
            FitAction::SetSure(item, value) => {
                self.answers.sure.set(&item, Some(value));
                self.share_fragment = None;
                self.print_fragment = None;
                self.copy_status = None;
            }
            FitAction::SetRemember(on) => {
                if on && self.storage_blocked {
                    self.remember = false;
                    self.notice_once(FitNotice::StorageBlocked);
                    return;
                }
                self.remember = on;
                if on {
                    self.record_mood();
                } else {
                    self.phq9_history.clear();
                    effects.push(FitEffect::WipeStored);
                }
            }
            FitAction::StorageFailed => {
                self.remember = false;
                self.storage_blocked = true;
                self.notice_once(FitNotice::StorageBlocked);
            }
            FitAction::AskClear => {
                self.confirm_clear = true;
                effects.push(FitEffect::FocusClearQuestion);
            }
            FitAction::KeepAnswers => {
                self.confirm_clear = false;
                effects.push(FitEffect::FocusClearButton);
            }
            FitAction::ClearAll => {
                self.confirm_clear = false;
                self.answers = Answers::default();
                self.mood_check = None;
                self.crisis_panel = false;
                self.remember = false;
                self.phq9_history.clear();
                self.phq9_touched = false;
                self.share_fragment = None;
                self.print_fragment = None;
                self.copy_status = None;
                self.return_to_summary = false;
                self.open_parts.clear();
                effects.push(FitEffect::WipeStored);
                self.go(Step::Question(0), effects);
                self.notices.push(FitNotice::Cleared);
            }
            FitAction::Print => {
                self.print_fragment =
                    Some(format!("{FRAGMENT_KEY}={}", encode_fragment(&self.answers)));
                effects.push(FitEffect::OpenPrintDialog);
            }
            FitAction::MakeShareLink => {
                // Cleared first, so the status is announced again after another copy.
                self.copy_status = None;
                self.share_fragment =
                    Some(format!("{FRAGMENT_KEY}={}", encode_fragment(&self.answers)));
            }
            FitAction::Copied(worked) => {
                self.copy_status = Some(worked);
            }
            FitAction::ToggleResultsPart(part) => {
                if self.open_parts.contains(&part) {
                    self.open_parts.retain(|open| *open != part);
                } else {
                    self.open_parts.push(part);
                }
            }
            FitAction::OpenResultsPart(part) => {
                if !self.open_parts.contains(&part) {
                    self.open_parts.push(part);
                }
                effects.push(FitEffect::FocusResultsPart(part));
            }
            FitAction::RetakeMood => {
                self.clear_mood_items();
                self.mood_check = Some(true);
                let first = self.flow().after_mood_gate().unwrap_or(Step::MoodGate);
                self.return_to_summary = false;
                self.go(first, effects);
            }
        }
    }

    /// Shows `notice` after the others, and only once.
    fn notice_once(&mut self, notice: FitNotice) {
        self.notices.retain(|shown| *shown != notice);
        self.notices.push(notice);
    }

    /// Moves to `step`, focusing it; reaching the results reports completion.
    fn go(&mut self, step: Step, effects: &mut Vec<FitEffect>) {
        self.step = step;
        self.invalid = false;
        effects.push(FitEffect::FocusScreen);
        self.notices
            .retain(|notice| *notice == FitNotice::StorageBlocked);
        if step == Step::Results {
            effects.push(FitEffect::ReportCompleted);
        }
    }

    /// The screen after the current one: back to the summary when the person came from
    /// there, else the next counted screen.
    fn next_step(&self) -> Step {
        if self.return_to_summary {
            Step::Summary
        } else {
            self.flow().following(self.step)
        }
    }

    /// Goes on to the next screen.
    fn move_on(&mut self, effects: &mut Vec<FitEffect>) {
        let edited = self.return_to_summary.then_some(self.step);
        let next = self.next_step();
        self.return_to_summary = false;
        self.go(next, effects);
        if let (Some(step), Step::Summary) = (edited, next) {
            effects.push(FitEffect::FocusChanged(step));
        }
    }

    /// Clears every PHQ-9 answer.
    fn clear_mood_items(&mut self) {
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

    /// Records the PHQ-9 of this visit when it is complete and the person chose to remember.
    fn record_mood(&mut self) {
        if !(self.remember && self.phq9_touched) {
            return;
        }
        if let Some(result) = phq9(self.questionnaire(), &self.answers) {
            let mut stored = StoredState {
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
        self.print_fragment = None;
        self.copy_status = None;
        self.record_mood();
    }

    /// Whether the answer on the current screen is a sign of risk, so moving on from it
    /// shows the crisis panel first.
    fn risk_here(&self) -> bool {
        self.flow()
            .question_at(self.step)
            .is_some_and(|question| risk_in(&self.answers, question.id.as_str()) != Risk::None)
    }

    /// Shows the crisis panel over the current screen and moves focus to it.
    fn open_crisis_panel(&mut self, effects: &mut Vec<FitEffect>) {
        self.crisis_panel = true;
        effects.push(FitEffect::FocusScreen);
    }
}
