//! The questionnaire's first state: answers from a share link first, else remembered answers,
//! else none, with a notice saying which and why.

use super::{FitEffect, FitNotice, FitState, SharedQuestionnaire};
use crate::fit::flow::Step;
use crate::fit::{
    decode_fragment, load_stored, needs_crisis_help, Answers, DiscardReason, FragmentError,
    Questionnaire, Section, StoredLoad,
};
use crate::ui::host::StorageBlocked;
use std::rc::Rc;

/// The name of the fragment parameter that carries shared answers: `#ktw=…`.
pub const FRAGMENT_KEY: &str = "ktw";

/// The share payload inside a page fragment such as `ktw=ktw1.…` or `top&ktw=ktw1.…`.
pub fn share_payload(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|part| part.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

impl FitState {
    /// The first state, and what the widget must do once it is shown: wipe stored answers
    /// that were unusable or not meant to be kept, and report completion when it opens on
    /// the results.
    pub fn start(
        questionnaire: Rc<Questionnaire>,
        fragment: &str,
        stored: Result<Option<String>, StorageBlocked>,
        today: String,
    ) -> (FitState, Vec<FitEffect>) {
        let mut effects = Vec::new();
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
            print_fragment: None,
            confirm_clear: false,
            copy_status: None,
            open_parts: Vec::new(),
        };
        let mut from_link = false;
        if let Some(payload) = share_payload(fragment) {
            match decode_fragment(payload, &state.questionnaire.0) {
                Ok(restored) => {
                    state.answers = restored.answers;
                    state.notices.push(FitNotice::LinkRestored {
                        dropped: restored.dropped,
                    });
                    from_link = true;
                }
                // The component removes the unusable link, as it removes any link that does
                // not hold the current answers.
                Err(error) => state.notices.push(match error {
                    FragmentError::Tampered => FitNotice::LinkTampered,
                    FragmentError::UnknownVersion(_) => FitNotice::LinkOutdated,
                    _ => FitNotice::LinkDamaged,
                }),
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
                        state.notices.push(FitNotice::StorageRestored { dropped });
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
                    state.notices.push(FitNotice::StorageMigrated { dropped });
                }
                StoredLoad::Current { .. } | StoredLoad::Migrated { .. } => {
                    effects.push(FitEffect::WipeStored)
                }
                StoredLoad::Discarded { reason } => {
                    state.notices.push(match reason {
                        DiscardReason::NewerVersion(_) => FitNotice::StorageNewer,
                        DiscardReason::Unreadable | DiscardReason::WrongShape(_) => {
                            FitNotice::StorageDiscarded
                        }
                    });
                    effects.push(FitEffect::WipeStored);
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
                state.flow().first_unanswered().unwrap_or(Step::Results)
            };
            if state.step == Step::Results {
                effects.push(FitEffect::ReportCompleted);
            }
        }
        state.crisis_panel = needs_crisis_help(&state.answers);
        (state, effects)
    }
}
