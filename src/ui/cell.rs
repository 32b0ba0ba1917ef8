//! One cell of the comparison table: an option's charts and sourced claims for one row.
//!
//! Picking an option adds a cell to every open row. The cells of the first rows, the ones
//! nearest the picker and so on screen when it is used, are drawn by the click itself, as are
//! the first rows of a section opened on its own; the cells further down, off screen, are
//! drawn in the tasks after the click's frame, so the click's own work stays short. Until then such a cell holds the option's short name and is
//! marked `aria-busy`; a page about to print draws it first (`Host::after_frame`).

use super::{cite, course_chart, outcomes, Ctx};
use crate::content::{OptionId, RowId, TreatmentOption};
use yew::prelude::*;

/// How many of the table's open rows, counted from the top (or from the top of a section
/// opened on its own), have their new cells drawn by the click that adds them; the rest wait
/// for the frame after it.
pub const ROWS_DRAWN_AT_ONCE: usize = 3;

/// Which cell of the table, and whether it is drawn at once when it first appears.
#[derive(Properties)]
pub(super) struct CellProps {
    pub option: OptionId,
    pub row: RowId,
    /// Read when the cell first appears only: a cell already drawn stays drawn, so a change
    /// here (a section opened above it) does not render it again.
    pub at_once: bool,
}

impl PartialEq for CellProps {
    fn eq(&self, other: &Self) -> bool {
        self.option == other.option && self.row == other.row
    }
}

/// One cell (`td`): the option's short name (shown when narrow widgets stack the cells), then
/// its content. It renders once, and again only when drawn later or when the language or
/// configuration changes.
#[component]
pub(super) fn Cell(
    CellProps {
        option,
        row,
        at_once,
    }: &CellProps,
) -> Html {
    let ctx = use_context::<Ctx>();
    // The static copy has no frames to wait for, so everything in it is drawn at once.
    let drawn = use_state_eq(|| *at_once || !ctx.as_ref().is_some_and(|ctx| ctx.interactive));
    {
        let (drawn, ctx) = (drawn.clone(), ctx.clone());
        use_effect_with((), move |()| {
            if let Some(ctx) = ctx.filter(|_| !*drawn) {
                (ctx.host.after_frame)(Box::new(move || drawn.set(true)));
            }
        });
    }
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let Some(option) = ctx.evidence().option(*option) else {
        return Html::default();
    };
    html! {
        <td class={family_class(option.id)} aria-busy={(!*drawn).then_some("true")}>
            <span class="ktw-cell-option">{ option.short_name.get(ctx.lang) }</span>
            if *drawn {
                { cell(&ctx, option, *row) }
            }
        </td>
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
