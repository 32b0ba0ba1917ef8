//! The configurator, `dist/configure.html`: the page in `src/configure/` with its data block
//! filled at dist time from the one attribute table (names, kinds, choices, descriptions), the
//! option names, the script's SRI hash, and the README's width advice and CSP line, so none is
//! typed twice. Its script and stylesheet are copied beside it (no inline code).

use crate::{dist, root, types, Result};
use ketamine_tms_widget::config::{Kind, ATTRIBUTES};
use ketamine_tms_widget::content::{Evidence, Lang, OptionId};
use std::path::Path;

/// The files of the configurator in `src/configure/`, copied to `dist/`.
const FILES: [&str; 3] = ["configure.html", "configure.js", "configure.css"];
/// Where the page takes its data.
const DATA_MARKER: &str = "{{DATA}}";
/// The folder the snippet names until the clinic types its own.
const EXAMPLE_FOLDER: &str = "https://your-site.example/";

/// Writes the configurator into `dist`; `script` is the built widget script.
pub fn write(dist: &Path, script: &[u8], version: &str) -> Result {
    let source = root().join("src/configure");
    for name in FILES {
        let text = read(&source.join(name))?;
        let text = if name == "configure.html" {
            if !text.contains(DATA_MARKER) {
                return Err(format!(
                    "src/configure/{name} lost its `{DATA_MARKER}` marker"
                ));
            }
            text.replace(DATA_MARKER, &data_block(script, version)?)
        } else {
            text
        };
        std::fs::write(dist.join(name), text)
            .map_err(|err| format!("cannot write dist/{name}: {err}"))?;
    }
    Ok(())
}

/// The JSON the page reads, safe inside a `<script type="application/json">` element.
fn data_block(script: &[u8], version: &str) -> Result<String> {
    let readme = read(&root().join("README.md"))?;
    let evidence = Evidence::bundled().map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("the bundled evidence is invalid:\n{}", lines.join("\n"))
    })?;
    let options: Vec<serde_json::Value> = OptionId::ALL
        .iter()
        .map(|id| {
            let name = evidence
                .options
                .iter()
                .find(|option| option.id == *id)
                .map_or(id.as_str(), |option| option.name.get(Lang::En));
            serde_json::json!({ "id": id.as_str(), "name": name })
        })
        .collect();
    let data = serde_json::json!({
        "version": version,
        "script": format!("ketamine-tms-widget-{version}.js"),
        "integrity": dist::integrity(script),
        "base": EXAMPLE_FOLDER,
        "csp": csp_line(&readme)?,
        "width": width_advice(&readme)?,
        "room": room_rule(&readme)?,
        "attributes": ATTRIBUTES.iter().map(attribute).collect::<Vec<_>>(),
        "options": options,
        "languages": Lang::ALL.iter().map(|lang| lang.tag()).collect::<Vec<_>>(),
    });
    Ok(data.to_string().replace("</", "<\\/"))
}

/// One attribute as the page's form builds a field from it.
fn attribute(attribute: &ketamine_tms_widget::config::Attribute) -> serde_json::Value {
    let (kind, extra) = match attribute.kind {
        Kind::Text { max_chars } => ("text", serde_json::json!({ "maxChars": max_chars })),
        Kind::Phone => ("phone", serde_json::json!({})),
        Kind::Email => ("email", serde_json::json!({})),
        Kind::HttpsUrl => ("https-url", serde_json::json!({})),
        Kind::OptionIds => ("option-ids", serde_json::json!({})),
        Kind::Flag => ("flag", serde_json::json!({})),
        Kind::Choice { choices, default } => (
            "choice",
            serde_json::json!({ "choices": choices, "default": default }),
        ),
        Kind::Language => ("language", serde_json::json!({})),
        Kind::Colour => ("colour", serde_json::json!({})),
        Kind::CrisisLine => ("crisis-line", serde_json::json!({})),
    };
    let hint = format!(
        "{} A bad value is left out ({}).",
        types::value_doc(attribute.kind),
        attribute.fallback_text()
    )
    .replace('`', "");
    let mut value = serde_json::json!({
        "name": attribute.name,
        "kind": kind,
        "description": attribute.description,
        "hint": hint,
    });
    if let (Some(value), Some(extra)) = (value.as_object_mut(), extra.as_object()) {
        value.extend(extra.clone());
    }
    value
}

/// The README's CSP line: the first code block of its Content-Security-Policy section.
pub fn csp_line(readme: &str) -> Result<String> {
    let section = readme
        .split("\n### Content-Security-Policy\n")
        .nth(1)
        .ok_or("the README has no `### Content-Security-Policy` section")?;
    section
        .split("```")
        .nth(1)
        .map(|block| block.trim().to_string())
        .filter(|line| line.contains("'wasm-unsafe-eval'"))
        .ok_or_else(|| "the README's CSP section lost its code block".to_string())
}

/// The README's width advice: its `**Width.**` bullet, as plain text.
pub fn width_advice(readme: &str) -> Result<String> {
    let start = "- **Width.** ";
    let rest = readme
        .split_once(start)
        .map(|(_, rest)| rest)
        .ok_or("the README lost its `**Width.**` advice")?;
    let end = rest.find("\n- ").unwrap_or(rest.len());
    let text = rest
        .get(..end)
        .unwrap_or(rest)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('`', "")
        .replace("--", "-");
    Ok(text)
}

/// The README's CSS rule that holds a widget's room near the top of a page: the code span in
/// its "hold its room" bullet.
pub fn room_rule(readme: &str) -> Result<String> {
    let bullet = readme
        .split_once("- **A widget near the top of the page: hold its room.**")
        .map(|(_, rest)| rest.split("\n- ").next().unwrap_or(rest))
        .ok_or("the README lost its `hold its room` advice")?;
    bullet
        .split('`')
        .skip(1)
        .step_by(2)
        .find(|code| code.starts_with("ketamine-tms-widget {") && code.ends_with('}'))
        .map(str::to_string)
        .ok_or_else(|| "the README's `hold its room` advice lost its CSS rule".to_string())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readme_gives_the_csp_line_the_room_rule_and_the_width_advice() {
        let readme = read(&root().join("README.md")).unwrap();
        assert_eq!(
            csp_line(&readme).unwrap(),
            "script-src <where the script is served from> 'wasm-unsafe-eval';"
        );
        assert_eq!(
            room_rule(&readme).unwrap(),
            "ketamine-tms-widget { display: block; min-height: min(100vh, 60em); }"
        );
        let width = width_advice(&readme).unwrap();
        assert!(width.starts_with("The widget takes the width"), "{width}");
        assert!(!width.contains("--") && !width.contains('`'), "{width}");
    }

    #[test]
    fn the_data_block_cannot_close_its_script_element() {
        let block = data_block(b"script", "9.9.9").unwrap();
        assert!(!block.contains("</"));
        let data: serde_json::Value = serde_json::from_str(&block).unwrap();
        assert_eq!(
            data["attributes"].as_array().unwrap().len(),
            ATTRIBUTES.len()
        );
        assert_eq!(
            data["integrity"],
            serde_json::json!(dist::integrity(b"script"))
        );
    }
}
