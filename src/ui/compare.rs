//! The side-by-side comparison: pick options, then read collapsible sections of sourced rows.
//!
//! Wide widgets show one table with the option names in a sticky header and real row and
//! column headers. Narrow widgets (a container query in the stylesheet) stack each row's
//! cells, each cell labelled with its option, so nothing scrolls sideways.

use super::cell::{family_class, Cell, ROWS_DRAWN_AT_ONCE};
use super::listen::{section_words, Listen};
use super::outcomes::certainty;
use super::state::{Action, CompareNotice, CompareState};
use super::{cite, Ctx};
use crate::content::i18n::Messages;
use crate::content::{shown_alike, OptionId, RegulatoryKind, RowId, TreatmentOption};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// What the comparison shows: the options compared, the open sections and the last notice.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub state: Rc<CompareState>,
}

/// The comparison view.
#[component]
pub fn Compare(CompareProps { state }: &CompareProps) -> Html {
    // The sections open at the last render, to tell which one the person just opened.
    let open_before = use_mut_ref(|| state.open_sections.clone());
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let opened_alone = opened_alone(&mut open_before.borrow_mut(), state);
    let t = ctx.t();
    let evidence = ctx.evidence();
    let compared: Vec<&TreatmentOption> = state
        .compared
        .iter()
        .filter_map(|id| evidence.option(*id))
        .collect();
    let compared_ids: Vec<OptionId> = compared.iter().map(|option| option.id).collect();
    let section_ids: Vec<String> = evidence.sections.iter().map(|s| s.id.clone()).collect();
    let all_open = section_ids
        .iter()
        .all(|id| state.open_sections.contains(id));
    let mut notice = match state.notice {
        Some(CompareNotice::TooMany) => t.compare_pick_limit.clone(),
        Some(CompareNotice::NeedTwo) => t.compare_pick_minimum.clone(),
        None => String::new(),
    };
    // A refusal like the one before changes the text by a no-break space, so the live region
    // announces it again.
    if state.notice.is_some() && state.refusals % 2 == 0 {
        notice.push('\u{a0}');
    }
    let toggle_all = {
        let ids = section_ids.clone();
        ctx.dispatch
            .reform(move |_| Action::SetAllSections(ids.clone(), !all_open))
    };
    html! {
        <section class="ktw-compare" aria-labelledby="ktw-compare-heading">
            <@{ctx.heading(3)} aria-level={ctx.heading_aria_level(3)} class="ktw-h3" id="ktw-compare-heading" tabindex="-1">{ &t.compare_heading }</@>
            if ctx.interactive {
                <Picker compared={state.compared.clone()} refusals={state.refusals} />
                <p class="ktw-notice" role="status" aria-live="polite">{ notice }</p>
                <div class="ktw-tools">
                    // The label says what the button does next, so it carries no pressed state.
                    <button type="button" class="ktw-button ktw-secondary" onclick={toggle_all}
                            aria-controls={section_ids.iter().map(|id| format!("ktw-sec-{id}")).collect::<Vec<_>>().join(" ")}>
                        { if all_open { &t.collapse_all } else { &t.expand_all } }
                    </button>
                </div>
            }
            <table class={classes!("ktw-table", format!("ktw-cols-{}", compared.len()))} part="comparison">
                <caption class="ktw-visually-hidden">{ &t.compare_table_caption }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="ktw-corner">{ &t.compare_row_header }</th>
                        for option in compared.iter() {
                            <th key={option.id.as_str()} scope="col" class={classes!("ktw-option-head", family_class(option.id))}>
                                { option_heading(&ctx, option) }
                            </th>
                        }
                    </tr>
                </thead>
                for (index, section) in evidence.sections.iter().enumerate() {
                    <SectionBody {index} compared={compared_ids.clone()}
                                 open={state.open_sections.contains(&section.id)}
                                 rows_drawn_at_once={if opened_alone.as_ref() == Some(&section.id) {
                                     ROWS_DRAWN_AT_ONCE
                                 } else {
                                     ROWS_DRAWN_AT_ONCE.saturating_sub(open_rows_above(&evidence.sections, index, state))
                                 }} />
                }
            </table>
            <Combination />
        </section>
    }
}

