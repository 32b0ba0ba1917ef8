//! Compiles the TOML data files (evidence, questions, message catalogues) into one JSON map
//! of file name → content, so the widget carries them without a TOML parser of its own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let mut files = BTreeMap::new();
    collect(
        &root.join("src/data"),
        &root.join("src/data"),
        "",
        &mut files,
    )?;
    collect(
        &root.join("src/i18n"),
        &root.join("src/i18n"),
        "i18n/",
        &mut files,
    )?;
    let json = serde_json::to_string(&files).map_err(|e| e.to_string())?;
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    std::fs::write(out.join("bundle.json"), json).map_err(|e| e.to_string())?;
    println!("cargo:rerun-if-changed=src/data");
    println!("cargo:rerun-if-changed=src/i18n");
    Ok(())
}

/// Adds every `.toml` file below `dir` to `files`, keyed by its path relative to `base`.
fn collect(
    base: &Path,
    dir: &Path,
    prefix: &str,
    files: &mut BTreeMap<String, serde_json::Value>,
) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(base, &path, prefix, files)?;
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            println!("cargo:rerun-if-changed={}", path.display());
            let relative = path.strip_prefix(base).map_err(|e| e.to_string())?;
            let name = format!("{prefix}{}", relative.to_string_lossy().replace('\\', "/"));
            let text = std::fs::read_to_string(&path).map_err(|e| format!("{name}: {e}"))?;
            let value: serde_json::Value =
                toml::from_str(&text).map_err(|e| format!("{name} is not valid TOML: {e}"))?;
            files.insert(name, value);
        }
    }
    Ok(())
}
