//! `cargo xtask dist`: release wasm (cdylib only), bindgen as a library, then one classic
//! script with the gzip-compressed wasm and the stylesheet inside, the patient page, the
//! offline page and the demo page; prints sizes and the script's SRI hash.

use crate::{root, run, Result};
use base64::Engine;
use sha2::Digest;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file names of the script: a stable one and one pinned to the version.
pub const SCRIPT: &str = "ketamine-tms-widget.js";
const SCRIPT_TAG: &str = "<script src=\"ketamine-tms-widget.js\" defer></script>";
/// Where `index.html` takes the crisis sentence for browsers that run no scripts.
const CRISIS_MARKER: &str = "<!--@CRISIS@-->";

/// Builds `dist/` and returns its path.
pub fn build() -> Result<PathBuf> {
    let root = root();
    run(
        "cargo",
        &[
            "rustc",
            "--lib",
            "--crate-type",
            "cdylib",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "ketamine-tms-widget",
        ],
        &[],
    )?;
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"));
    let wasm = target.join("wasm32-unknown-unknown/release/ketamine_tms_widget.wasm");
    let bindgen_dir = target.join("xtask-bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_dir);
    std::fs::create_dir_all(&bindgen_dir)
        .map_err(|err| format!("cannot create {}: {err}", bindgen_dir.display()))?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .out_name("widget")
        .no_modules(true)
        .and_then(|b| b.no_modules_global("__ktw"))
        .map_err(|err| format!("bindgen setup failed: {err}"))?
        .typescript(false)
        .remove_name_section(true)
        .remove_producers_section(true)
        .generate(&bindgen_dir)
        .map_err(|err| format!("bindgen failed: {err}"))?;
    let glue = read(&bindgen_dir.join("widget.js"))?;
    let wasm_bytes = std::fs::read(bindgen_dir.join("widget_bg.wasm"))
        .map_err(|err| format!("cannot read the wasm: {err}"))?;
    let css = minify_css(&stylesheets(&root.join("style"))?);
    let loader = loader_source(&root)?;
    let version = env!("CARGO_PKG_VERSION");
    let script = assemble(&loader, &glue, &css, &zopfli_gzip(&wasm_bytes)?, version)?;

    let dist = root.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|err| format!("cannot create dist/: {err}"))?;
    write(&dist.join(SCRIPT), script.as_bytes())?;
    write(
        &dist.join(format!("ketamine-tms-widget-{version}.js")),
        script.as_bytes(),
    )?;
    let index = read(&root.join("index.html"))?;
    if !index.contains(SCRIPT_TAG) {
        return Err(format!(
            "index.html must load the widget with exactly `{SCRIPT_TAG}`"
        ));
    }
    // Browsers that run no scripts (or have no WebAssembly) get a static copy of the
    // comparison inside the element, styled by the same stylesheet placed in the page; the
    // live widget's shadow root hides it once the app has drawn.
    if !index.contains(CRISIS_MARKER) {
        return Err(format!("index.html lost its `{CRISIS_MARKER}` marker"));
    }
    let index =
        crate::prerender::into_patient_page(&index.replace(CRISIS_MARKER, &crisis_html()), &css)?;
    write(&dist.join("index.html"), index.as_bytes())?;
    let inline = format!(
        "<script>\n{}\n</script>",
        script.replace("</script", "<\\/script")
    );
    let offline = index
        .replace(SCRIPT_TAG, &inline)
        .replace("<title>", "<title>(Offline) ");
    write(&dist.join("offline.html"), offline.as_bytes())?;
    let demo = read(&root.join("xtask/pages/demo.html"))?
        .replace("{{VERSION}}", version)
        .replace("{{INTEGRITY}}", &integrity(script.as_bytes()));
    write(&dist.join("demo.html"), demo.as_bytes())?;
    write(&dist.join("widget.wasm"), &wasm_bytes)?;
    write(&dist.join("evidence.html"), evidence_page()?.as_bytes())?;
    crate::package::write(&dist, script.as_bytes())?;

    println!("\ndist/ artefacts (bytes):");
    println!(
        "{:<40} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    for name in [
        SCRIPT,
        "index.html",
        "offline.html",
        "demo.html",
        "evidence.html",
        "widget.wasm",
    ] {
        let bytes =
            std::fs::read(dist.join(name)).map_err(|err| format!("cannot read {name}: {err}"))?;
        let (raw, gz, br) = sizes(&bytes)?;
        println!("{name:<40} {raw:>10} {gz:>10} {br:>10}");
    }
    println!("\nwidget.wasm is the bare module for size tracking; the script already contains it.");
    println!(
        "SRI for {SCRIPT} and ketamine-tms-widget-{version}.js:\n  integrity=\"{}\"",
        integrity(script.as_bytes())
    );
    Ok(dist)
}

