//! End-to-end tests of the configurator, `dist/configure.html`: one field per attribute of the
//! table, a live preview that follows the form, the snippet with the script's SRI hash (as the
//! README's openssl command computes it), the width advice and the CSP line; no inline code,
//! so it runs under the strict policy; zero axe violations; and it works from disk offline.

// The helpers below run outside `#[test]` functions and may fail the test as those do.
#![allow(clippy::expect_used, clippy::panic, clippy::unwrap_used)]

use crate::support::browser::{self, Browser, STRICT_CSP};
use crate::support::engine::Launch;
use crate::support::static_server::{self, Site};
use crate::support::widget_page::{js_string, WidgetPage};
use fantoccini::Locator;
use ketamine_tms_widget::config::ATTRIBUTES;
use serde_json::json;

/// Collects policy violations and errors from now on (the page has no capture script: it is
/// the shipped page, not a test page).
const WATCH: &str = "window.__seen = [];\
    document.addEventListener('securitypolicyviolation', e => window.__seen.push('csp: ' + e.violatedDirective));\
    window.addEventListener('error', e => window.__seen.push('error: ' + e.message)); return true;";

/// The snippet as the page shows it.
async fn snippet(browser: &Browser) -> String {
    let text = browser
        .eval("return document.getElementById('ktw-snippet').textContent;")
        .await;
    text.as_str().unwrap_or("").to_string()
}

/// Waits until the snippet contains `part`.
async fn wait_snippet(browser: &Browser, part: &str) {
    browser
        .wait_until(
            &format!(
                "return document.getElementById('ktw-snippet').textContent.includes({});",
                js_string(part)
            ),
            &format!("the snippet shows {part}"),
        )
        .await;
}

/// Runs axe-core on the whole page, the preview's shadow root included.
async fn page_axe(browser: &Browser) -> Vec<String> {
    let source =
        std::fs::read_to_string(browser::root().join("tests/node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed by `cargo xtask test` (npm ci --prefix tests)");
    browser
        .client
        .execute(&source, vec![])
        .await
        .expect("load axe-core");
    let value = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];\
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>\
               v.id + ': ' + v.help + ' ' + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target)).join(' | ')))).catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(value).expect("read axe results")
}

/// The SRI value of `dist/<name>` by the README's own command.
fn openssl_integrity(name: &str) -> String {
    let path = browser::dist().join(name);
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "openssl dgst -sha384 -binary '{}' | openssl base64 -A",
            path.display()
        ))
        .output()
        .expect("run openssl");
    assert!(output.status.success(), "openssl failed");
    format!("sha384-{}", String::from_utf8_lossy(&output.stdout).trim())
}

#[test]
fn the_configurator_page_has_no_inline_script_or_style() {
    let page = std::fs::read_to_string(browser::dist().join("configure.html"))
        .expect("dist/configure.html is built");
    for tag in page.split("<script").skip(1) {
        let open = tag.split('>').next().unwrap_or("");
        assert!(
            open.contains(" src=") || open.contains("type=\"application/json\""),
            "an inline script: <script{open}>"
        );
    }
    assert!(!page.contains("<style") && !page.contains(" style="));
    assert!(!page.contains("{{"), "a placeholder was left unfilled");
}

