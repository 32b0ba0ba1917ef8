//! The house rules of `src/lib.rs`, checked on the source text: imports run downward only,
//! the pure layers name no web crate, every file opens with a `//!` sentence, and no source
//! file grows past about 400 lines.

use std::path::{Path, PathBuf};

/// The layers from the bottom up; a module may name only itself and the layers before it.
const LAYERS: [&str; 6] = ["content", "fit", "crisis", "config", "ui", "embed"];
/// The layers that must build natively, without any web crate.
const PURE: [&str; 4] = ["content", "fit", "crisis", "config"];
/// The crates that only `ui` and `embed` may name.
const WEB_CRATES: [&str; 5] = ["yew", "web_sys", "wasm_bindgen", "js_sys", "gloo"];
/// The longest a source file may grow, in lines; content TOML is exempt.
const MAX_LINES: usize = 400;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends with one of `extensions`, sorted.
fn files(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().is_some_and(|name| name != "node_modules") {
                    stack.push(path);
                }
            } else if path
                .extension()
                .is_some_and(|ext| extensions.iter().any(|wanted| ext == *wanted))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The path of `path` below the crate root, with forward slashes.
fn name(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The layer a file under `src/` belongs to, from its first folder or its file name.
fn layer_of(name: &str) -> Option<&'static str> {
    let first = name.strip_prefix("src/")?.split('/').next()?;
    let first = first.strip_suffix(".rs").unwrap_or(first);
    LAYERS.into_iter().find(|layer| *layer == first)
}

/// The lines of `text` that are code, with comments cut off (good enough for these checks).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.split("//").next().unwrap_or("")))
}

/// The words of `line`: runs of letters, digits and underscores.
fn words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty())
}

#[test]
fn every_import_runs_downward() {
    let mut offences = Vec::new();
    let mut checked = 0;
    for path in files(&root().join("src"), &["rs"]) {
        let name = name(&path);
        let Some(layer) = layer_of(&name) else {
            continue;
        };
        let rank = LAYERS.iter().position(|l| *l == layer).unwrap();
        checked += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in code_lines(&text) {
            for (index, named) in LAYERS.iter().enumerate() {
                if index > rank && line.contains(&format!("crate::{named}")) {
                    offences.push(format!(
                        "{name}:{number}: {layer} names {named}, a layer above it"
                    ));
                }
            }
        }
    }
    assert!(checked > 40, "only {checked} files were read");
    assert!(
        offences.is_empty(),
        "imports must run downward ({}):\n{}",
        LAYERS.join(" → "),
        offences.join("\n")
    );
}

#[test]
fn the_pure_layers_name_no_web_crate() {
    let mut offences = Vec::new();
    for path in files(&root().join("src"), &["rs"]) {
        let name = name(&path);
        if !layer_of(&name).is_some_and(|layer| PURE.contains(&layer)) && name != "src/build.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in code_lines(&text) {
            for word in words(line) {
                if WEB_CRATES.contains(&word) {
                    offences.push(format!("{name}:{number}: names `{word}`"));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "{} must build natively:\n{}",
        PURE.join(", "),
        offences.join("\n")
    );
}

#[test]
fn content_names_nothing_outside_content() {
    // build.rs includes `content` by path, where no other module of the crate exists.
    let mut offences = Vec::new();
    for path in files(&root().join("src/content"), &["rs"]) {
        let name = name(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        for (number, line) in code_lines(&text) {
            if let Some(at) = line.find("crate::") {
                if !line[at..].starts_with("crate::content") {
                    offences.push(format!("{name}:{number}: {}", line.trim()));
                }
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn every_file_opens_with_a_sentence_saying_what_it_is_for() {
    let mut missing = Vec::new();
    for dir in ["src", "tests", "xtask/src"] {
        for path in files(&root().join(dir), &["rs"]) {
            let text = std::fs::read_to_string(&path).unwrap();
            if !text.starts_with("//!") {
                missing.push(name(&path));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no `//!` line atop:\n{}",
        missing.join("\n")
    );
}

#[test]
fn no_source_file_grows_past_about_400_lines() {
    let mut long = Vec::new();
    for dir in ["src", "style", "tests", "xtask/src"] {
        for path in files(&root().join(dir), &["rs", "js", "css"]) {
            let lines = std::fs::read_to_string(&path).unwrap().lines().count();
            if lines > MAX_LINES {
                long.push(format!("{lines:>5}  {}", name(&path)));
            }
        }
    }
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines; split by concern:\n{}",
        long.join("\n")
    );
}
