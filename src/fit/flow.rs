//! The questionnaire's navigation: which screens there are, in which order, which of them are
//! answered and which may be skipped, as pure functions of the questions, the answers and the
//! mood-check choice.
//!
//! The widget's reducer keeps where the person is and calls these to decide where they go.

use super::{Answers, Question, QuestionKind, Questionnaire, Section};

/// One screen of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A question, by its index in the questionnaire.
    Question(usize),
    /// "Would you like to do the optional mood check?"
    MoodGate,
    /// Every answer, each with a button to change it.
    Summary,
    /// What the answers may mean for each option.
    Results,
}

/// Where a screen stands, as the person is told: the PHQ-9 items count inside the mood check,
/// so the number of questions everyone answers never jumps when the mood check is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Question `number` of the `total` that everyone sees.
    Question { number: usize, total: usize },
    /// Item `number` of the mood check's `total`.
    MoodItem { number: usize, total: usize },
}

/// What navigation needs to know of one person's questionnaire.
#[derive(Clone, Copy, Debug)]
pub struct Flow<'a> {
    pub questionnaire: &'a Questionnaire,
    pub answers: &'a Answers,
    /// The answer to the mood-check question: `None` until asked.
    pub mood_check: Option<bool>,
}

impl<'a> Flow<'a> {
    /// The counted screens in order: every question shown, with the mood-check question
    /// before the PHQ-9 and the PHQ-9 items only when the person chose to do them.
    pub fn steps(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut gate_added = false;
        for (index, question) in self.questionnaire.questions.iter().enumerate() {
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

    /// The place of `step` among the counted screens, 1-based, and their number.
    pub fn position(&self, step: Step) -> Option<(usize, usize)> {
        let steps = self.steps();
        let index = steps.iter().position(|candidate| *candidate == step)?;
        Some((index + 1, steps.len()))
    }

    /// The progress to show on `step`; `None` on the summary and the results.
    pub fn progress(&self, step: Step) -> Option<Progress> {
        if let Some(question) = self.question_at(step) {
            if question.section == Section::Mood {
                let mut items = self.questionnaire.section(Section::Mood);
                let number = items.position(|item| item.id == question.id)?;
                return Some(Progress::MoodItem {
                    number: number + 1,
                    total: self.questionnaire.section(Section::Mood).count(),
                });
            }
        }
        let everyone = Flow {
            mood_check: Some(false),
            ..*self
        }
        .steps();
        let number = everyone.iter().position(|candidate| *candidate == step)?;
        Some(Progress::Question {
            number: number + 1,
            total: everyone.len(),
        })
    }

    /// The number of questions everyone answers, said once before the first.
    pub fn questions_everyone_answers(&self) -> usize {
        Flow {
            mood_check: Some(false),
            ..*self
        }
        .steps()
        .len()
    }

    /// The first counted screen still unanswered, if any.
    pub fn first_unanswered(&self) -> Option<Step> {
        self.steps()
            .into_iter()
            .find(|step| !self.is_answered(*step))
    }

    /// The question a screen asks, if it is a question screen.
    pub fn question_at(&self, step: Step) -> Option<&'a Question> {
        match step {
            Step::Question(index) => self.questionnaire.questions.get(index),
            Step::MoodGate | Step::Summary | Step::Results => None,
        }
    }

    /// Whether a screen has an answer (a priorities screen counts once one is rated).
    pub fn is_answered(&self, step: Step) -> bool {
        match step {
            Step::MoodGate => self.mood_check.is_some(),
            Step::Question(_) => {
                let Some(question) = self.question_at(step) else {
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
        self.question_at(step)
            .is_some_and(|question| question.optional)
    }

    /// Whether Next on an unanswered screen must stop and ask for an answer: every question
    /// but a priorities screen, and the mood-check question.
    pub fn needs_answer(&self, step: Step) -> bool {
        match self.question_at(step) {
            Some(question) => question.kind != QuestionKind::Priorities,
            None => step == Step::MoodGate,
        }
    }

    /// The screen after `step`: the summary after the last question, or after a screen that
    /// is not counted.
    pub fn following(&self, step: Step) -> Step {
        let steps = self.steps();
        steps
            .iter()
            .position(|candidate| *candidate == step)
            .and_then(|index| steps.get(index + 1).copied())
            .unwrap_or(Step::Summary)
    }

    /// The screen before `step`: the summary before the results, the last question before the
    /// summary, and the first screen stays where it is.
    pub fn preceding(&self, step: Step) -> Step {
        match step {
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

    /// The screen after the mood-check question: the first PHQ-9 item when the person chose
    /// to do the mood check, else the next question.
    pub fn after_mood_gate(&self) -> Option<Step> {
        self.steps()
            .into_iter()
            .skip_while(|step| *step != Step::MoodGate)
            .nth(1)
    }

    /// The id of the question on `step`, or a name for the other screens.
    pub fn step_name(&self, step: Step) -> String {
        match step {
            Step::Question(_) => self
                .question_at(step)
                .map(|question| question.id.to_string())
                .unwrap_or_default(),
            Step::MoodGate => "mood-check".to_string(),
            Step::Summary => "summary".to_string(),
            Step::Results => "results".to_string(),
        }
    }

    /// The screen `step` stands for among the screens everyone sees: a PHQ-9 item stands for
    /// the mood-check question, whose items not everyone does.
    pub fn seen_by_everyone(&self, step: Step) -> Step {
        match self.question_at(step) {
            Some(question) if question.section == Section::Mood => Step::MoodGate,
            _ => step,
        }
    }
}
