//! Icon arrays (100 people, filled for those with the outcome) and the 12-week course chart.
//!
//! Both are SVG with a text equivalent: the icon array carries an `aria-label` sentence and
//! visible numbers; the course chart has a visible sentence and per-week figures in its label.

use crate::content::{Lang, Schedule};
use std::fmt::Write;
use yew::prelude::*;

/// The SVG path of one person icon whose 10 × 10 cell starts at `(x, y)`.
fn person(path: &mut String, x: f32, y: f32) {
    // A head (two arcs make a circle) and a rounded body.
    let _ = write!(
        path,
        "M{:.1} {:.1}a1.7 1.7 0 1 0 3.4 0a1.7 1.7 0 1 0 -3.4 0Z\
         M{:.1} {:.1}v-2.6q0 -2.6 3 -2.6q3 0 3 2.6v2.6Z",
        x + 3.3,
        y + 2.5,
        x + 2.0,
        y + 9.4
    );
}

thread_local! {
    /// The path of each of the 100 people, written once: an array only picks which are filled.
    static PEOPLE: Vec<String> = (0..100_usize)
        .map(|index| {
            let mut path = String::new();
            person(&mut path, (index % 10) as f32 * 10.0, (index / 10) as f32 * 10.0);
            path
        })
        .collect();
}

/// The two paths of a 10 × 10 icon array: the first `filled` people, then the rest.
pub fn icon_paths(filled: u8) -> (String, String) {
    let filled = usize::from(filled.min(100));
    PEOPLE.with(|people| {
        (
            people.iter().take(filled).map(String::as_str).collect(),
            people.iter().skip(filled).map(String::as_str).collect(),
        )
    })
}

/// A 10 × 10 icon array of people; `label` is read instead of the picture.
pub fn icon_array(filled: u8, label: &str, comparison: bool) -> Html {
    let (on, off) = icon_paths(filled);
    let class = if comparison {
        "ktw-icons ktw-icons-comparison"
    } else {
        "ktw-icons"
    };
    html! {
        <svg class={class} viewBox="0 0 100 100" role="img" aria-label={label.to_string()}
             focusable="false">
            <path class="ktw-icons-on" d={on} />
            <path class="ktw-icons-off" d={off} />
        </svg>
    }
}

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
    let rounded = (value * 10.0).round() / 10.0;
    let text = if (rounded - rounded.round()).abs() < f32::EPSILON {
        format!("{}", rounded.round() as i32)
    } else {
        format!("{rounded:.1}")
    };
    match lang {
        Lang::En => text,
        Lang::Es => text.replace('.', ","),
    }
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
                <rect class="ktw-bar" x={format!("{x:.1}")} y={format!("{y:.1}")}
                      width={format!("{:.1}", slot * 0.64)} height={format!("{height:.1}")} rx="1.5" />
                if *visits > 0.0 {
                    <text class="ktw-bar-value" x={format!("{middle:.1}")} y={format!("{:.1}", y - 2.0)}
                          text-anchor="middle">{ short_number(words.lang, *visits) }</text>
                }
                <text class="ktw-bar-week" x={format!("{middle:.1}")} y={format!("{:.1}", base + layout.line)}
                      text-anchor="middle">{ week + 1 }</text>
                if *hours > 0.0 {
                    <text class="ktw-bar-hours" x={format!("{middle:.1}")} y={format!("{:.1}", base + 2.0 * layout.line)}
                          text-anchor="middle">{ short_number(words.lang, *hours) }</text>
                }
            </g>
        }
    }).collect::<Html>();
    let label = format!("{}. {}", words.title, summary.join("; "));
    html! {
        <svg class={layout.class} viewBox={format!("0 0 {width} {:.1}", rows as f32 * band)}
             role="img" aria-label={label} focusable="false">
            for row in 0..rows {
                <line class="ktw-axis" x1="0" x2={width.to_string()}
                      y1={format!("{:.1}", row as f32 * band + layout.top + layout.bar_area)}
                      y2={format!("{:.1}", row as f32 * band + layout.top + layout.bar_area)} />
            }
            { bars }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icon_arrays_fill_the_right_number_of_people() {
        let cases: &[(u8, usize, usize)] =
            &[(0, 0, 100), (45, 45, 55), (100, 100, 0), (140, 100, 0)];
        for (filled, on, off) in cases {
            let (on_path, off_path) = icon_paths(*filled);
            // Each person is two closed shapes.
            assert_eq!(on_path.matches('Z').count(), on * 2, "filled {filled}");
            assert_eq!(off_path.matches('Z').count(), off * 2, "filled {filled}");
        }
    }

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
