//! The printout's first block, for the clinician, readable in 30 seconds: the date, the PHQ-9
//! with its band, date and item 9, the safety answers that raise flags, the antidepressants
//! tried, the leaning and SURE, the top priorities and the clinic. And the crisis lines, which
//! every printout carries.

use super::digest::{flagged, flagged_answer_words, leaning_words, priority_words};
use super::state::FitState;
use crate::content::i18n::{fill, format_date};
use crate::fit::{FitReport, PHQ9_ITEM9, TREATMENTS_TRIED_QUESTION};
use crate::ui::text::crisis_pieces;
use crate::ui::Ctx;
use yew::prelude::*;

/// The words of the answer to a single-choice question, if it was answered.
fn answer_label(ctx: &Ctx, fit: &FitState, question: &str) -> Option<String> {
    let found = fit
        .questionnaire()
        .questions
        .iter()
        .find(|q| q.id.as_str() == question)?;
    let choice = fit.answers.selected(question).first()?;
    Some(found.choice(choice)?.label.get(ctx.lang).to_string())
}

/// The PHQ-9 line: score, band and date, and the item 9 answer; or that it was not done.
fn phq9_line(ctx: &Ctx, fit: &FitState, report: &FitReport) -> String {
    let t = ctx.t();
    let Some(result) = report.phq9 else {
        return t.fit_clinician_no_phq9.clone();
    };
    // The date the score was kept on this device, when it matches; otherwise today's.
    let date = fit
        .phq9_history
        .last()
        .filter(|record| record.total == result.total)
        .map_or(fit.today.as_str(), |record| record.date.as_str());
    let band = result.band.label(fit.questionnaire()).get(ctx.lang);
    let item9 = answer_label(ctx, fit, PHQ9_ITEM9).unwrap_or_default();
    fill(
        &t.fit_clinician_phq9,
        &[
            ("total", &result.total.to_string()),
            ("band", band),
            ("date", &format_date(ctx.lang, date)),
            ("item9", &item9),
        ],
    )
}

/// The clinician block, shown only on paper.
pub fn block(ctx: &Ctx, fit: &FitState, report: &FitReport) -> Html {
    let t = ctx.t();
    let questionnaire = fit.questionnaire();
    let not_said = || t.fit_clinician_not_said.clone();
    let flags: Vec<String> = flagged(ctx, report)
        .iter()
        .map(|answer| {
            let (answer, options) = flagged_answer_words(ctx, questionnaire, answer);
            format!("{answer} ({options})")
        })
        .collect();
    let mut leaning = leaning_words(ctx, fit, report).unwrap_or_else(not_said);
    if let Some(result) = report.sure {
        leaning.push(' ');
        leaning.push_str(&fill(
            &t.fit_clinician_sure,
            &[("score", &result.score.to_string())],
        ));
    }
    let priorities = priority_words(ctx, questionnaire, report);
    let rows: Vec<(&str, String)> = vec![
        (&t.fit_clinician_date, format_date(ctx.lang, &fit.today)),
        (&t.fit_clinician_phq9_label, phq9_line(ctx, fit, report)),
        (
            &t.fit_clinician_flags,
            if flags.is_empty() {
                t.fit_clinician_none.clone()
            } else {
                flags.join("; ")
            },
        ),
        (
            &t.fit_clinician_tried,
            answer_label(ctx, fit, TREATMENTS_TRIED_QUESTION).unwrap_or_else(not_said),
        ),
        (&t.fit_clinician_leaning, leaning),
        (
            &t.fit_clinician_priorities,
            if priorities.is_empty() {
                not_said()
            } else {
                priorities.join("; ")
            },
        ),
    ];
    html! {
        <section class="ktw-print-only ktw-clinician" aria-labelledby="ktw-clinician-heading">
            <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-clinician-heading">
                { match &ctx.config.clinic_name {
                    Some(clinic) => fill(&t.fit_clinician_heading_from, &[("clinic", clinic)]),
                    None => t.fit_clinician_heading.clone(),
                } }
            </@>
            <dl>
                for (label, value) in rows {
                    <div><dt>{ label.to_string() }</dt><dd>{ value }</dd></div>
                }
            </dl>
        </section>
    }
}

/// The crisis lines at the foot of every printout, from the one source of crisis text.
pub fn print_crisis(ctx: &Ctx) -> Html {
    html! {
        <p class="ktw-print-only ktw-print-crisis">{ crisis_pieces(&ctx.crisis().banner()) }</p>
    }
}
