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
/// type-only entries (`import type {} from "ketamine-tms-widget/react"`). It is written by
/// hand in order, because TypeScript takes the first condition that matches, so `types` must
/// come before `default` (serde_json's map would sort them the other way).
fn manifest(version: &str, declarations: &[&str]) -> Result<String> {
    let script = crate::dist::SCRIPT;
    let text = |value: &str| serde_json::Value::from(value).to_string();
    let mut exports = vec![(
        ".".to_string(),
        object(
            &[
                ("types", text(&format!("./{}", types::MAIN))),
                ("default", text(&format!("./{script}"))),
            ],
            2,
        ),
    )];
    for (file, module, _, _) in types::JSX {
        let short = module.strip_suffix("-js").unwrap_or(module);
        exports.push((
            format!("./{short}"),
            object(&[("types", text(&format!("./{file}")))], 2),
        ));
    }
    exports.push(("./package.json".to_string(), text("./package.json")));
    let exports: Vec<(&str, String)> = exports
        .iter()
        .map(|(key, value)| (key.as_str(), value.clone()))
        .collect();
    let mut files = vec![script, "evidence.html"];
    files.extend_from_slice(declarations);
    let list = |items: &[&str]| serde_json::Value::from(items.to_vec()).to_string();
    Ok(object(
        &[
            ("name", text(NAME)),
            ("version", text(version)),
            ("description", text(&package_field("description")?)),
            ("license", text(&package_field("license")?)),
            ("browser", text(script)),
            ("types", text(types::MAIN)),
            ("exports", object(&exports, 1)),
            ("files", list(&files)),
            ("sideEffects", "true".to_string()),
            (
                "keywords",
                list(&[
                    "decision aid",
                    "ketamine",
                    "tms",
                    "depression",
                    "web component",
                ]),
            ),
        ],
        0,
    ) + "\n")
}

/// A JSON object with its keys in the given order; the values are JSON already, and `depth`
/// is how far the object itself is indented.
fn object(pairs: &[(&str, String)], depth: usize) -> String {
    let inner = "  ".repeat(depth + 1);
    let lines: Vec<String> = pairs
        .iter()
        .map(|(key, value)| format!("{inner}{}: {value}", serde_json::Value::from(*key)))
        .collect();
    format!("{{\n{}\n{}}}", lines.join(",\n"), "  ".repeat(depth))
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
        // TypeScript and bundlers take the first matching condition.
        let main = text
            .find("\"types\": \"./ketamine-tms-widget.d.ts\"")
            .unwrap();
        assert!(main < text.find("\"default\"").unwrap(), "{text}");
    }
}