/// The clinicians' evidence table: every claim and figure with its quote and source, read
/// from the data files (the widget's compiled copy leaves the quotes out).
fn evidence_page() -> Result<String> {
    let evidence = ketamine_tms_widget::content::Evidence::bundled().map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        format!("the bundled evidence is invalid:\n{}", lines.join("\n"))
    })?;
    Ok(ketamine_tms_widget::content::evidence_table(&evidence))
}

/// Raw, gzip -9 and brotli 11 sizes of the main artefacts as JSON, for the benchmark.
pub fn sizes_json(dist: &Path) -> Result<serde_json::Value> {
    let mut report = serde_json::Map::new();
    for name in [SCRIPT, "offline.html", "widget.wasm"] {
        let bytes =
            std::fs::read(dist.join(name)).map_err(|err| format!("cannot read {name}: {err}"))?;
        let (raw, gzip, brotli) = sizes(&bytes)?;
        report.insert(
            name.to_string(),
            serde_json::json!({ "raw": raw, "gzip": gzip, "brotli": brotli }),
        );
    }
    Ok(serde_json::Value::Object(report))
}

/// The loader's own JavaScript files, each put in place of its marker in `loader.js`.
const LOADER_PARTS: [(&str, &str); 3] = [
    ("/*@INFLATE@*/", "src/embed/inflate.js"),
    ("/*@FAILURE@*/", "src/embed/failure.js"),
    ("/*@START@*/", "src/embed/start.js"),
];

/// `src/embed/loader.js` with its parts in place.
fn loader_source(root: &Path) -> Result<String> {
    let mut loader = read(&root.join("src/embed/loader.js"))?;
    for (marker, part) in LOADER_PARTS {
        if !loader.contains(marker) {
            return Err(format!("src/embed/loader.js lost its `{marker}` marker"));
        }
        loader = loader.replace(marker, &read(&root.join(part))?);
    }
    Ok(loader)
}

/// Fills the loader template with the glue, the stylesheet, the compressed wasm and the
/// lists and texts declared in Rust.
fn assemble(
    loader: &str,
    glue: &str,
    css: &str,
    wasm_gzip: &[u8],
    version: &str,
) -> Result<String> {
    for marker in [
        "/*@GLUE@*/",
        "\"@CSS@\"",
        "\"@WASM@\"",
        "@VERSION@",
        "\"@CRISIS@\"",
        "\"@ATTRIBUTES@\"",
    ] {
        if !loader.contains(marker) {
            return Err(format!("the loader's files lost their `{marker}` marker"));
        }
    }
    let css_literal = serde_json::to_string(css).map_err(|err| err.to_string())?;
    let wasm_literal = format!(
        "\"{}\"",
        base64::engine::general_purpose::STANDARD.encode(wasm_gzip)
    );
    Ok(loader
        .replace("@VERSION@", version)
        .replace("\"@CRISIS@\"", &ascii_json(&crisis_literal()))
        .replace("\"@ATTRIBUTES@\"", &attributes_literal())
        .replace("/*@GLUE@*/", glue)
        .replace("\"@CSS@\"", &css_literal)
        .replace("\"@WASM@\"", &wasm_literal))
}

