//! The public lists are declared once in Rust; these tests check that the README's tables
//! and the loader say the same, so a list cannot drift from its one declaration.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ketamine_tms_widget::config::{ATTRIBUTES, NOTE_PREFIXES};
use ketamine_tms_widget::content::OptionId;
use ketamine_tms_widget::ui::events::EVENTS;
use ketamine_tms_widget::ui::theme::{CUSTOM_PROPERTIES, PARTS};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
}

/// The README section under `heading`, up to the next heading.
fn section(heading: &str) -> String {
    let readme = read("README.md");
    let start = readme
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("the README has no `{heading}`"));
    let rest = &readme[start + heading.len() + 2..];
    let end = rest.find("\n#").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The body rows of the first table in `text`, as cells.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    nth_table_rows(text, 0)
}

/// The body rows of table number `index` (from 0) in `text`, as cells.
fn nth_table_rows(text: &str, index: usize) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let tables: Vec<&[&str]> = lines
        .split(|line| !line.starts_with('|'))
        .filter(|table| !table.is_empty())
        .collect();
    let table = tables
        .get(index)
        .unwrap_or_else(|| panic!("no table number {index}"));
    table
        .iter()
        .skip(2)
        .map(|line| {
            line.trim_matches('|')
                .split(" | ")
                .map(|cell| cell.trim().to_string())
                .collect()
        })
        .collect()
}

/// The words in backticks in `cell`.
fn quoted(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_documents_every_attribute_of_the_table_in_its_order() {
    let rows = table_rows(&section("### Attributes"));
    let notes: Vec<String> = NOTE_PREFIXES
        .iter()
        .map(|prefix| format!("{prefix}<id>"))
        .collect();
    let mut names = Vec::new();
    let mut notes_documented = false;
    for row in &rows {
        let [name, example, meaning] = row.as_slice() else {
            panic!("an attribute row has three cells: {row:?}");
        };
        assert!(
            !example.is_empty() && !meaning.is_empty(),
            "the README documents `{name}`: {row:?}"
        );
        if quoted(name) == notes {
            notes_documented = true;
        } else {
            names.push(quoted(name).concat());
        }
    }
    let declared: Vec<&str> = ATTRIBUTES.iter().map(|attribute| attribute.name).collect();
    assert_eq!(
        names, declared,
        "the README's attribute table against src/config/attributes.rs"
    );
    assert!(notes_documented, "the README documents {notes:?}");
    for attribute in ATTRIBUTES {
        assert!(
            !attribute.description.is_empty() && !attribute.fallback.is_empty(),
            "`{}` says what it does and what is used instead of a bad value",
            attribute.name
        );
    }
}

#[test]
fn every_example_in_the_readme_s_attribute_table_is_a_good_value() {
    use ketamine_tms_widget::config::parse;
    for row in table_rows(&section("### Attributes")) {
        let name = quoted(&row[0]).concat();
        if name.contains('<') {
            continue;
        }
        let example = if row[1] == "(present)" {
            String::new()
        } else {
            quoted(&row[1]).into_iter().next().unwrap_or_default()
        };
        let (_, warnings) = parse(&[(name.clone(), example.clone())]);
        let own: Vec<_> = warnings
            .iter()
            .filter(|warning| warning.attribute == name)
            .collect();
        assert!(own.is_empty(), "`{name}=\"{example}\"`: {own:?}");
    }
}

#[test]
fn the_readme_lists_every_option_id() {
    let text = section("### Attributes");
    let line = text
        .split("\n\n")
        .find(|paragraph| paragraph.starts_with("Option ids:"))
        .expect("the README lists the option ids");
    let listed: Vec<String> = quoted(line);
    let declared: Vec<&str> = OptionId::ALL.map(OptionId::as_str).to_vec();
    assert_eq!(
        listed, declared,
        "the README's option ids against OptionId::ALL"
    );
}

#[test]
fn the_loader_declares_no_list_of_its_own() {
    let loader = read("src/embed/loader.js");
    assert!(
        loader.contains("var ATTRIBUTES = \"@ATTRIBUTES@\";"),
        "cargo xtask dist writes the loader's attributes"
    );
    for id in OptionId::ALL {
        assert!(
            !loader.contains(&format!("\"{}\"", id.as_str())),
            "loader.js names the option id `{}` itself",
            id.as_str()
        );
    }
    assert!(
        loader.contains("static get observedAttributes() { return ATTRIBUTES; }"),
        "the custom element observes the generated list"
    );
}

#[test]
fn the_readme_documents_every_event_as_declared() {
    let rows = table_rows(&section("### JavaScript API and events"));
    let names: Vec<String> = rows.iter().map(|row| quoted(&row[0]).concat()).collect();
    let declared: Vec<&str> = EVENTS.iter().map(|event| event.name).collect();
    assert_eq!(
        names, declared,
        "the README's events table against src/ui/events.rs"
    );
    for (row, event) in rows.iter().zip(EVENTS) {
        assert_eq!(row[1], event.when, "when `{}` is sent", event.name);
        let detail = quoted(&row[2]).concat();
        let words: BTreeSet<&str> = detail
            .split(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-'))
            .filter(|word| !word.is_empty())
            .collect();
        for key in event.detail.iter().chain(event.values) {
            assert!(
                words.contains(key),
                "the README's detail of `{}` names `{key}`: {detail}",
                event.name
            );
        }
    }
}

#[test]
fn every_event_the_widget_and_the_loader_send_is_declared() {
    use ketamine_tms_widget::ui::events::WidgetEvent;
    let sent = [
        WidgetEvent::Ready {
            lang: "en",
            view: "both",
        },
        WidgetEvent::StepChanged {
            step: 1,
            total: 2,
            question: "risk".to_string(),
        },
        WidgetEvent::Completed {
            answers: Some(serde_json::json!({})),
        },
        WidgetEvent::Completed { answers: None },
        WidgetEvent::Print,
        WidgetEvent::CallToAction { kind: "call" },
    ];
    for event in &sent {
        let spec = event.spec();
        assert!(EVENTS.contains(spec), "{} is in EVENTS", spec.name);
        let detail = event.detail();
        for (key, value) in detail.as_object().unwrap() {
            assert!(
                spec.detail.contains(&key.as_str()),
                "{}'s detail sends `{key}`, which is not declared",
                spec.name
            );
            if !spec.values.is_empty() {
                assert!(spec.values.contains(&value.as_str().unwrap()), "{detail}");
            }
        }
    }
    // The failure message's builder sends `ktw-error` with the loader's reasons and Rust's.
    let failure = read("src/embed/failure.js");
    assert!(failure.contains("\"ktw-error\""));
    // The loader's reasons are in it or in its start sequence, which `cargo xtask dist` splices in.
    let loader = read("src/embed/loader.js") + &read("src/embed/start.js");
    let error = EVENTS
        .iter()
        .find(|event| event.name == "ktw-error")
        .unwrap();
    for reason in &error.values[..3] {
        assert!(loader.contains(&format!("\"{reason}\"")), "{reason}");
    }
    let failure_rs = read("src/embed/failure.rs");
    for reason in &error.values[3..] {
        assert!(failure_rs.contains(&format!("=> \"{reason}\"")), "{reason}");
    }
}

/// Every file under `dir` ending in `.{extension}`.
fn files(dir: &str, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == extension) {
                found.push(path);
            }
        }
    }
    found
}

