//! The size half of `cargo xtask bench`: the shipped wasm's code, data and other sections (raw
//! and compressed), the largest functions and the bytes of each crate by `twiggy`, and the
//! floor, which is the compiled content (both languages) compressed on its own.

use crate::{root, Result};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How many of the largest items the report lists.
const TOP: usize = 25;

/// The size report of `dist/widget.wasm` and of the content, as JSON; the twiggy list is also
/// printed to stderr as a table for people.
pub fn report(dist: &Path) -> Result<serde_json::Value> {
    let wasm = std::fs::read(dist.join("widget.wasm"))
        .map_err(|err| format!("cannot read dist/widget.wasm: {err}"))?;
    let content = ketamine_tms_widget::content::Bundle::compiled_bytes();
    let named = named_wasm()?;
    let items = twiggy_items(&named)?;
    eprintln!("\nThe largest items of the wasm (twiggy top, bytes before compression):");
    for (name, bytes) in items.iter().take(TOP) {
        eprintln!("{bytes:>9}  {name}");
    }
    let top: Vec<serde_json::Value> = items
        .iter()
        .take(TOP)
        .map(|(name, bytes)| serde_json::json!({ "name": name, "bytes": bytes }))
        .collect();
    Ok(serde_json::json!({
        "sections": sections(&wasm)?,
        "floor_content_both_languages": measure(content)?,
        "by_crate": by_crate(&items),
        "twiggy_top": top,
    }))
}

/// Raw, gzip -9 and brotli 11 sizes of `bytes`.
fn measure(bytes: &[u8]) -> Result<serde_json::Value> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes).map_err(|err| err.to_string())?;
    let gzip = gzip.finish().map_err(|err| err.to_string())?.len();
    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        writer.write_all(bytes).map_err(|err| err.to_string())?;
    }
    Ok(serde_json::json!({ "raw": bytes.len(), "gzip": gzip, "brotli": brotli.len() }))
}

/// The code section, the data section and everything else (types, imports, exports, the
/// table), each measured alone, read by `wasmparser` rather than by hand.
pub fn sections(wasm: &[u8]) -> Result<serde_json::Value> {
    let mut code = Vec::new();
    let mut data = Vec::new();
    let mut other_sections = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|err| format!("dist/widget.wasm does not parse: {err}"))?;
        let (into, range) = match &payload {
            wasmparser::Payload::CodeSectionStart { range, .. } => (&mut code, range.clone()),
            wasmparser::Payload::DataSection(reader) => (&mut data, reader.range()),
            other => match other.as_section() {
                Some((_, range)) => (&mut other_sections, range),
                None => continue,
            },
        };
        let bytes = wasm
            .get(range)
            .ok_or("a section of dist/widget.wasm runs past its end")?;
        into.extend_from_slice(bytes);
    }
    Ok(serde_json::json!({
        "code": measure(&code)?,
        "data": measure(&data)?,
        "other": measure(&other_sections)?,
    }))
}

/// The cargo output put through bindgen like the shipped wasm, but keeping the function names
/// so that twiggy can tell what each function is; written to `target/xtask-bindgen-names/`.
fn named_wasm() -> Result<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"));
    let wasm = target.join("wasm32-unknown-unknown/release/ketamine_tms_widget.wasm");
    let out = target.join("xtask-bindgen-names");
    let _ = std::fs::remove_dir_all(&out);
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("widget")
        .no_modules(true)
        .and_then(|b| b.no_modules_global("__ktw"))
        .map_err(|err| format!("bindgen setup failed: {err}"))?
        .typescript(false)
        .remove_producers_section(true)
        .generate(&out)
        .map_err(|err| format!("bindgen (with names) failed: {err}"))?;
    Ok(out.join("widget_bg.wasm"))
}

/// Every item twiggy finds in `wasm`, largest first, as (name without its hash, bytes); the
/// name section itself is left out, since the shipped wasm has none.
fn twiggy_items(wasm: &Path) -> Result<Vec<(String, u64)>> {
    let twiggy = root().join(".tools/bin/twiggy");
    let output = Command::new(&twiggy)
        .args(["top", "-n", "1000000", "-f", "json"])
        .arg(wasm)
        .output()
        .map_err(|err| format!("could not start {}: {err}", twiggy.display()))?;
    if !output.status.success() {
        return Err(format!(
            "twiggy failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout)
        .map_err(|err| format!("twiggy's output is not JSON: {err}"))?;
    Ok(rows
        .iter()
        .filter_map(|row| {
            let name = row.get("name")?.as_str()?;
            let bytes = row.get("shallow_size")?.as_u64()?;
            (!name.contains("names\" subsection")).then(|| (without_hash(name), bytes))
        })
        .collect())
}

/// `name` without the `::h0123…` hash that rustc appends to each symbol.
fn without_hash(name: &str) -> String {
    match name.rsplit_once("::h") {
        Some((path, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            path.to_string()
        }
        _ => name.to_string(),
    }
}

/// The bytes of each crate's functions, largest first (a list, as JSON objects keep no
/// order), by the first path segment of each name; data segments and wasm-bindgen's own items
/// keep their own rows.
fn by_crate(items: &[(String, u64)]) -> serde_json::Value {
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    for (name, bytes) in items {
        *totals.entry(crate_of(name)).or_default() += bytes;
    }
    let mut totals: Vec<(String, u64)> = totals.into_iter().collect();
    totals.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    totals
        .into_iter()
        .map(|(name, bytes)| serde_json::json!({ "crate": name, "bytes": bytes }))
        .collect()
}

/// The primitive types whose methods live in `core`.
const PRIMITIVES: [&str; 16] = [
    "bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
    "u32", "u64", "usize",
];

/// The crate a symbol belongs to: for `<a::B as c::D>::f` it is `a`, the type's crate, since
/// that is where its code comes from; the widget's own modules are named one level deeper
/// (`ketamine_tms_widget::ui`), the level at which its layers are owned.
fn crate_of(name: &str) -> String {
    if name.starts_with("data segment") || name.starts_with("custom section") {
        return name.to_string();
    }
    let mut rest = name.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    for prefix in ["mut ", "const ", "dyn ", "core::ptr::drop_in_place<"] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    let mut segments = rest.split("::").map(|segment| {
        segment
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("")
            .to_string()
    });
    let first = segments.next().unwrap_or_default();
    if PRIMITIVES.contains(&first.as_str()) {
        return "core".to_string();
    }
    if first.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase()) {
        return "(generic impls, as <T as …>)".to_string();
    }
    if first == "ketamine_tms_widget" {
        return format!("{first}::{}", segments.next().unwrap_or_default());
    }
    if first.is_empty() || !rest.contains("::") {
        return "(no path: wasm-bindgen and the linker)".to_string();
    }
    first
}
