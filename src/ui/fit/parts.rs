//! The sections of the results below the summary, each closed until the person opens it: a
//! heading holding a button with `aria-expanded` (the WAI-ARIA accordion pattern), and its
//! content drawn only while open, so closed sections cost nothing to render.

use super::on;
use super::state::{FitAction, FitState, ResultsPart};
use crate::ui::Ctx;
use yew::prelude::*;

/// The id of a section's button, where focus goes when the summary opens it.
pub fn button_id(part: ResultsPart) -> String {
    format!("ktw-part-{}", part.as_str())
}

/// The title of a section in the current language.
fn title(ctx: &Ctx, part: ResultsPart) -> &str {
    let t = ctx.t();
    match part {
        ResultsPart::Mood => &t.fit_phq9_heading,
        ResultsPart::Deciding => &t.fit_part_deciding,
        ResultsPart::Options => &t.fit_options_heading,
        ResultsPart::Priorities => &t.fit_weigh_heading,
        ResultsPart::Sources => &t.fit_sources_heading,
    }
}

/// One section: its heading button, and `body` when it is open.
pub fn section(ctx: &Ctx, fit: &FitState, part: ResultsPart, body: impl FnOnce() -> Html) -> Html {
    let open = fit.open_parts.contains(&part);
    let name = part.as_str();
    let panel = format!("ktw-part-{name}-panel");
    html! {
        <section class={classes!("ktw-results-section", open.then_some("ktw-open"))} data-section={name}>
            <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-part-heading ktw-h5">
                <button type="button" class="ktw-part-toggle" id={button_id(part)}
                        aria-expanded={if open { "true" } else { "false" }} aria-controls={panel.clone()}
                        onclick={on(ctx, FitAction::ToggleResultsPart(part))}>
                    { title(ctx, part) }
                </button>
            </@>
            <div class="ktw-part-body" id={panel} hidden={!open}>
                if open {
                    { body() }
                }
            </div>
        </section>
    }
}
