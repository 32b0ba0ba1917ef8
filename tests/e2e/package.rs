//! End-to-end tests of the npm package in `dist/`: its TypeScript declarations type-check a
//! typed sample for the plain DOM, React 19, Preact and Solid (and reject wrong values), and
//! the packed tarball works in a small React app bundled with esbuild, in a real browser.

use crate::support::browser;
use std::path::PathBuf;
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
pub fn run_ok(program: &std::path::Path, args: &[&str], dir: &std::path::Path) -> String {
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
