//! The 12-week course chart: bars of clinic visits per week, with hours under the bars, as
//! SVG with a visible sentence and per-week figures in its label.

use crate::content::{Lang, Schedule};
use crate::ui::decimal::Tenths;
use yew::prelude::*;

/// Hours in clinic in each week: visits times hours per visit, rounded to a half hour.
pub fn weekly_hours(schedule: &Schedule) -> Vec<f32> {
    schedule
        .visits_per_week
        .iter()
        .map(|visits| ((visits * schedule.hours_per_visit) * 2.0).round() / 2.0)
        .collect()
}

/// A number with at most one decimal, without a trailing zero, with the decimal mark of
/// `lang` (2.5 in English, 2,5 in Spanish).
pub fn short_number(lang: Lang, value: f32) -> String {
    Tenths::of(value).short(lang)
}

/// The labels a chart needs, already in the reader's language.
pub struct ChartWords<'a> {
    /// The reader's language, for decimal marks.
    pub lang: Lang,
    /// "Week {n}".
    pub week: &'a str,
    /// "{h} h".
    pub hours: &'a str,
    /// The chart's accessible name, e.g. the option name and "Visits per week".
    pub title: String,
}

/// Bars of visits per week for weeks 1–12 on a fixed 0–7 scale, with hours under the bars,
/// drawn twice: in one row of 12 weeks for a wide cell and in two rows of 6 for a narrow one.
/// The stylesheet shows the one whose text is at least 12 px at the cell's width.
pub fn course_chart(schedule: &Schedule, words: &ChartWords<'_>) -> Html {
    html! {
        <>
            { chart(schedule, words, &WIDE) }
            { chart(schedule, words, &ROWS) }
        </>
    }
}

/// How one drawing of the course chart is laid out, in SVG user units.
struct Layout {
    class: &'static str,
    /// Weeks in each row of bars.
    columns: usize,
    /// The width of one week.
    slot: f32,
    /// The height of a bar of 7 visits.
    bar_area: f32,
    /// The room above the tallest bar for its number.
    top: f32,
    /// The height of one line of text under the bars.
    line: f32,
}

/// One row of 12 weeks: with 8-unit text, 12 px or more in a cell 360 px or wider.
const WIDE: Layout = Layout {
    class: "ktw-course",
    columns: 12,
    slot: 20.0,
    bar_area: 70.0,
    top: 12.0,
    line: 10.0,
};

/// Two rows of 6 weeks: with 9-unit text, 12 px or more in a cell 192 px or wider (the
/// stylesheet uses 7-unit text from 250 px).
const ROWS: Layout = Layout {
    class: "ktw-course ktw-course-rows",
    columns: 6,
    slot: 24.0,
    bar_area: 50.0,
    top: 12.0,
    line: 11.0,
};

/// One drawing of the course chart in `layout`.
fn chart(schedule: &Schedule, words: &ChartWords<'_>, layout: &Layout) -> Html {
    let slot = layout.slot;
    let band = layout.top + layout.bar_area + 2.0 * layout.line + 4.0;
    let width = layout.columns as f32 * slot;
    let rows = schedule
        .visits_per_week
        .len()
        .div_ceil(layout.columns)
        .max(1);
    let hours = weekly_hours(schedule);
    let mut summary = Vec::new();
    let bars = schedule.visits_per_week.iter().zip(hours.iter()).enumerate().map(|(week, (visits, hours))| {
        let row = (week / layout.columns) as f32;
        let base = row * band + layout.top + layout.bar_area;
        let height = (visits / 7.0).clamp(0.0, 1.0) * layout.bar_area;
        let x = (week % layout.columns) as f32 * slot + slot * 0.18;
        let y = base - height;
        let middle = x + slot * 0.32;
        let week_label = crate::content::i18n::fill(words.week, &[("n", &(week + 1).to_string())]);
        let hours_label = crate::content::i18n::fill(words.hours, &[("h", &short_number(words.lang, *hours))]);
        summary.push(format!("{week_label}: {} ({hours_label})", short_number(words.lang, *visits)));
        html! {
            <g>
                <rect class="ktw-bar" x={Tenths::of(x).to_string()} y={Tenths::of(y).to_string()}
                      width={Tenths::of(slot * 0.64).to_string()} height={Tenths::of(height).to_string()} rx="1.5" />
                if *visits > 0.0 {
                    <text class="ktw-bar-value" x={Tenths::of(middle).to_string()} y={Tenths::of(y - 2.0).to_string()}
                          text-anchor="middle">{ short_number(words.lang, *visits) }</text>
                }
                <text class="ktw-bar-week" x={Tenths::of(middle).to_string()} y={Tenths::of(base + layout.line).to_string()}
                      text-anchor="middle">{ week + 1 }</text>
                if *hours > 0.0 {
                    <text class="ktw-bar-hours" x={Tenths::of(middle).to_string()} y={Tenths::of(base + 2.0 * layout.line).to_string()}
                          text-anchor="middle">{ short_number(words.lang, *hours) }</text>
                }
            </g>
        }
    }).collect::<Html>();
    let label = format!("{}. {}", words.title, summary.join("; "));
    let axis =
        |row: usize| Tenths::of(row as f32 * band + layout.top + layout.bar_area).to_string();
    html! {
        <svg class={layout.class} viewBox={format!("0 0 {} {}", Tenths::of(width), Tenths::of(rows as f32 * band))}
             role="img" aria-label={label} focusable="false">
            for row in 0..rows {
                <line class="ktw-axis" x1="0" x2={Tenths::of(width).to_string()}
                      y1={axis(row)} y2={axis(row)} />
            }
            { bars }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_numbers_drop_a_trailing_zero() {
        let cases = [
            (Lang::En, 2.0, "2"),
            (Lang::En, 2.5, "2.5"),
            (Lang::En, 0.25, "0.3"),
            (Lang::En, 10.0, "10"),
            (Lang::Es, 2.5, "2,5"),
            (Lang::Es, 10.0, "10"),
        ];
        for (lang, value, text) in cases {
            assert_eq!(short_number(lang, value), text);
        }
    }
}
