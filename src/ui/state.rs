//! The one reducer that holds a widget's state; every transition lives here and is unit-tested.

use super::fit::state::{FitAction, FitState};
use crate::data::{Family, Lang, OptionId};
use crate::embed::config::Config;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// The most options compared side by side.
pub const MAX_COMPARED: usize = 3;

/// The fewest options compared (when the clinic shows at least two).
pub const MIN_COMPARED: usize = 2;

/// The options compared when the person has not chosen yet.
pub const DEFAULT_COMPARED: [OptionId; 3] =
    [OptionId::IvKetamine, OptionId::Esketamine, OptionId::Tms];

/// Which part of the widget is showing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Compare,
    Fit,
}

/// A short message for the live region after an action was refused or had an effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A fourth option was picked; at most three are compared.
    TooMany,
    /// One of the last two options was unpicked; a comparison keeps at least two.
    NeedTwo,
}

/// Everything that changes while a person uses one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    pub tab: Tab,
    /// The options being compared, in the order they were picked.
    pub compared: Vec<OptionId>,
    pub open_sections: BTreeSet<String>,
    /// The citation whose details are open, keyed by the place it was opened from.
    pub open_citation: Option<String>,
    pub about_open: bool,
    /// The glossary term open, keyed by the place it was opened from.
    pub open_term: Option<String>,
    /// The language the person picked in the widget; overrides the clinic and the page.
    pub lang: Option<Lang>,
    /// What the live region says after the last action, if anything.
    pub notice: Option<Notice>,
    /// The questionnaire: answers, step, crisis panel, sharing and remembering.
    pub fit: FitState,
}

/// The options compared before the person chooses. Without an `offered` list: IV ketamine,
/// esketamine and standard TMS. With one: the clinic's first two offered options and, so that
/// ketamine and TMS still meet, the first default from another family. Only options the
/// clinic shows, and at least two where two are shown.
pub fn default_compared(config: &Config) -> Vec<OptionId> {
    let shown = |id: OptionId| config.shows(id);
    let mut compared: Vec<OptionId> = if config.offered.is_some() {
        let mut picked: Vec<OptionId> = OptionId::ALL
            .into_iter()
            .filter(|id| config.offers(*id) && shown(*id))
            .take(2)
            .collect();
        let families: Vec<Family> = picked.iter().map(|id| id.family()).collect();
        if let Some(other) = DEFAULT_COMPARED
            .into_iter()
            .find(|id| shown(*id) && !families.contains(&id.family()))
        {
            picked.push(other);
        }
        picked
    } else {
        DEFAULT_COMPARED
            .into_iter()
            .filter(|id| shown(*id))
            .collect()
    };
    for id in OptionId::ALL {
        if compared.len() >= MIN_COMPARED {
            break;
        }
        if shown(id) && !compared.contains(&id) {
            compared.push(id);
        }
    }
    compared
}

