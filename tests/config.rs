//! Native, table-driven tests of clinic configuration: raw attribute strings, including
//! hostile ones, become a typed `Config` with exactly one warning per dropped value.

use ketamine_tms_widget::config::{parse, Config, Start, Theme, View};
use ketamine_tms_widget::content::{Lang, OptionId};

fn raw(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect()
}

/// Parses `pairs` and checks the warnings (by attribute) and one property of the config.
fn check(pairs: &[(&str, &str)], warned: &[&str], expect: impl Fn(&Config) -> bool) {
    let (config, warnings) = parse(&raw(pairs));
    let attributes: Vec<&str> = warnings.iter().map(|w| w.attribute.as_str()).collect();
    assert_eq!(attributes, warned, "warnings for {pairs:?}: {warnings:#?}");
    assert!(
        expect(&config),
        "unexpected config for {pairs:?}: {config:#?}"
    );
    for warning in &warnings {
        let line = warning.to_string();
        assert!(
            line.starts_with("ketamine-tms-widget: attribute `"),
            "{line}"
        );
        assert!(
            line.len() < 400,
            "a warning stays short even for huge values: {line}"
        );
    }
}

#[test]
fn good_values_are_kept() {
    check(&[], &[], |c| *c == Config::default());
    check(
        &[("clinic-name", "  Riverside   Mental Health ")],
        &[],
        |c| c.clinic_name.as_deref() == Some("Riverside Mental Health"),
    );
    check(&[("phone", "+1 (555) 010-2030")], &[], |c| {
        c.phone
            .as_ref()
            .map(|p| (p.display.as_str(), p.dial.as_str()))
            == Some(("+1 (555) 010-2030", "+15550102030"))
    });
    check(&[("sms", "555.010.2031")], &[], |c| {
        c.sms.as_ref().map(|p| p.dial.as_str()) == Some("5550102031")
    });
    check(&[("email", "care@example.org")], &[], |c| {
        c.email.as_deref() == Some("care@example.org")
    });
    check(
        &[("booking-url", "https://example.org/book?x=1")],
        &[],
        |c| c.booking_url.as_deref() == Some("https://example.org/book?x=1"),
    );
    check(&[("offered", " TMS , itbs,")], &[], |c| {
        c.offers(OptionId::Tms) && c.offers(OptionId::Itbs) && !c.offers(OptionId::Esketamine)
    });
    check(&[("offered", "tms"), ("hide-unoffered", "")], &[], |c| {
        c.hide_unoffered && !c.shows(OptionId::IvKetamine)
    });
    check(&[("view", "fit"), ("start", "fit")], &[], |c| {
        c.view == View::Fit && c.start == Start::Fit
    });
    check(&[("lang", "es-MX")], &[], |c| c.lang == Some(Lang::Es));
    check(&[("theme", "dark")], &[], |c| c.theme == Theme::Dark);
    check(&[("accent", "#1A5")], &[], |c| {
        c.accent.as_deref() == Some("#11aa55")
    });
    for line in [
        "Samaritans: 116 123",
        "Samaritans, 116 123",
        " Samaritans ,116 123 ",
    ] {
        check(
            &[("crisis-line", line), ("emergency-number", "999")],
            &[],
            |c| {
                c.crisis_line
                    .as_ref()
                    .map(|l| (l.name.as_str(), l.phone.dial.as_str()))
                    == Some(("Samaritans", "116123"))
                    && c.emergency_number.as_ref().map(|p| p.dial.as_str()) == Some("999")
            },
        );
    }
    check(
        &[
            ("crisis-line", "Lifeline, Australia: 13 11 14"),
            ("emergency-number", "000"),
        ],
        &[],
        |c| c.crisis_line.as_ref().map(|l| l.name.as_str()) == Some("Lifeline, Australia"),
    );
    check(&[("emergency-number", "+44 999")], &[], |c| {
        c.emergency_number.as_ref().map(|p| p.dial.as_str()) == Some("+44999")
            && c.crisis_line.is_none()
    });
    // A clinic's own crisis line without its emergency number still shows the US one: say so.
    check(
        &[("crisis-line", "Samaritans, 116 123")],
        &["emergency-number"],
        |c| c.crisis_line.is_some() && c.emergency_number.is_none(),
    );
    check(&[("share-answers", "true")], &[], |c| c.share_answers);
    check(
        &[
            ("price-tms", "From $250 a session"),
            ("insurance-tms", "Medicare accepted"),
        ],
        &[],
        |c| {
            let note = c.clinic_notes.get(&OptionId::Tms);
            note.and_then(|n| n.price.as_deref()) == Some("From $250 a session")
                && note.and_then(|n| n.insurance.as_deref()) == Some("Medicare accepted")
        },
    );
}

