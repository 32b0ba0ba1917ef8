//! The npm package and the clinic's tools in `dist/`: the TypeScript declarations
//! (`types.rs`), `package.json` (name, version from Cargo.toml, `browser`, `types`, `files`;
//! no scripts) and the configurator page (`configure.rs`). `dist.rs` calls [`write`] once the
//! script is built.

use crate::{configure, root, types, Result};
use std::path::Path;

/// The package's name on npm.
pub const NAME: &str = "ketamine-tms-widget";

/// Writes the declarations, `package.json` and the configurator into `dist`; `script` is the
/// built widget script (for its SRI hash).
pub fn write(dist: &Path, script: &[u8]) -> Result {
    let version = widget_version()?;
    let declarations = types::files(&version)?;
    for (name, text) in &declarations {
        save(&dist.join(name), text)?;
    }
    let names: Vec<&str> = declarations.iter().map(|(name, _)| name.as_str()).collect();
    save(&dist.join("package.json"), &manifest(&version, &names)?)?;
    configure::write(dist, script, &version)?;
    println!(
        "\ndist/package.json: {NAME} {version}, with {}",
        names.join(", ")
    );
    Ok(())
}

/// The widget's version, from the `[package]` table of the root Cargo.toml.
pub fn widget_version() -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|err| format!("cannot read Cargo.toml: {err}"))?;
    manifest
        .split("\n[")
        .next()
        .into_iter()
        .flat_map(str::lines)
        .find_map(|line| {
            line.trim()
                .strip_prefix("version = \"")
                .and_then(|rest| rest.strip_suffix('"'))
        })
        .map(str::to_string)
        .ok_or_else(|| "Cargo.toml's [package] has no version".to_string())
}

/// The description and license of the widget, from the `[package]` table.
fn package_field(field: &str) -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|err| format!("cannot read Cargo.toml: {err}"))?;
    let prefix = format!("{field} = \"");
    manifest
        .lines()
        .find_map(|line| line.strip_prefix(&prefix)?.strip_suffix('"'))
        .map(str::to_string)
        .ok_or_else(|| format!("Cargo.toml's [package] has no {field}"))
}

/// `dist/package.json`. `exports` gives the script for bundlers and the JSX typings as
/// type-only entries (`import type {} from "ketamine-tms-widget/react"`).
fn manifest(version: &str, declarations: &[&str]) -> Result<String> {
    let script = crate::dist::SCRIPT;
    let mut exports = serde_json::Map::new();
    exports.insert(
        ".".to_string(),
        serde_json::json!({ "types": format!("./{}", types::MAIN), "default": format!("./{script}") }),
    );
    for (file, module, _, _) in types::JSX {
        let short = module.strip_suffix("-js").unwrap_or(module);
        exports.insert(
            format!("./{short}"),
            serde_json::json!({ "types": format!("./{file}") }),
        );
    }
    exports.insert(
        "./package.json".to_string(),
        serde_json::Value::from("./package.json"),
    );
    let mut files = vec![script, "evidence.html"];
    files.extend_from_slice(declarations);
    let manifest = serde_json::json!({
        "name": NAME,
        "version": version,
        "description": package_field("description")?,
        "license": package_field("license")?,
        "browser": script,
        "types": types::MAIN,
        "exports": exports,
        "files": files,
        "sideEffects": true,
        "keywords": ["decision aid", "ketamine", "tms", "depression", "web component"],
    });
    serde_json::to_string_pretty(&manifest)
        .map(|text| text + "\n")
        .map_err(|err| err.to_string())
}

fn save(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_has_the_crates_version_and_no_scripts() {
        let version = widget_version().unwrap();
        let text = manifest(&version, &[types::MAIN]).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(json["version"], serde_json::json!(version));
        assert_eq!(json["browser"], serde_json::json!(crate::dist::SCRIPT));
        assert_eq!(json["types"], serde_json::json!(types::MAIN));
        assert!(json.get("scripts").is_none());
    }
}