/// Every attribute the loader observes, from the one attribute table, as a JSON array.
fn attributes_literal() -> String {
    serde_json::Value::from(ketamine_tms_widget::config::observed_attributes()).to_string()
}

/// The loader's crisis sentences, from the widget's one source of crisis text, so the
/// message shown without WebAssembly says what the widget says.
fn crisis_literal() -> serde_json::Value {
    use ketamine_tms_widget::crisis;
    let mut words = serde_json::Map::new();
    for (lang, us, own) in crisis::loader_templates() {
        words.insert(
            lang.tag().to_string(),
            serde_json::json!({ "us": us, "own": own }),
        );
    }
    words.insert("line".to_string(), crisis::US_CRISIS_LINE.into());
    words.insert("emergency".to_string(), crisis::US_EMERGENCY.into());
    serde_json::Value::Object(words)
}

/// `value` as JSON with every character outside ASCII escaped (`\u00e1`), as the loader's own
/// words are written, so a page served in another encoding still reads the script right.
fn ascii_json(value: &serde_json::Value) -> String {
    let mut out = String::new();
    for ch in value.to_string().chars() {
        if ch.is_ascii() {
            out.push(ch);
        } else {
            let mut units = [0_u16; 2];
            for unit in ch.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

/// The US crisis sentence as HTML, for the patient page's `<noscript>` note.
fn crisis_html() -> String {
    use ketamine_tms_widget::crisis::Piece;
    let help = ketamine_tms_widget::config::Config::default()
        .crisis_help(ketamine_tms_widget::content::Lang::En);
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    help.banner()
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => escape(&text),
            Piece::Call { dial, text } => {
                format!("<a href=\"tel:{}\">{}</a>", escape(&dial), escape(&text))
            }
        })
        .collect()
}

/// Every `.css` file in `style/`: `widget.css` first, then the rest by name.
fn stylesheets(dir: &Path) -> Result<String> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|err| format!("cannot read {}: {err}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "css"))
        .collect();
    names.sort_by_key(|path| {
        (
            path.file_name().is_none_or(|name| name != "widget.css"),
            path.clone(),
        )
    });
    let mut css = String::new();
    for path in names {
        css.push_str(&read(&path)?);
        css.push('\n');
    }
    Ok(css)
}

/// Drops comments and folds white space; the stylesheet stays readable in `style/`.
fn minify_css(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => {
                rest = "";
            }
        }
    }
    without_comments.push_str(rest);
    without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|err| err.to_string())?;
    encoder.finish().map_err(|err| err.to_string())
}

/// The smallest gzip we can make of the wasm: the same format as [`gzip`], so the browser's
/// `DecompressionStream` and the loader's own inflater read it, about 5 % smaller, at the
/// cost of about 40 seconds of build time.
fn zopfli_gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    // Up to 60 blocks (each with its own Huffman tables) instead of 15: 2.3 KB smaller for 17 s
    // more. 120 blocks gain nothing more, and 50 iterations instead of 15 gain 72 bytes for a
    // minute more.
    let options = zopfli::Options {
        maximum_block_splits: 60,
        ..zopfli::Options::default()
    };
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)
        .map_err(|err| format!("cannot compress the wasm: {err}"))?;
    Ok(out)
}

fn sizes(bytes: &[u8]) -> Result<(usize, usize, usize)> {
    let gz = gzip(bytes)?.len();
    let mut br = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
        writer.write_all(bytes).map_err(|err| err.to_string())?;
    }
    Ok((bytes.len(), gz, br.len()))
}

/// The Subresource Integrity value (`sha384-…`) of `bytes`.
pub fn integrity(bytes: &[u8]) -> String {
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read {}: {err}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result {
    std::fs::write(path, bytes).map_err(|err| format!("cannot write {}: {err}", path.display()))
}
