//! The browser's [`Speech`] for read aloud: `speechSynthesis` with the device's own voices.
//!
//! Everything is looked up when it is used, and a browser without speech (or a voice list
//! that is not what the standard says) only hides the Listen buttons; nothing here can stop
//! the widget.

use crate::ui::host::Speech;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// The callback of one reading, taken by whichever of its end or error events comes first.
type Done = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// The page's speech: speaks, pauses, resumes and stops through `window.speechSynthesis`.
pub fn browser_speech() -> Speech {
    Speech {
        has_voice: Box::new(has_voice),
        speak: Box::new(speak),
        pause: Box::new(|| synthesis().iter().for_each(SpeechSynthesis::pause)),
        resume: Box::new(|| synthesis().iter().for_each(SpeechSynthesis::resume)),
        stop: Box::new(|| synthesis().iter().for_each(SpeechSynthesis::cancel)),
    }
}

/// `window.speechSynthesis`, when the browser has it.
fn synthesis() -> Option<SpeechSynthesis> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis")).ok()?;
    value.is_object().then(|| value.unchecked_into())
}

/// Whether a voice's language (`en-US`, `es_MX`, `es`) is `lang`.
fn voice_speaks(voice: &JsValue, lang: &str) -> bool {
    js_sys::Reflect::get(voice, &JsValue::from_str("lang"))
        .ok()
        .and_then(|tag| tag.as_string())
        .is_some_and(|tag| {
            tag.split(['-', '_'])
                .next()
                .is_some_and(|primary| primary.eq_ignore_ascii_case(lang))
        })
}

fn has_voice(lang: &str) -> bool {
    synthesis().is_some_and(|speech| {
        speech
            .get_voices()
            .iter()
            .any(|voice| voice_speaks(&voice, lang))
    })
}

/// Reads `text` in `lang` after stopping whatever was being read; `done` runs once, when the
/// reading ends, fails or is stopped.
fn speak(text: &str, lang: &str, done: Box<dyn FnOnce()>) {
    let Some(speech) = synthesis() else {
        return done();
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return done();
    };
    speech.cancel();
    utterance.set_lang(lang);
    let done: Done = Rc::new(RefCell::new(Some(done)));
    let finish = |done: Done| {
        Closure::once_into_js(move |_: JsValue| {
            if let Some(done) = done.borrow_mut().take() {
                done();
            }
        })
    };
    utterance.set_onend(Some(finish(done.clone()).unchecked_ref()));
    utterance.set_onerror(Some(finish(done).unchecked_ref()));
    speech.speak(&utterance);
}
