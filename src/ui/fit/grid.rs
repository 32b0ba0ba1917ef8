//! The priorities grid: every option, always in its fixed display order, against each priority
//! the person rated, each cell "fits", "works against" or "no difference shown" with its reason
//! and source, and the option's safety flags in its own row. Nothing is added up or sorted.
//!
//! It is one table with a caption and header scopes. On narrow widgets each option's row
//! stacks into a card, in the same order, with each cell labelled by its priority.

use super::considerations::{consideration_item, option_name, row_sources};
use crate::content::{Family, OptionId};
use crate::fit::{Effect, FitReport, OptionFit, PriorityCell, QuestionKind, Questionnaire};
use crate::ui::{cite, Ctx};
use yew::prelude::*;

/// The class that colours an option's row by its family.
fn family_class(option: OptionId) -> &'static str {
    match option.family() {
        Family::Ketamine => "ktw-family-ketamine",
        Family::Tms => "ktw-family-tms",
        Family::Medication => "ktw-family-medication",
        Family::Ect => "ktw-family-ect",
    }
}

/// The words and class of an effect; the words carry the meaning, the class only styles it.
fn effect_words(ctx: &Ctx, effect: Effect) -> (&str, &'static str) {
    let t = ctx.t();
    match effect {
        Effect::Fits => (&t.fit_effect_fits, "ktw-fits"),
        Effect::WorksAgainst => (&t.fit_effect_against, "ktw-works-against"),
        Effect::NoDifference => (&t.fit_effect_none, "ktw-no-difference"),
    }
}

/// One cell: the priority's name (shown when the row is stacked), the effect, the reason and
/// its citation.
fn cell(ctx: &Ctx, label: &str, cell: &PriorityCell) -> Html {
    let t = ctx.t();
    let (words, class) = effect_words(ctx, cell.effect);
    let sources = cell
        .evidence
        .and_then(|evidence| row_sources(ctx, evidence));
    let reason = cell
        .reason
        .as_ref()
        .map_or(t.fit_effect_none_reason.as_str(), |reason| {
            reason.get(ctx.lang)
        });
    html! {
        <td class={classes!("ktw-grid-cell", class)} data-priority={cell.priority.as_str().to_string()}>
            <span class="ktw-grid-label">{ label.to_string() }</span>
            <strong class="ktw-effect">{ words.to_string() }</strong>
            <span class="ktw-grid-reason">{ reason.to_string() }</span>
            if let Some(sources) = sources {
                { " " }{ cite::numbers(ctx, &sources) }
            }
        </td>
    }
}

/// The option's safety flags from the person's answers, each with its source.
fn flags_cell(ctx: &Ctx, questionnaire: &Questionnaire, fit: &OptionFit) -> Html {
    let t = ctx.t();
    html! {
        <td class="ktw-grid-flags">
            <span class="ktw-grid-label">{ &t.fit_grid_flags }</span>
            if fit.flags.is_empty() {
                <span class="ktw-grid-reason">{ &t.fit_grid_no_flags }</span>
            } else {
                <ul>
                    for flag in &fit.flags {
                        { consideration_item(ctx, questionnaire, flag) }
                    }
                </ul>
            }
        </td>
    }
}

/// The grid, or nothing when no priority was rated.
pub fn priorities_grid(ctx: &Ctx, questionnaire: &Questionnaire, report: &FitReport) -> Html {
    if !report.has_priorities() {
        return Html::default();
    }
    let t = ctx.t();
    let lang = ctx.lang;
    let question = questionnaire
        .questions
        .iter()
        .find(|question| question.kind == QuestionKind::Priorities);
    let columns: Vec<(String, String)> = report
        .priorities
        .iter()
        .map(|rated| {
            let label = question
                .and_then(|question| question.priority(&rated.priority))
                .map_or_else(
                    || rated.priority.as_str().to_string(),
                    |priority| priority.label.get(lang).to_string(),
                );
            let rating = question
                .and_then(|question| question.rating_labels.get(usize::from(rated.rating)))
                .map(|words| words.get(lang).to_string())
                .unwrap_or_default();
            (label, rating)
        })
        .collect();
    // With three or more priorities the table needs a wider widget before it stops stacking.
    let many = (columns.len() >= 3).then_some("ktw-grid-many");
    html! {
        <div class="ktw-weigh">
            <p class="ktw-weigh-help">{ &t.fit_weigh_help }</p>
            <table class={classes!("ktw-grid", many)}>
                <caption>{ &t.fit_grid_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ &t.fit_grid_option }</th>
                        <th scope="col">{ &t.fit_grid_flags }</th>
                        for (label, rating) in columns.iter() {
                            <th scope="col">
                                <span class="ktw-grid-priority">{ label.clone() }</span>
                                <span class="ktw-grid-rating">{ rating.clone() }</span>
                            </th>
                        }
                    </tr>
                </thead>
                <tbody>
                    for fit in report.options.iter().filter(|fit| ctx.config.shows(fit.option)) {
                        <tr data-option={fit.option.as_str()} class={family_class(fit.option)}>
                            <th scope="row">
                                { option_name(ctx, fit.option) }
                                if !ctx.config.offers(fit.option) {
                                    <span class="ktw-tag ktw-not-offered">{ &t.option_not_offered }</span>
                                }
                            </th>
                            { flags_cell(ctx, questionnaire, fit) }
                            for (index, priority_cell) in fit.priorities.iter().enumerate() {
                                { cell(ctx, columns.get(index).map_or("", |(label, _)| label.as_str()), priority_cell) }
                            }
                        </tr>
                    }
                </tbody>
            </table>
        </div>
    }
}
