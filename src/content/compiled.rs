//! The content compiled into this build, and the data files it was made from.
//!
//! `build.rs` reads the TOML files under `src/content`, validates them into a
//! [`Bundle`] with [`Bundle::from_files`] (the build fails with every problem listed if the
//! data is wrong), and stores the result in a compact binary form that [`Bundle::compiled`]
//! reads back. The widget therefore carries neither the JSON nor the checks, and starts
//! without parsing or validating anything. The same files are also kept as JSON for the native
//! tests ([`bundled_files`]), which check the validation itself on the real files and on broken
//! copies, and check that the compiled form equals what validation returns.

use super::bundle::Bundle;
use super::evidence::{DataError, Evidence};
use super::questionnaire::{Questionnaire, QUESTIONS_DIR};
use bincode::Options;
use std::collections::BTreeMap;

/// The validated [`Bundle`], serialized by `build.rs` with [`encoding`].
const COMPILED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// The data files, as a JSON object of file name → content (used by the native tests).
const FILES_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundle.json"));

/// The binary encoding of the compiled bundle; `build.rs` writes it with the same options.
pub fn encoding() -> impl Options {
    bincode::DefaultOptions::new()
}

impl Bundle {
    /// The content compiled into this build, validated when it was built.
    pub fn compiled() -> Result<Bundle, Vec<String>> {
        encoding()
            .deserialize(COMPILED)
            .map_err(|err| vec![format!("the compiled content could not be read: {err}")])
    }

    /// The compiled content as the widget carries it, both languages: the size floor that
    /// `cargo xtask bench` reports, since no build can ship the content in fewer bytes than
    /// this compresses to.
    pub fn compiled_bytes() -> &'static [u8] {
        COMPILED
    }
}

/// The data files compiled into this build, by file name (for example `options/tms.toml`).
pub fn bundled_files() -> Result<BTreeMap<String, serde_json::Value>, Vec<DataError>> {
    serde_json::from_str(FILES_JSON).map_err(|err| {
        vec![DataError::file(
            "bundle.json",
            format!("the bundled data could not be read: {err}"),
        )]
    })
}

impl Evidence {
    /// The evidence read and validated from the data files of this build.
    pub fn bundled() -> Result<Evidence, Vec<DataError>> {
        Evidence::from_files(&bundled_files()?)
    }
}

impl Questionnaire {
    /// The questionnaire compiled into this build.
    pub fn from_bundle() -> Result<Questionnaire, Vec<DataError>> {
        Bundle::compiled()
            .map(|bundle| bundle.questionnaire)
            .map_err(|errors| {
                errors
                    .into_iter()
                    .map(|message| DataError::file(QUESTIONS_DIR, message))
                    .collect()
            })
    }
}
