//! Compiles the content into the widget: reads the TOML data files (evidence, questions,
//! message catalogues), validates them with the crate's own checks, and writes the validated
//! content in a compact binary form (`bundle.bin`, what the widget reads) and the files as one
//! JSON map of file name → content (`bundle.json`, what the native tests read).
//!
//! Bad data fails the build with every problem listed, naming its file, option and row.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The crate's content, without its compiled form (which is what this script writes): the
/// same modules as `src/content/mod.rs` declares, included by path.
#[allow(dead_code, unused_imports)]
mod content {
    #[path = "bundle.rs"]
    pub mod bundle;
    #[path = "evidence/mod.rs"]
    pub mod evidence;
    #[path = "i18n/mod.rs"]
    pub mod i18n;
    #[path = "questionnaire/mod.rs"]
    pub mod questionnaire;
}

fn main() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let mut texts = BTreeMap::new();
    let content = root.join("src/content");
    collect(&content, &content, &mut texts)?;
    println!("cargo:rerun-if-changed=src/content");
    // First pass: each file straight into its typed shape, so a mistake says its line.
    let misshapen: Vec<String> = texts
        .iter()
        .filter_map(|(name, text)| {
            content::bundle::check_shape(name, toml::Deserializer::new(text))
                .err()
                .map(|err| format!("{name}: {err}"))
        })
        .collect();
    if !misshapen.is_empty() {
        eprintln!("Some files in src/content are not in the shape their content needs:");
        for problem in &misshapen {
            eprintln!("  - {problem}");
        }
        return Err(format!("{} file(s) to fix, listed above", misshapen.len()));
    }
    let mut files = BTreeMap::new();
    for (name, text) in &texts {
        let value: serde_json::Value =
            toml::from_str(text).map_err(|e| format!("{name} is not valid TOML: {e}"))?;
        files.insert(name.clone(), value);
    }
    // Second pass: the content itself, each problem named by its option, question and row.
    let bundle = match content::bundle::Bundle::from_files(&files) {
        Ok(bundle) => bundle.for_widget(),
        Err(errors) => {
            eprintln!("The content in src/content failed its checks:");
            for error in &errors {
                eprintln!("  - {error}");
            }
            return Err(format!(
                "{} problem(s) in the data files, listed above",
                errors.len()
            ));
        }
    };
    // The same options as `bundle::encoding` in the crate.
    use bincode::Options;
    let compiled = bincode::DefaultOptions::new()
        .serialize(&bundle)
        .map_err(|e| format!("cannot encode the validated content: {e}"))?;
    let json = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    std::fs::write(out.join("bundle.bin"), compiled).map_err(|e| e.to_string())?;
    std::fs::write(out.join("bundle.json"), json).map_err(|e| e.to_string())?;
    Ok(())
}

/// Adds the text of every `.toml` file below `dir` to `files`, keyed by its path relative to
/// `base`.
fn collect(base: &Path, dir: &Path, files: &mut BTreeMap<String, String>) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(base, &path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            println!("cargo:rerun-if-changed={}", path.display());
            let relative = path.strip_prefix(base).map_err(|e| e.to_string())?;
            let name = relative.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
            files.insert(name, text);
        }
    }
    Ok(())
}
