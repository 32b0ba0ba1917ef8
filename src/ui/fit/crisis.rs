//! The crisis panel shown before anything else at any sign of risk, and its short reminder on
//! the results: 988 (call or text) and 911 in the US, or the clinic's own crisis line, and the
//! clinic's phone when it has one.

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
    match &config.crisis_line {
        Some(line) => html! {
            <ul class="ktw-crisis-links">
                <li>
                    <a class="ktw-crisis-link ktw-crisis-main" href={format!("tel:{}", line.phone.dial)}>
                        { fill(&t.fit_crisis_call_line, &[("name", &line.name), ("phone", &line.phone.display)]) }
                    </a>
                </li>
                { clinic.unwrap_or_default() }
            </ul>
        },
        None => html! {
            <ul class="ktw-crisis-links">
                <li><a class="ktw-crisis-link ktw-crisis-main" href="tel:988">{ &t.fit_crisis_call_988 }</a></li>
                <li><a class="ktw-crisis-link" href="sms:988">{ &t.fit_crisis_text_988 }</a></li>
                <li><a class="ktw-crisis-link" href="tel:911">{ &t.fit_crisis_call_911 }</a></li>
                { clinic.unwrap_or_default() }
            </ul>
        },
    }
}

/// The full crisis panel, announced as an alert, with its heading focused.
pub fn panel(ctx: &Ctx, heading: NodeRef) -> Html {
    let t = ctx.t();
    let us = ctx.config.crisis_line.is_none();
    html! {
        <section class="ktw-crisis-panel" id="ktw-crisis-panel" role="alert" aria-labelledby="ktw-crisis-heading">
            <h4 id="ktw-crisis-heading" tabindex="-1" ref={heading}>{ &t.fit_crisis_heading }</h4>
            <p>{ &t.fit_crisis_intro }</p>
            { crisis_links(ctx) }
            if us {
                <p class="ktw-help">{ &t.fit_crisis_988_note }</p>
            }
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
