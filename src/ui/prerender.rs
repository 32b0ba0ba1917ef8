//! The comparison rendered with every section open and nothing interactive behind it, with
//! its numbered sources: for native rendering tests, and as the static copy the build places
//! inside the patient pages for browsers that run no scripts; and the props of the live app's
//! first screen, which the build prerenders so that the patient pages paint the widget itself
//! before the script runs.

use super::state::CompareState;
use super::{compare, Content, Ctx};
use crate::config::Config;
use crate::content::Lang;
use crate::ui::host::{FrameLimits, Host, MemoryPage};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The props with which the build prerenders the live app's first screen in `lang`: the
/// default settings on a page with no shared link and nothing stored, as on a first visit.
pub fn first_screen_props(content: Rc<Content>, lang: Lang) -> super::AppProps {
    super::AppProps {
        content,
        config: Rc::new(Config::default()),
        lang,
        on_event: Callback::noop(),
        host: Rc::new(Host {
            evidence_url: Some("evidence.html".to_string()),
            ..Host::memory(Rc::new(RefCell::new(MemoryPage::default())))
        }),
    }
}

/// Whether the live app's first screen is the one the build prerendered with
/// [`first_screen_props`] into a container tagged `prerendered` (its `data-ktw-prerender`):
/// the same language, the default settings, no URL fragment, nothing stored and no sandboxed
/// frame. `tests/prerender.rs` checks that the device makes no other difference. Yew stops on
/// a node that does not match, so anywhere else the app must draw its own screen.
pub fn draws_first_screen(
    prerendered: Option<&str>,
    config: &Config,
    lang: Lang,
    host: &Host,
) -> bool {
    prerendered == Some(lang.tag())
        && *config == Config::default()
        && (host.read_fragment)().is_empty()
        && matches!((host.load)(), Ok(None))
        && host.frame == FrameLimits::default()
}

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
    // The static copy sits in the patient page, which `dist/` keeps beside the evidence table.
    let host = Rc::new(Host {
        evidence_url: Some("evidence.html".to_string()),
        ..Host::memory(Rc::new(RefCell::new(MemoryPage::default())))
    });
    let mut state = CompareState::new(&config);
    state.open_sections = content
        .evidence
        .sections
        .iter()
        .map(|section| section.id.clone())
        .collect();
    let state = Rc::new(state);
    let ctx = Ctx {
        content,
        config,
        lang,
        dispatch: Callback::noop(),
        on_event: Callback::noop(),
        host,
        interactive: false,
    };
    let t = ctx.t();
    let sources: Html = ctx
        .evidence()
        .sources
        .iter()
        .enumerate()
        .map(|(index, source)| {
            html! {
                <li id={format!("ktw-ref-{}", source.id)}>{ super::cite::source_details(&ctx, index + 1, source) }</li>
            }
        })
        .collect();
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="ktw ktw-static" lang={lang.tag()} data-theme="auto">
                <header class="ktw-header">
                    <@{ctx.heading(2)} aria-level={ctx.heading_aria_level(2)} class="ktw-title ktw-h2">{ &t.widget_title }</@>
                    <p class="ktw-intro">{ &t.widget_intro }</p>
                </header>
                <compare::Compare {state} />
                <section class="ktw-about-panel" aria-labelledby="ktw-static-sources">
                    <@{ctx.heading(3)} aria-level={ctx.heading_aria_level(3)} class="ktw-h3" id="ktw-static-sources">{ &t.sources_heading }</@>
                    <ol class="ktw-sources">{ sources }</ol>
                </section>
                <footer class="ktw-footer">
                    <p class="ktw-not-advice">{ &t.not_advice_short }</p>
                    <p class="ktw-crisis">{ super::text::crisis_pieces(&ctx.crisis().banner()) }</p>
                </footer>
            </div>
        </ContextProvider<Ctx>>
    }
}