impl WidgetState {
    /// The state a widget starts in, comparing [`default_compared`] for this clinic.
    pub fn new(tab: Tab, config: &Config, fit: FitState) -> WidgetState {
        let compared = default_compared(config);
        WidgetState {
            tab,
            compared,
            open_sections: BTreeSet::new(),
            open_citation: None,
            about_open: false,
            open_term: None,
            lang: None,
            notice: None,
            fit,
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
        next.notice = None;
        match action {
            Action::ShowTab(tab) => next.tab = tab,
            Action::ToggleOption(id) => {
                if let Some(position) = next.compared.iter().position(|chosen| *chosen == id) {
                    if next.compared.len() > MIN_COMPARED {
                        next.compared.remove(position);
                    } else {
                        next.notice = Some(Notice::NeedTwo);
                    }
                } else if next.compared.len() < MAX_COMPARED {
                    next.compared.push(id);
                } else {
                    next.notice = Some(Notice::TooMany);
                }
            }
            Action::ToggleSection(id) => {
                if !next.open_sections.remove(&id) {
                    next.open_sections.insert(id);
                }
            }
            Action::SetAllSections(ids, open) => {
                if open {
                    next.open_sections.extend(ids);
                } else {
                    next.open_sections.clear();
                }
            }
            Action::ToggleCitation(key) => {
                next.open_citation = if next.open_citation.as_deref() == Some(key.as_str()) {
                    None
                } else {
                    Some(key)
                };
            }
            Action::CloseCitation => next.open_citation = None,
            Action::ToggleAbout => next.about_open = !next.about_open,
            Action::ToggleTerm(key) => {
                next.open_term = if next.open_term.as_deref() == Some(key.as_str()) {
                    None
                } else {
                    Some(key)
                };
            }
            Action::CloseTerm => next.open_term = None,
            Action::SetLang(lang) => next.lang = Some(lang),
            Action::Fit(action) => next.fit.apply(action),
            Action::KeepOnly(shown) => {
                next.compared.retain(|id| shown.contains(id));
                if next.compared.is_empty() {
                    next.compared.extend(shown.into_iter().take(2));
                }
            }
        }
        if next == *self {
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

    fn fit() -> FitState {
        let questionnaire = crate::fit::Questionnaire::from_bundle()
            .unwrap_or_else(|_| panic!("questions.toml is valid"));
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
        let cases: Vec<(Vec<Action>, Vec<OptionId>, Option<Notice>)> = vec![
            (vec![], DEFAULT_COMPARED.to_vec(), None),
            (
                vec![Action::ToggleOption(OptionId::Itbs)],
                DEFAULT_COMPARED.to_vec(),
                Some(Notice::TooMany),
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
                Some(Notice::NeedTwo),
            ),
        ];
        for (actions, compared, notice) in cases {
            let state = apply(start(), &actions);
            assert_eq!(state.compared, compared, "after {actions:?}");
            assert_eq!(state.notice, notice, "after {actions:?}");
        }
    }

    #[test]
    fn defaults_favour_what_the_clinic_offers_and_keep_both_families() {
        use OptionId::*;
        // (the clinic's attributes, the options compared first)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [OptionId]);
        let cases: &[Case] = &[
            (&[], &[IvKetamine, Esketamine, Tms]),
            (
                &[("offered", "tms,itbs,accelerated-tms")],
                &[Tms, Itbs, IvKetamine],
            ),
            (
                &[("offered", "iv-ketamine,esketamine,ketamine-therapy")],
                &[IvKetamine, Esketamine, Tms],
            ),
            (&[("offered", "esketamine")], &[Esketamine, Tms]),
            (
                &[("offered", "antidepressants")],
                &[Antidepressants, IvKetamine],
            ),
            (
                &[("offered", "tms,itbs"), ("hide-unoffered", "")],
                &[Tms, Itbs],
            ),
            (&[("offered", "tms"), ("hide-unoffered", "")], &[Tms]),
        ];
        for (attributes, expected) in cases {
            let raw: Vec<(String, String)> = attributes
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect();
            let (config, _) = crate::embed::config::parse(&raw);
            assert_eq!(
                default_compared(&config),
                expected.to_vec(),
                "{attributes:?}"
            );
        }
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
        assert!(state.open_sections.contains("effect"));
        assert_eq!(state.open_citation.as_deref(), Some("a"));
        let state = apply(
            state,
            &[
                Action::ToggleSection("effect".into()),
                Action::ToggleCitation("a".into()),
                Action::CloseTerm,
            ],
        );
        assert!(state.open_sections.is_empty());
        assert_eq!(state.open_citation, None);
        assert_eq!(state.open_term, None);
    }

    #[test]
    fn an_action_that_changes_nothing_returns_the_same_state() {
        let state = start();
        let same = state.clone().reduce(Action::CloseCitation);
        assert!(Rc::ptr_eq(&state, &same));
    }
}
