//! Events the widget tells the host page about, with the `detail` each one carries.
//!
//! They are dispatched by `embed` as `CustomEvent`s with `bubbles` and `composed` set, so a
//! listener on the element or on `document` hears them. Names and shapes are documented in
//! the README; the patient's answers are never included unless the clinic opts in.

use serde_json::{json, Value};

/// Something the host page may want to know.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// The widget has drawn its first content and responds to input.
    Ready { lang: &'static str, view: &'static str },
}

impl WidgetEvent {
    /// The DOM event name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready { .. } => "ktw-ready",
        }
    }

    /// The event's `detail` as JSON.
    pub fn detail(&self) -> Value {
        match self {
            WidgetEvent::Ready { lang, view } => json!({ "version": env!("CARGO_PKG_VERSION"), "lang": lang, "view": view }),
        }
    }
}
