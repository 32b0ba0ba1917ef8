//! `cargo xtask <verb>`: build, bundle, serve, test and benchmark the widget with nothing but
//! cargo (and, for tests, Debian's browsers). Every verb installs what it is missing first.

mod configure;
mod dist;
mod lighthouse;
mod package;
mod prerender;
mod setup;
mod size;
mod types;

#[path = "../../tests/support/static_server.rs"]
mod static_server;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The result type of every step: an error is one readable sentence.
pub type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "usage: cargo xtask <verb>

  serve   set up, build dist/ and serve it at http://127.0.0.1:8080 (KTW_PORT to change)
  test    set up and run every check: fmt, clippy (native + wasm32), native tests,
          wasm-bindgen tests in Chromium and Firefox, end-to-end tests of dist/ in
          Chromium, Firefox and WebKit
  dist    build dist/ (release wasm, bindgen, one-file script, pages) and print sizes
  bench   build dist/ and print one JSON line of sizes (the wasm's sections, its largest
          items by twiggy, the content's floor), browser timings and Lighthouse runs
          (`bench lighthouse`: the sizes and the Lighthouse runs only; `bench size`:
          the sizes only)
  setup   install what the tests need (wasm32 target, wasm-bindgen-cli, three browser
          engines and their drivers, axe-core)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verb = args.first().map(String::as_str).unwrap_or("");
    let result = match verb {
        "dist" => setup::build_tools().and_then(|()| dist::build().map(|_| ())),
        "serve" => serve(),
        "test" => test(),
        "bench" => bench(args.get(1).map(String::as_str).unwrap_or("")),
        "setup" => setup::build_tools().and_then(|()| setup::test_tools()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask {verb}: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// Runs a command in the repository root, echoing it, and fails if it fails.
pub fn run(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result {
    eprintln!("\n$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|err| format!("could not start `{program}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

fn serve() -> Result {
    setup::build_tools()?;
    let dist = dist::build()?;
    let port: u16 = std::env::var("KTW_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let site = static_server::Site {
        root: dist,
        ..Default::default()
    };
    let address = static_server::start(site, port).map_err(|err| {
        format!("could not listen on 127.0.0.1:{port} ({err}); set KTW_PORT to another port")
    })?;
    println!("\nServing dist/ at http://{address}/");
    println!("  patient page:  http://{address}/index.html");
    println!("  embed demo:    http://{address}/demo.html");
    println!("  offline file:  dist/offline.html (open it from disk)");
    println!("Press Ctrl+C to stop.");
    loop {
        std::thread::park();
    }
}

fn test() -> Result {
    setup::build_tools()?;
    setup::test_tools()?;
    let path = setup::path_with_tools();
    let env = [("PATH", path.as_str()), ("RUSTFLAGS", "-D warnings")];
    run("cargo", &["fmt", "--all", "--check"], &[])?;
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    // `--all-targets` leaves out the targets with `test = false` (the end-to-end suites and
    // the browser benchmark), so they are linted by name.
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "ketamine-tms-widget",
            "--test",
            "e2e",
            "--test",
            "bench",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    run(
        "cargo",
        &[
            "clippy",
            "--lib",
            "--test",
            "browser",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "ketamine-tms-widget",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    dist::build()?;
    run("cargo", &["test", "--workspace"], &env)?;
    // wasm-bindgen-test-runner takes the browser from the driver variable it finds set.
    let chromedriver = setup::which("chromedriver")
        .ok_or("chromedriver is not installed (run `cargo xtask setup`)")?;
    let geckodriver = root().join(".tools/bin/geckodriver");
    let geckodriver = geckodriver.to_string_lossy();
    for driver in [
        ("CHROMEDRIVER", chromedriver.as_str()),
        ("GECKODRIVER", geckodriver.as_ref()),
    ] {
        run(
            "cargo",
            &[
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "ketamine-tms-widget",
                "--test",
                "browser",
            ],
            &[env[0], env[1], driver],
        )?;
    }
    // The end-to-end target (`test = false`, so the plain `cargo test` above leaves it out),
    // `threads` tests at a time; `--show-output` shows what a test
    // skipped in an engine (a step that needs Chromium's DevTools).
    let e2e = |threads: &'static str| {
        [
            "test",
            "--test",
            "e2e",
            "--",
            "--test-threads",
            threads,
            "--show-output",
        ]
    };
    run(
        "cargo",
        &e2e("2"),
        &[env[0], env[1], ("KTW_BROWSER", "chromium")],
    )?;
    run(
        "cargo",
        &e2e("2"),
        &[env[0], env[1], ("KTW_BROWSER", "firefox")],
    )?;
    // WebKitWebDriver's MiniBrowser needs a display, and without one it hangs instead of
    // failing: give it Xvfb and bound the whole run. One test at a time, because two
    // MiniBrowser windows on one display take the window focus from each other, and a page
    // without it draws no keyboard focus ring.
    let webkit: Vec<&str> = ["--kill-after=30", "1200", "xvfb-run", "-a", "cargo"]
        .into_iter()
        .chain(e2e("1"))
        .collect();
    run(
        "timeout",
        &webkit,
        &[env[0], env[1], ("KTW_BROWSER", "webkit")],
    )?;
    println!("\nxtask test: every check passed.");
    Ok(())
}

fn bench(only: &str) -> Result {
    setup::build_tools()?;
    if only != "size" {
        setup::test_tools()?;
    }
    setup::twiggy()?;
    let dist = dist::build()?;
    let sizes = dist::sizes_json(&dist)?;
    let wasm = size::report(&dist)?;
    if only == "size" {
        println!("{}", serde_json::json!({ "sizes": sizes, "wasm": wasm }));
        return Ok(());
    }
    if only == "lighthouse" {
        let report =
            serde_json::json!({ "sizes": sizes, "wasm": wasm, "lighthouse": lighthouse::runs() });
        println!("{report}");
        return Ok(());
    }
    let path = setup::path_with_tools();
    let output = Command::new("cargo")
        .args([
            "test",
            "--test",
            "bench",
            "--",
            "--nocapture",
            "--test-threads",
            "1",
        ])
        .env("PATH", &path)
        .current_dir(root())
        .output()
        .map_err(|err| format!("could not start the browser benchmark: {err}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        eprintln!("{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
        return Err("the browser benchmark failed".to_string());
    }
    let timings = stdout
        .lines()
        // libtest prints `test bench ... ` on the same line before the test's own output.
        .find_map(|line| line.split_once("BENCH ").map(|(_, json)| json))
        .ok_or("the benchmark printed no BENCH line")?;
    let timings: serde_json::Value = serde_json::from_str(timings)
        .map_err(|err| format!("the benchmark line is not JSON: {err}"))?;
    let report = serde_json::json!({ "sizes": sizes, "wasm": wasm, "browser": timings, "lighthouse": lighthouse::runs() });
    println!("{report}");
    Ok(())
}
