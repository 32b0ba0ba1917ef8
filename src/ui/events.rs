//! Events the widget tells the host page about, with the `detail` each one carries.
//!
//! They are dispatched by `embed` as `CustomEvent`s with `bubbles` and `composed` set, so a
//! listener on the element or on `document` hears them. [`EVENTS`] declares every event once,
//! with its name and the keys and values of its `detail`; `tests/public_lists.rs` checks the
//! README's events table and what [`WidgetEvent::detail`] sends against it. The patient's
//! answers are never included unless the clinic opts in.

use serde_json::{json, Value};

/// One event the widget sends to the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventSpec {
    /// The DOM event name.
    pub name: &'static str,
    /// When it is sent.
    pub when: &'static str,
    /// The keys its `detail` may carry (`answers` only with `share-answers`).
    pub detail: &'static [&'static str],
    /// The values its one word-valued key takes (`kind`, `reason`), if it has one.
    pub values: &'static [&'static str],
}

/// `ktw-ready`.
pub const READY: EventSpec = EventSpec {
    name: "ktw-ready",
    when: "the widget has drawn and responds to input",
    detail: &["version", "lang", "view"],
    values: &[],
};
/// `ktw-step`.
pub const STEP: EventSpec = EventSpec {
    name: "ktw-step",
    when: "the questionnaire comes on screen (its first question too) or shows another screen",
    detail: &["step", "total", "question"],
    values: &[],
};
/// `ktw-complete`.
pub const COMPLETE: EventSpec = EventSpec {
    name: "ktw-complete",
    when: "the results are shown",
    detail: &["answers"],
    values: &[],
};
/// `ktw-cta`.
pub const CALL_TO_ACTION: EventSpec = EventSpec {
    name: "ktw-cta",
    when: "the patient follows the clinic's call, text, email or booking link",
    detail: &["kind"],
    values: &["call", "text", "email", "book"],
};
/// `ktw-print`.
pub const PRINT: EventSpec = EventSpec {
    name: "ktw-print",
    when: "the patient presses Print",
    detail: &[],
    values: &[],
};
/// `ktw-error`, sent by the failure message's one builder, `drawFailure` in
/// src/embed/failure.js: the first three reasons come from the loader, the last two from
/// `embed::failure::Reason`.
pub const ERROR: EventSpec = EventSpec {
    name: "ktw-error",
    when: "the widget shows its failure message",
    detail: &["reason"],
    values: &[
        "no-webassembly",
        "webassembly-blocked",
        "webassembly-failed",
        "data",
        "internal",
    ],
};

/// Every event, in the README's order.
pub const EVENTS: [EventSpec; 6] = [READY, STEP, COMPLETE, CALL_TO_ACTION, PRINT, ERROR];

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
    /// The event's declaration in [`EVENTS`].
    pub fn spec(&self) -> &'static EventSpec {
        match self {
            WidgetEvent::Ready { .. } => &READY,
            WidgetEvent::StepChanged { .. } => &STEP,
            WidgetEvent::Completed { .. } => &COMPLETE,
            WidgetEvent::Print => &PRINT,
            WidgetEvent::CallToAction { .. } => &CALL_TO_ACTION,
        }
    }

    /// The DOM event name.
    pub fn name(&self) -> &'static str {
        self.spec().name
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
