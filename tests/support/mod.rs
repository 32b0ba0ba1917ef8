//! Shared setup for the test crates: the bundled content and broken copies of it
//! (`content`), real browsers over WebDriver (`browser`, with `keyboard` and `pointer` input), the static server they load pages
//! from (`static_server`), the page object the browser suites drive the widget through
//! (`widget_page`), how a rendered state looks (`appearance`), the reading-level formula
//! (`readability`) and a QR decoder (`qr_reader`).
//!
//! A crate under `tests/` includes it with `mod support;`; the end-to-end target
//! (`tests/e2e/main.rs`) with `#[path = "../support/mod.rs"] mod support;`. `clippy.toml` lets
//! `#[test]` functions unwrap, expect, panic and index; these helpers run outside them, so the
//! same allowance is given here, once. Each crate uses only some helpers, hence `dead_code`.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod appearance;
pub mod audit;
pub mod browser;
pub mod content;
pub mod engine;
pub mod keyboard;
pub mod launch;
pub mod pointer;
pub mod qr_reader;
pub mod readability;
pub mod static_server;
pub mod widget_page;
