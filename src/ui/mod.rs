//! Yew components and the reducer that holds each widget's state.
//!
//! [`App`] is the root. It takes the validated [`Content`] and [`Config`] as props and shares
//! them, with the language and the dispatcher, through the [`Ctx`] context, which changes only
//! with the language or the clinic's configuration. The state reaches components in parts: the
//! comparison and the questionnaire as props of their panels, the open citation and glossary
//! term through a context of their own. A click re-renders only the components whose part
//! changed; Yew skips every component whose props and contexts are equal.

mod about;
mod charts;
mod cite;
mod compare;
pub mod events;
pub mod fit;
pub mod host;
mod outcomes;
pub mod prerender;
pub mod state;
mod text;
pub mod theme;

use crate::config::{Config, View};
use crate::content::i18n::Messages;
use crate::content::{Evidence, Lang};
use crate::crisis::CrisisHelp;
use crate::fit::Questionnaire;
use crate::ui::host::Host;
use state::{Action, CompareState, OpenDetails, Tab, WidgetState};
use std::rc::Rc;
use yew::prelude::*;

/// Everything bundled into the build, read once per widget.
#[derive(Debug)]
pub struct Content {
    pub evidence: Evidence,
    /// The "which might fit me" questions, checked against the evidence they cite.
    pub questionnaire: Rc<Questionnaire>,
    pub english: Messages,
    pub spanish: Messages,
    /// Claim texts split at their glossary terms, once per text and language.
    glossed: text::GlossaryCache,
}

