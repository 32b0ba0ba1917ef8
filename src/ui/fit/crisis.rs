//! The crisis panel shown before anything else at any sign of risk, and its short reminder on
//! the results. The numbers and their sentences come from [`crate::crisis`]: the US
//! ones, or the clinic's `crisis-line` and `emergency-number`, plus the clinic's phone.
//!
//! "Yes, and I might act on them" gets the urgent panel: the emergency number or the nearest
//! emergency department first, not staying alone, the crisis line as well, and only after
//! all of that a way back to the questions. Every other sign of risk gets the calmer panel.

use super::on;
use super::state::{FitAction, FitState};
use crate::content::i18n::fill;
use crate::fit::{risk, Risk};
use crate::ui::text::crisis_pieces;
use crate::ui::Ctx;
use yew::prelude::*;

/// Whether the answers ask for the urgent panel.
fn urgent(fit: &FitState) -> bool {
    risk(&fit.answers) == Risk::Urgent
}

/// The numbers to reach now, as large links; with `urgent`, the emergency number first.
fn crisis_links(ctx: &Ctx, urgent: bool) -> Html {
    let t = ctx.t();
    let config = &ctx.config;
    let clinic = config.phone.as_ref().map(|phone| {
        let name = config
            .clinic_name
            .clone()
            .unwrap_or_else(|| t.fit_the_clinic.clone());
        let label = fill(
            &t.fit_crisis_call_clinic,
            &[("clinic", &name), ("phone", &phone.display)],
        );
        html! {
            <li><a class="ktw-crisis-link" href={format!("tel:{}", phone.dial)}>{ label }</a></li>
        }
    });
    html! {
        <ul class="ktw-crisis-links">
            for link in ctx.crisis().links(urgent) {
                <li>
                    <a class={classes!("ktw-crisis-link", link.main.then_some("ktw-crisis-main"))} href={link.href}>
                        { link.label }
                    </a>
                </li>
            }
            { clinic.unwrap_or_default() }
        </ul>
    }
}

/// The full crisis panel, announced as an alert, with its heading focused.
pub fn panel(ctx: &Ctx, fit: &FitState, heading: NodeRef) -> Html {
    let t = ctx.t();
    let help = ctx.crisis();
    let note = help
        .line_note()
        .map(|note| html! { <p class="ktw-help">{ note }</p> });
    if urgent(fit) {
        return html! {
            <section class="ktw-crisis-panel ktw-crisis-urgent" id="ktw-crisis-panel" role="alert"
                     aria-labelledby="ktw-crisis-heading" data-urgent="true">
                <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4" id="ktw-crisis-heading" tabindex="-1" ref={heading}>{ &t.fit_crisis_urgent_heading }</@>
                <p>{ &t.fit_crisis_urgent_intro }</p>
                <ol class="ktw-crisis-steps">
                    <li><strong>{ crisis_pieces(&help.fill(&t.fit_crisis_urgent_call)) }</strong></li>
                    <li>{ &t.fit_crisis_urgent_stay }</li>
                    <li>{ crisis_pieces(&help.fill(&t.fit_crisis_urgent_line)) }</li>
                </ol>
                { crisis_links(ctx, true) }
                { note.unwrap_or_default() }
                <p>{ &t.fit_crisis_urgent_later }</p>
                <button type="button" class="ktw-button ktw-secondary" id="ktw-crisis-continue"
                        onclick={on(ctx, FitAction::ContinueAfterCrisis)}>{ &t.fit_crisis_urgent_back }</button>
            </section>
        };
    }
    html! {
        <section class="ktw-crisis-panel" id="ktw-crisis-panel" role="alert" aria-labelledby="ktw-crisis-heading">
            <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4" id="ktw-crisis-heading" tabindex="-1" ref={heading}>{ &t.fit_crisis_heading }</@>
            <p>{ &t.fit_crisis_intro }</p>
            { crisis_links(ctx, false) }
            { note.unwrap_or_default() }
            <p>{ &t.fit_crisis_continue_help }</p>
            <button type="button" class="ktw-button ktw-secondary" id="ktw-crisis-continue"
                    onclick={on(ctx, FitAction::ContinueAfterCrisis)}>{ &t.fit_crisis_continue }</button>
        </section>
    }
}

/// The short reminder kept at the top of the results when there was a sign of risk.
pub fn reminder(ctx: &Ctx, fit: &FitState) -> Html {
    let t = ctx.t();
    let urgent = urgent(fit);
    html! {
        <aside class="ktw-crisis-reminder" aria-labelledby="ktw-crisis-reminder-heading">
            <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-crisis-reminder-heading">
                { if urgent { &t.fit_crisis_urgent_heading } else { &t.fit_crisis_reminder } }
            </@>
            if urgent {
                <p>{ crisis_pieces(&ctx.crisis().fill(&t.fit_crisis_urgent_call)) }</p>
            }
            { crisis_links(ctx, urgent) }
        </aside>
    }
}
