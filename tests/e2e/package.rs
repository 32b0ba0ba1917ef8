//! End-to-end tests of the npm package in `dist/`: its TypeScript declarations type-check a
//! typed sample for the plain DOM, React 19, Preact and Solid (and reject wrong values), and
//! the packed tarball works in a small React app bundled with esbuild, in a real browser.

use crate::support::browser::{self, Browser};
use crate::support::static_server::{self, Site};
use crate::support::widget_page::WidgetPage;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A command-line tool installed by `npm ci --prefix tests`; fails with how to install it.
pub fn node_tool(name: &str) -> PathBuf {
    let tool = browser::root().join("tests/node_modules/.bin").join(name);
    assert!(
        tool.is_file(),
        "{} is missing: run `npm ci --prefix tests` (`cargo xtask test` does)",
        tool.display()
    );
    tool
}

/// Runs `program` with `args` in `dir` and fails with its output unless it succeeds (a test
/// helper, so it may panic as the `#[test]` functions do).
#[allow(clippy::panic)]
pub fn run_ok(program: &Path, args: &[&str], dir: &Path) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|err| panic!("cannot start {}: {err}", program.display()));
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "`{} {}` failed in {}:\n{text}",
        program.display(),
        args.join(" "),
        dir.display()
    );
    text
}

#[test]
fn the_type_declarations_type_check_the_samples_and_reject_wrong_values() {
    let dist = browser::dist();
    for name in [
        "ketamine-tms-widget.d.ts",
        "jsx-react.d.ts",
        "jsx-preact.d.ts",
        "jsx-solid.d.ts",
    ] {
        assert!(dist.join(name).is_file(), "dist/{name} is not built");
    }
    // The declarations where npm puts them, so `exports` and the framework imports resolve.
    let types = browser::root().join("tests/types");
    let installed = types.join("node_modules/ketamine-tms-widget");
    let _ = std::fs::remove_dir_all(&installed);
    std::fs::create_dir_all(&installed).unwrap();
    for name in [
        "package.json",
        "ketamine-tms-widget.d.ts",
        "jsx-react.d.ts",
        "jsx-preact.d.ts",
        "jsx-solid.d.ts",
    ] {
        std::fs::copy(dist.join(name), installed.join(name)).unwrap();
    }
    // Each sample holds lines marked `@ts-expect-error` (a wrong attribute value, an unknown
    // attribute, an unknown detail field): tsc fails if any of them type-checks.
    run_ok(&node_tool("tsc"), &["-p", "."], &types);
}

/// A scratch folder under `target/`, removed when dropped.
pub struct Scratch(pub PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `npm pack` of `dist/` into `scratch`, then `npm install` of the tarball into
/// `tests/react-app` (no registry: the package has no dependencies), then the app
/// type-checked against the installed declarations and bundled with esbuild into `scratch`
/// (a test helper, so it may unwrap as the `#[test]` functions do).
#[allow(clippy::unwrap_used, clippy::expect_used)]
fn build_the_react_app(scratch: &Path) {
    let dist = browser::dist();
    let npm = PathBuf::from("npm");
    let destination = scratch.to_string_lossy().to_string();
    run_ok(
        &npm,
        &["pack", "--pack-destination", &destination, "--silent"],
        &dist,
    );
    let tarball = std::fs::read_dir(scratch)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "tgz"))
        .expect("npm pack wrote a tarball");
    let app = browser::root().join("tests/react-app");
    let _ = std::fs::remove_dir_all(app.join("node_modules"));
    let tarball = tarball.to_string_lossy().to_string();
    run_ok(
        &npm,
        &[
            "install",
            "--no-save",
            "--no-package-lock",
            "--offline",
            "--no-audit",
            "--no-fund",
            &tarball,
        ],
        &app,
    );
    let installed = app.join("node_modules/ketamine-tms-widget");
    for name in [
        "package.json",
        "ketamine-tms-widget.js",
        "ketamine-tms-widget.d.ts",
        "jsx-react.d.ts",
    ] {
        assert!(installed.join(name).is_file(), "the tarball has no {name}");
    }
    run_ok(&node_tool("tsc"), &["-p", "."], &app);
    let outfile = format!("--outfile={}", scratch.join("app.js").display());
    let bundled = run_ok(
        &node_tool("esbuild"),
        &[
            "app.tsx",
            "--bundle",
            "--jsx=automatic",
            "--define:process.env.NODE_ENV=\"production\"",
            &outfile,
            "--log-level=warning",
        ],
        &app,
    );
    // A warning (say, about the order of the package's export conditions) fails the test.
    assert!(bundled.trim().is_empty(), "esbuild warned:\n{bundled}");
    std::fs::copy(app.join("index.html"), scratch.join("index.html")).unwrap();
}

#[tokio::test]
async fn the_packed_tarball_works_in_a_react_app_through_props_events_and_unmount() {
    let scratch = Scratch(browser::root().join(format!("target/react-app-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0).unwrap();
    build_the_react_app(&scratch.0);
    let site = static_server::start(
        Site {
            root: scratch.0.clone(),
            fallback: Some(browser::root().join("tests/pages")),
            head_script: browser::open_shadow(),
            ..Default::default()
        },
        0,
    )
    .expect("start the app's server");
    let browser = Browser::start().await;
    browser.open(&format!("http://{site}/index.html")).await;
    let widget = WidgetPage::by_id(&browser, "aid");
    let clinic = "return root.querySelector('.ktw-clinic').textContent;";
    assert_eq!(
        widget.run(clinic).await,
        serde_json::json!("Riverside Mental Health")
    );

    // New props re-render the same widget: the clinic's name, then the language.
    for (button, condition, what) in [
        (
            "#rename",
            "return root.querySelector('.ktw-clinic').textContent === 'Hillside Clinic';",
            "the new clinic name shows",
        ),
        (
            "#spanish",
            "return root.querySelector('.ktw').getAttribute('lang') === 'es';",
            "the widget speaks Spanish",
        ),
    ] {
        browser
            .client
            .find(fantoccini::Locator::Css(button))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        widget.wait_until(condition, what).await;
    }

    // React hears the widget's events through its `onktw-*` props.
    widget.walk_to_results("no", None).await;
    let heard = |line: &str| {
        format!("return [...document.querySelectorAll('#heard li')].some(li => li.textContent === '{line}');")
    };
    browser
        .wait_until(&heard("ktw-complete"), "React hears ktw-complete")
        .await;
    widget
        .run("const a = root.querySelector('.ktw-cta a[href^=\"tel:\"]'); a.addEventListener('click', e => e.preventDefault()); a.click(); return true;")
        .await;
    browser
        .wait_until(&heard("ktw-cta call"), "React hears ktw-cta")
        .await;

    // Removing the element from React's tree destroys the widget's app.
    browser
        .eval("window.__aid = document.getElementById('aid'); return true;")
        .await;
    browser
        .client
        .find(fantoccini::Locator::Css("#remove"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_until(
            "return !window.__aid.isConnected && window.__ktwRoot(window.__aid).querySelector('.ktw') === null;",
            "the removed widget's app is destroyed",
        )
        .await;
    browser.assert_no_errors().await;
    browser.close().await;
}
