//! The content checks that more than one place needs, each written once: the calendar date
//! check (the content's review dates and the stored PHQ-9 history) and the missing
//! translation check (evidence, questionnaire and catalogues).

use ketamine_tms_widget::content::{is_untranslated, parse_date};
use ketamine_tms_widget::fit::storage::is_iso_date;

/// A year, month and day.
type Date = (u16, u8, u8);

#[test]
fn one_calendar_check_reads_dates_for_content_and_storage() {
    let cases: &[(&str, Option<Date>)] = &[
        ("2024-02-29", Some((2024, 2, 29))),
        ("2000-02-29", Some((2000, 2, 29))),
        ("1900-02-29", None),
        ("2023-02-29", None),
        ("2024-04-31", None),
        ("2024-13-01", None),
        ("2024-00-10", None),
        ("2024-1-011", None),
        ("+202-01-01", None),
        ("2024-01-+1", None),
        ("2024/01/01", None),
        ("2024-01-01 ", None),
        ("", None),
        ("1999-12-31", Some((1999, 12, 31))),
    ];
    for (raw, want) in cases {
        assert_eq!(parse_date(raw), *want, "parse_date({raw:?})");
        let stored = want.is_some_and(|(year, _, _)| year >= 2000);
        assert_eq!(is_iso_date(raw), stored, "is_iso_date({raw:?})");
    }
}

#[test]
fn a_translation_is_missing_when_it_is_empty_or_only_white_space() {
    for (raw, missing) in [
        ("", true),
        (" \t\n", true),
        ("\u{a0}", true),
        ("Hola", false),
    ] {
        assert_eq!(is_untranslated(raw), missing, "{raw:?}");
    }
}
