//! The comparison rendered with every section open and nothing interactive behind it: for
//! native rendering tests today, and for the static no-JavaScript fallback the build can
//! place inside the element.

use super::state::{Tab, WidgetState};
use super::{compare, fit, Content, Ctx};
use crate::data::Lang;
use crate::embed::config::Config;
use crate::embed::host::{Host, MemoryPage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the static comparison needs.
#[derive(Properties, Clone)]
pub struct StaticComparisonProps {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    pub lang: Lang,
}

impl PartialEq for StaticComparisonProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && self.config == other.config
            && self.lang == other.lang
    }
}

/// The comparison of the default options with every section open.
#[component]
pub fn StaticComparison(props: &StaticComparisonProps) -> Html {
    let StaticComparisonProps {
        content,
        config,
        lang,
    } = props.clone();
    let host = Rc::new(Host::memory(Rc::new(RefCell::new(MemoryPage::default()))));
    let fit =
        fit::state::FitState::start(content.questionnaire.clone(), "", Ok(None), String::new());
    let mut state = WidgetState::new(Tab::Compare, &config, fit);
    state.open_sections = content
        .evidence
        .sections
        .iter()
        .map(|section| section.id.clone())
        .collect();
    let ctx = Ctx {
        content,
        config,
        lang,
        state: Rc::new(state),
        dispatch: Callback::noop(),
        on_event: Callback::noop(),
        host,
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <div class="ktw" lang={lang.tag()}>
                <compare::Compare />
            </div>
        </ContextProvider<Ctx>>
    }
}
