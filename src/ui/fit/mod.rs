//! The "which might fit me?" questionnaire: one question per screen, the crisis panel first,
//! a summary to change answers, and results that explain without recommending.
//!
//! - [`state`]: the questionnaire's state and transitions (pure, unit-tested); where a person
//!   may go comes from [`crate::fit::flow`].
//! - [`outbox`]: the effects each transition asks for, carried out here after rendering.
//! - `question`: the question screens, the mood-check question and the progress line.
//! - `crisis`: the crisis panel (urgent or calm) and the crisis reminder on the results.
//! - [`step_event`]: what the `ktw-step` event may say, the same for everyone without
//!   `share-answers`.
//! - `summary`: every answer in words, with a Change button each.
//! - `results`: the results screen, with the PHQ-9 score and the print and share buttons.
//! - `considerations`: what the answers may mean for each option, and the sources cited.
//! - `deciding`: where the person is leaning, the SURE check, questions to ask, the clinic.
//! - `grid`: the priorities grid, options in display order with their flags beside them.
//! - `mood_chart`: the mood-over-time chart.
//!
//! This module touches the host page, but only through the [`crate::ui::host::Host`] in the
//! context: it reads and removes the share link in the URL fragment, saves and wipes the
//! remembered answers, prints, and copies to the clipboard. It never names `window` itself.

mod clinician;
mod considerations;
mod crisis;
mod deciding;
mod digest;
mod grid;
mod mood_chart;
pub mod outbox;
mod parts;
mod question;
mod remember;
mod results;
pub mod state;
pub mod step_event;
mod summary;

use super::events::WidgetEvent;
use super::state::Action;
use super::Ctx;
use crate::content::i18n::{fill, Messages};
use crate::fit::flow::Step;
use crate::fit::{encode_fragment, encode_stored, StoredState, STORAGE_VERSION};
use outbox::Outbox;
use state::{FitAction, FitEffect, FitNotice, FitState};
use std::rc::Rc;
use yew::prelude::*;

/// The results screen of `fit`, for the native rendering tests, which open its sections by
/// setting `fit.open_parts` as a person would by pressing each section's button.
pub fn results_screen(ctx: &Ctx, fit: &FitState) -> Html {
    results::screen(ctx, fit, NodeRef::default())
}

/// Wraps a questionnaire action for the widget's one reducer.
pub fn act(ctx: &Ctx, action: FitAction) {
    ctx.dispatch.emit(Action::Fit(action));
}

/// A callback that dispatches `action`, for buttons.
pub fn on<E: 'static>(ctx: &Ctx, action: FitAction) -> Callback<E> {
    ctx.dispatch.reform(move |_| Action::Fit(action.clone()))
}

/// The questionnaire's state and outbox, shared with the widget's reducer.
#[derive(Properties)]
pub struct FitProps {
    pub state: Rc<FitState>,
    pub outbox: Outbox,
    /// Whether the questionnaire is on screen (its tab is open, or it is the only view).
    pub shown: bool,
}

impl PartialEq for FitProps {
    /// The reducer replaces the questionnaire's `Rc` whenever it changes it or posts an
    /// effect, so the same pointer means the same state and nothing waiting to be done.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state)
            && self.outbox == other.outbox
            && self.shown == other.shown
    }
}

