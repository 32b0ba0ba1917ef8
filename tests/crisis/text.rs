//! The crisis sentences and links: the banner and the panels for US defaults and a UK clinic
//! in each language, the content's markers as words and links, and the loader's templates.

use ketamine_tms_widget::config::{self, Config};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::crisis::{
    loader_templates, plain, us_number_in, Piece, US_CRISIS_LINE, US_EMERGENCY,
};

fn config(pairs: &[(&str, &str)]) -> Config {
    let raw: Vec<(String, String)> = pairs
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    config::parse(&raw).0
}

fn uk() -> Config {
    config(&[
        ("crisis-line", "Samaritans, 116 123"),
        ("emergency-number", "999"),
    ])
}

fn call(dial: &str, text: &str) -> Piece {
    Piece::Call {
        dial: dial.to_string(),
        text: text.to_string(),
    }
}

fn text(text: &str) -> Piece {
    Piece::Text(text.to_string())
}

#[test]
fn the_banner_names_the_configured_numbers_in_each_language() {
    let cases: &[(Config, Lang, Vec<Piece>)] = &[
        (
            Config::default(),
            Lang::En,
            vec![
                text("If you are thinking about suicide or hurting yourself, call or text "),
                call("988", "988"),
                text(" now. In an emergency, call "),
                call("911", "911"),
                text("."),
            ],
        ),
        (
            uk(),
            Lang::En,
            vec![
                text("If you are thinking about suicide or hurting yourself, call Samaritans ("),
                call("116123", "116 123"),
                text(") now. In an emergency, call "),
                call("999", "999"),
                text("."),
            ],
        ),
        (
            Config::default(),
            Lang::Es,
            vec![
                text("Si está pensando en el suicidio o en hacerse daño, llame o envíe un mensaje de texto al "),
                call("988", "988"),
                text(" ahora. En una emergencia, llame al "),
                call("911", "911"),
                text("."),
            ],
        ),
        (
            uk(),
            Lang::Es,
            vec![
                text("Si está pensando en el suicidio o en hacerse daño, llame a Samaritans ("),
                call("116123", "116 123"),
                text(") ahora. En una emergencia, llame al "),
                call("999", "999"),
                text("."),
            ],
        ),
    ];
    for (config, lang, expected) in cases {
        assert_eq!(
            &config.crisis_help(*lang).banner(),
            expected,
            "{lang:?} {config:?}"
        );
    }
}

#[test]
fn content_placeholders_become_words_and_links() {
    let template = "In danger now? Call {emergency}. At any time, {crisis}.";
    let cases: &[(Config, Lang, &str)] = &[
        (
            Config::default(),
            Lang::En,
            "In danger now? Call 911. At any time, call or text 988.",
        ),
        (
            uk(),
            Lang::En,
            "In danger now? Call 999. At any time, call Samaritans (116 123).",
        ),
        (
            config(&[("emergency-number", "112")]),
            Lang::Es,
            "In danger now? Call 112. At any time, llame o envíe un mensaje de texto al 988.",
        ),
        (
            config(&[
                ("crisis-line", "Línea 024: 024"),
                ("emergency-number", "112"),
            ]),
            Lang::Es,
            "In danger now? Call 112. At any time, llame a Línea 024 (024).",
        ),
    ];
    for (config, lang, expected) in cases {
        let help = config.crisis_help(*lang);
        assert_eq!(help.fill_plain(template), *expected);
        let links = help
            .fill(template)
            .iter()
            .filter(|piece| matches!(piece, Piece::Call { .. }))
            .count();
        assert_eq!(links, 2, "both numbers are call links: {expected}");
    }
    let help = Config::default().crisis_help(Lang::En);
    assert_eq!(
        help.fill("No numbers here."),
        vec![text("No numbers here.")]
    );
    assert_eq!(help.fill(""), Vec::<Piece>::new());
    // A clinic's line name is text, never read again for slots.
    let odd = config(&[
        ("crisis-line", "{emergency}: 116 123"),
        ("emergency-number", "999"),
    ]);
    assert_eq!(
        odd.crisis_help(Lang::En).fill_plain("{crisis}"),
        "call {emergency} (116 123)"
    );
}

/// Links as `(href, label)` pairs, in order.
type Links = &'static [(&'static str, &'static str)];

#[test]
fn the_panel_links_put_the_emergency_number_first_only_when_urgent() {
    // (config, lang, urgent, expected (href, label) in order; the first is the main one)
    let cases: &[(Config, Lang, bool, Links)] = &[
        (
            Config::default(),
            Lang::En,
            false,
            &[
                ("tel:988", "Call 988"),
                ("sms:988", "Text 988"),
                ("tel:911", "In danger right now? Call 911"),
            ],
        ),
        (
            Config::default(),
            Lang::En,
            true,
            &[
                ("tel:911", "Call 911 now"),
                ("tel:988", "Call 988"),
                ("sms:988", "Text 988"),
            ],
        ),
        (
            uk(),
            Lang::En,
            false,
            &[
                ("tel:116123", "Call Samaritans: 116 123"),
                ("tel:999", "In danger right now? Call 999"),
            ],
        ),
        (
            uk(),
            Lang::Es,
            true,
            &[
                ("tel:999", "Llame al 999 ahora"),
                ("tel:116123", "Llame a Samaritans: 116 123"),
            ],
        ),
    ];
    for (config, lang, urgent, expected) in cases {
        let links = config.crisis_help(*lang).links(*urgent);
        let got: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.href.as_str(), l.label.as_str()))
            .collect();
        assert_eq!(&got, expected);
        let main: Vec<bool> = links.iter().map(|l| l.main).collect();
        assert_eq!(main.first(), Some(&true));
        assert!(main.iter().skip(1).all(|m| !m));
    }
}

#[test]
fn only_the_us_line_gets_its_note() {
    let note = Config::default().crisis_help(Lang::Es).line_note().unwrap();
    assert!(
        note.starts_with("El 988 es la Línea") && note.contains("marque 2"),
        "{note}"
    );
    assert_eq!(uk().crisis_help(Lang::En).line_note(), None);
}

#[test]
fn the_loader_templates_hold_the_same_sentences() {
    let templates = loader_templates();
    assert_eq!(templates.len(), Lang::ALL.len());
    for (lang, us, own) in templates {
        let filled = us
            .replace("{line-number}", US_CRISIS_LINE)
            .replace("{emergency}", US_EMERGENCY);
        assert_eq!(filled, plain(&Config::default().crisis_help(lang).banner()));
        let filled = own
            .replace("{line-name}", "Samaritans")
            .replace("{line-number}", "116 123")
            .replace("{emergency}", "999");
        assert_eq!(filled, plain(&uk().crisis_help(lang).banner()));
        assert_eq!(
            us_number_in(&us),
            None,
            "the templates keep slots, not numbers: {us}"
        );
    }
}
