//! The Lighthouse half of `cargo xtask bench`: mobile-preset runs (simulated slow 4G and 4×
//! CPU) of the patient page and of a realistic clinic page with and without the widget, served
//! gzip-encoded from loopback, through npm's `lighthouse` in `tests/` and Debian's Chromium. A
//! run that fails is reported with its reason; it never fails the bench.

use crate::static_server::{self, Site};
use crate::{root, setup};
use serde_json::{json, Value};
use std::io::Write;
use std::process::Command;

/// How many times the patient page is measured.
const PATIENT_RUNS: usize = 3;

/// The widget element on the clinic page, as a clinic would paste it.
const WIDGET: &str = r#"<ketamine-tms-widget clinic-name="Riverside Mental Health" phone="+1 555 010 2030"></ketamine-tms-widget>"#;

/// The script tag, as a clinic would paste it (same origin here; the CDN case only adds a
/// connection).
const SCRIPT: &str = r#"<script src="ketamine-tms-widget.js" defer></script>"#;

/// The loader setting that starts every widget at once, as the loader did before lazy start.
const START_NOW: &str = r#"<script>window.KetamineTmsWidget = { startWhen: "now" };</script>"#;

/// The loader setting that starts a far widget only when it is scrolled near (never at idle),
/// which shows what the download and background compile alone cost.
const START_NEAR: &str = r#"<script>window.KetamineTmsWidget = { startWhen: "near" };</script>"#;

/// The README's reservation for a widget near the top of a page, in the page's own CSS.
const RESERVE: &str =
    "<style>ketamine-tms-widget { display: block; min-height: min(100vh, 60em); }</style>";

/// One clinic-page variant: its name and the text for each placeholder of `clinic.html`.
struct Variant {
    name: &'static str,
    above: &'static str,
    below: &'static str,
    script: &'static str,
    hook: &'static str,
}

const CLINIC: [Variant; 6] = [
    Variant {
        name: "clinic_without_widget",
        above: "",
        below: "",
        script: "",
        hook: "",
    },
    Variant {
        name: "clinic_widget_below_fold",
        above: "",
        below: WIDGET,
        script: SCRIPT,
        hook: "",
    },
    Variant {
        name: "clinic_widget_below_fold_started_at_once",
        above: "",
        below: WIDGET,
        script: SCRIPT,
        hook: START_NOW,
    },
    Variant {
        name: "clinic_widget_below_fold_not_started",
        above: "",
        below: WIDGET,
        script: SCRIPT,
        hook: START_NEAR,
    },
    Variant {
        name: "clinic_widget_above_fold",
        above: WIDGET,
        below: "",
        script: SCRIPT,
        hook: "",
    },
    Variant {
        name: "clinic_widget_above_fold_room_reserved",
        above: WIDGET,
        below: "",
        script: SCRIPT,
        hook: RESERVE,
    },
];

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    // Writing into a Vec cannot fail; an empty body would only make that run's numbers wrong.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Starts one gzip server over `dist/` (the patient page) and `tests/pages` (the clinic page
/// and its image) with the variant's placeholders filled.
fn serve(replacements: Vec<(String, String)>) -> crate::Result<String> {
    let site = Site {
        root: root().join("tests/pages"),
        fallback: Some(root().join("dist")),
        replacements,
        gzip: Some(gzip),
        ..Default::default()
    };
    let address = static_server::start(site, 0)
        .map_err(|err| format!("could not start the Lighthouse server: {err}"))?;
    Ok(format!("http://{address}"))
}

/// Every run, as one JSON object: `{ name: [run, ...] }`, each run its figures or its error.
pub fn runs() -> Value {
    let cli = root().join("tests/node_modules/lighthouse/cli/index.js");
    if !cli.is_file() {
        return json!({ "error": "tests/node_modules has no lighthouse: run `npm ci --prefix tests`" });
    }
    let Some(chrome) = setup::which("chromium") else {
        return json!({ "error": "Chromium is not installed (run `cargo xtask setup`)" });
    };
    let mut report = serde_json::Map::new();
    let patient = match serve(Vec::new()) {
        Ok(origin) => (0..PATIENT_RUNS)
            .map(|_| run(&cli, &chrome, &format!("{origin}/index.html")))
            .collect(),
        Err(err) => vec![json!({ "error": err })],
    };
    report.insert("patient_page".to_string(), Value::Array(patient));
    for variant in &CLINIC {
        let fill = [
            ("ABOVE", variant.above),
            ("BELOW", variant.below),
            ("SCRIPT", variant.script),
            ("HOOK", variant.hook),
        ]
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
        let result = match serve(fill) {
            Ok(origin) => run(&cli, &chrome, &format!("{origin}/clinic.html")),
            Err(err) => json!({ "error": err }),
        };
        report.insert(variant.name.to_string(), json!([result]));
    }
    Value::Object(report)
}

/// One Lighthouse run of `url`: score, LCP, TBT, CLS and FCP, or why it failed.
fn run(cli: &std::path::Path, chrome: &str, url: &str) -> Value {
    eprintln!("\n$ lighthouse {url}");
    let output = Command::new("node")
        .arg(cli)
        .arg(url)
        .args([
            "--only-categories=performance",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox",
        ])
        .env("CHROME_PATH", chrome)
        .current_dir(root())
        .output();
    let output = match output {
        Ok(output) => output,
        Err(err) => return json!({ "error": format!("could not start node: {err}") }),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last_line = stderr.lines().last().unwrap_or("").to_string();
    if !output.status.success() {
        return json!({ "error": format!("lighthouse failed ({}): {last_line}", output.status) });
    }
    let lhr: Value = match serde_json::from_slice(&output.stdout) {
        Ok(lhr) => lhr,
        Err(err) => return json!({ "error": format!("lighthouse printed no JSON report: {err}") }),
    };
    if let Some(error) = lhr.pointer("/runtimeError/message").and_then(Value::as_str) {
        return json!({ "error": format!("lighthouse: {error}") });
    }
    let audit = |id: &str| {
        lhr.pointer(&format!("/audits/{id}/numericValue"))
            .and_then(Value::as_f64)
    };
    let score = lhr
        .pointer("/categories/performance/score")
        .and_then(Value::as_f64);
    let Some(score) = score else {
        return json!({ "error": "lighthouse gave no performance score (see its report's warnings)",
                       "warnings": lhr.get("runWarnings") });
    };
    json!({
        "score": (score * 100.0).round(),
        "lcp_ms": audit("largest-contentful-paint").map(f64::round),
        "tbt_ms": audit("total-blocking-time").map(f64::round),
        "cls": audit("cumulative-layout-shift").map(|v| (v * 1000.0).round() / 1000.0),
        "fcp_ms": audit("first-contentful-paint").map(f64::round),
        // Lighthouse's own CPU yardstick for the machine during this run: lower means a
        // busier machine, so the simulated 4x figures (TBT above all) read worse.
        "benchmark_index": lhr.pointer("/environment/benchmarkIndex").and_then(Value::as_f64).map(f64::round),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reserved_room_is_the_readmes_rule_here_and_on_the_test_page() {
        let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
        let rule = crate::configure::room_rule(&readme).unwrap();
        assert_eq!(RESERVE, format!("<style>{rule}</style>"));
        let page =
            std::fs::read_to_string(crate::root().join("tests/pages/above-fold.html")).unwrap();
        assert!(
            page.contains(&rule),
            "tests/pages/above-fold.html holds {rule}"
        );
    }
}