/// The questionnaire and its results, with the effects that save, focus and report.
#[component]
pub fn Fit(
    FitProps {
        state,
        outbox,
        shown,
    }: &FitProps,
) -> Html {
    let heading = use_node_ref();
    let clear_refs = remember::ClearRefs {
        keep: use_node_ref(),
        clear: use_node_ref(),
    };
    let ctx = use_context::<Ctx>();
    let fit = state.clone();
    // The `ktw-step` detail last sent; none at first, so the first screen shown is sent too
    // (clinics count starts by it).
    let last_step = use_mut_ref(|| None::<serde_json::Value>);
    {
        // The first time the questionnaire comes on screen, tell the page which screen it shows.
        let ctx = ctx.clone();
        let fit = fit.clone();
        let last_step = last_step.clone();
        use_effect_with(*shown, move |shown| {
            if let (true, Some(ctx)) = (*shown, ctx) {
                send_step(&ctx, &fit, &last_step);
            }
        });
    }
    {
        // Carry out what the transitions since the last render asked for, each once, now that
        // their screen is drawn: focus the new screen's heading and tell the page where the
        // person is (a detail equal to the last one is not sent again, see `step_event`), wipe
        // the stored copy, tell the page the results were shown (answers only when the clinic
        // opted in), and open the print dialog once the printout is drawn.
        let heading = heading.clone();
        let clear_refs = clear_refs.clone();
        let ctx = ctx.clone();
        let fit = fit.clone();
        let outbox = outbox.clone();
        use_effect(move || {
            let Some(ctx) = ctx else {
                return;
            };
            let due = outbox.take();
            if due.contains(&FitEffect::FocusScreen) {
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
                send_step(&ctx, &fit, &last_step);
            }
            if due.contains(&FitEffect::WipeStored) && !fit.storage_blocked {
                let _ = (ctx.host.clear)();
            }
            if due.contains(&FitEffect::ReportCompleted) {
                let answers = ctx
                    .config
                    .share_answers
                    .then(|| serde_json::to_value(&fit.answers).ok())
                    .flatten();
                ctx.on_event.emit(WidgetEvent::Completed { answers });
            }
            clear_refs.focus(&due);
            for effect in &due {
                match effect {
                    FitEffect::FocusChanged(step) => {
                        focus_by_id(&heading, &summary::change_id(&fit, *step));
                    }
                    FitEffect::FocusResultsPart(part) => {
                        focus_by_id(&heading, &parts::button_id(*part));
                    }
                    _ => {}
                }
            }
            if due.contains(&FitEffect::OpenPrintDialog) {
                ctx.on_event.emit(WidgetEvent::Print);
                (ctx.host.print)();
            }
        });
    }
    {
        // Keep the remembered copy up to date; a refusal turns remembering off with a message.
        let ctx = ctx.clone();
        let deps = (fit.remember, fit.answers.clone(), fit.phq9_history.clone());
        use_effect_with(deps, move |(remember, answers, history)| {
            if let (true, Some(ctx)) = (*remember, ctx) {
                let stored = StoredState {
                    version: STORAGE_VERSION,
                    remember: true,
                    answers: answers.clone(),
                    phq9_history: history.clone(),
                };
                if (ctx.host.save)(&encode_stored(&stored)).is_err() {
                    act(&ctx, FitAction::StorageFailed);
                }
            }
        });
    }
    {
        // A share link in the address bar must never hold other answers than these: once the
        // answers change, or at the start when the link was unusable, the fragment is removed.
        let ctx = ctx.clone();
        use_effect_with(fit.answers.clone(), move |answers| {
            if let Some(ctx) = ctx {
                let fragment = (ctx.host.read_fragment)();
                if let Some(payload) = state::share_payload(&fragment) {
                    if payload != encode_fragment(answers) {
                        (ctx.host.write_fragment)("");
                    }
                }
            }
        });
    }
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let t = ctx.t();
    let screen = if fit.crisis_panel {
        crisis::panel(&ctx, &fit, heading.clone())
    } else {
        match fit.step {
            Step::Question(index) => question::screen(&ctx, &fit, index, heading.clone()),
            Step::MoodGate => question::mood_gate(&ctx, &fit, heading.clone()),
            Step::Summary => summary::screen(&ctx, &fit, heading.clone()),
            Step::Results => results::screen(&ctx, &fit, heading.clone()),
        }
    };
    let ready = !fit.crisis_panel && fit.step == Step::Results;
    html! {
        <section class="ktw-fit" aria-labelledby="ktw-fit-heading" part="questionnaire">
            <@{ctx.heading(3)} aria-level={ctx.heading_aria_level(3)} id="ktw-fit-heading" class="ktw-fit-title ktw-h3">{ &t.fit_heading }</@>
            <div class="ktw-fit-notices" role="status" aria-live="polite">
                for notice in fit.notices.iter().filter(|_| !fit.crisis_panel) {
                    <p class="ktw-fit-notice">{ notice_text(t, *notice) }</p>
                }
                if ready {
                    <p class="ktw-visually-hidden">{ &t.fit_results_ready }</p>
                }
            </div>
            { screen }
            if ready {
                { frame_note(&ctx) }
            }
            { remember::remember_box(&ctx, &fit, &clear_refs) }
        </section>
    }
}

