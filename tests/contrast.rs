//! Native test: every colour pair of the default palette meets WCAG 2.2 AA contrast, in the
//! light and the dark theme. The palette is read from `style/widget.css` itself (the
//! `--_name: var(--ktw-name, #hex)` defaults), so the test checks what ships.

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

/// The relative luminance of a `#rrggbb` colour; `None` when it is not one.
fn luminance(hex: &str) -> Option<f64> {
    let hex = hex.strip_prefix('#')?;
    let byte = |at: usize| {
        hex.get(at..at + 2)
            .and_then(|pair| u8::from_str_radix(pair, 16).ok())
    };
    Some(0.2126 * channel(byte(0)?) + 0.7152 * channel(byte(2)?) + 0.0722 * channel(byte(4)?))
}

/// The WCAG contrast ratio of two `#rrggbb` colours; `None` when either is not one.
fn ratio(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(a)?, luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

/// The `--_name: var(--ktw-name, #hex)` defaults declared in the CSS block after `marker`.
/// A missing block gives no colours, so every pair of that theme reports it has no default.
fn palette(css: &str, marker: &str) -> BTreeMap<String, String> {
    let Some(block) = css.find(marker).and_then(|start| css.get(start..)) else {
        return BTreeMap::new();
    };
    let block = block.split('}').next().unwrap_or(block);
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
    assert!((ratio("#000000", "#ffffff").unwrap() - 21.0).abs() < 0.01);
    assert!((ratio("#777777", "#ffffff").unwrap() - 4.48).abs() < 0.01);
    assert!((ratio("#ffffff", "#ffffff").unwrap() - 1.0).abs() < 0.001);
    assert_eq!(ratio("#77777g", "#ffffff"), None);
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
            let Some(value) = ratio(fg, bg) else {
                failures.push(format!("{theme}: {fg} or {bg} is not a #rrggbb colour"));
                continue;
            };
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
