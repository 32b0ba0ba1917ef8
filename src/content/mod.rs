//! The one place for content: the TOML files beside this module, their types, their loading
//! and their one checker, and the validated form compiled into this build.
//!
//! - [`evidence`]: options, outcomes, sources, glossary and the harms checklist.
//! - [`questionnaire`]: the questions, priorities, PHQ-9 and SURE texts, and the safety flags.
//! - [`i18n`]: the interface message catalogues, one per language.
//! - [`bundle`]: all three validated as one [`Bundle`]; `build.rs` runs it and fails on bad data.
//! - `compiled`: the bundle that `build.rs` wrote, as this build carries it.
//!
//! `build.rs` includes `evidence`, `questionnaire`, `i18n` and `bundle` by path, so these never
//! read a file and never name anything outside `content`; only `compiled` needs the build's
//! output. Nothing here names a web crate.

pub mod bundle;
mod compiled;
pub mod evidence;
pub mod i18n;
pub mod questionnaire;

pub use bundle::Bundle;
pub use compiled::{bundled_files, encoding};
pub use evidence::*;