impl Content {
    /// The content compiled into the build (validated by `build.rs`).
    pub fn bundled() -> Result<Content, Vec<String>> {
        let bundle = crate::content::Bundle::compiled()?;
        Ok(Content {
            evidence: bundle.evidence,
            questionnaire: Rc::new(bundle.questionnaire),
            english: bundle.english,
            spanish: bundle.spanish,
            glossed: text::GlossaryCache::default(),
        })
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
    /// The page services: URL fragment, storage, print, clipboard and today's date.
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

/// What every component can read: content, configuration, language and dispatcher. It
/// changes only with the language or the configuration, never with a click.
#[derive(Clone)]
pub struct Ctx {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    pub on_event: Callback<events::WidgetEvent>,
    pub host: Rc<Host>,
    /// False for the static copy placed in the page for browsers that run no scripts: there,
    /// citations are links to the source list and nothing pretends to be a button.
    pub interactive: bool,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.lang == other.lang
            && self.dispatch == other.dispatch
            && self.on_event == other.on_event
            && self.interactive == other.interactive
            && Rc::ptr_eq(&self.host, &other.host)
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

    /// The crisis line and emergency number of this widget, in the current language.
    pub fn crisis(&self) -> CrisisHelp {
        self.config.crisis_help(self.lang)
    }

    /// `text` in the current language split at its glossary terms, split once and then shared.
    pub fn glossed(&self, text: &str) -> text::Glossed {
        self.content
            .glossed
            .get(&self.content.evidence.glossary, self.lang, text)
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
            let fit = fit::state::FitState::start(
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
            WidgetState::new(start_tab, &config, fit)
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
                   fit={state.fit.clone()} />
        </ContextProvider<Rc<OpenDetails>>>
        </ContextProvider<Ctx>>
    }
}

/// The parts of the state the frame lays out.
#[derive(Properties)]
struct FrameProps {
    tab: Tab,
    about_open: bool,
    compare: Rc<CompareState>,
    fit: Rc<fit::state::FitState>,
}

impl PartialEq for FrameProps {
    /// The reducer gives a changed part a new `Rc`, so comparing pointers is enough.
    fn eq(&self, other: &Self) -> bool {
        self.tab == other.tab
            && self.about_open == other.about_open
            && Rc::ptr_eq(&self.compare, &other.compare)
            && Rc::ptr_eq(&self.fit, &other.fit)
    }
}

/// The widget's frame: header, tabs and panels, footer. A component of its own so that the
/// context providers above it compare only these props, not the whole tree, on each click.
#[component]
fn Frame(
    FrameProps {
        tab,
        about_open,
        compare,
        fit,
    }: &FrameProps,
) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let t = ctx.t();
    let tab = *tab;
    let fit_shown = match ctx.config.view {
        View::Fit => true,
        View::Compare => false,
        View::Both => tab == Tab::Fit,
    };
    let print_fit = fit_shown && fit.step == fit::state::Step::Results;
    html! {
        <div class="ktw" lang={ctx.lang.tag()} dir={direction(ctx.lang)} part="base" data-theme={ctx.config.theme.as_str()}
             data-print={if print_fit { "fit" } else { "all" }}>
            <header class="ktw-header" part="header">
                <h2 class="ktw-title">{ &t.widget_title }</h2>
                if let Some(name) = &ctx.config.clinic_name {
                    <p class="ktw-clinic">{ name }</p>
                }
                <p class="ktw-intro">{ &t.widget_intro }</p>
                <LangSwitch />
            </header>
            { match ctx.config.view {
                View::Compare => html! { <compare::Compare state={compare.clone()} /> },
                View::Fit => html! { <fit::Fit state={fit.clone()} /> },
                View::Both => html! {
                    <>
                        <Tabs selected={tab} />
                        <div class="ktw-tabpanel" role="tabpanel" id="ktw-panel-compare"
                             aria-labelledby="ktw-tab-compare" hidden={tab != Tab::Compare}>
                            <compare::Compare state={compare.clone()} />
                        </div>
                        <div class="ktw-tabpanel" role="tabpanel" id="ktw-panel-fit"
                             aria-labelledby="ktw-tab-fit" hidden={tab != Tab::Fit}>
                            <fit::Fit state={fit.clone()} />
                        </div>
                    </>
                },
            } }
            <footer class="ktw-footer">
                <about::About open={*about_open} />
                <p class="ktw-not-advice">{ &t.not_advice_short }</p>
                <CrisisLine />
            </footer>
        </div>
    }
}

/// Which tab is selected.
#[derive(Properties, PartialEq)]
struct TabsProps {
    selected: Tab,
}

/// The two tabs, "Compare treatments" and "Which might fit me?", with arrow-key movement.
#[component]
fn Tabs(TabsProps { selected }: &TabsProps) -> Html {
    let compare_ref = use_node_ref();
    let fit_ref = use_node_ref();
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let t = ctx.t();
    let tabs = [
        (
            Tab::Compare,
            "compare",
            t.tab_compare.clone(),
            compare_ref.clone(),
        ),
        (Tab::Fit, "fit", t.tab_fit.clone(), fit_ref.clone()),
    ];
    html! {
        <div class="ktw-tabs" role="tablist" aria-label={t.tabs_label.clone()}>
            for (tab, id, label, node) in tabs {
                { {
                    let selected = *selected == tab;
                    let other = if tab == Tab::Compare { Tab::Fit } else { Tab::Compare };
                    let other_ref = if tab == Tab::Compare { fit_ref.clone() } else { compare_ref.clone() };
                    let dispatch = ctx.dispatch.clone();
                    let onkeydown = Callback::from(move |event: KeyboardEvent| {
                        let target = match event.key().as_str() {
                            "ArrowLeft" | "ArrowRight" => Some(other),
                            "Home" => Some(Tab::Compare),
                            "End" => Some(Tab::Fit),
                            _ => None,
                        };
                        if let Some(target) = target {
                            event.prevent_default();
                            dispatch.emit(Action::ShowTab(target));
                            if target == other {
                                if let Some(element) = other_ref.cast::<web_sys::HtmlElement>() {
                                    let _ = element.focus();
                                }
                            }
                        }
                    });
                    html! {
                        <button
                            type="button"
                            role="tab"
                            ref={node}
                            class="ktw-tab"
                            id={format!("ktw-tab-{id}")}
                            aria-selected={selected.to_string()}
                            aria-controls={format!("ktw-panel-{id}")}
                            tabindex={if selected { "0" } else { "-1" }}
                            onclick={ctx.dispatch.reform(move |_| Action::ShowTab(tab))}
                            {onkeydown}
                        >{ label }</button>
                    }
                } }
            }
        </div>
    }
}

/// The writing direction of `lang`, so the widget reads the right way round on a page
/// written in another direction (an English widget on an Arabic page).
fn direction(lang: Lang) -> &'static str {
    match lang {
        Lang::En | Lang::Es => "ltr",
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

/// The crisis line, always visible: the US numbers, or the clinic's own.
#[component]
pub fn CrisisLine() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    html! {
        <p class="ktw-crisis" role="note">
            { text::crisis_pieces(&ctx.crisis().banner()) }
        </p>
    }
}