#[test]
fn names_from_data_attributes_and_the_js_api_mean_the_same() {
    for name in [
        "clinic-name",
        "data-clinic-name",
        "clinicName",
        "clinic_name",
    ] {
        check(&[(name, "Riverside")], &[], |c| {
            c.clinic_name.as_deref() == Some("Riverside")
        });
    }
    check(&[("priceTms", "From $250")], &[], |c| {
        c.clinic_notes.contains_key(&OptionId::Tms)
    });
}

#[test]
fn hostile_values_are_dropped_with_one_warning_each() {
    let long_name = "x".repeat(10_000);
    let cases: &[(&str, &str, &str)] = &[
        ("clinic-name", &long_name, "clinic-name"),
        ("clinic-name", "Riverside\u{0}Clinic", "clinic-name"),
        ("booking-url", "javascript:alert(1)", "booking-url"),
        ("booking-url", "http://example.org/book", "booking-url"),
        ("booking-url", "JAVASCRIPT:alert(1)", "booking-url"),
        (
            "booking-url",
            "data:text/html,<script>alert(1)</script>",
            "booking-url",
        ),
        ("booking-url", "//evil.example/book", "booking-url"),
        ("booking-url", "https://", "booking-url"),
        ("booking-url", "https://ex ample.org", "booking-url"),
        (
            "booking-url",
            "https://example.org/\"onmouseover=\"alert(1)",
            "booking-url",
        ),
        ("phone", "call us", "phone"),
        ("phone", "12", "phone"),
        ("phone", "1234567890123456", "phone"),
        ("phone", "555+0102030", "phone"),
        ("phone", "javascript:alert(1)", "phone"),
        ("sms", "<b>555</b>", "sms"),
        ("email", "not an email", "email"),
        ("email", "a@b@c.org", "email"),
        ("email", "x@example.org?subject=hi", "email"),
        ("offered", "lobotomy", "offered"),
        ("lang", "klingon", "lang"),
        ("lang", "fr", "lang"),
        ("theme", "neon", "theme"),
        ("view", "everything", "view"),
        ("start", "middle", "start"),
        ("accent", "red; background: url(x)", "accent"),
        ("accent", "#12345", "accent"),
        ("accent", "rgb(0,0,0)", "accent"),
        ("crisis-line", "116 123", "crisis-line"),
        ("crisis-line", "Samaritans: call now", "crisis-line"),
        ("crisis-line", "Samaritans 116 123", "crisis-line"),
        ("crisis-line", ": 116 123", "crisis-line"),
        ("emergency-number", "call 999", "emergency-number"),
        ("emergency-number", "99", "emergency-number"),
        ("emergency-number", "tel:999", "emergency-number"),
        ("emergency-number", "<b>999</b>", "emergency-number"),
        ("share-answers", "maybe", "share-answers"),
        ("hide-unoffered", "perhaps", "hide-unoffered"),
        ("price-lobotomy", "$1", "price-lobotomy"),
        ("price-tms", &long_name, "price-tms"),
    ];
    for (name, value, warned) in cases {
        check(&[(name, value)], &[warned], |c| {
            c.clinic_name.is_none()
                && c.booking_url.is_none()
                && c.phone.is_none()
                && c.sms.is_none()
                && c.email.is_none()
                && c.lang.is_none()
                && c.accent.is_none()
                && c.crisis_line.is_none()
                && c.emergency_number.is_none()
                && c.clinic_notes.is_empty()
                && c.theme == Theme::Auto
                && c.view == View::Both
        });
    }
}

#[test]
fn an_unknown_id_among_known_ones_is_dropped_alone() {
    check(&[("offered", "tms,lobotomy,itbs")], &["offered"], |c| {
        c.offered.as_ref().map(|set| set.len()) == Some(2)
    });
}

#[test]
fn markup_in_text_stays_text() {
    let name = "<img src=x onerror=alert(1)>";
    check(&[("clinic-name", name)], &[], |c| {
        c.clinic_name.as_deref() == Some(name)
    });
}