#[tokio::test]
async fn the_form_drives_the_preview_and_the_snippet_under_a_strict_policy() {
    let dist = browser::dist();
    let site = static_server::start(
        Site {
            root: dist,
            headers: vec![(
                "/configure.html".to_string(),
                "Content-Security-Policy".to_string(),
                STRICT_CSP.to_string(),
            )],
            head_script: browser::open_shadow(),
            ..Default::default()
        },
        0,
    )
    .expect("start the server");
    let browser = Browser::start().await;
    browser.open(&format!("http://{site}/configure.html")).await;
    browser.eval(WATCH).await;
    let fields = browser
        .eval("return document.querySelectorAll('#ktw-configure-form .field').length;")
        .await;
    assert_eq!(fields, json!(ATTRIBUTES.len()), "one field per attribute");
    let start = snippet(&browser).await;
    let script = format!("ketamine-tms-widget-{}.js", env!("CARGO_PKG_VERSION"));
    let integrity = openssl_integrity(&script);
    for part in [
        &format!("src=\"https://your-site.example/{script}\""),
        &format!("integrity=\"{integrity}\" crossorigin=\"anonymous\" defer"),
        "<ketamine-tms-widget></ketamine-tms-widget>",
        "Width: The widget takes the width",
        "script-src https://your-site.example 'wasm-unsafe-eval';",
        // The README's rule that holds the widget's room near the top of a page, so pasting
        // the snippet there need not move the clinic's text when the widget draws.
        "Near the top of the page: ketamine-tms-widget { display: block; min-height: min(100vh, 60em); }",
    ] {
        assert!(start.contains(part), "the snippet lacks {part}:\n{start}");
    }

    // Typing the clinic's name changes the preview and the snippet (escaped there).
    let name = browser
        .client
        .find(Locator::Css("#ktw-field-clinic-name"))
        .await
        .unwrap();
    name.send_keys("Hill & Dale \"Care\"").await.unwrap();
    WidgetPage::first(&browser)
        .wait_until(
            "const c = root.querySelector('.ktw-clinic'); return !!c && c.textContent === 'Hill & Dale \"Care\"';",
            "the preview shows the clinic's name",
        )
        .await;
    wait_snippet(&browser, "clinic-name=\"Hill &amp; Dale &quot;Care&quot;\"").await;

    // A choice, the offered options and a flag reach the preview's element and the snippet.
    browser
        .client
        .find(Locator::Css("#ktw-field-theme"))
        .await
        .unwrap()
        .select_by_value("dark")
        .await
        .unwrap();
    for id in ["tms", "itbs"] {
        browser
            .client
            .find(Locator::Css(&format!("#ktw-field-offered-{id}")))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    browser
        .client
        .find(Locator::Css("#ktw-field-hide-unoffered"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_snippet(
        &browser,
        "offered=\"tms,itbs\"\n    hide-unoffered\n    theme=\"dark\">",
    )
    .await;
    let host = browser
        .eval("const p = document.getElementById('ktw-preview'); return [p.getAttribute('theme'), p.getAttribute('offered'), p.getAttribute('hide-unoffered')];")
        .await;
    assert_eq!(host, json!(["dark", "tms,itbs", ""]));
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelectorAll('.ktw-picker input[type=checkbox]').length === 2;",
            "the preview hides the options not offered",
        )
        .await;

    // The folder the clinic names goes into the script's address and the policy line.
    let folder = browser
        .client
        .find(Locator::Css("#ktw-script-base"))
        .await
        .unwrap();
    folder.clear().await.unwrap();
    folder
        .send_keys("https://cdn.clinic.example/aid")
        .await
        .unwrap();
    wait_snippet(
        &browser,
        "script-src https://cdn.clinic.example 'wasm-unsafe-eval';",
    )
    .await;
    assert!(snippet(&browser)
        .await
        .contains(&format!("src=\"https://cdn.clinic.example/aid/{script}\"")));

    let violations = page_axe(&browser).await;
    assert!(violations.is_empty(), "axe:\n{}", violations.join("\n"));
    assert_eq!(browser.eval("return window.__seen;").await, json!([]));
    browser.screenshot("configure").await;
    browser.close().await;
}

#[tokio::test]
async fn the_configurator_works_from_disk_with_the_network_off() {
    let browser = Browser::launch(Launch {
        network_off: true,
        ..Launch::default()
    })
    .await;
    browser.open(&browser::disk_page("configure.html")).await;
    browser
        .client
        .find(Locator::Css("#ktw-field-clinic-name"))
        .await
        .unwrap()
        .send_keys("Offline Clinic")
        .await
        .unwrap();
    WidgetPage::first(&browser)
        .wait_until(
            "const c = root.querySelector('.ktw-clinic'); return !!c && c.textContent === 'Offline Clinic';",
            "the preview follows the form offline",
        )
        .await;
    let requests = browser
        .eval("return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith('file:'));")
        .await;
    assert_eq!(requests, json!([]), "the configurator fetched something");
    browser.close().await;
}
