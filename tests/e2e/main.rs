//! The end-to-end tests: the built `dist/` in a real browser over WebDriver (Chromium, Firefox
//! or WebKit, as `KTW_BROWSER` says; `cargo xtask test` runs all three), one module per concern.
//!
//! They need `dist/` and the browsers' drivers, so this target has `test = false` in
//! Cargo.toml: a plain `cargo test` leaves it out by design and says nothing is skipped.
//! `cargo xtask test` builds `dist/`, installs what is missing and runs it with
//! `cargo test --test e2e`.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod access;
mod access2;
mod access3;
mod access4;
mod answering;
mod bootstrap;
mod clear;
mod comparison;
mod configure;
mod crisis;
mod embedding;
mod embedding2;
mod embedding3;
mod embedding4;
mod evidence;
mod failure;
mod first_paint;
mod fit;
mod fit_results;
mod guides;
mod headings;
mod host;
mod listen;
mod long_table;
mod package;
mod print;
mod progress;
mod results_summary;
mod speed;
