//! Yew components and the reducer that holds each widget's state.
//!
//! [`App`] is the root. It takes the validated [`Content`] and [`Config`] as props and shares
//! them, with the language and the dispatcher, through the [`Ctx`] context, which changes only
//! with the language or the clinic's configuration. The state reaches components in parts: the
//! comparison and the questionnaire as props of their panels, the open citation and glossary
//! term through a context of their own. A click re-renders only the components whose part
//! changed; Yew skips every component whose props and contexts are equal.
//!
//! - `context`: the bundled [`Content`] and the [`Ctx`] context.
//! - `frame`: the header, the tabs and the footer around the panels.
//! - [`state`]: the one reducer; [`fit`] and `compare` hold the panels and their parts of it.
//! - [`host`]: the [`host::Host`] port, the host page as the widget may use it.

mod about;
pub mod cell;
mod cite;
mod compare;
mod context;
mod course_chart;
pub mod decimal;
pub mod events;
pub mod fit;
mod frame;
pub mod host;
mod icon_array;
pub mod listen;
mod outcomes;
mod panel;
pub mod prerender;
pub mod qr;
pub mod state;
mod text;
pub mod theme;

use crate::config::{Config, View};
use crate::content::Lang;
use crate::ui::host::Host;
use frame::Frame;
use state::{Action, OpenDetails, Tab, WidgetState};
use std::rc::Rc;
use yew::prelude::*;

pub use context::{Content, Ctx};

/// The root component's props: the content, the clinic's configuration and the page language.
#[derive(Properties, Clone)]
pub struct AppProps {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    /// The language chosen from the clinic's attribute, the page or the browser.
    pub lang: Lang,
    /// Receives the events meant for the host page.
    pub on_event: Callback<events::WidgetEvent>,
    /// The host page, as the widget may use it: its URL fragment, storage, print dialog,
    /// clipboard and today's date.
    pub host: Rc<Host>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && self.config == other.config
            && self.lang == other.lang
            && self.on_event == other.on_event
            && Rc::ptr_eq(&self.host, &other.host)
    }
}

/// The root of one widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let AppProps {
        content,
        config,
        lang,
        on_event,
        host,
    } = props.clone();
    let state = {
        let config = config.clone();
        let host = host.clone();
        let questionnaire = content.questionnaire.clone();
        use_reducer(move || {
            let fragment = (host.read_fragment)();
            let opened = fit::state::FitState::start(
                questionnaire,
                &fragment,
                (host.load)(),
                (host.today)(),
            );
            let shared_link = fit::state::share_payload(&fragment).is_some();
            let start_tab = match (config.view, config.start) {
                (View::Fit, _) | (View::Both, crate::config::Start::Fit) => Tab::Fit,
                (View::Both, _) if shared_link => Tab::Fit,
                _ => Tab::Compare,
            };
            WidgetState::new(start_tab, &config, opened)
        })
    };
    {
        // A new configuration may hide options that were being compared.
        let dispatch = state.dispatcher();
        use_effect_with(config.clone(), move |config| {
            let shown: Vec<_> = crate::content::OptionId::ALL
                .into_iter()
                .filter(|id| config.shows(*id))
                .collect();
            dispatch.dispatch(Action::KeepOnly(shown));
        });
    }
    let lang = state.lang.unwrap_or(lang);
    {
        let view = match config.view {
            View::Compare => "compare",
            View::Fit => "fit",
            View::Both => "both",
        };
        let on_event = on_event.clone();
        use_effect_with((), move |_| {
            on_event.emit(events::WidgetEvent::Ready {
                lang: lang.tag(),
                view,
            });
        });
    }
    let dispatch = {
        // One callback for the widget's life, so the context stays equal from click to click.
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let ctx = Ctx {
        content,
        config,
        lang,
        dispatch,
        on_event,
        host,
        interactive: true,
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
        <ContextProvider<Rc<OpenDetails>> context={state.details.clone()}>
            <Frame tab={state.tab} about_open={state.about_open} compare={state.compare.clone()}
                   fit={state.fit.clone()} outbox={state.outbox.clone()} />
        </ContextProvider<Rc<OpenDetails>>>
        </ContextProvider<Ctx>>
    }
}
