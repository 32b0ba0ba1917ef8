//! The crisis panel shown before anything else at any sign of risk, and its short reminder on
//! the results. The numbers and their sentences come from [`crate::embed::crisis`]: the US
//! ones, or the clinic's `crisis-line` and `emergency-number`, plus the clinic's phone.

use super::on;
use super::state::FitAction;
use crate::i18n::fill;
use crate::ui::Ctx;
use yew::prelude::*;

/// The numbers to reach now, as large links.
fn crisis_links(ctx: &Ctx) -> Html {
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
            for link in ctx.crisis().links(false) {
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
pub fn panel(ctx: &Ctx, heading: NodeRef) -> Html {
    let t = ctx.t();
    let note = ctx
        .crisis()
        .line_note()
        .map(|note| html! { <p class="ktw-help">{ note }</p> });
    html! {
        <section class="ktw-crisis-panel" id="ktw-crisis-panel" role="alert" aria-labelledby="ktw-crisis-heading">
            <h4 id="ktw-crisis-heading" tabindex="-1" ref={heading}>{ &t.fit_crisis_heading }</h4>
            <p>{ &t.fit_crisis_intro }</p>
            { crisis_links(ctx) }
            { note.unwrap_or_default() }
            <p>{ &t.fit_crisis_continue_help }</p>
            <button type="button" class="ktw-button ktw-secondary" id="ktw-crisis-continue"
                    onclick={on(ctx, FitAction::ContinueAfterCrisis)}>{ &t.fit_crisis_continue }</button>
        </section>
    }
}

/// The short reminder kept at the top of the results when there was a sign of risk.
pub fn reminder(ctx: &Ctx) -> Html {
    let t = ctx.t();
    html! {
        <aside class="ktw-crisis-reminder" aria-labelledby="ktw-crisis-reminder-heading">
            <h5 id="ktw-crisis-reminder-heading">{ &t.fit_crisis_reminder }</h5>
            { crisis_links(ctx) }
        </aside>
    }
}
