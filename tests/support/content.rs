//! The bundled content as the native tests load it, failing loudly with every problem listed,
//! the repository's files by kind, and the edits that make broken copies of it: questions and choices found by id, never by
//! their position in a list.

use ketamine_tms_widget::content::questionnaire::put_together;
use ketamine_tms_widget::content::{bundled_files, Evidence};
use ketamine_tms_widget::fit::{Questionnaire, FLAGS_FILE};
use ketamine_tms_widget::ui::Content;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The content folder, `src/content`.
pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content")
}

/// Everything the widget shows, as it decodes it from the compiled form.
pub fn content() -> Rc<Content> {
    Rc::new(
        Content::bundled().unwrap_or_else(|errors| {
            panic!("the bundled content is invalid:\n{}", errors.join("\n"))
        }),
    )
}

/// Every file under `dir` (at any depth) whose name ends in `.ext`.
pub fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files_under(&path, ext));
        } else if path.extension().is_some_and(|e| e == ext) {
            found.push(path);
        }
    }
    found
}

/// The questionnaire of the build.
pub fn questionnaire() -> Questionnaire {
    Questionnaire::from_bundle().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the questionnaire is invalid:\n{}", lines.join("\n"))
    })
}

/// The evidence of the build.
pub fn evidence() -> Evidence {
    Evidence::bundled().unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the bundled evidence is invalid:\n{}", lines.join("\n"))
    })
}

/// The evidence of `files`, which must be sound.
pub fn evidence_from(files: &BTreeMap<String, Value>) -> Evidence {
    Evidence::from_files(files).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the data files are invalid:\n{}", lines.join("\n"))
    })
}

/// The content files of the build, as JSON keyed by their path under `src/content`.
pub fn files() -> BTreeMap<String, Value> {
    bundled_files().expect("the content files of the build")
}

/// Every TOML file under `src/content` read from disk into JSON, keyed like `build.rs` does.
pub fn files_from_disk() -> BTreeMap<String, Value> {
    fn walk(base: &Path, dir: &Path, files: &mut BTreeMap<String, Value>) {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                walk(base, &path, files);
            } else if path.extension().is_some_and(|ext| ext == "toml") {
                let name = path
                    .strip_prefix(base)
                    .expect("path below the data directory")
                    .to_string_lossy()
                    .replace('\\', "/");
                let text = std::fs::read_to_string(&path).expect("readable TOML");
                let value: Value = toml::from_str(&text)
                    .unwrap_or_else(|e| panic!("{name} is not valid TOML: {e}"));
                files.insert(name, value);
            }
        }
    }
    let mut files = BTreeMap::new();
    let base = content_dir();
    walk(&base, &base, &mut files);
    files
}

/// The questionnaire of the build as one JSON value: its parts put together, each question
/// with its `section`.
pub fn questions() -> Value {
    put_together(&files()).unwrap_or_else(|errors| panic!("the parts do not fit: {errors:?}"))
}

/// The value at the JSON `pointer` of the content file `file`.
pub fn at<'a>(files: &'a mut BTreeMap<String, Value>, file: &str, pointer: &str) -> &'a mut Value {
    files
        .get_mut(file)
        .unwrap_or_else(|| panic!("no file {file}"))
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in {file}"))
}

/// The question with `id` in the JSON form of the questionnaire or of one of its parts.
pub fn question_mut<'a>(questions: &'a mut Value, id: &str) -> &'a mut Value {
    questions["questions"]
        .as_array_mut()
        .expect("a list of questions")
        .iter_mut()
        .find(|question| question["id"] == id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
}

/// The choice with `id` of a question in its JSON form.
pub fn choice_mut<'a>(question: &'a mut Value, id: &str) -> &'a mut Value {
    question["choices"]
        .as_array_mut()
        .expect("a list of choices")
        .iter_mut()
        .find(|choice| choice["id"] == id)
        .unwrap_or_else(|| panic!("no choice `{id}`"))
}

/// The flags in the JSON form of `flags.toml`.
pub fn flags_mut(files: &mut BTreeMap<String, Value>) -> &mut Vec<Value> {
    files
        .get_mut(FLAGS_FILE)
        .expect("the flags live in src/content/flags.toml")
        .get_mut("flags")
        .and_then(Value::as_array_mut)
        .expect("flags.toml has a [[flags]] table")
}

/// Whether the JSON list `value` holds `item`.
pub fn lists(value: &Value, item: &str) -> bool {
    value
        .as_array()
        .is_some_and(|items| items.iter().any(|known| known == item))
}

/// The flag of `question` that lists `choice` and `option`, found by id, never by position.
pub fn flag_mut<'a>(
    files: &'a mut BTreeMap<String, Value>,
    question: &str,
    choice: &str,
    option: &str,
) -> &'a mut Value {
    flags_mut(files)
        .iter_mut()
        .find(|flag| {
            flag["question"] == question
                && lists(&flag["choices"], choice)
                && lists(&flag["options"], option)
        })
        .unwrap_or_else(|| panic!("no flag for {question} / {choice} / {option}"))
}
