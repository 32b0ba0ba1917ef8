//! The failure message of a running widget. The loader's `drawFailure` (src/embed/failure.js)
//! is the one thing that draws it, since it must also draw it where WebAssembly cannot run;
//! this module hands it what the validated configuration says: the language, the clinic's
//! phone, name and booking link, and the crisis sentence from [`crate::crisis`].

use crate::config::Config;
use crate::content::Lang;
use crate::crisis::Piece;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Why a widget shows its failure message, as given in the `ktw-error` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The bundled data or catalogues failed their checks.
    Data,
    /// The widget stopped after an internal error (a panic).
    Internal,
}

impl Reason {
    /// The `reason` in the event's detail.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Data => "data",
            Reason::Internal => "internal",
        }
    }
}

/// What the message says for `config` in `lang`, as the `facts` `drawFailure` takes.
pub fn facts(config: &Config, lang: Lang) -> Value {
    let crisis: Vec<Value> = config
        .crisis_help(lang)
        .banner()
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => json!({ "text": text }),
            Piece::Call { dial, text } => json!({ "dial": dial, "text": text }),
        })
        .collect();
    json!({
        "lang": lang.tag(),
        "phone": config.phone.as_ref().map(|phone| json!({ "display": phone.display, "dial": phone.dial })),
        "clinic": config.clinic_name,
        "booking": config.booking_url,
        "crisis": crisis,
    })
}

/// Replaces the contents of `container` with the failure message for `config`, drawn by the
/// loader's `draw_failure`, which also tells the host page with a `ktw-error` event.
pub fn show(
    draw_failure: &js_sys::Function,
    container: &Element,
    config: &Config,
    lang: Lang,
    reason: Reason,
) {
    let facts = super::js_value::to_js(&facts(config, lang));
    let _ = draw_failure.call3(
        &JsValue::NULL,
        container,
        &JsValue::from_str(reason.as_str()),
        &facts,
    );
}