/// The names that follow each `opening` in `text`: letters, digits and dashes.
fn names_after(text: &str, opening: &str) -> BTreeSet<String> {
    text.split(opening)
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '-')
                .collect()
        })
        .collect()
}

#[test]
fn the_stylesheets_read_exactly_the_declared_custom_properties() {
    let declared: BTreeSet<String> = CUSTOM_PROPERTIES
        .iter()
        .map(|property| property.name.to_string())
        .collect();
    let mut used = BTreeSet::new();
    for path in files("style", "css") {
        let css = std::fs::read_to_string(&path).unwrap();
        used.extend(
            names_after(&css, "var(--ktw-")
                .into_iter()
                .map(|name| format!("--ktw-{name}")),
        );
    }
    assert_eq!(used, declared, "style/*.css against src/ui/theme.rs");
    for path in files("src", "rs") {
        let code = std::fs::read_to_string(&path).unwrap();
        for name in names_after(&code, "\"--ktw-") {
            assert!(
                declared.contains(&format!("--ktw-{name}")),
                "{} sets --ktw-{name}, which src/ui/theme.rs does not declare",
                path.display()
            );
        }
    }
}

#[test]
fn the_components_mark_exactly_the_declared_parts() {
    let declared: BTreeSet<String> = PARTS.iter().map(|part| part.name.to_string()).collect();
    let mut used = BTreeSet::new();
    for path in files("src", "rs") {
        used.extend(names_after(
            &std::fs::read_to_string(&path).unwrap(),
            "part=\"",
        ));
    }
    for path in files("src", "js") {
        used.extend(names_after(
            &std::fs::read_to_string(&path).unwrap(),
            "setAttribute(\"part\", \"",
        ));
    }
    assert_eq!(used, declared, "the parts in src/ against src/ui/theme.rs");
}

#[test]
fn the_readme_theming_tables_match_the_declaration() {
    let text = section("### Theming");
    let properties: Vec<(String, String)> = nth_table_rows(&text, 0)
        .into_iter()
        .map(|row| (quoted(&row[0]).concat(), row[1].clone()))
        .collect();
    let declared: Vec<(String, String)> = CUSTOM_PROPERTIES
        .iter()
        .map(|property| (property.name.to_string(), property.sets.to_string()))
        .collect();
    assert_eq!(properties, declared, "the README's custom properties");
    let parts: Vec<(String, String)> = nth_table_rows(&text, 1)
        .into_iter()
        .map(|row| (quoted(&row[0]).concat(), row[1].clone()))
        .collect();
    let declared: Vec<(String, String)> = PARTS
        .iter()
        .map(|part| (part.name.to_string(), part.element.to_string()))
        .collect();
    assert_eq!(parts, declared, "the README's parts");
}

/// The top-level keys of the object literal that opens with `opening` in `text`.
fn object_keys(text: &str, opening: &str) -> Vec<String> {
    let body = text
        .split(opening)
        .nth(1)
        .unwrap_or_else(|| panic!("no `{opening}`"));
    let lines: Vec<&str> = body
        .lines()
        .skip(1)
        .take_while(|line| line.trim() != "};")
        .collect();
    let indent = |line: &str| line.len() - line.trim_start().len();
    let top = lines.iter().map(|line| indent(line)).min().unwrap_or(0);
    lines
        .iter()
        .filter(|line| indent(line) == top)
        .filter_map(|line| line.trim().split_once(':'))
        .map(|(key, _)| key.to_string())
        .collect()
}

#[test]
fn the_loader_speaks_exactly_the_widget_s_languages() {
    use ketamine_tms_widget::content::Lang;
    let tags: Vec<String> = Lang::ALL.map(|lang| lang.tag().to_string()).to_vec();
    let loader = read("src/embed/loader.js");
    assert_eq!(
        object_keys(&loader, "var LOADING = {"),
        tags,
        "loader.js LOADING"
    );
    let failure = read("src/embed/failure.js");
    assert_eq!(
        object_keys(&failure, "var FAILURE_WORDS = {"),
        tags,
        "failure.js FAILURE_WORDS"
    );
}
