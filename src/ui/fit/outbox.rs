//! The questionnaire's outbox: the effects the reducer posts after each transition, which the
//! questionnaire component takes and carries out once the new state is on screen.
//!
//! Several actions may be dispatched before the next render, so effects wait here until they
//! are taken rather than travelling with one state.

use super::state::FitEffect;
use std::cell::Cell;
use std::rc::Rc;

/// The effects posted and not yet carried out, shared by every copy of one widget's state.
#[derive(Clone, Default)]
pub struct Outbox(Rc<Cell<Vec<FitEffect>>>);

impl Outbox {
    /// Adds `effects` after those already waiting.
    pub fn post(&self, effects: Vec<FitEffect>) {
        if effects.is_empty() {
            return;
        }
        let mut waiting = self.0.take();
        waiting.extend(effects);
        self.0.set(waiting);
    }

    /// Takes every waiting effect, in the order they were posted, leaving the outbox empty.
    pub fn take(&self) -> Vec<FitEffect> {
        self.0.take()
    }
}

impl PartialEq for Outbox {
    /// One widget has one outbox; its copies are the same outbox.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outbox")
    }
}
