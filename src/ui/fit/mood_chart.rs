//! Mood over time: a small line chart of remembered PHQ-9 totals, with the same numbers in a
//! table so the chart is never the only way to read them.

use crate::content::i18n::{fill, format_date};
use crate::fit::Phq9Record;
use crate::ui::decimal::Tenths;
use crate::ui::Ctx;
use yew::prelude::*;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 140.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;
const MAX_SCORE: f64 = 27.0;

/// Where a score sits on the chart's vertical axis.
fn y_of(score: f64) -> f64 {
    TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - score / MAX_SCORE)
}

/// Where the `index`-th of `count` points sits on the horizontal axis.
fn x_of(index: usize, count: usize) -> f64 {
    let span = WIDTH - LEFT - RIGHT;
    if count <= 1 {
        LEFT + span / 2.0
    } else {
        LEFT + span * index as f64 / (count - 1) as f64
    }
}

/// The chart and table of `history`, or nothing when it is empty.
pub fn mood_chart(ctx: &Ctx, history: &[Phq9Record]) -> Html {
    if history.is_empty() {
        return Html::default();
    }
    let t = ctx.t();
    let lang = ctx.lang;
    let count = history.len();
    let points: Vec<(f64, f64)> = history
        .iter()
        .enumerate()
        .map(|(index, record)| (x_of(index, count), y_of(f64::from(record.total))))
        .collect();
    let line = points
        .iter()
        .map(|(x, y)| format!("{},{}", Tenths::of(*x), Tenths::of(*y)))
        .collect::<Vec<_>>()
        .join(" ");
    let readings = history
        .iter()
        .map(|record| format!("{}: {}", format_date(lang, &record.date), record.total))
        .collect::<Vec<_>>()
        .join(", ");
    let summary = fill(&t.fit_mood_chart_summary, &[("readings", &readings)]);
    let first = history
        .first()
        .map(|record| format_date(lang, &record.date));
    let last = history.last().map(|record| format_date(lang, &record.date));
    html! {
        <figure class="ktw-mood-chart">
            <figcaption>{ &t.fit_mood_chart_heading }</figcaption>
            <svg class="ktw-mood-svg" viewBox={format!("0 0 {} {}", Tenths::of(WIDTH), Tenths::of(HEIGHT))} role="img" aria-label={summary.clone()}>
                for score in [0_u8, 5, 10, 15, 20, 27] {
                    <g>
                    <line class="ktw-mood-grid" x1={Tenths::of(LEFT).to_string()} x2={Tenths::of(WIDTH - RIGHT).to_string()}
                          y1={Tenths::of(y_of(f64::from(score))).to_string()} y2={Tenths::of(y_of(f64::from(score))).to_string()} />
                    <text class="ktw-mood-axis" x={Tenths::of(LEFT - 4.0).to_string()} y={Tenths::of(y_of(f64::from(score)) + 3.0).to_string()}
                          text-anchor="end">{ score.to_string() }</text>
                    </g>
                }
                if count > 1 {
                    <polyline class="ktw-mood-line" points={line} />
                }
                for (x, y) in points.iter() {
                    <circle class="ktw-mood-point" cx={Tenths::of(*x).to_string()} cy={Tenths::of(*y).to_string()} r="4" />
                }
                if let Some(first) = first {
                    <text class="ktw-mood-axis" x={Tenths::of(LEFT).to_string()} y={Tenths::of(HEIGHT - 6.0).to_string()}>{ first }</text>
                }
                if count > 1 {
                    if let Some(last) = last {
                        <text class="ktw-mood-axis" x={Tenths::of(WIDTH - RIGHT).to_string()} y={Tenths::of(HEIGHT - 6.0).to_string()}
                              text-anchor="end">{ last }</text>
                    }
                }
            </svg>
            <p class="ktw-help">{ &t.fit_mood_chart_help }</p>
            <table class="ktw-mood-table">
                <caption class="ktw-visually-hidden">{ &t.fit_mood_chart_heading }</caption>
                <thead><tr><th scope="col">{ &t.fit_mood_date }</th><th scope="col">{ &t.fit_mood_score }</th></tr></thead>
                <tbody>
                    for record in history.iter() {
                        <tr><td>{ format_date(lang, &record.date) }</td><td>{ record.total.to_string() }</td></tr>
                    }
                </tbody>
            </table>
        </figure>
    }
}