/// The one section opened since the last render, if it opened on its own (not with "open
/// all"); `before` becomes the sections open now. Its first rows are drawn at once, since they
/// are beside the button just used.
fn opened_alone(before: &mut BTreeSet<String>, state: &CompareState) -> Option<String> {
    let mut opened = state.open_sections.difference(before);
    let alone = match (opened.next(), opened.next()) {
        (Some(id), None) => Some(id.clone()),
        _ => None,
    };
    before.clone_from(&state.open_sections);
    alone
}

/// How many rows the open sections before section number `index` show.
fn open_rows_above(
    sections: &[crate::content::ComparisonSection],
    index: usize,
    state: &CompareState,
) -> usize {
    sections
        .iter()
        .take(index)
        .filter(|section| state.open_sections.contains(&section.id))
        .map(|section| section.rows.len())
        .sum()
}

/// An option's name, its FDA status and, where the clinic said so, "not offered here".
fn option_heading(ctx: &Ctx, option: &TreatmentOption) -> Html {
    let t = ctx.t();
    html! {
        <>
            <span class="ktw-option-name">{ option.name.get(ctx.lang) }</span>
            { regulatory_badge(t, option) }
            if !ctx.config.offers(option.id) {
                <span class="ktw-tag ktw-not-offered">{ &t.option_not_offered }</span>
            }
        </>
    }
}

fn regulatory_badge(t: &Messages, option: &TreatmentOption) -> Html {
    let (class, word) = match option.regulatory.kind {
        RegulatoryKind::Approved => ("ktw-badge ktw-approved", &t.regulatory_approved),
        RegulatoryKind::Cleared => ("ktw-badge ktw-cleared", &t.regulatory_cleared),
        RegulatoryKind::OffLabel => ("ktw-badge ktw-off-label", &t.regulatory_off_label),
    };
    let text = match option.regulatory.year {
        Some(year) => format!("{word} {year}"),
        None => word.clone(),
    };
    html! { <span class={class}>{ text }</span> }
}

/// The options compared, for the picker, and how many picks were refused so far.
#[derive(Properties, PartialEq)]
struct PickerProps {
    compared: Vec<OptionId>,
    /// A new count renders the boxes again: Yew then sets each box's `checked` from the
    /// state, which unticks a refused fourth box and ticks again one of the last two.
    refusals: u32,
}

/// The check boxes for choosing up to three options.
#[component]
fn Picker(PickerProps { compared, .. }: &PickerProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let t = ctx.t();
    html! {
        <fieldset class="ktw-picker">
            <legend>{ &t.compare_pick_legend }</legend>
            <p class="ktw-help" id="ktw-pick-help">{ &t.compare_pick_help }</p>
            <div class="ktw-choices">
                for option in ctx.evidence().options.iter().filter(|o| ctx.config.shows(o.id)) {
                    { picker_choice(&ctx, option, compared.contains(&option.id)) }
                }
            </div>
        </fieldset>
    }
}

fn picker_choice(ctx: &Ctx, option: &TreatmentOption, checked: bool) -> Html {
    let id = option.id;
    let input_id = format!("ktw-pick-{id}");
    html! {
        <label class={classes!("ktw-choice", checked.then_some("ktw-checked"))} for={input_id.clone()}>
            <input type="checkbox" id={input_id} {checked} aria-describedby="ktw-pick-help"
                   onchange={ctx.dispatch.reform(move |_| Action::ToggleOption(id))} />
            <span>{ option.name.get(ctx.lang) }</span>
            if !ctx.config.offers(id) {
                <span class="ktw-tag ktw-not-offered">{ &ctx.t().option_not_offered }</span>
            }
        </label>
    }
}

/// One section of the table: which one, the options compared and whether it is open.
#[derive(Properties, PartialEq)]
struct SectionBodyProps {
    /// The section's place in the evidence.
    index: usize,
    compared: Vec<OptionId>,
    open: bool,
    /// How many of its rows draw their new cells at once: those among the table's first open
    /// rows, or the first rows of a section the person has just opened on its own.
    rows_drawn_at_once: usize,
}

