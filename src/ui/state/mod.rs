//! The one reducer that holds a widget's state; every transition lives here and is unit-tested.
//!
//! - `compare`: the comparison's part of the state, and the options it starts with.

mod compare;

use super::fit::outbox::Outbox;
use super::fit::state::{FitAction, FitEffect, FitState};
use crate::config::Config;
use crate::content::{Lang, OptionId};
use std::rc::Rc;
use yew::Reducible;

pub use compare::{
    default_compared, CompareNotice, CompareState, DEFAULT_COMPARED, MAX_COMPARED, MIN_COMPARED,
};

/// Which part of the widget is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Compare,
    Fit,
}

/// Everything that changes while a person uses one widget.
///
/// The parts that different components read sit behind their own `Rc`: a transition replaces
/// only the part it changes, so a component given an unchanged part is not rendered again.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub tab: Tab,
    pub about_open: bool,
    /// The language the person picked in the widget; overrides the clinic and the page.
    pub lang: Option<Lang>,
    /// The comparison: the options compared, the open sections and the last notice.
    pub compare: Rc<CompareState>,
    /// The citation and the glossary term whose details are open, anywhere in the widget.
    pub details: Rc<OpenDetails>,
    /// The questionnaire: answers, step, crisis panel, sharing and remembering.
    pub fit: Rc<FitState>,
    /// The questionnaire's effects waiting for its component to carry them out.
    pub outbox: Outbox,
}

/// The citation and the glossary term whose details are open, each keyed by the place it was
/// opened from; at most one of each in the whole widget.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenDetails {
    pub open_citation: Option<String>,
    pub open_term: Option<String>,
}

impl WidgetState {
    /// The state a widget starts in, comparing [`default_compared`] for this clinic, with the
    /// questionnaire's first state and the effects it asks for.
    pub fn new(
        tab: Tab,
        config: &Config,
        (fit, effects): (FitState, Vec<FitEffect>),
    ) -> WidgetState {
        let outbox = Outbox::default();
        outbox.post(effects);
        WidgetState {
            tab,
            about_open: false,
            lang: None,
            compare: Rc::new(CompareState::new(config)),
            details: Rc::new(OpenDetails::default()),
            fit: Rc::new(fit),
            outbox,
        }
    }
}

