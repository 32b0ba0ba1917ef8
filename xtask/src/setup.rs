//! Installing what the build and the tests need, only when it is missing: the wasm32 target,
//! `wasm-bindgen-cli` at the Cargo.lock version, geckodriver and (for the benchmark only)
//! twiggy under `.tools/`, three browser engines from Debian (Chromium, Firefox ESR, WebKitGTK
//! with Xvfb), and axe-core and lighthouse from npm.
//! Nothing downloads a prebuilt binary or browser.

use crate::{root, run, Result};
use std::path::Path;
use std::process::Command;

/// The wasm-bindgen version this xtask's bindgen library was built for.
pub const BINDGEN_VERSION: &str = "0.2.130";

/// Makes sure the release wasm can be built: the target is installed and versions agree.
pub fn build_tools() -> Result {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if !installed {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"], &[])?;
    }
    check_lock_version()
}

/// Fails unless Cargo.lock's `wasm-bindgen` is the version the bindgen library expects.
pub fn check_lock_version() -> Result {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|err| format!("cannot read Cargo.lock: {err}"))?;
    let version =
        lock_version(&lock, "wasm-bindgen").ok_or("Cargo.lock has no wasm-bindgen entry")?;
    if version != BINDGEN_VERSION {
        return Err(format!(
            "Cargo.lock has wasm-bindgen {version} but the xtask's wasm-bindgen-cli-support is {BINDGEN_VERSION}; keep them equal (Cargo.toml pins `=`)"
        ));
    }
    Ok(())
}

/// The version of package `name` in a Cargo.lock text.
pub fn lock_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let next = lines.next()?;
            return next
                .trim()
                .strip_prefix("version = \"")
                .and_then(|rest| rest.strip_suffix('"'))
                .map(str::to_string);
        }
    }
    None
}

/// PATH with the project's `.tools/bin` first, so the test runner finds its tools.
pub fn path_with_tools() -> String {
    let tools = root().join(".tools/bin");
    let path = std::env::var("PATH").unwrap_or_default();
    format!("{}:{path}", tools.display())
}

/// Installs the test tools that are missing.
pub fn test_tools() -> Result {
    wasm_bindgen_cli()?;
    browsers()?;
    npm_packages()
}

fn wasm_bindgen_cli() -> Result {
    let runner = root().join(".tools/bin/wasm-bindgen");
    let current = Command::new(&runner)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .unwrap_or_default();
    if current == format!("wasm-bindgen {BINDGEN_VERSION}") {
        return Ok(());
    }
    eprintln!(
        "Installing wasm-bindgen-cli {BINDGEN_VERSION} into .tools/ (about 3 minutes, once)."
    );
    // `--locked` fails here: one locked dependency of the CLI is missing from the registry.
    let tools = root().join(".tools");
    let tools = tools.to_string_lossy();
    run(
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            BINDGEN_VERSION,
            "--root",
            &tools,
        ],
        &[],
    )
}

/// The twiggy version the size report is read with.
const TWIGGY_VERSION: &str = "0.8.0";

/// Builds twiggy, the wasm size profiler, into `.tools/` from crates.io (about a minute,
/// once). Only `cargo xtask bench` needs it, so the tests never wait for it.
pub fn twiggy() -> Result {
    let twiggy = root().join(".tools/bin/twiggy");
    let current = Command::new(&twiggy)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .unwrap_or_default();
    if current.ends_with(TWIGGY_VERSION) {
        return Ok(());
    }
    eprintln!("Building twiggy {TWIGGY_VERSION} into .tools/ (about a minute, once).");
    let tools = root().join(".tools");
    let tools = tools.to_string_lossy();
    run(
        "cargo",
        &[
            "install",
            "twiggy",
            "--version",
            TWIGGY_VERSION,
            "--root",
            &tools,
        ],
        &[],
    )
}

/// The full path of `program` on PATH, if it is installed.
pub fn which(program: &str) -> Option<String> {
    let output = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (!path.is_empty()).then_some(path)
}

fn has(program: &str) -> bool {
    which(program).is_some()
}

