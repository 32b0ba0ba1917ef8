//! Native test: every colour pair of the default palette meets WCAG 2.2 AA contrast, in the
//! light and the dark theme. The palette is read from `style/widget.css` itself (the
//! `--_name: var(--ktw-name, #hex)` defaults), so the test checks what ships.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeMap;

/// Text needs 4.5:1; large text, icons, borders of controls and focus rings need 3:1.
const TEXT: f64 = 4.5;
const GRAPHIC: f64 = 3.0;

/// `(foreground, background, minimum ratio, where it is used)`.
const PAIRS: &[(&str, &str, f64, &str)] = &[
    ("text", "surface", TEXT, "body text"),
    (
        "text",
        "surface-alt",
        TEXT,
        "text on section bands and panels",
    ),
    ("muted", "surface", TEXT, "secondary text"),
    ("muted", "surface-alt", TEXT, "secondary text on bands"),
    (
        "accent",
        "surface",
        TEXT,
        "links, citation numbers, secondary buttons",
    ),
    ("accent", "surface-alt", TEXT, "links inside source panels"),
    ("accent-contrast", "accent", TEXT, "text on filled buttons"),
    ("ketamine", "surface", TEXT, "FDA-approved badge text"),
    ("tms", "surface", TEXT, "FDA-cleared badge text"),
    ("text", "note", TEXT, "clinic notes"),
    (
        "border",
        "surface",
        GRAPHIC,
        "borders of check boxes and pills",
    ),
    ("focus", "surface", GRAPHIC, "focus ring"),
    ("focus", "surface-alt", GRAPHIC, "focus ring on bands"),
    (
        "accent",
        "icon-off",
        GRAPHIC,
        "icon array: people with the outcome against the rest",
    ),
    ("comparison", "icon-off", GRAPHIC, "comparison icon array"),
    ("ketamine", "surface", GRAPHIC, "ketamine chart bars"),
    ("tms", "surface", GRAPHIC, "TMS chart bars"),
    ("medication", "surface", GRAPHIC, "medication chart bars"),
    ("ect", "surface", GRAPHIC, "ECT chart bars"),
];

fn channel(value: u8) -> f64 {
    let c = f64::from(value) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    0.2126 * channel(byte(0)) + 0.7152 * channel(byte(2)) + 0.0722 * channel(byte(4))
}

/// The WCAG contrast ratio of two `#rrggbb` colours.
fn ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The `--_name: var(--ktw-name, #hex)` defaults declared in the CSS block after `marker`.
fn palette(css: &str, marker: &str) -> BTreeMap<String, String> {
    let start = css
        .find(marker)
        .unwrap_or_else(|| panic!("no `{marker}` block in widget.css"));
    let block = &css[start..];
    let block = &block[..block.find('}').unwrap()];
    let mut colours = BTreeMap::new();
    for line in block.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("--_") else {
            continue;
        };
        let Some((name, value)) = rest.split_once(':') else {
            continue;
        };
        if let Some(hex) = value
            .split(',')
            .nth(1)
            .map(|v| v.trim().trim_end_matches(");").trim_end_matches(')').trim())
        {
            if hex.starts_with('#') && hex.len() == 7 {
                colours.insert(name.trim().to_string(), hex.to_string());
            }
        }
    }
    colours
}

#[test]
fn the_contrast_formula_matches_known_values() {
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 0.01);
    assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
    assert!((ratio("#ffffff", "#ffffff") - 1.0).abs() < 0.001);
}

#[test]
fn default_palettes_meet_wcag_aa_in_both_themes() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/widget.css")).unwrap();
    let themes = [
        ("light", palette(&css, ".ktw, .ktw-loading {")),
        ("dark", palette(&css, ".ktw[data-theme=\"dark\"] {")),
        (
            "dark (device setting)",
            palette(&css, ".ktw:not([data-theme=\"light\"]), .ktw-loading {"),
        ),
    ];
    let mut failures = Vec::new();
    for (theme, colours) in &themes {
        for (foreground, background, minimum, used_for) in PAIRS {
            let (Some(fg), Some(bg)) = (colours.get(*foreground), colours.get(*background)) else {
                failures.push(format!(
                    "{theme}: --_{foreground} or --_{background} has no default"
                ));
                continue;
            };
            let value = ratio(fg, bg);
            if value < *minimum {
                failures.push(format!(
                    "{theme}: {foreground} {fg} on {background} {bg} is {value:.2}:1, needs {minimum}:1 ({used_for})"
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "contrast failures:\n{}",
        failures.join("\n")
    );
}