/// Sends the `ktw-step` event of the screen on show, unless its detail equals the last one sent.
fn send_step(ctx: &Ctx, fit: &FitState, last_step: &std::cell::RefCell<Option<serde_json::Value>>) {
    let event = step_event::step_event(fit, ctx.config.share_answers);
    let detail = Some(event.detail());
    if *last_step.borrow() != detail {
        last_step.replace(detail);
        ctx.on_event.emit(event);
    }
}

/// On the results, what a sandboxed frame around the widget stops, said before the person
/// tries: Print and new windows may be blocked, and a page without an address of its own
/// cannot be linked to. The booking link is written out so it can still be typed.
fn frame_note(ctx: &Ctx) -> Html {
    let t = ctx.t();
    let frame = ctx.host.frame;
    if !frame.sandboxed && !frame.no_address {
        return Html::default();
    }
    html! {
        <div class="ktw-fit-notices ktw-frame-note" role="note">
            if frame.sandboxed {
                <p class="ktw-fit-notice">{ &t.fit_frame_locked }</p>
            }
            if frame.no_address {
                <p class="ktw-fit-notice">{ &t.fit_frame_no_link }</p>
            }
            if let (true, Some(url)) = (frame.sandboxed, &ctx.config.booking_url) {
                <p class="ktw-fit-notice">{ fill(&t.fit_frame_booking, &[("url", url)]) }</p>
            }
        </div>
    }
}

/// Moves focus to the Change button `id` in the widget that holds `heading`.
fn focus_by_id(heading: &NodeRef, id: &str) {
    let button = heading
        .cast::<web_sys::Element>()
        .and_then(|heading| heading.closest(".ktw").ok().flatten())
        .and_then(|widget| widget.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|button| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(button).ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}

/// The plain sentence for a notice.
fn notice_text(t: &Messages, notice: FitNotice) -> String {
    let with_dropped = |text: &str, dropped: usize| {
        if dropped == 0 {
            text.to_string()
        } else {
            format!(
                "{} {}",
                text,
                fill(&t.fit_notice_dropped, &[("n", &dropped.to_string())])
            )
        }
    };
    match notice {
        FitNotice::LinkRestored { dropped } => with_dropped(&t.fit_notice_link_restored, dropped),
        FitNotice::LinkTampered => t.fit_notice_link_tampered.clone(),
        FitNotice::LinkOutdated => t.fit_notice_link_outdated.clone(),
        FitNotice::LinkDamaged => t.fit_notice_link_damaged.clone(),
        FitNotice::StorageRestored { dropped } => {
            with_dropped(&t.fit_notice_storage_restored, dropped)
        }
        FitNotice::StorageMigrated { dropped } => {
            with_dropped(&t.fit_notice_storage_migrated, dropped)
        }
        FitNotice::StorageDiscarded => t.fit_notice_storage_discarded.clone(),
        FitNotice::StorageNewer => t.fit_notice_storage_newer.clone(),
        FitNotice::StorageBlocked => t.fit_storage_blocked.clone(),
        FitNotice::Cleared => t.fit_notice_cleared.clone(),
    }
}
