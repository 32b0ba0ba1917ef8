//! ketamine-tms-widget: a patient decision aid comparing ketamine treatments and TMS.
//!
//! Data flows one way: [`data`] (bundled, validated evidence) → [`fit`] (pure questionnaire
//! scoring) → [`ui`] (Yew components and the reducer) → [`embed`] (the only code that touches
//! the host page). `data`, `fit` and `i18n` never name `yew`, `web_sys`, `wasm_bindgen`,
//! `js_sys` or `gloo`, so they build and test natively in milliseconds; a test enforces it.
//! [`bundle`] holds the content of all three, validated by `build.rs` and compiled in.

pub mod bundle;
pub mod data;
pub mod embed;
pub mod fit;
pub mod i18n;
pub mod ui;
