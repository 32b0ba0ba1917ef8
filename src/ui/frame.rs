//! The widget's frame around the panels: the header with the language switch, the two tabs,
//! and the footer with the about box and the crisis banner.

use super::fit::outbox::Outbox;
use super::fit::state::FitState;
use super::state::{Action, CompareState, Tab};
use super::{about, compare, fit, text, Ctx};
use crate::config::View;
use crate::content::Lang;
use crate::fit::flow::Step;
use std::rc::Rc;
use yew::prelude::*;

/// The parts of the state the frame lays out.
#[derive(Properties)]
pub(super) struct FrameProps {
    pub(super) tab: Tab,
    pub(super) about_open: bool,
    pub(super) compare: Rc<CompareState>,
    pub(super) fit: Rc<FitState>,
    pub(super) outbox: Outbox,
}

impl PartialEq for FrameProps {
    /// The reducer gives a changed part a new `Rc`, so comparing pointers is enough.
    fn eq(&self, other: &Self) -> bool {
        self.tab == other.tab
            && self.about_open == other.about_open
            && Rc::ptr_eq(&self.compare, &other.compare)
            && Rc::ptr_eq(&self.fit, &other.fit)
            && self.outbox == other.outbox
    }
}

/// The widget's frame: header, tabs and panels, footer. A component of its own so that the
/// context providers above it compare only these props, not the whole tree, on each click.
#[component]
pub(super) fn Frame(
    FrameProps {
        tab,
        about_open,
        compare,
        fit,
        outbox,
    }: &FrameProps,
) -> Html {
    let ctx = use_context::<Ctx>();
    // With both tabs, the questionnaire's panel, hidden behind its tab at first, is drawn one
    // task after the first render, so the first render (the one the patient pages prerender)
    // is shorter and the page is never blocked for both at once. It is drawn at once when it
    // is on screen; the other views have no hidden panel to wait for.
    let hidden_panel_due = use_state_eq(|| false);
    {
        let due = hidden_panel_due.clone();
        let view = ctx.as_ref().map(|ctx| ctx.config.view);
        use_effect_with(view, move |view| {
            if *view == Some(View::Both) {
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(std::time::Duration::ZERO).await;
                    due.set(true);
                });
            }
        });
    }
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let t = ctx.t();
    let tab = *tab;
    let fit_shown = match ctx.config.view {
        View::Fit => true,
        View::Compare => false,
        View::Both => tab == Tab::Fit,
    };
    let fit_drawn = fit_shown || *hidden_panel_due;
    let print_fit = fit_shown && fit.step == Step::Results;
    html! {
        <div class="ktw" lang={ctx.lang.tag()} dir={direction(ctx.lang)} part="base" data-theme={ctx.config.theme.as_str()}
             data-print={if print_fit { "fit" } else { "all" }}>
            <header class="ktw-header" part="header">
                <@{ctx.heading(2)} aria-level={ctx.heading_aria_level(2)} class="ktw-title ktw-h2">{ &t.widget_title }</@>
                if let Some(name) = &ctx.config.clinic_name {
                    <p class="ktw-clinic">{ name }</p>
                }
                <p class="ktw-intro">{ &t.widget_intro }</p>
                <LangSwitch />
            </header>
            { match ctx.config.view {
                View::Compare => html! { <compare::Compare state={compare.clone()} /> },
                View::Fit => html! { <fit::Fit state={fit.clone()} outbox={outbox.clone()} shown={fit_shown} /> },
                View::Both => html! {
                    <>
                        <Tabs selected={tab} />
                        <div class="ktw-tabpanel" role="tabpanel" id="ktw-panel-compare"
                             aria-labelledby="ktw-tab-compare" hidden={tab != Tab::Compare}>
                            <compare::Compare state={compare.clone()} />
                        </div>
                        <div class="ktw-tabpanel" role="tabpanel" id="ktw-panel-fit"
                             aria-labelledby="ktw-tab-fit" hidden={tab != Tab::Fit}>
                            if fit_drawn {
                                <fit::Fit state={fit.clone()} outbox={outbox.clone()} shown={fit_shown} />
                            }
                        </div>
                    </>
                },
            } }
            <footer class="ktw-footer">
                <about::About open={*about_open} />
                <p class="ktw-not-advice">{ &t.not_advice_short }</p>
                <CrisisBanner />
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

/// The crisis banner, always visible: the US crisis line, or the clinic's own.
#[component]
fn CrisisBanner() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    html! {
        <p class="ktw-crisis" role="note">
            { text::crisis_pieces(&ctx.crisis().banner()) }
        </p>
    }
}
