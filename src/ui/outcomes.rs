//! The response and remission figures of one option in the comparison: the icon arrays of the
//! study the declared rule picks, how that study measured them, and the option's other studies.

use super::{cite, icon_array, Ctx};
use crate::content::i18n::{fill, Messages};
use crate::content::{Certainty, Measure, Outcome, Rater, StudyType, TreatmentOption};
use yew::prelude::*;

/// The response and remission arrays for one option, or a plain note when none exist.
pub fn view(ctx: &Ctx, option: &TreatmentOption) -> Html {
    let t = ctx.t();
    let evidence = ctx.evidence();
    let ranked: Vec<Vec<&Outcome>> = [Measure::Response, Measure::Remission]
        .into_iter()
        .map(|measure| evidence.outcomes_for(option.id, measure))
        .collect();
    let shown: Vec<&Outcome> = ranked
        .iter()
        .filter_map(|list| list.first().copied())
        .collect();
    if shown.is_empty() {
        return html! { <p class="ktw-no-numbers">{ &t.outcome_no_numbers }</p> };
    }
    let others: Vec<&Outcome> = ranked
        .iter()
        .flat_map(|list| list.iter().skip(1).copied())
        .collect();
    html! {
        <div class="ktw-outcomes">
            for (index, outcome) in shown.into_iter().enumerate() {
                { figure(ctx, option, outcome, index) }
            }
            if !others.is_empty() {
                <div class="ktw-other-studies">
                    <p class="ktw-outcome-title">{ &t.outcome_other_studies }</p>
                    <ul>
                        for (index, outcome) in others.into_iter().enumerate() {
                            { other_study(ctx, option, outcome, index) }
                        }
                    </ul>
                </div>
            }
        </div>
    }
}

/// The measure's name, e.g. "Felt much better (response)".
fn measure_name(t: &Messages, measure: Measure) -> &str {
    match measure {
        Measure::Response => &t.measure_response,
        Measure::Remission => &t.measure_remission,
    }
}

fn figure(ctx: &Ctx, option: &TreatmentOption, outcome: &Outcome, index: usize) -> Html {
    let t = ctx.t();
    let lang = ctx.lang;
    let name = option.short_name.get(lang);
    let count = |n: u8| fill(&t.outcome_out_of_100, &[("n", &n.to_string())]);
    let label = fill(
        &t.icon_array_label,
        &[("n", &outcome.per_100.to_string()), ("option", name)],
    );
    let place = format!("{}-outcome-{index}", option.id);
    html! {
        <figure class="ktw-outcome">
            <figcaption class="ktw-outcome-title">{ measure_name(t, outcome.measure) }</figcaption>
            <div class="ktw-arrays">
                <div class="ktw-array">
                    { icon_array::icon_array(outcome.per_100, &label, false) }
                    <p class="ktw-array-number"><strong>{ count(outcome.per_100) }</strong><br />{ name }</p>
                </div>
                if let Some(comparison) = &outcome.comparison {
                    <div class="ktw-array">
                        { icon_array::icon_array(
                            comparison.per_100,
                            &fill(&t.icon_array_label, &[("n", &comparison.per_100.to_string()), ("option", comparison.label.get(lang))]),
                            true,
                        ) }
                        <p class="ktw-array-number"><strong>{ count(comparison.per_100) }</strong><br />
                            { fill(&t.outcome_comparison, &[("label", comparison.label.get(lang))]) }</p>
                    </div>
                }
            </div>
            { facts(t, outcome, lang) }
            <p class="ktw-population">{ outcome.population.get(lang) }</p>
            { cite::claim(ctx, &outcome.caveat, &place) }
        </figure>
    }
}

/// How the study measured the figure: when, what counted, who rated it, the design and size,
/// and how sure we can be.
fn facts(t: &Messages, outcome: &Outcome, lang: crate::content::Lang) -> Html {
    let people = fill(
        &t.outcome_people,
        &[("n", &outcome.participants.to_string())],
    );
    html! {
        <dl class="ktw-outcome-facts">
            <div><dt>{ &t.outcome_timepoint }</dt><dd>{ outcome.timepoint.get(lang) }</dd></div>
            <div><dt>{ &t.outcome_cutoff }</dt><dd>{ outcome.cutoff.get(lang) }</dd></div>
            <div><dt>{ &t.outcome_rater }</dt><dd>{ rater(t, outcome.rater) }</dd></div>
            <div><dt>{ &t.outcome_study_type }</dt>
                <dd>{ format!("{}, {}", study_type(t, outcome.study_type), people) }</dd></div>
            <div><dt>{ &t.outcome_certainty }</dt><dd>{ certainty(t, outcome.certainty) }</dd></div>
        </dl>
    }
}

/// One of the option's other studies as a line: its figure, its comparison, and how it was
/// measured, with its source.
fn other_study(ctx: &Ctx, option: &TreatmentOption, outcome: &Outcome, index: usize) -> Html {
    let t = ctx.t();
    let lang = ctx.lang;
    let figure = match &outcome.comparison {
        Some(comparison) => fill(
            &t.outcome_other_line,
            &[
                ("n", &outcome.per_100.to_string()),
                ("m", &comparison.per_100.to_string()),
                ("label", comparison.label.get(lang)),
            ],
        ),
        None => fill(
            &t.outcome_out_of_100,
            &[("n", &outcome.per_100.to_string())],
        ),
    };
    let how = format!(
        "{}: {}. {}, {}. {}.",
        measure_name(t, outcome.measure),
        figure,
        study_type(t, outcome.study_type),
        fill(
            &t.outcome_people,
            &[("n", &outcome.participants.to_string())]
        ),
        outcome.cutoff.get(lang),
    );
    let (cited, opened) = cite::sources(
        &outcome.study_ids(),
        &format!("{}-other-{index}", option.id),
    );
    html! {
        <li>
            <p>{ how }{ " " }{ outcome.timepoint.get(lang) }{ "." }{ cited }</p>
            { opened }
            { cite::claim(ctx, &outcome.caveat, &format!("{}-other-caveat-{index}", option.id)) }
        </li>
    }
}

/// The plain words for who rated an outcome.
fn rater(t: &Messages, rater: Rater) -> &str {
    match rater {
        Rater::Clinician => &t.rater_clinician,
        Rater::SelfReport => &t.rater_self,
    }
}

/// The plain words for a study design.
pub fn study_type(t: &Messages, kind: StudyType) -> &str {
    match kind {
        StudyType::BlindedRct => &t.study_blinded_rct,
        StudyType::OpenLabelRct => &t.study_open_label_rct,
        StudyType::SingleArm => &t.study_single_arm,
        StudyType::Registry => &t.study_registry,
        StudyType::CaseSeries => &t.study_case_series,
    }
}

/// The plain words for a certainty level.
pub fn certainty(t: &Messages, level: Certainty) -> &str {
    match level {
        Certainty::Moderate => &t.certainty_moderate,
        Certainty::Low => &t.certainty_low,
        Certainty::VeryLow => &t.certainty_very_low,
    }
}
