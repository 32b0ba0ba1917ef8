//! Yew components and the reducer that holds each widget's state.
//!
//! [`App`] is the root. It takes the validated [`Content`] and [`Config`] as props and shares
//! them, with the state and language, through one [`Ctx`] context.

mod about;
mod cite;
mod charts;
mod compare;
pub mod events;
pub mod state;
mod text;

use crate::data::{Evidence, Lang};
use crate::embed::config::{Config, View};
use crate::i18n::{self, Messages};
use state::{Action, Tab, WidgetState};
use std::rc::Rc;
use yew::prelude::*;

/// Everything bundled into the build, loaded and validated once per widget.
#[derive(Debug)]
pub struct Content {
    pub evidence: Evidence,
    pub english: Messages,
    pub spanish: Messages,
}

impl Content {
    /// Loads and validates the bundled evidence and message catalogues.
    pub fn bundled() -> Result<Content, Vec<String>> {
        let files = crate::data::bundled_files()
            .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
        let evidence = Evidence::from_files(&files);
        let catalogues = i18n::load_catalogues(&files);
        match (evidence, catalogues) {
            (Ok(evidence), Ok(mut catalogues)) => {
                match (catalogues.remove(&Lang::En), catalogues.remove(&Lang::Es)) {
                    (Some(english), Some(spanish)) => Ok(Content { evidence, english, spanish }),
                    _ => Err(vec!["a message catalogue is missing".to_string()]),
                }
            }
            (evidence, catalogues) => {
                let mut errors: Vec<String> = evidence
                    .err()
                    .unwrap_or_default()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                errors.extend(catalogues.err().unwrap_or_default());
                Err(errors)
            }
        }
    }

    /// The interface strings of `lang`.
    pub fn messages(&self, lang: Lang) -> &Messages {
        match lang {
            Lang::En => &self.english,
            Lang::Es => &self.spanish,
        }
    }
}

/// The root component's props: the content, the clinic's configuration and the page language.
#[derive(Properties, Clone)]
pub struct AppProps {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    /// The language chosen from the clinic's attribute, the page or the browser.
    pub lang: Lang,
    /// Receives the events meant for the host page.
    pub on_event: Callback<events::WidgetEvent>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && self.config == other.config
            && self.lang == other.lang
            && self.on_event == other.on_event
    }
}

/// What every component can read: content, configuration, language, state and dispatcher.
#[derive(Clone)]
pub struct Ctx {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    pub lang: Lang,
    pub state: Rc<WidgetState>,
    pub dispatch: Callback<Action>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.lang == other.lang
            && Rc::ptr_eq(&self.state, &other.state)
    }
}

impl Ctx {
    /// The interface strings in the current language.
    pub fn t(&self) -> &Messages {
        self.content.messages(self.lang)
    }

    /// The evidence.
    pub fn evidence(&self) -> &Evidence {
        &self.content.evidence
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
    } = props.clone();
    let start_tab = match (config.view, config.start) {
        (View::Fit, _) | (View::Both, crate::embed::config::Start::Fit) => Tab::Fit,
        _ => Tab::Compare,
    };
    let state = {
        let config = config.clone();
        use_reducer(move || WidgetState::new(start_tab, &|id| config.shows(id)))
    };
    {
        // A new configuration may hide options that were being compared.
        let dispatch = state.dispatcher();
        use_effect_with(config.clone(), move |config| {
            let shown: Vec<_> = crate::data::OptionId::ALL
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
        use_effect_with((), move |_| {
            on_event.emit(events::WidgetEvent::Ready { lang: lang.tag(), view });
        });
    }
    let dispatcher = state.dispatcher();
    let ctx = Ctx {
        content,
        config,
        lang,
        state: Rc::new((*state).clone()),
        dispatch: Callback::from(move |action| dispatcher.dispatch(action)),
    };
    let t = ctx.t().clone();
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="ktw" lang={lang.tag()} part="base" data-theme={ctx.config.theme.as_str()}>
                <header class="ktw-header" part="header">
                    <h2 class="ktw-title">{ &t.widget_title }</h2>
                    if let Some(name) = &ctx.config.clinic_name {
                        <p class="ktw-clinic">{ name }</p>
                    }
                    <p class="ktw-intro">{ &t.widget_intro }</p>
                    <LangSwitch />
                </header>
                <compare::Compare />
                <footer class="ktw-footer">
                    <about::About />
                    <p class="ktw-not-advice">{ &t.not_advice_short }</p>
                    <CrisisLine />
                </footer>
            </div>
        </ContextProvider<Ctx>>
    }
}

/// A pair of buttons to read the widget in another language.
#[component]
fn LangSwitch() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    html! {
        <div class="ktw-lang" role="group" aria-label="Language / Idioma">
            for lang in Lang::ALL {
                <button
                    type="button"
                    class="ktw-lang-button"
                    lang={lang.tag()}
                    aria-pressed={(lang == ctx.lang).to_string()}
                    onclick={ctx.dispatch.reform(move |_| Action::SetLang(lang))}
                >
                    { &ctx.content.messages(lang).lang_name }
                </button>
            }
        </div>
    }
}

/// The crisis line, always visible: 988 and 911, or the clinic's own line outside the US.
#[component]
pub fn CrisisLine() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let t = ctx.t();
    match &ctx.config.crisis_line {
        Some(line) => html! {
            <p class="ktw-crisis" role="note">
                <strong>{ &line.name }</strong>{ ": " }
                <a href={format!("tel:{}", line.phone.dial)}>{ &line.phone.display }</a>
            </p>
        },
        None => html! {
            <p class="ktw-crisis" role="note">
                { text::with_phone_links(&t.crisis_banner) }
            </p>
        },
    }
}
