//! Which engine a test runs in (`KTW_BROWSER`), what each engine can be asked to do, and
//! the temporary profile folder each session gets.

use std::path::PathBuf;

/// The browser engine a test session runs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium through chromedriver.
    Chromium,
    /// Debian's Firefox ESR through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver (needs a display: run under `xvfb-run`).
    WebKit,
}

impl Engine {
    /// The engine named by `KTW_BROWSER`; Chromium when it is unset.
    pub fn current() -> Engine {
        match std::env::var("KTW_BROWSER")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "" | "chromium" | "chrome" => Engine::Chromium,
            "firefox" | "gecko" => Engine::Firefox,
            "webkit" | "safari" => Engine::WebKit,
            other => panic!("KTW_BROWSER={other}: use chromium, firefox or webkit"),
        }
    }

    /// A lower-case name, used in messages and screenshot names.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }
}

/// True when the current engine is Chromium; otherwise prints why `what` is skipped, so a
/// skipped check is never silent.
pub fn chromium_only(what: &str) -> bool {
    let engine = Engine::current();
    if engine != Engine::Chromium {
        eprintln!(
            "[{}] skipped: {what} (needs the Chrome DevTools protocol)",
            engine.name()
        );
    }
    engine == Engine::Chromium
}

/// How to start a browser beyond the defaults.
#[derive(Clone, Copy, Debug, Default)]
pub struct Launch {
    /// The browser's preferred language (`navigator.language` and Accept-Language), such
    /// as `"es-419"`; the default is the engine's own (English here).
    pub language: Option<&'static str>,
    /// Send every request to a closed port, so anything fetched over the network fails.
    pub network_off: bool,
    /// Scripts disabled, as a patient who turned JavaScript off would have it.
    pub scripts_off: bool,
    /// No WebAssembly, as in a browser that lacks it or a policy that blocks it.
    pub webassembly_off: bool,
    /// Text at 200 %: the browser's default font size set to 32 px instead of 16 px.
    pub large_text: bool,
    /// The reader asked the system for reduced motion.
    pub reduced_motion: bool,
}

impl Launch {
    /// True when the current engine can start this way; otherwise prints what is skipped.
    pub fn supported(self, what: &str) -> bool {
        let engine = Engine::current();
        let missing = match engine {
            // Neither MiniBrowser nor JavaScriptCore's `JSC_useWebAssembly` (not passed on to
            // the page's process) turns WebAssembly off from outside the page.
            Engine::WebKit if self.webassembly_off => Some("WebAssembly cannot be turned off"),
            // MiniBrowser has no switch for the system's reduced-motion setting, and takes only
            // text and yes-or-no settings, not a default font size.
            Engine::WebKit if self.reduced_motion => Some("reduced motion cannot be asked for"),
            Engine::WebKit if self.large_text => Some("the default text size cannot be set"),
            Engine::Chromium | Engine::Firefox | Engine::WebKit => None,
        };
        if let Some(reason) = missing {
            eprintln!(
                "[{}] skipped: {what} ({reason} in this engine's driver)",
                engine.name()
            );
        }
        missing.is_none()
    }
}

/// A temporary folder removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let path = std::env::temp_dir().join(format!("ktw-{tag}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("create a temporary folder");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
