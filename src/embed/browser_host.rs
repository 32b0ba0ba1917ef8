//! The browser's [`Host`]: the page's `location`, `history`, `localStorage`, print dialog and
//! clipboard, behind the port the UI declares in `ui::host`.
//!
//! Storage uses `web_sys` directly rather than `gloo::storage`, because gloo's `LocalStorage`
//! aborts when the browser blocks storage, and a blocked store must only show a message.

use super::speech::browser_speech;
use crate::ui::host::Host;

/// The real page: `location`, `history`, `localStorage`, `print()` and the clipboard;
/// `evidence_url` is where the loader found the evidence table, if it is a web or file URL.
pub fn browser_host(evidence_url: Option<String>) -> Host {
    let evidence_url = evidence_url.filter(|url| {
        ["https://", "http://", "file:"]
            .iter()
            .any(|scheme| url.starts_with(scheme))
    });
    Host {
        read_fragment: Box::new(browser::read_fragment),
        write_fragment: Box::new(browser::write_fragment),
        share_url: Box::new(browser::share_url),
        load: Box::new(browser::load),
        save: Box::new(browser::save),
        clear: Box::new(browser::clear),
        print: Box::new(browser::print),
        copy: Box::new(browser::copy),
        today: Box::new(browser::today),
        after_frame: Box::new(super::after_frame::after_frame),
        evidence_url,
        speech: browser_speech(),
        frame: browser::frame_limits(),
    }
}

/// The browser implementations; each one fails quietly rather than stopping the widget.
mod browser {
    use crate::ui::host::{FrameLimits, StorageBlocked, STORAGE_KEY};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    pub fn read_fragment() -> String {
        web_sys::window()
            .and_then(|window| window.location().hash().ok())
            .map(|hash| hash.strip_prefix('#').unwrap_or(&hash).to_string())
            .unwrap_or_default()
    }

    pub fn write_fragment(fragment: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        let url = if fragment.is_empty() {
            format!("{path}{search}")
        } else {
            format!("{path}{search}#{fragment}")
        };
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }

    /// A sandboxed frame without `allow-same-origin` has the origin `null`; `top` differs from
    /// the window itself in any frame, even across origins. A page whose address is not a web
    /// or file address (`about:srcdoc`) cannot be linked to.
    pub fn frame_limits() -> FrameLimits {
        let Some(window) = web_sys::window() else {
            return FrameLimits::default();
        };
        let framed = window
            .top()
            .ok()
            .flatten()
            .is_some_and(|top| JsValue::from(top) != JsValue::from(window.clone()));
        let protocol = window.location().protocol().unwrap_or_default();
        FrameLimits {
            sandboxed: framed && window.origin() == "null",
            no_address: !linkable(&protocol),
        }
    }

    fn linkable(protocol: &str) -> bool {
        ["https:", "http:", "file:"].contains(&protocol)
    }

    pub fn share_url(fragment: &str) -> String {
        let href = web_sys::window()
            .and_then(|window| window.location().href().ok())
            .unwrap_or_default();
        let base = href.split('#').next().unwrap_or_default();
        format!("{base}#{fragment}")
    }

    fn storage() -> Result<web_sys::Storage, StorageBlocked> {
        web_sys::window()
            .ok_or(StorageBlocked)?
            .local_storage()
            .map_err(|_| StorageBlocked)?
            .ok_or(StorageBlocked)
    }

    pub fn load() -> Result<Option<String>, StorageBlocked> {
        storage()?.get_item(STORAGE_KEY).map_err(|_| StorageBlocked)
    }

    pub fn save(text: &str) -> Result<(), StorageBlocked> {
        storage()?
            .set_item(STORAGE_KEY, text)
            .map_err(|_| StorageBlocked)
    }

    pub fn clear() -> Result<(), StorageBlocked> {
        storage()?
            .remove_item(STORAGE_KEY)
            .map_err(|_| StorageBlocked)
    }

    pub fn print() {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    }

    /// Calls `navigator.clipboard.writeText`, found by name so that browsers (and insecure
    /// pages) without the clipboard API simply report failure.
    /// A link to a page without an address of its own (`about:srcdoc#…`) is not copied.
    pub fn copy(text: &str, done: Box<dyn FnOnce(bool)>) {
        let Some(window) = web_sys::window() else {
            done(false);
            return;
        };
        let scheme = text.split_once(':').map(|(scheme, _)| format!("{scheme}:"));
        if !scheme.is_some_and(|scheme| linkable(&scheme)) {
            done(false);
            return;
        }
        let navigator: JsValue = window.navigator().into();
        let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
            .ok()
            .filter(|value| value.is_object());
        let write = clipboard.as_ref().and_then(|clipboard| {
            js_sys::Reflect::get(clipboard, &JsValue::from_str("writeText"))
                .ok()
                .and_then(|value| value.dyn_into::<js_sys::Function>().ok())
        });
        let (Some(clipboard), Some(write)) = (clipboard, write) else {
            done(false);
            return;
        };
        let Ok(promise) = write
            .call1(&clipboard, &JsValue::from_str(text))
            .and_then(|value| value.dyn_into::<js_sys::Promise>())
        else {
            done(false);
            return;
        };
        let shared = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
        let on_success = {
            let shared = shared.clone();
            Closure::once(move |_: JsValue| {
                let taken = shared.borrow_mut().take();
                if let Some(done) = taken {
                    done(true);
                }
            })
        };
        let on_failure = Closure::once(move |_: JsValue| {
            let taken = shared.borrow_mut().take();
            if let Some(done) = taken {
                done(false);
            }
        });
        let _ = promise.then2(&on_success, &on_failure);
        on_success.forget();
        on_failure.forget();
    }

    pub fn today() -> String {
        let now = js_sys::Date::new_0();
        format!(
            "{:04}-{:02}-{:02}",
            now.get_full_year(),
            now.get_month() + 1,
            now.get_date()
        )
    }
}
