//! Native tests of the message catalogues: every key exists in every language, no string is
//! empty, placeholders match across languages, and English interface sentences read at
//! grade 8 or below.

mod support;

use support::readability;

use ketamine_tms_widget::content::bundled_files;
use ketamine_tms_widget::content::i18n::{catalogue_file, load_catalogues};
use ketamine_tms_widget::content::Lang;
use std::collections::BTreeSet;

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

#[test]
fn every_language_has_every_key_and_no_empty_string() {
    let files = bundled_files().unwrap();
    let catalogues =
        load_catalogues(&files).unwrap_or_else(|errors| panic!("{}", errors.join("\n")));
    assert_eq!(catalogues.len(), Lang::ALL.len());
    // A catalogue missing a key must fail to load, naming the file and the key.
    let mut broken = files.clone();
    let name = catalogue_file(Lang::Es);
    broken
        .get_mut(&name)
        .unwrap()
        .as_object_mut()
        .unwrap()
        .remove("widget_title");
    let errors = load_catalogues(&broken).unwrap_err();
    assert!(
        errors[0].contains("i18n/es.toml") && errors[0].contains("widget_title"),
        "{errors:?}"
    );
    // So must an empty string.
    let mut blank = files.clone();
    blank.get_mut(&name).unwrap()["widget_title"] = serde_json::json!("  ");
    let errors = load_catalogues(&blank).unwrap_err();
    assert!(
        errors[0].contains("empty strings for widget_title"),
        "{errors:?}"
    );
}

#[test]
fn placeholders_match_across_languages() {
    let catalogues = load_catalogues(&bundled_files().unwrap()).unwrap();
    let english = &catalogues[&Lang::En];
    for lang in Lang::ALL {
        for ((key, en), (_, other)) in english
            .entries()
            .into_iter()
            .zip(catalogues[&lang].entries())
        {
            assert_eq!(
                placeholders(en),
                placeholders(other),
                "{key} in {}",
                lang.tag()
            );
        }
    }
}

#[test]
fn english_interface_sentences_read_at_grade_8_or_below() {
    let catalogues = load_catalogues(&bundled_files().unwrap()).unwrap();
    let mut too_hard = Vec::new();
    for (key, text) in catalogues[&Lang::En].entries() {
        if readability::word_count(text) >= 8 && readability::grade(text) > 8.0 {
            too_hard.push(format!(
                "{key} (grade {:.1}): {text}",
                readability::grade(text)
            ));
        }
    }
    assert!(
        too_hard.is_empty(),
        "too hard to read:\n{}",
        too_hard.join("\n")
    );
}

// The reading-level formula of `support::readability`, tested here once rather than in every
// crate that includes the support module.

#[test]
fn the_reading_level_formula_counts_common_words() {
    for (word, expected) in [
        ("cat", 1),
        ("make", 1),
        ("table", 2),
        ("needed", 2),
        ("uses", 2),
        ("helped", 1),
        ("people", 2),
        ("medicine", 3),
        ("treatment", 2),
        ("insurance", 3),
        ("session", 2),
        ("every", 3),
        ("several", 3),
        ("radio", 3),
        ("clinician", 3),
        ("social", 2),
        ("question", 2),
        ("ketamine", 1),
        ("FDA-cleared", 2),
    ] {
        assert_eq!(readability::word_syllables(word), expected, "{word}");
    }
}

#[test]
fn the_reading_level_formula_grades_plain_and_dense_text() {
    let plain = "The cat sat on the mat. It was a sunny day. We went out to play.";
    assert!(
        readability::grade(plain) < 3.0,
        "{}",
        readability::grade(plain)
    );
    let dense = "Pharmacological interventions demonstrated statistically significant improvements in depressive symptomatology relative to comparator conditions.";
    assert!(
        readability::grade(dense) > 14.0,
        "{}",
        readability::grade(dense)
    );
    assert_eq!(readability::stats("One. Two three? Four!").sentences, 3);
    assert_eq!(
        readability::word_count("Take 0.5 mg/kg over 40 minutes."),
        7
    );
}