/// One section: a header row with its toggle and summary, then its rows when open. Each cell
/// is keyed by its option, so picking or dropping an option leaves the other cells alone.
#[component]
fn SectionBody(
    SectionBodyProps {
        index,
        compared,
        open,
        rows_drawn_at_once,
    }: &SectionBodyProps,
) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let Some(section) = ctx.evidence().sections.get(*index) else {
        return Html::default();
    };
    let t = ctx.t();
    let open = *open;
    let body_id = format!("ktw-sec-{}", section.id);
    let toggle = {
        let id = section.id.clone();
        ctx.dispatch
            .reform(move |_| Action::ToggleSection(id.clone()))
    };
    let place = format!("sec-{}", section.id);
    let alike = shown_alike(&ctx.evidence().outcomes, compared);
    let head_id = format!("ktw-sec-{}-name", section.id);
    let words = {
        let (ctx, index, compared) = (ctx.clone(), *index, compared.clone());
        Callback::from(move |()| {
            ctx.evidence()
                .sections
                .get(index)
                .map(|section| section_words(&ctx, section, &compared))
                .unwrap_or_default()
        })
    };
    // The row header is the section's title alone; the button says open or closed through
    // `aria-expanded`, and the summary sits in its own cell, headed by the title only.
    html! {
        <tbody class={classes!("ktw-section", open.then_some("ktw-open"))} id={body_id.clone()}>
            <tr class="ktw-section-head">
                <th scope="row" id={head_id.clone()}>
                    if !ctx.interactive {
                        <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-section-title ktw-h4">{ section.title.get(ctx.lang) }</@>
                    } else {
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-section-title ktw-h4">
                        <button type="button" class="ktw-disclosure" aria-expanded={open.to_string()}
                                aria-controls={body_id} onclick={toggle}>
                            <span class="ktw-chevron" aria-hidden="true"></span>
                            { section.title.get(ctx.lang) }
                        </button>
                    </@>
                    }
                </th>
                <td class="ktw-section-summary" colspan={compared.len().max(1).to_string()} headers={head_id}>
                    { cite::claim(&ctx, &section.summary, &place) }
                    <Listen ctx={ctx.clone()} words={words}
                            what={section.title.get(ctx.lang).to_string()} />
                </td>
            </tr>
            if open {
                for (row_index, (row, label)) in section.rows.iter().zip(section.row_labels.iter()).enumerate() {
                    <tr class="ktw-row" key={row.as_str()}>
                        <th scope="row">{ label.get(ctx.lang) }</th>
                        for option in compared.iter().copied() {
                            <Cell key={option.as_str()} {option} row={*row}
                                  at_once={row_index < *rows_drawn_at_once} />
                        }
                    </tr>
                    if *row == RowId::Effectiveness && !alike {
                        <tr class="ktw-row ktw-compare-note" key="not-comparable">
                            <td colspan={(compared.len() + 1).to_string()}>
                                <p class="ktw-note" role="note">{ &t.outcome_not_comparable }</p>
                            </td>
                        </tr>
                    }
                }
            }
        </tbody>
    }
}

/// What is known about combining ketamine and TMS, always shown with its certainty.
#[component]
fn Combination() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let t = ctx.t();
    let combination = &ctx.evidence().combination;
    html! {
        <section class="ktw-combination" aria-labelledby="ktw-combination-heading">
            <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4" id="ktw-combination-heading">{ combination.title.get(ctx.lang) }</@>
            <p class="ktw-certainty">{ format!("{}: {}", t.outcome_certainty, certainty(t, combination.certainty)) }</p>
            for (index, claim) in combination.claims.iter().enumerate() {
                { cite::claim(&ctx, claim, &format!("combination-{index}")) }
            }
            { cite::claim(&ctx, &ctx.evidence().meta.no_head_to_head, "no-head-to-head") }
        </section>
    }
}
