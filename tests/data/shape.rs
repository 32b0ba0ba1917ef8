//! The first pass over the content's text (`content::bundle::check_shape`, which `build.rs`
//! runs on every TOML file before anything else): a file not in its content's shape is
//! reported with the line and column of the mistake, so an editor can go straight to it.

use ketamine_tms_widget::content::bundle::check_shape;
use std::path::Path;

/// The text of content file `name` as it is on disk.
fn text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/content")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_default()
}

/// What the first pass says of `text` as file `name`, if anything.
fn problem(name: &str, text: &str) -> Option<String> {
    check_shape(name, toml::Deserializer::new(text))
        .err()
        .map(|err| err.to_string())
}

#[test]
fn a_misshapen_file_is_reported_with_its_line_and_column() {
    // (file, the line to add after the first line that starts with `after`, where it lands)
    let cases = [
        (
            "options/tms.toml",
            "id = ",
            "colour = \"blue\"",
            "unknown field `colour`",
        ),
        (
            "sources.toml",
            "[[sources]]",
            "pages = 12",
            "unknown field `pages`",
        ),
        (
            "questions/life.toml",
            "[[questions]]",
            "optional = \"no\"",
            "invalid type",
        ),
        (
            "flags.toml",
            "[[flags]]",
            "severity = 3",
            "unknown field `severity`",
        ),
        ("i18n/en.toml", "fit_next", "fit_count = 3", "invalid type"),
    ];
    for (name, after, added, says) in cases {
        let original = text(name);
        assert_eq!(problem(name, &original), None, "{name} as it is");
        let mut lines: Vec<&str> = original.lines().collect();
        let at = lines
            .iter()
            .position(|line| line.starts_with(after))
            .unwrap_or_else(|| panic!("{name} has no line starting `{after}`"));
        lines.insert(at + 1, added);
        let broken = lines.join("\n");
        let message = problem(name, &broken).unwrap_or_else(|| panic!("{name} with `{added}`"));
        assert!(message.contains(says), "{name}: {message}");
        assert!(
            message.contains(&format!("line {}", at + 2)),
            "{name}: the message gives line {}: {message}",
            at + 2
        );
        assert!(message.contains("column"), "{name}: {message}");
    }
}

#[test]
fn a_misspelt_word_of_a_fixed_set_is_reported_where_it_stands() {
    // (file, the line as written, the line misspelt, what the message says)
    let cases = [
        (
            "questions/safety.toml",
            "kind = \"single\"",
            "kind = \"one\"",
            "unknown variant `one`",
        ),
        (
            "questions/history.toml",
            "kind = \"for\"",
            "kind = \"pro\"",
            "unknown variant `pro`",
        ),
        (
            "questions/priorities.toml",
            "kind = \"priorities\"",
            "kind = \"rank\"",
            "unknown variant `rank`",
        ),
    ];
    for (name, written, misspelt, says) in cases {
        let original = text(name);
        let line = original
            .lines()
            .position(|line| line == written)
            .unwrap_or_else(|| panic!("{name} has no line `{written}`"));
        let broken = original.replacen(written, misspelt, 1);
        let message = problem(name, &broken).unwrap_or_else(|| panic!("{name}: `{misspelt}`"));
        assert!(message.contains(says), "{message}");
        assert!(message.contains(&format!("line {}", line + 1)), "{message}");
    }
}
