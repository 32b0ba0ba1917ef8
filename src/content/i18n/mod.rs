//! Interface message catalogues (one TOML file per language) and language-aware formatting.
//!
//! A catalogue deserializes into [`Messages`], whose fields are the keys: a key missing from
//! a language fails the native tests, not the patient. Evidence texts carry their own
//! translations in the data files.

mod messages;

pub use super::evidence::Lang;
pub use messages::Messages;

use std::collections::BTreeMap;

/// Reads a catalogue into its shape, a table of texts, from `input`, for
/// [`crate::content::bundle::check_shape`]; which keys it must have is checked later.
pub fn check_shape<'de, D: serde::Deserializer<'de>>(input: D) -> Result<(), D::Error> {
    use serde::Deserialize;
    BTreeMap::<String, String>::deserialize(input).map(drop)
}

/// The catalogue file of `lang` in the bundle.
pub fn catalogue_file(lang: Lang) -> String {
    format!("i18n/{}.toml", lang.tag())
}

/// Reads every catalogue from the bundled files; an error names the file and the problem.
pub fn load_catalogues(
    files: &BTreeMap<String, serde_json::Value>,
) -> Result<BTreeMap<Lang, Messages>, Vec<String>> {
    let mut catalogues = BTreeMap::new();
    let mut errors = Vec::new();
    for lang in Lang::ALL {
        let name = catalogue_file(lang);
        match files.get(&name).map(Messages::deserialize_from) {
            Some(Ok(messages)) => {
                let empty = messages.empty_keys();
                if empty.is_empty() {
                    catalogues.insert(lang, messages);
                } else {
                    errors.push(format!("{name}: empty strings for {}", empty.join(", ")));
                }
            }
            Some(Err(err)) => errors.push(format!("{name}: {err}")),
            None => errors.push(format!("{name}: the file is missing")),
        }
    }
    if errors.is_empty() {
        Ok(catalogues)
    } else {
        Err(errors)
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut text = template.to_string();
    for (name, value) in values {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// A whole number written for `lang` (thousands grouped: 5,010 in English, 5010 or 5.010 in Spanish).
pub fn format_number(lang: Lang, value: u32) -> String {
    let digits = value.to_string();
    if digits.len() <= 4 && lang == Lang::Es {
        // Spanish style (RAE) does not group four-digit numbers.
        return digits;
    }
    let separator = match lang {
        Lang::En => ',',
        Lang::Es => '.',
    };
    let mut grouped = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A percentage written for `lang`: "45%" in English, "45 %" in Spanish.
pub fn format_percent(lang: Lang, value: u32) -> String {
    match lang {
        Lang::En => format!("{value}%"),
        Lang::Es => format!("{value}\u{a0}%"),
    }
}

/// An ISO date (YYYY-MM-DD) written out for `lang`; the input unchanged if it does not parse.
pub fn format_date(lang: Lang, iso: &str) -> String {
    let Some((year, month, day)) = super::evidence::parse_date(iso) else {
        return iso.to_string();
    };
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const ES: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    let index = usize::from(month.saturating_sub(1));
    match lang {
        Lang::En => format!("{} {day}, {year}", EN.get(index).copied().unwrap_or("")),
        Lang::Es => format!(
            "{day} de {} de {year}",
            ES.get(index).copied().unwrap_or("")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_percent_and_dates_follow_the_language() {
        let cases: &[(Lang, u32, &str, &str)] = &[
            (Lang::En, 5010, "5,010", "5010%"),
            (Lang::Es, 5010, "5010", "5010\u{a0}%"),
            (Lang::Es, 1_234_567, "1.234.567", "1234567\u{a0}%"),
            (Lang::En, 45, "45", "45%"),
        ];
        for (lang, value, number, percent) in cases {
            assert_eq!(format_number(*lang, *value), *number);
            assert_eq!(format_percent(*lang, *value), *percent);
        }
        assert_eq!(format_date(Lang::En, "2026-11-22"), "November 22, 2026");
        assert_eq!(
            format_date(Lang::Es, "2026-11-22"),
            "22 de noviembre de 2026"
        );
        assert_eq!(format_date(Lang::Es, "not a date"), "not a date");
    }

    #[test]
    fn fill_replaces_every_named_value() {
        assert_eq!(
            fill("{n} out of {d}", &[("n", "45"), ("d", "100")]),
            "45 out of 100"
        );
    }
}
