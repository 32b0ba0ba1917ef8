//! Native, table-driven tests of the one source of crisis text (`embed::crisis`): every
//! sentence and link for US defaults and for a UK clinic in each language, the rule that no
//! content file or other source writes a US crisis number itself, and the risk levels.

mod support;

use ketamine_tms_widget::config::{self, Config};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::crisis::{
    loader_templates, plain, us_number_in, Piece, US_CRISIS_LINE, US_EMERGENCY,
};
use ketamine_tms_widget::fit::{
    needs_crisis_help, risk, Answers, Questionnaire, Risk, CRISIS_QUESTION, CRISIS_URGENT_CHOICE,
};
use std::path::Path;
use support::content::files_under;

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

#[test]
fn the_rule_finds_us_numbers_written_out() {
    let cases: &[(&str, Option<&str>)] = &[
        ("call or text 988 now", Some("988")),
        ("In an emergency, call 911.", Some("911")),
        ("988", Some("988")),
        ("(911)", Some("911")),
        ("tel:988", Some("988")),
        ("call {crisis} now", None),
        ("call {emergency}", None),
        ("1988 and 9110 and 19112", None),
        ("a trial of 5988 people", None),
        ("9 1 1", None),
        ("", None),
    ];
    for (text, expected) in cases {
        assert_eq!(us_number_in(text), *expected, "{text:?}");
    }
}

/// Every string in a TOML value, with its dotted path, except the words of a source: a
/// `quote` or `quotes` value repeats the source verbatim (a page range such as "988-997" is
/// not a crisis number), and the widget's own text is what must use the placeholders.
fn strings(value: &toml::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::String(text) => out.push((path.to_string(), text.clone())),
        toml::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                strings(item, &format!("{path}[{index}]"), out);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                if key != "quote" && key != "quotes" {
                    strings(item, &format!("{path}.{key}"), out);
                }
            }
        }
        _ => {}
    }
}

/// What the rule rejects in the content file `name` holding `text`, one line per string.
fn offences(name: &str, text: &str) -> Vec<String> {
    // Source records (titles, pages) are citations, not text the widget says to a patient.
    if name.ends_with("sources.toml") {
        return Vec::new();
    }
    let value: toml::Value = match toml::from_str(text) {
        Ok(value) => value,
        Err(err) => return vec![format!("{name} is not TOML: {err}")],
    };
    let mut found = Vec::new();
    strings(&value, "", &mut found);
    found
        .into_iter()
        .filter_map(|(key, text)| {
            us_number_in(&text).map(|number| {
                format!("{name} {key}: writes {number} (use {{crisis}} or {{emergency}}): {text}")
            })
        })
        .collect()
}

#[test]
fn the_rule_rejects_crisis_numbers_in_content_and_nowhere_else() {
    // (file, TOML, strings rejected)
    let cases: &[(&str, &str, usize)] = &[
        ("src/content/questions.toml", "help = { en = \"If in danger, call 911.\", es = \"Llame al 911.\" }", 2),
        ("src/content/i18n/en.toml", "crisis_banner = \"Call or text 988 now.\"", 1),
        ("src/content/meta.toml", "[not_advice]\nen = \"If you are thinking about suicide, {crisis} now.\"", 0),
        ("src/content/options/x.toml", "[[rows.cost]]\nen = \"In danger? Call {emergency}.\"", 0),
        ("src/content/options/x.toml", "[[rows.cost]]\nen = \"Costs more.\"\nquotes = [{ source = \"a\", at = \"Citation\", text = \"71(10):988-997.\" }]", 0),
        ("src/content/outcomes.toml", "[[outcomes]]\nquote = \"911 of 2000 responded\"\ncaveat = { en = \"Call 911 now.\" }", 1),
        ("src/content/sources.toml", "[[sources]]\npages = \"988-997\"", 0),
    ];
    for (name, text, rejected) in cases {
        let found = offences(name, text);
        assert_eq!(found.len(), *rejected, "{name}: {text}\n{found:#?}");
    }
}

#[test]
fn no_content_text_writes_a_us_crisis_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tomls = files_under(&root.join("src/content"), "toml");
    assert!(tomls.len() >= 8, "{tomls:?}");
    let mut found = Vec::new();
    for path in &tomls {
        let name = path.strip_prefix(root).unwrap().display().to_string();
        found.extend(offences(&name, &std::fs::read_to_string(path).unwrap()));
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_other_source_writes_a_us_crisis_number() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = files_under(&root.join("src"), "rs");
    paths.extend(files_under(&root.join("xtask/src"), "rs"));
    paths.push(root.join("src/embed/loader.js"));
    paths.push(root.join("index.html"));
    let mut offences = Vec::new();
    for path in &paths {
        let name = path.strip_prefix(root).unwrap().display().to_string();
        if name == "src/crisis.rs" {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        for (number, line) in text.lines().enumerate() {
            if let Some(found) = us_number_in(line) {
                offences.push(format!("{name}:{}: writes {found}", number + 1));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "only src/crisis.rs may:\n{}",
        offences.join("\n")
    );
}

#[test]
fn only_might_act_on_them_is_urgent() {
    let questionnaire = Questionnaire::from_bundle().unwrap_or_else(|_| panic!("questions.toml"));
    let question = questionnaire
        .questions
        .iter()
        .find(|q| q.id.as_str() == CRISIS_QUESTION)
        .unwrap();
    assert!(
        question
            .choices
            .iter()
            .any(|c| c.id.as_str() == CRISIS_URGENT_CHOICE),
        "the crisis question must keep the `{CRISIS_URGENT_CHOICE}` answer"
    );
    let cases: &[(&[(&str, &str)], Risk)] = &[
        (&[], Risk::None),
        (&[("self-harm-thoughts", "no")], Risk::None),
        (&[("self-harm-thoughts", "yes-sometimes")], Risk::Concern),
        (&[("self-harm-thoughts", "yes-often")], Risk::Concern),
        (&[("self-harm-thoughts", "yes-now")], Risk::Urgent),
        (&[("self-harm-thoughts", "something-new")], Risk::Concern),
        (&[("phq9-9", "0")], Risk::None),
        (&[("phq9-9", "1")], Risk::Concern),
        (&[("phq9-9", "3")], Risk::Concern),
        (
            &[("self-harm-thoughts", "no"), ("phq9-9", "3")],
            Risk::Concern,
        ),
        (
            &[("self-harm-thoughts", "yes-now"), ("phq9-9", "0")],
            Risk::Urgent,
        ),
    ];
    for (pairs, expected) in cases {
        let mut answers = Answers::default();
        for (question, choice) in pairs.iter() {
            answers.choose(question, choice);
        }
        assert_eq!(risk(&answers), *expected, "{pairs:?}");
        assert_eq!(
            needs_crisis_help(&answers),
            *expected != Risk::None,
            "{pairs:?}"
        );
    }
}
