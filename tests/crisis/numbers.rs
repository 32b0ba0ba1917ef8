//! The rule that only the crisis module writes a US crisis number: what it finds, what it
//! rejects in content (broken copies), and that no content file or other source breaks it.

use crate::support::content::files_under;
use ketamine_tms_widget::crisis::us_number_in;
use std::path::Path;

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
        ("src/content/questions/safety.toml", "help = { en = \"If in danger, call 911.\", es = \"Llame al 911.\" }", 2),
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