/// Every change a person can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ShowTab(Tab),
    ToggleOption(OptionId),
    ToggleSection(String),
    SetAllSections(Vec<String>, bool),
    ToggleCitation(String),
    CloseCitation,
    ToggleAbout,
    ToggleTerm(String),
    CloseTerm,
    SetLang(Lang),
    /// Drops options the clinic no longer shows (after a configuration change).
    KeepOnly(Vec<OptionId>),
    /// A step of the questionnaire.
    Fit(FitAction),
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // An action that posts an effect renders again even when it changes nothing else, so
        // the questionnaire component runs and carries the effect out.
        let mut posted = false;
        // The notice answers the last action only; touching the comparison only when it holds
        // one keeps the comparison's `Rc` (and so its components) as they were.
        if next.compare.notice.is_some() {
            Rc::make_mut(&mut next.compare).notice = None;
        }
        match action {
            Action::ShowTab(tab) => next.tab = tab,
            Action::ToggleOption(id) => {
                let compare = Rc::make_mut(&mut next.compare);
                if let Some(position) = compare.compared.iter().position(|chosen| *chosen == id) {
                    if compare.compared.len() > MIN_COMPARED {
                        compare.compared.remove(position);
                    } else {
                        compare.notice = Some(CompareNotice::NeedTwo);
                        compare.refusals = compare.refusals.wrapping_add(1);
                    }
                } else if compare.compared.len() < MAX_COMPARED {
                    compare.compared.push(id);
                } else {
                    compare.notice = Some(CompareNotice::TooMany);
                    compare.refusals = compare.refusals.wrapping_add(1);
                }
            }
            Action::ToggleSection(id) => {
                let compare = Rc::make_mut(&mut next.compare);
                if !compare.open_sections.remove(&id) {
                    compare.open_sections.insert(id);
                }
            }
            Action::SetAllSections(ids, open) => {
                let compare = Rc::make_mut(&mut next.compare);
                if open {
                    compare.open_sections.extend(ids);
                } else {
                    compare.open_sections.clear();
                }
            }
            Action::ToggleCitation(key) => {
                let details = Rc::make_mut(&mut next.details);
                details.open_citation = if details.open_citation.as_deref() == Some(key.as_str()) {
                    None
                } else {
                    Some(key)
                };
            }
            Action::CloseCitation => {
                if next.details.open_citation.is_some() {
                    Rc::make_mut(&mut next.details).open_citation = None;
                }
            }
            Action::ToggleAbout => next.about_open = !next.about_open,
            Action::ToggleTerm(key) => {
                let details = Rc::make_mut(&mut next.details);
                details.open_term = if details.open_term.as_deref() == Some(key.as_str()) {
                    None
                } else {
                    Some(key)
                };
            }
            Action::CloseTerm => {
                if next.details.open_term.is_some() {
                    Rc::make_mut(&mut next.details).open_term = None;
                }
            }
            Action::SetLang(lang) => next.lang = Some(lang),
            Action::Fit(action) => {
                let mut fit = (*next.fit).clone();
                let effects = fit.apply(action);
                posted = !effects.is_empty();
                if fit != *next.fit || posted {
                    next.fit = Rc::new(fit);
                }
                next.outbox.post(effects);
            }
            Action::KeepOnly(shown) => {
                let kept: Vec<OptionId> =
                    if next.compare.compared.iter().any(|id| shown.contains(id)) {
                        next.compare
                            .compared
                            .iter()
                            .copied()
                            .filter(|id| shown.contains(id))
                            .collect()
                    } else {
                        shown.into_iter().take(2).collect()
                    };
                if kept != next.compare.compared {
                    Rc::make_mut(&mut next.compare).compared = kept;
                }
            }
        }
        if next == *self && !posted {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic)]
    use super::*;

    fn fit() -> (FitState, Vec<FitEffect>) {
        let questionnaire = crate::fit::Questionnaire::from_bundle()
            .unwrap_or_else(|_| panic!("the questionnaire is valid"));
        FitState::start(Rc::new(questionnaire), "", Ok(None), String::new())
    }

    fn start() -> Rc<WidgetState> {
        Rc::new(WidgetState::new(Tab::Compare, &Config::default(), fit()))
    }

    fn apply(state: Rc<WidgetState>, actions: &[Action]) -> Rc<WidgetState> {
        actions
            .iter()
            .cloned()
            .fold(state, |state, action| state.reduce(action))
    }

    #[test]
    fn picking_options_keeps_between_one_and_three() {
        let cases: Vec<(Vec<Action>, Vec<OptionId>, Option<CompareNotice>)> = vec![
            (vec![], DEFAULT_COMPARED.to_vec(), None),
            (
                vec![Action::ToggleOption(OptionId::Itbs)],
                DEFAULT_COMPARED.to_vec(),
                Some(CompareNotice::TooMany),
            ),
            (
                vec![
                    Action::ToggleOption(OptionId::Tms),
                    Action::ToggleOption(OptionId::Itbs),
                ],
                vec![OptionId::IvKetamine, OptionId::Esketamine, OptionId::Itbs],
                None,
            ),
            (
                vec![
                    Action::ToggleOption(OptionId::Tms),
                    Action::ToggleOption(OptionId::Esketamine),
                    Action::ToggleOption(OptionId::IvKetamine),
                ],
                vec![OptionId::IvKetamine, OptionId::Esketamine],
                Some(CompareNotice::NeedTwo),
            ),
        ];
        for (actions, compared, notice) in cases {
            let state = apply(start(), &actions);
            assert_eq!(state.compare.compared, compared, "after {actions:?}");
            assert_eq!(state.compare.notice, notice, "after {actions:?}");
        }
    }

    #[test]
    fn each_refused_pick_is_counted_even_when_the_notice_repeats() {
        let once = apply(start(), &[Action::ToggleOption(OptionId::Itbs)]);
        let twice = apply(once.clone(), &[Action::ToggleOption(OptionId::Itbs)]);
        assert_eq!(once.compare.refusals, 1);
        assert_eq!(twice.compare.refusals, 2);
        assert_eq!(twice.compare.notice, Some(CompareNotice::TooMany));
        assert!(!Rc::ptr_eq(&once.compare, &twice.compare));
        let accepted = apply(twice, &[Action::ToggleOption(OptionId::Tms)]);
        assert_eq!(accepted.compare.refusals, 2);
        assert_eq!(accepted.compare.notice, None);
    }

    #[test]
    fn sections_citations_and_terms_toggle() {
        let state = apply(
            start(),
            &[
                Action::ToggleSection("effect".into()),
                Action::ToggleCitation("a".into()),
                Action::ToggleTerm("t".into()),
            ],
        );
        assert!(state.compare.open_sections.contains("effect"));
        assert_eq!(state.details.open_citation.as_deref(), Some("a"));
        let state = apply(
            state,
            &[
                Action::ToggleSection("effect".into()),
                Action::ToggleCitation("a".into()),
                Action::CloseTerm,
            ],
        );
        assert!(state.compare.open_sections.is_empty());
        assert_eq!(state.details.open_citation, None);
        assert_eq!(state.details.open_term, None);
    }

    #[test]
    fn an_action_replaces_only_the_part_of_the_state_it_changes() {
        let state = start();
        let picked = state.clone().reduce(Action::ToggleOption(OptionId::Tms));
        assert!(!Rc::ptr_eq(&state.compare, &picked.compare));
        assert!(Rc::ptr_eq(&state.fit, &picked.fit));
        assert!(Rc::ptr_eq(&state.details, &picked.details));
        let answered = picked.clone().reduce(Action::Fit(FitAction::Next));
        assert!(Rc::ptr_eq(&picked.compare, &answered.compare));
        let cited = answered.clone().reduce(Action::ToggleCitation("a".into()));
        assert!(Rc::ptr_eq(&answered.compare, &cited.compare));
        assert!(Rc::ptr_eq(&answered.fit, &cited.fit));
    }

    #[test]
    fn an_action_that_posts_an_effect_renders_again_and_leaves_it_in_the_outbox() {
        let state = start();
        assert_eq!(
            state.outbox.take(),
            vec![],
            "a fresh start asks for nothing"
        );
        // Back on the first question changes nothing but asks for focus.
        let back = state.clone().reduce(Action::Fit(FitAction::Back));
        assert_eq!(back.fit, state.fit);
        assert!(!Rc::ptr_eq(&state.fit, &back.fit));
        let clear = back.clone().reduce(Action::Fit(FitAction::ClearAll));
        assert_eq!(
            clear.outbox.take(),
            vec![
                FitEffect::FocusScreen,
                FitEffect::WipeStored,
                FitEffect::FocusScreen
            ],
            "effects wait, in order, until they are taken"
        );
        assert_eq!(clear.outbox.take(), vec![]);
    }

    #[test]
    fn an_action_that_changes_nothing_returns_the_same_state() {
        let state = start();
        let same = state.clone().reduce(Action::CloseCitation);
        assert!(Rc::ptr_eq(&state, &same));
    }
}
