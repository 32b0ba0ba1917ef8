//! One cell of the comparison table: an option's charts and sourced claims for one row.

use super::{cite, course_chart, outcomes, Ctx};
use crate::content::{OptionId, RowId, TreatmentOption};
use yew::prelude::*;

/// Which cell of the table.
#[derive(Properties, PartialEq)]
pub(super) struct CellProps {
    pub option: OptionId,
    pub row: RowId,
}

/// One cell: the option's short name (shown when narrow widgets stack the cells), then its
/// content. It renders once, and again only when the language or configuration changes.
#[component]
pub(super) fn Cell(CellProps { option, row }: &CellProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let Some(option) = ctx.evidence().option(*option) else {
        return Html::default();
    };
    html! {
        <>
            <span class="ktw-cell-option">{ option.short_name.get(ctx.lang) }</span>
            { cell(&ctx, option, *row) }
        </>
    }
}

/// The content of one table cell: charts where the row has them, then the row's claims.
fn cell(ctx: &Ctx, option: &TreatmentOption, row: RowId) -> Html {
    let place = format!("{}-{}", option.id, row.as_str());
    let extra = match row {
        RowId::Effectiveness => outcomes::view(ctx, option),
        RowId::Course => course(ctx, option),
        _ => Html::default(),
    };
    let clinic = if row == RowId::Cost {
        clinic_note(ctx, option.id)
    } else {
        Html::default()
    };
    html! {
        <>
            { extra }
            for (index, claim) in option.row(row).iter().enumerate() {
                { cite::claim(ctx, claim, &format!("{place}-{index}")) }
            }
            { clinic }
        </>
    }
}

/// The clinic's own price and insurance note, set apart from the evidence.
fn clinic_note(ctx: &Ctx, id: OptionId) -> Html {
    let Some(note) = ctx.config.clinic_notes.get(&id) else {
        return Html::default();
    };
    let clinic = ctx
        .config
        .clinic_name
        .clone()
        .unwrap_or_else(|| ctx.t().option_from_clinic.clone());
    html! {
        <aside class="ktw-clinic-note" part="clinic-note">
            <strong>{ format!("{}: {}", ctx.t().option_from_clinic, clinic) }</strong>
            if let Some(price) = &note.price { <p>{ price }</p> }
            if let Some(insurance) = &note.insurance { <p>{ insurance }</p> }
        </aside>
    }
}

/// The 12-week course chart of one option with its sentence and sources.
fn course(ctx: &Ctx, option: &TreatmentOption) -> Html {
    let t = ctx.t();
    let schedule = &option.schedule;
    let words = course_chart::ChartWords {
        lang: ctx.lang,
        week: &t.timeline_week,
        hours: &t.timeline_hours,
        title: format!(
            "{}: {}",
            option.short_name.get(ctx.lang),
            t.timeline_visits_axis
        ),
    };
    let (cited, opened) = cite::sources(&schedule.sources, &format!("{}-schedule", option.id));
    let sentence = match ctx.lang {
        crate::content::Lang::En => &schedule.en,
        crate::content::Lang::Es => &schedule.es,
    };
    html! {
        <figure class="ktw-timeline">
            <figcaption class="ktw-outcome-title">{ &t.timeline_heading }</figcaption>
            { course_chart::course_chart(schedule, &words) }
            <p class="ktw-help">{ &t.timeline_caption }</p>
            <p>{ sentence }{ cited }</p>
            { opened }
        </figure>
    }
}

/// The CSS class that colours an option by its family.
pub(super) fn family_class(id: OptionId) -> &'static str {
    match id.family() {
        crate::content::Family::Ketamine => "ktw-family-ketamine",
        crate::content::Family::Tms => "ktw-family-tms",
        crate::content::Family::Medication => "ktw-family-medication",
        crate::content::Family::Ect => "ktw-family-ect",
    }
}
