//! What the answers may mean for each option: its considerations (flags, for, against and
//! notes), each with the answer it comes from and its citation numbers, and the list of every
//! source the results cite.

use crate::content::i18n::fill;
use crate::content::{OptionId, SourceIds};
use crate::fit::{Consideration, EvidenceRef, FitReport, OptionFit, Questionnaire};
use crate::ui::{cite, Ctx};
use yew::prelude::*;

/// Every source id behind one evidence row, in order and without repeats.
pub fn row_sources(ctx: &Ctx, evidence: EvidenceRef) -> Option<SourceIds> {
    let option = ctx.evidence().option(evidence.option)?;
    let mut ids: Vec<String> = Vec::new();
    for claim in option.row(evidence.row) {
        for id in claim.sources.iter() {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        }
    }
    let mut ids = ids.into_iter();
    let first = ids.next()?;
    Some(SourceIds::new(first, ids.collect()))
}

/// The name of an option in the current language.
pub(super) fn option_name(ctx: &Ctx, option: OptionId) -> String {
    ctx.evidence()
        .option(option)
        .map(|found| found.name.get(ctx.lang).to_string())
        .unwrap_or_else(|| option.as_str().to_string())
}

/// The short name of an option in the current language ("TMS", "ECT").
pub(super) fn short_name(ctx: &Ctx, option: OptionId) -> String {
    ctx.evidence()
        .option(option)
        .map(|found| found.short_name.get(ctx.lang).to_string())
        .unwrap_or_else(|| option.as_str().to_string())
}

/// The words of the answer a consideration comes from.
fn answer_words(ctx: &Ctx, questionnaire: &Questionnaire, consideration: &Consideration) -> String {
    questionnaire
        .question(&consideration.question)
        .and_then(|question| question.choice(&consideration.choice))
        .map(|choice| choice.label.get(ctx.lang).to_string())
        .unwrap_or_default()
}

/// The sources of a consideration: a flag's own source, or every source of its row.
fn consideration_sources(ctx: &Ctx, consideration: &Consideration) -> Option<SourceIds> {
    match &consideration.source {
        Some(source) => Some(SourceIds::new(source.clone(), Vec::new())),
        None => row_sources(ctx, consideration.evidence),
    }
}

/// One consideration: its sentence, its citation numbers (in the list of sources at the end
/// of the results) and the answer it comes from.
pub(super) fn consideration_item(
    ctx: &Ctx,
    questionnaire: &Questionnaire,
    consideration: &Consideration,
) -> Html {
    let t = ctx.t();
    let answer = answer_words(ctx, questionnaire, consideration);
    html! {
        <li class="ktw-consideration">
            <span>{ consideration.text.get(ctx.lang) }</span>
            if let Some(sources) = consideration_sources(ctx, consideration) {
                { " " }{ cite::numbers(ctx, &sources) }
            }
            <span class="ktw-because">{ fill(&t.fit_because, &[("answer", &answer)]) }</span>
        </li>
    }
}

/// A titled list of considerations, or nothing when it is empty.
fn consideration_list(
    ctx: &Ctx,
    questionnaire: &Questionnaire,
    title: &str,
    class: &'static str,
    items: &[Consideration],
) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div class={classes!("ktw-considerations", class)}>
            <p class="ktw-list-title">{ title }</p>
            <ul>
                for item in items {
                    { consideration_item(ctx, questionnaire, item) }
                }
            </ul>
        </div>
    }
}

/// What the answers mean for one option.
pub(super) fn option_card(ctx: &Ctx, questionnaire: &Questionnaire, fit: &OptionFit) -> Html {
    let t = ctx.t();
    let empty = fit.considerations().next().is_none();
    html! {
        <article class="ktw-option-fit" aria-labelledby={format!("ktw-fit-option-{}", fit.option)}
                 data-option={fit.option.as_str()}>
            <@{ctx.heading(6)} aria-level={ctx.heading_aria_level(6)} id={format!("ktw-fit-option-{}", fit.option)} class="ktw-option-fit-name ktw-h6">{ option_name(ctx, fit.option) }</@>
            if !ctx.config.offers(fit.option) {
                <p class="ktw-tag ktw-not-offered">{ &t.option_not_offered }</p>
            }
            { consideration_list(ctx, questionnaire, &t.fit_flags_title, "ktw-flags", &fit.flags) }
            { consideration_list(ctx, questionnaire, &t.fit_for_title, "ktw-for", &fit.favours) }
            { consideration_list(ctx, questionnaire, &t.fit_against_title, "ktw-against", &fit.against) }
            { consideration_list(ctx, questionnaire, &t.fit_notes_title, "ktw-notes", &fit.notes) }
            if empty {
                <p class="ktw-help ktw-nothing">{ &t.fit_nothing_for_option }</p>
            }
        </article>
    }
}

/// Every source cited in the results, numbered as in the rest of the widget, or `None` when
/// nothing is cited.
pub(super) fn sources_block(ctx: &Ctx, report: &FitReport) -> Option<Html> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |sources: Option<SourceIds>| {
        for id in sources.iter().flat_map(SourceIds::iter) {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        }
    };
    for fit in report
        .options
        .iter()
        .filter(|fit| ctx.config.shows(fit.option))
    {
        for consideration in fit.considerations() {
            add(consideration_sources(ctx, consideration));
        }
        for cell in &fit.priorities {
            add(cell
                .evidence
                .and_then(|evidence| row_sources(ctx, evidence)));
        }
    }
    let mut numbered: Vec<(usize, &crate::content::Source)> = ids
        .iter()
        .filter_map(|id| ctx.evidence().source(id))
        .collect();
    numbered.sort_by_key(|(number, _)| *number);
    if numbered.is_empty() {
        return None;
    }
    Some(html! {
        <div class="ktw-fit-sources">
            <ul class="ktw-sources">
                for (number, source) in numbered {
                    <li>{ cite::source_details(ctx, number, source) }</li>
                }
            </ul>
        </div>
    })
}
