//! The questionnaire's part of the widget state and every transition of it, kept pure and tested.
//!
//! [`FitState::start`] builds the first state from what the host page holds (a share-link
//! fragment, stored answers, today's date). [`FitState::apply`] is called by the widget's one
//! reducer for each [`FitAction`]. Both hand back the [`FitEffect`]s the transition asks for
//! (move focus, wipe the stored copy, report completion), which the questionnaire component
//! carries out after it renders. Where the person may go comes from [`crate::fit::flow`].
//!
//! - `start`: the first state, from a share link, remembered answers or nothing.
//! - `apply`: every transition.

mod apply;
mod start;
#[cfg(test)]
mod tests;

use crate::fit::flow::{Flow, Step};
use crate::fit::{assess, Answers, ChoiceId, Leaning, Phq9Record, PriorityId, QuestionId};
use crate::fit::{FitReport, Questionnaire};
use std::rc::Rc;

pub use start::{share_payload, FRAGMENT_KEY};

/// The questionnaire, shared by pointer; two are equal only when they are the same one.
#[derive(Clone, Debug)]
pub struct SharedQuestionnaire(pub Rc<Questionnaire>);

impl PartialEq for SharedQuestionnaire {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A plain message shown above the questionnaire after something happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitNotice {
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
}

/// Something a transition asks the widget to do once the new state is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitEffect {
    /// Move focus to the current screen's heading and tell the host page where the person is.
    FocusScreen,
    /// Remove the answers stored on this device.
    WipeStored,
    /// Tell the host page the results were shown.
    ReportCompleted,
    /// Open the browser's print dialog, now that the printout (with its QR code) is drawn.
    OpenPrintDialog,
    /// Move focus to "Keep my answers" in the question "Clear all your answers?".
    FocusClearQuestion,
    /// Move focus back to "Clear my answers" after the person kept their answers.
    FocusClearButton,
    /// Back on the summary after changing an answer there: move focus to that row's Change
    /// button, where the person left, rather than to the top of the summary.
    FocusChanged(Step),
    /// Move focus to the button of a results section the person asked to open from the
    /// summary ("Say where you are leaning").
    FocusResultsPart(ResultsPart),
}

/// The sections of the results that open on demand, below the summary, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultsPart {
    /// The PHQ-9 score and the mood chart.
    Mood,
    /// "Where are you leaning?" and the SURE check.
    Deciding,
    /// Each option against the person's answers.
    Options,
    /// The priorities grid.
    Priorities,
    /// Every source the results cite, as one list.
    Sources,
}

impl ResultsPart {
    pub const ALL: [ResultsPart; 5] = [
        ResultsPart::Mood,
        ResultsPart::Deciding,
        ResultsPart::Options,
        ResultsPart::Priorities,
        ResultsPart::Sources,
    ];

    /// The section's name in ids and `data-section`.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultsPart::Mood => "mood",
            ResultsPart::Deciding => "deciding",
            ResultsPart::Options => "options",
            ResultsPart::Priorities => "priorities",
            ResultsPart::Sources => "sources",
        }
    }
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
    /// Today's date, `YYYY-MM-DD`, from the host page.
    pub today: String,
    pub notices: Vec<FitNotice>,
    /// The share fragment (`ktw=…`) last made, shown as a link to copy.
    pub share_fragment: Option<String>,
    /// The fragment the printout's QR code carries, set when the person asks to print; like
    /// `share_fragment`, it is dropped when an answer changes.
    pub print_fragment: Option<String>,
    /// Whether "Clear my answers" is asking "Clear all your answers?" before it clears.
    pub confirm_clear: bool,
    /// Whether the last copy of the share link worked, shown beside its button; `None` before
    /// a copy and once an answer changes, so the status never speaks of a stale link.
    pub copy_status: Option<bool>,
    /// The results sections the person opened; every other one is closed.
    pub open_parts: Vec<ResultsPart>,
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
    /// Ask "Clear all your answers?" before clearing anything.
    AskClear,
    /// Keep the answers after all.
    KeepAnswers,
    ClearAll,
    /// Makes a share link of the current answers.
    MakeShareLink,
    /// Print the summary: draw its QR code, then open the print dialog.
    Print,
    /// The clipboard copy finished.
    Copied(bool),
    /// Starts a new PHQ-9, keeping the other answers.
    RetakeMood,
    /// Opens or closes one section of the results.
    ToggleResultsPart(ResultsPart),
    /// Opens one section of the results and moves focus to it.
    OpenResultsPart(ResultsPart),
}

impl FitState {
    /// The questionnaire.
    pub fn questionnaire(&self) -> &Questionnaire {
        &self.questionnaire.0
    }

    /// The questionnaire's navigation for the answers so far.
    pub fn flow(&self) -> Flow<'_> {
        Flow {
            questionnaire: self.questionnaire(),
            answers: &self.answers,
            mood_check: self.mood_check,
        }
    }

    /// The current screen's place among the counted screens, 1-based, and their number.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.flow().position(self.step)
    }

    /// The progress the current screen tells the person.
    pub fn progress(&self) -> Option<crate::fit::flow::Progress> {
        self.flow().progress(self.step)
    }

    /// The id of the current question, or a name for the other screens and the crisis panel.
    pub fn step_name(&self) -> String {
        if self.crisis_panel {
            return "crisis".to_string();
        }
        self.flow().step_name(self.step)
    }

    /// The report for the current answers.
    pub fn report(&self) -> FitReport {
        assess(self.questionnaire(), &self.answers)
    }
}