/// The Debian packages behind each program the browser tests start.
const BROWSER_PACKAGES: [(&str, &str); 5] = [
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("firefox-esr", "firefox-esr"),
    ("WebKitWebDriver", "webkit2gtk-driver"),
    ("xvfb-run", "xvfb"),
];

/// Installs the three engines and their drivers: Chromium and chromedriver, Firefox ESR and
/// geckodriver (built from crates.io, as no prebuilt one may be downloaded), WebKitGTK's
/// WebKitWebDriver and Xvfb for the display its MiniBrowser needs.
fn browsers() -> Result {
    let missing: Vec<&str> = BROWSER_PACKAGES
        .iter()
        .filter(|(program, _)| !has(program))
        .map(|(_, package)| *package)
        .collect();
    if !missing.is_empty() {
        apt_install(&missing)?;
    }
    geckodriver()?;
    spanish_locale()
}

/// `apt-get install`s `packages`.
fn apt_install(packages: &[&str]) -> Result {
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    as_root("apt-get", &["update", "-qq"], &env)?;
    let install: Vec<&str> = ["install", "-y", "-qq"]
        .into_iter()
        .chain(packages.iter().copied())
        .collect();
    as_root("apt-get", &install, &env)
}

/// Runs a system command as root: directly when this user is root, else through sudo, else
/// fails with the command a person can run.
fn as_root(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result {
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false);
    if is_root {
        return run(program, args, env);
    }
    if has("sudo") {
        let with_sudo: Vec<&str> = [program].into_iter().chain(args.iter().copied()).collect();
        return run("sudo", &with_sudo, env);
    }
    Err(format!(
        "the browser tests need a system change this user cannot make; run as root: {program} {}",
        args.join(" ")
    ))
}

/// Builds geckodriver into `.tools/` from crates.io (about 2 minutes, once).
fn geckodriver() -> Result {
    if root().join(".tools/bin/geckodriver").is_file() {
        return Ok(());
    }
    eprintln!("Building geckodriver into .tools/ (about 2 minutes, once).");
    let tools = root().join(".tools");
    let tools = tools.to_string_lossy();
    run(
        "cargo",
        &["install", "--locked", "geckodriver", "--root", &tools],
        &[],
    )
}

/// WebKitGTK takes a page's language from the system locale, so the test of a Spanish-speaking
/// browser needs one: es_MX.UTF-8 (Latin American Spanish), generated when missing.
fn spanish_locale() -> Result {
    let present = Command::new("locale")
        .arg("-a")
        .output()
        .map(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .any(|line| line.eq_ignore_ascii_case("es_MX.utf8"))
        })
        .unwrap_or(false);
    if present {
        return Ok(());
    }
    if !std::path::Path::new("/usr/share/i18n/locales/es_MX").is_file() {
        apt_install(&["locales"])?;
    }
    as_root(
        "localedef",
        &["-i", "es_MX", "-f", "UTF-8", "es_MX.UTF-8"],
        &[],
    )
}

/// The npm packages in `tests/`: axe-core for the accessibility tests and lighthouse for the
/// benchmark, and the rest `tests/package.json` lists. They are installed again whenever the
/// lockfile is newer than the last install (npm writes `node_modules/.package-lock.json` each
/// time), so a package added to the list is never missing.
fn npm_packages() -> Result {
    let modules = root().join("tests/node_modules");
    let modified = |path: &Path| {
        std::fs::metadata(path)
            .and_then(|meta| meta.modified())
            .ok()
    };
    let up_to_date = match (
        modified(&root().join("tests/package-lock.json")),
        modified(&modules.join(".package-lock.json")),
    ) {
        (Some(lock), Some(installed)) => installed >= lock,
        _ => false,
    };
    if up_to_date
        && modules.join("axe-core/axe.min.js").is_file()
        && modules.join("lighthouse/cli/index.js").is_file()
        && modules.join(".bin/tsc").is_file()
        && modules.join(".bin/esbuild").is_file()
    {
        return Ok(());
    }
    if !has("npm") {
        return Err("npm is missing; it installs axe-core for the accessibility tests (apt-get install -y npm)".to_string());
    }
    run(
        "npm",
        &["ci", "--prefix", "tests", "--no-audit", "--no-fund"],
        &[],
    )
}
