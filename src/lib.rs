//! ketamine-tms-widget: a patient decision aid comparing ketamine treatments, TMS, ECT and
//! antidepressant pills.
//!
//! Data flows one way, and every import runs downward:
//!
//! ```text
//! content   the TOML content, its types, its one checker and its compiled form
//!   ↓
//! fit       pure questionnaire engine: answers in, an explained report out
//!   ↓
//! crisis    every crisis sentence and number, from the clinic's numbers
//!   ↓
//! config    raw attributes → typed Config, from one attribute table
//!   ↓
//! ui        Yew components, the reducers, and the Host port that embed implements
//!   ↓
//! embed     the only code that touches the host page: mount, the browser Host, the loader
//! ```
//!
//! The rules, and why:
//! - A module names only modules below it. `ui` never names `embed`: it asks the page for
//!   what it needs through [`ui::host::Host`], which `embed` fills in with the browser and the
//!   native tests fill in with memory.
//! - `content`, `fit`, `crisis` and `config` never name `yew`, `web_sys`, `wasm_bindgen`,
//!   `js_sys` or `gloo`, so they build and test natively in milliseconds.
//! - `content` reads no file: `build.rs` includes it by path, checks the TOML with it and fails
//!   the build on bad content, so a broken file never reaches a patient.
//!
//! `tests/tidy.rs` enforces all three.

pub mod config;
pub mod content;
pub mod crisis;
pub mod embed;
pub mod fit;
pub mod ui;
