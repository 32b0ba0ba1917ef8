//! The host page, the clinic's page the widget lives on, as the UI may use it: the [`Host`]
//! port, one small struct of functions.
//!
//! The UI never touches `window`, `location`, `history` or `localStorage` itself: it calls the
//! [`Host`] given through its props. `embed::browser_host` fills one in with the real host
//! page; [`Host::memory`] keeps everything in a [`MemoryPage`] so native rendering tests can
//! drive and inspect it. "Host" means the host page, in names and comments alike.

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
/// Calls back a task after the next frame is drawn, so work that frame does not show waits
/// until the screen is up to date; at once if the page prints first.
pub type AfterFrame = Box<dyn Fn(Box<dyn FnOnce()>)>;

/// Whether the device has a voice for a language tag (`en`, `es`).
pub type HasVoice = Box<dyn Fn(&str) -> bool>;
/// Reads a text in a language, stopping whatever was being read; calls back when it ends or
/// is stopped.
pub type Speak = Box<dyn Fn(&str, &str, Box<dyn FnOnce()>)>;
/// Pauses, resumes or stops what is being read.
pub type SpeechControl = Box<dyn Fn()>;

/// What reading aloud needs from the browser.
pub struct Speech {
    pub has_voice: HasVoice,
    pub speak: Speak,
    pub pause: SpeechControl,
    pub resume: SpeechControl,
    pub stop: SpeechControl,
}

/// What the frame around the widget stops, as far as the page can tell. A site builder that
/// puts custom HTML in `<iframe sandbox="allow-scripts" srcdoc=…>` gives it an opaque origin
/// and no address of its own; the frame's flags themselves cannot be read from inside it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FrameLimits {
    /// The widget runs in a sandboxed frame (an opaque origin inside another page), so Print
    /// (`allow-modals`) and links that open a new window (`allow-popups`) may be blocked.
    pub sandboxed: bool,
    /// The page has no web address of its own (`about:srcdoc`), so a link to it opens nothing.
    pub no_address: bool,
}

/// The host page: everything the widget may ask of the page it lives on.
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
    pub after_frame: AfterFrame,
    /// Where the clinicians' evidence table (`evidence.html`) is, beside the widget's script.
    pub evidence_url: Option<String>,
    /// Reading aloud with the device's voices.
    pub speech: Speech,
    /// What a sandboxed frame around the widget stops.
    pub frame: FrameLimits,
}

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Host")
    }
}

/// An in-memory host page for tests: its fragment, its storage and what was asked of it.
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
    /// The language tags the device has a voice for.
    pub voices: Vec<String>,
    /// Every text read aloud, with its language tag, and then `pause`, `resume` or `stop`.
    pub spoken: Vec<(String, String)>,
}

impl Host {
    /// The host page `page`, kept in memory for native tests; the test keeps its own `Rc` to
    /// inspect it.
    pub fn memory(page: Rc<RefCell<MemoryPage>>) -> Host {
        let read = page.clone();
        let write = page.clone();
        let load = page.clone();
        let save = page.clone();
        let clear = page.clone();
        let print = page.clone();
        let copy = page.clone();
        let today = page.clone();
        let speech = memory_speech(page);
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
            // A page in memory draws no frames, so what waits for one is done at once.
            after_frame: Box::new(|then| then()),
            evidence_url: None,
            speech,
            frame: FrameLimits::default(),
        }
    }
}

/// Speech that records into `page`: what was read, in which language, and each control.
fn memory_speech(page: Rc<RefCell<MemoryPage>>) -> Speech {
    let (voices, speak, pause, resume) = (page.clone(), page.clone(), page.clone(), page.clone());
    let note = |page: &Rc<RefCell<MemoryPage>>, what: &str| {
        page.borrow_mut()
            .spoken
            .push((what.to_string(), String::new()));
    };
    Speech {
        has_voice: Box::new(move |lang| voices.borrow().voices.iter().any(|voice| voice == lang)),
        speak: Box::new(move |text, lang, _done| {
            speak
                .borrow_mut()
                .spoken
                .push((text.to_string(), lang.to_string()));
        }),
        pause: Box::new(move || note(&pause, "pause")),
        resume: Box::new(move || note(&resume, "resume")),
        stop: Box::new(move || note(&page, "stop")),
    }
}
