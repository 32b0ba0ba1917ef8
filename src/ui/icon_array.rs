//! Icon arrays: 100 people, filled for those with the outcome, as SVG whose `aria-label`
//! sentence is read instead of the picture, beside visible numbers.

use crate::ui::decimal::Tenths;
use std::fmt::Write;
use yew::prelude::*;

/// The SVG path of one person icon whose 10 × 10 cell starts at `(x, y)`.
fn person(path: &mut String, x: f32, y: f32) {
    // A head (two arcs make a circle) and a rounded body.
    let _ = write!(
        path,
        "M{} {}a1.7 1.7 0 1 0 3.4 0a1.7 1.7 0 1 0 -3.4 0Z\
         M{} {}v-2.6q0 -2.6 3 -2.6q3 0 3 2.6v2.6Z",
        Tenths::of(x + 3.3),
        Tenths::of(y + 2.5),
        Tenths::of(x + 2.0),
        Tenths::of(y + 9.4)
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
}
