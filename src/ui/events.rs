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
    Ready {
        lang: &'static str,
        view: &'static str,
    },
    /// The questionnaire moved to another screen: `step` of `total` counted screens (the
    /// summary and results report `total` of `total`), and the question id or screen name
    /// (`mood-check`, `summary`, `results`). Never an answer, and without `share-answers`
    /// nothing that tells a risk answer or the mood check (see `fit::step_event`); with it,
    /// also the PHQ-9 items, their totals and `crisis` for the crisis panel.
    StepChanged {
        step: usize,
        total: usize,
        question: String,
    },
    /// The results were shown. `answers` is the answers as JSON only when the clinic set
    /// `share-answers`; otherwise it is `None` and the detail holds no answers.
    Completed { answers: Option<Value> },
    /// The person pressed Print on the results.
    Print,
    /// The person followed one of the clinic's contact links: `call`, `text`, `email` or `book`.
    CallToAction { kind: &'static str },
}

impl WidgetEvent {
    /// The DOM event name.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready { .. } => "ktw-ready",
            WidgetEvent::StepChanged { .. } => "ktw-step",
            WidgetEvent::Completed { .. } => "ktw-complete",
            WidgetEvent::Print => "ktw-print",
            WidgetEvent::CallToAction { .. } => "ktw-cta",
        }
    }

    /// The event's `detail` as JSON.
    pub fn detail(&self) -> Value {
        match self {
            WidgetEvent::Ready { lang, view } => {
                json!({ "version": env!("CARGO_PKG_VERSION"), "lang": lang, "view": view })
            }
            WidgetEvent::StepChanged {
                step,
                total,
                question,
            } => {
                json!({ "step": step, "total": total, "question": question })
            }
            WidgetEvent::Completed {
                answers: Some(answers),
            } => json!({ "answers": answers }),
            WidgetEvent::Completed { answers: None } => json!({}),
            WidgetEvent::Print => json!({}),
            WidgetEvent::CallToAction { kind } => json!({ "kind": kind }),
        }
    }
}
