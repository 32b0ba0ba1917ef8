//! The browser services the questionnaire needs from the page, as one small struct of functions.
//!
//! The UI never touches `window`, `location`, `history` or `localStorage` itself: it calls a
//! [`Host`] given through its props. [`Host::browser`] is the real page; [`Host::memory`] keeps
//! everything in a [`MemoryPage`] so native rendering tests can drive and inspect it.
//!
//! Storage uses `web_sys` directly rather than `gloo::storage`, because gloo's `LocalStorage`
//! aborts when the browser blocks storage, and a blocked store must only show a message.

use std::cell::RefCell;
use std::rc::Rc;

/// The `localStorage` key that "remember my answers on this device" writes.
pub const STORAGE_KEY: &str = "ketamine-tms-widget";

/// The browser refused to read or write storage (private mode, blocked cookies, full quota).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageBlocked;

/// Reads the page's URL fragment, without the leading `#`.
pub type ReadFragment = Box<dyn Fn() -> String>;
/// Replaces the page's URL fragment without a new history entry; an empty text removes it.
pub type WriteFragment = Box<dyn Fn(&str)>;
/// The full address of the page with `fragment` as its fragment, for a share link.
pub type ShareUrl = Box<dyn Fn(&str) -> String>;
/// Reads the stored text, `None` when nothing is stored.
pub type LoadStored = Box<dyn Fn() -> Result<Option<String>, StorageBlocked>>;
/// Stores the text.
pub type SaveStored = Box<dyn Fn(&str) -> Result<(), StorageBlocked>>;
/// Removes the stored text.
pub type ClearStored = Box<dyn Fn() -> Result<(), StorageBlocked>>;
/// Opens the browser's print dialog.
pub type Print = Box<dyn Fn()>;
/// Copies text to the clipboard and later calls back with whether it worked.
pub type CopyText = Box<dyn Fn(&str, Box<dyn FnOnce(bool)>)>;
/// Today's local date as `YYYY-MM-DD`.
pub type Today = Box<dyn Fn() -> String>;

/// Everything the widget may ask of the page it lives on.
pub struct Host {
    pub read_fragment: ReadFragment,
    pub write_fragment: WriteFragment,
    pub share_url: ShareUrl,
    pub load: LoadStored,
    pub save: SaveStored,
    pub clear: ClearStored,
    pub print: Print,
    pub copy: CopyText,
    pub today: Today,
    /// Where the clinicians' evidence table (`evidence.html`) is, beside the widget's script.
    pub evidence_url: Option<String>,
}

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Host")
    }
}

/// An in-memory page for tests: its fragment, its storage and what was asked of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemoryPage {
    /// The URL fragment without `#`.
    pub fragment: String,
    /// The stored text, if any.
    pub stored: Option<String>,
    /// When true, every storage call fails as a blocked browser store does.
    pub storage_blocked: bool,
    /// How many times the print dialog was opened.
    pub prints: u32,
    /// Every text copied to the clipboard.
    pub copied: Vec<String>,
    /// Today's date as `YYYY-MM-DD`.
    pub today: String,
}

impl Host {
    /// A host backed by `page`, for native tests; the test keeps its own `Rc` to inspect it.
    pub fn memory(page: Rc<RefCell<MemoryPage>>) -> Host {
        let read = page.clone();
        let write = page.clone();
        let load = page.clone();
        let save = page.clone();
        let clear = page.clone();
        let print = page.clone();
        let copy = page.clone();
        let today = page;
        Host {
            read_fragment: Box::new(move || read.borrow().fragment.clone()),
            write_fragment: Box::new(move |fragment| {
                write.borrow_mut().fragment = fragment.to_string()
            }),
            share_url: Box::new(|fragment| format!("https://clinic.example/page#{fragment}")),
            load: Box::new(move || {
                let page = load.borrow();
                if page.storage_blocked {
                    Err(StorageBlocked)
                } else {
                    Ok(page.stored.clone())
                }
            }),
            save: Box::new(move |text| {
                let mut page = save.borrow_mut();
                if page.storage_blocked {
                    return Err(StorageBlocked);
                }
                page.stored = Some(text.to_string());
                Ok(())
            }),
            clear: Box::new(move || {
                let mut page = clear.borrow_mut();
                if page.storage_blocked {
                    return Err(StorageBlocked);
                }
                page.stored = None;
                Ok(())
            }),
            print: Box::new(move || print.borrow_mut().prints += 1),
            copy: Box::new(move |text, done| {
                copy.borrow_mut().copied.push(text.to_string());
                done(true);
            }),
            today: Box::new(move || today.borrow().today.clone()),
            evidence_url: None,
        }
    }

    /// The real page: `location`, `history`, `localStorage`, `print()` and the clipboard;
    /// `evidence_url` is where the loader found the evidence table, if it is a web or file URL.
    pub fn browser(evidence_url: Option<String>) -> Host {
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
            evidence_url,
        }
    }
}

/// The browser implementations; each one fails quietly rather than stopping the widget.
mod browser {
    use super::{StorageBlocked, STORAGE_KEY};
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
    pub fn copy(text: &str, done: Box<dyn FnOnce(bool)>) {
        let Some(window) = web_sys::window() else {
            done(false);
            return;
        };
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
