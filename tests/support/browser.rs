//! Real-browser helpers for the end-to-end tests: three engines (Chromium, Firefox, WebKit)
//! driven over WebDriver (fantoccini), the built `dist/` served from one 127.0.0.1 port and the
//! test pages from another, keyboard input, shadow-root queries and axe-core audits.
//!
//! `KTW_BROWSER` picks the engine (`chromium`, the default, `firefox` or `webkit`); `cargo xtask
//! test` runs the suites once per engine. Steps that need the Chrome DevTools protocol run in
//! Chromium only and say so on standard error elsewhere.

use super::static_server::{self, Site};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The built `dist/` folder; fails with the command to run when it is missing.
pub fn dist() -> PathBuf {
    let dist = root().join("dist");
    assert!(
        dist.join("ketamine-tms-widget.js").is_file() && dist.join("offline.html").is_file(),
        "dist/ is not built: run `cargo xtask test` (or `cargo xtask dist` first)"
    );
    dist
}

/// The two origins of a test: a "CDN" serving `dist/` and a "clinic" serving `tests/pages`.
pub struct Servers {
    pub cdn: SocketAddr,
    pub clinic: SocketAddr,
}

/// The strict policy the issue names; the clinic server sends it with `/csp.html`.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

impl Servers {
    /// Starts both servers on free ports. The clinic site also serves `dist/` files (for
    /// same-origin pages) and fills `{{CDN}}` with the CDN origin.
    pub fn start() -> Servers {
        let dist = dist();
        let cdn = static_server::start(
            Site {
                root: dist.clone(),
                ..Default::default()
            },
            0,
        )
        .expect("start the CDN server");
        let clinic = static_server::start(
            Site {
                root: root().join("tests/pages"),
                fallback: Some(dist),
                headers: vec![(
                    "/csp.html".to_string(),
                    "Content-Security-Policy".to_string(),
                    STRICT_CSP.to_string(),
                )],
                replacements: vec![("CDN".to_string(), format!("http://{cdn}"))],
                ..Default::default()
            },
            0,
        )
        .expect("start the clinic server");
        Servers { cdn, clinic }
    }

    /// A page of the clinic site.
    pub fn page(&self, name: &str) -> String {
        format!("http://{}/{name}", self.clinic)
    }
}

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

/// A WebDriver process and a session in a fresh browser profile.
pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    driver: Child,
    _profile: TempDir,
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

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Chromium flags for a quiet, headless, sandbox-free run on a machine without a network.
pub const CHROMIUM_ARGS: [&str; 9] = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// Where Debian's webkit2gtk-driver keeps the MiniBrowser that WebKitWebDriver drives.
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Browser {
    /// Starts the engine `KTW_BROWSER` names with default options.
    pub async fn start() -> Browser {
        Browser::launch(Launch::default()).await
    }

    /// Starts the engine `KTW_BROWSER` names with `launch` options.
    pub async fn launch(launch: Launch) -> Browser {
        match Engine::current() {
            Engine::Chromium => {
                let mut extra = Vec::new();
                if let Some(language) = launch.language {
                    let base = language.split('-').next().unwrap_or(language);
                    extra.push(format!("--lang={language}"));
                    extra.push(format!("--accept-lang={language},{base}"));
                }
                if launch.network_off {
                    extra.push("--proxy-server=http://127.0.0.1:9".to_string());
                    extra.push("--host-resolver-rules=MAP * ~NOTFOUND".to_string());
                }
                if launch.reduced_motion {
                    extra.push("--force-prefers-reduced-motion".to_string());
                }
                let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
                let prefs = if launch.large_text {
                    json!({ "webkit": { "webprefs": { "default_font_size": 32 } } })
                } else {
                    json!({})
                };
                let browser = Browser::chromium_with_prefs(&extra, prefs).await;
                if launch.scripts_off || launch.webassembly_off {
                    // Both settings belong to the tab, so set them on a blank page first.
                    browser
                        .client
                        .goto("about:blank")
                        .await
                        .expect("open a blank page");
                }
                if launch.scripts_off {
                    browser
                        .cdp(
                            "Emulation.setScriptExecutionDisabled",
                            json!({ "value": true }),
                        )
                        .await;
                }
                if launch.webassembly_off {
                    // `--js-flags=--noexpose_wasm` no longer hides WebAssembly in Chromium 156.
                    browser
                        .cdp(
                            "Page.addScriptToEvaluateOnNewDocument",
                            json!({ "source": "delete window.WebAssembly;" }),
                        )
                        .await;
                }
                browser
            }
            Engine::Firefox => Browser::firefox(launch).await,
            Engine::WebKit => Browser::webkit(launch).await,
        }
    }

    /// Starts chromedriver and opens a session with `extra` Chromium flags.
    pub async fn chromium(extra: &[&str]) -> Browser {
        Browser::chromium_with_prefs(extra, json!({})).await
    }

    /// Starts chromedriver and opens a session with `extra` flags and profile `prefs`.
    async fn chromium_with_prefs(extra: &[&str], prefs: Value) -> Browser {
        // Port 0 lets chromedriver pick a free port, which it prints; two tests never race
        // for the same one.
        let (driver, port) = spawn_driver(
            Command::new("chromedriver").arg("--port=0"),
            "apt-get install chromium-driver, or run `cargo xtask test`",
            |line| {
                line.split("started successfully on port ")
                    .nth(1)
                    .and_then(|rest| rest.trim_end_matches('.').trim().parse::<u16>().ok())
            },
        )
        .await;
        let profile = TempDir::new("profile");
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.0.display()));
        args.push("--window-size=1280,900".to_string());
        args.extend(extra.iter().map(|s| s.to_string()));
        let mut options = json!({ "args": args, "prefs": prefs });
        if let Some(binary) = which("chromium") {
            options["binary"] = json!(binary);
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".to_string(), options);
        Browser::connect(Engine::Chromium, driver, port, capabilities, profile).await
    }

    /// Starts geckodriver and opens a session in headless Firefox with a fresh profile.
    async fn firefox(launch: Launch) -> Browser {
        let (driver, port) = spawn_driver(
            Command::new("geckodriver").args(["--port", "0"]),
            "apt-get install firefox-esr; cargo install --locked geckodriver --root .tools; or run `cargo xtask test`",
            |line| {
                line.split("Listening on ")
                    .nth(1)
                    .and_then(|rest| rest.trim().rsplit(':').next())
                    .and_then(|port| port.trim().parse::<u16>().ok())
            },
        )
        .await;
        let profile = TempDir::new("profile");
        let mut prefs = json!({
            // Quiet, offline-friendly start: no update checks, telemetry or first-run pages.
            "app.update.enabled": false,
            "browser.shell.checkDefaultBrowser": false,
            "datareporting.policy.dataSubmissionEnabled": false,
            "toolkit.telemetry.reportingpolicy.firstRun": false,
            "network.captive-portal-service.enabled": false,
            "network.connectivity-service.enabled": false,
            "browser.safebrowsing.malware.enabled": false,
            "browser.safebrowsing.phishing.enabled": false,
        });
        if let Some(language) = launch.language {
            let base = language.split('-').next().unwrap_or(language);
            prefs["intl.accept_languages"] = json!(format!("{language},{base}"));
        }
        if launch.network_off {
            prefs["network.proxy.type"] = json!(1);
            prefs["network.proxy.http"] = json!("127.0.0.1");
            prefs["network.proxy.http_port"] = json!(9);
            prefs["network.proxy.ssl"] = json!("127.0.0.1");
            prefs["network.proxy.ssl_port"] = json!(9);
            prefs["network.proxy.allow_hijacking_localhost"] = json!(true);
            prefs["network.dns.disabled"] = json!(true);
        }
        if launch.scripts_off {
            prefs["javascript.enabled"] = json!(false);
        }
        if launch.webassembly_off {
            prefs["javascript.options.wasm"] = json!(false);
        }
        if launch.large_text {
            prefs["font.size.variable.x-western"] = json!(32);
        }
        if launch.reduced_motion {
            prefs["ui.prefersReducedMotion"] = json!(1);
        }
        let mut options = json!({
            "args": ["-headless", "-profile", profile.0.display().to_string(), "-width", "1280", "-height", "900"],
            "prefs": prefs,
        });
        if let Some(binary) = which("firefox-esr").or_else(|| which("firefox")) {
            options["binary"] = json!(binary);
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("moz:firefoxOptions".to_string(), options);
        let browser = Browser::connect(Engine::Firefox, driver, port, capabilities, profile).await;
        let _ = browser.client.set_window_size(1280, 900).await;
        browser
    }

    /// Starts WebKitWebDriver, which opens WebKitGTK's MiniBrowser in automation mode.
    async fn webkit(launch: Launch) -> Browser {
        // WebKitWebDriver needs a fixed port: take a free one from the system and hand it over.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map(|address| address.port())
            .expect("find a free port");
        let mut command = Command::new("WebKitWebDriver");
        command.arg(format!("--port={port}"));
        if let Some(language) = launch.language {
            // WebKitGTK takes the page language from the process's locale, which must exist
            // on the machine: `cargo xtask setup` generates es_MX.UTF-8 for this.
            let locale = webkit_locale(language);
            command
                .env("LANGUAGE", &locale)
                .env("LANG", format!("{locale}.UTF-8"))
                .env("LC_ALL", format!("{locale}.UTF-8"));
        }
        let driver = command
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start WebKitWebDriver (apt-get install webkit2gtk-driver xvfb, or run `cargo xtask test`)");
        wait_for_port(port).await;
        let mut args = vec!["--automation"];
        if launch.scripts_off {
            // The page's own scripts are off; WebDriver's scripts still run.
            args.push("--enable-javascript-markup=false");
        }
        let mut options = json!({ "args": args });
        if std::path::Path::new(MINIBROWSER).is_file() {
            options["binary"] = json!(MINIBROWSER);
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("webkitgtk:browserOptions".to_string(), options);
        if launch.network_off {
            capabilities.insert(
                "proxy".to_string(),
                json!({ "proxyType": "manual", "httpProxy": "127.0.0.1:9", "sslProxy": "127.0.0.1:9" }),
            );
        }
        let browser = Browser::connect(
            Engine::WebKit,
            driver,
            port,
            capabilities,
            TempDir::new("profile"),
        )
        .await;
        let _ = browser.client.set_window_size(1280, 900).await;
        browser
    }

    async fn connect(
        engine: Engine,
        driver: Child,
        port: u16,
        capabilities: serde_json::Map<String, Value>,
        profile: TempDir,
    ) -> Browser {
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|err| panic!("open a {} session: {err}", engine.name()));
        Browser {
            client,
            engine,
            driver,
            _profile: profile,
        }
    }

    /// Opens `url` and waits until every widget on it has signalled `ktw-ready` or failed.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("open the page");
        self.wait_until(
            "const hosts = [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')];\
             return hosts.length > 0 && hosts.every(h => h.shadowRoot && h.shadowRoot.querySelector('.ktw'));",
            "every widget on the page shows content",
        )
        .await;
    }

    /// Opens `url`, a page with no widget on it (such as the evidence table).
    pub async fn open_plain(&self, url: &str) {
        self.client.goto(url).await.expect("open the page");
    }

    /// Opens `url` and waits until the loader has run (for pages whose widgets come later).
    pub async fn open_loader_only(&self, url: &str) {
        self.client.goto(url).await.expect("open the page");
        self.wait_until("return !!window.KetamineTmsWidget;", "the loader ran")
            .await;
    }

    /// Runs a script body and returns its value.
    pub async fn eval(&self, body: &str) -> Value {
        self.client
            .execute(body, vec![])
            .await
            .unwrap_or_else(|err| panic!("script failed: {err}\n{body}"))
    }

    /// Runs a script body with `root` bound to the shadow root of widget number `index`.
    pub async fn in_widget(&self, index: usize, body: &str) -> Value {
        let script = format!(
            "const root = [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')][{index}].shadowRoot;\n{body}"
        );
        self.eval(&script).await
    }

    /// A real WebDriver click on the element matching `selector` in the first widget's shadow root.
    pub async fn click(&self, selector: &str) {
        let host = self
            .client
            .find(fantoccini::Locator::Css(
                "ketamine-tms-widget, [data-ketamine-tms-widget]",
            ))
            .await
            .expect("a widget on the page");
        let root = host.shadow_root().await.expect("an open shadow root");
        root.find(fantoccini::Locator::Css(selector))
            .await
            .unwrap_or_else(|err| panic!("no {selector} in the widget: {err}"))
            .click()
            .await
            .unwrap_or_else(|err| panic!("clicking {selector} failed: {err}"));
    }

    /// Waits until the first widget's shadow root holds an element matching `selector`.
    pub async fn wait_for(&self, selector: &str) {
        let condition = format!(
            "const host = document.querySelector('ketamine-tms-widget, [data-ketamine-tms-widget]');\
             return !!(host && host.shadowRoot && host.shadowRoot.querySelector({}));",
            serde_json::to_string(selector).unwrap()
        );
        self.wait_until(&condition, selector).await;
    }

    /// The visible text of the first element matching `selector` in the first widget.
    pub async fn text_of(&self, selector: &str) -> String {
        let script = format!(
            "const e = root.querySelector({}); return e ? e.innerText : '';",
            serde_json::to_string(selector).unwrap()
        );
        self.in_widget(0, &script)
            .await
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    /// Polls `condition` (a script body returning a boolean) in the page, without sleeping in
    /// the test: the browser checks on every animation frame for up to 15 seconds.
    pub async fn wait_until(&self, condition: &str, what: &str) {
        let script = format!(
            "const done = arguments[arguments.length - 1];\
             const check = () => {{ try {{ return (() => {{ {condition} }})(); }} catch (e) {{ return false; }} }};\
             const start = performance.now();\
             const tick = () => {{ if (check()) {{ done(true); }} else if (performance.now() - start > 15000) {{ done(false); }} else {{ requestAnimationFrame(tick); }} }};\
             tick();"
        );
        let ok = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("wait in the page");
        assert_eq!(ok, json!(true), "timed out waiting until {what}");
    }

    /// Sends a Chrome DevTools Protocol command through chromedriver (for example
    /// `Emulation.setEmulatedMedia` or `Emulation.setCPUThrottlingRate`).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(
            self.engine,
            Engine::Chromium,
            "CDP is Chromium's: guard the step with `chromium_only`"
        );
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|err| panic!("CDP {cmd} failed: {err}"))
    }

    /// Lets one macrotask pass in the page, so queued microtasks and timers of 0 ms have run.
    pub async fn next_task(&self) {
        let script =
            "const done = arguments[arguments.length - 1]; setTimeout(() => done(true), 0);";
        self.client
            .execute_async(script, vec![])
            .await
            .expect("let a task pass");
    }

    /// Lets two animation frames and a task pass, long enough for a widget that had started
    /// with another one (from the same compiled module) to have drawn too.
    pub async fn settle(&self) {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(true), 0)));",
                vec![],
            )
            .await
            .expect("let two frames pass");
    }

    /// Presses and releases one key (use `fantoccini::key::Key` values for special keys).
    pub async fn press(&self, key: char) {
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("press a key");
    }

    /// Presses Shift+`key`.
    pub async fn press_shifted(&self, key: char) {
        let shift = '\u{E008}';
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: shift });
        self.client
            .perform_actions(actions)
            .await
            .expect("press a key");
    }

    /// A short description of the element focused inside widget `index`, if any.
    pub async fn focused(&self, index: usize) -> String {
        let value = self
            .in_widget(
                index,
                "const a = root.activeElement; if (!a) return ''; \
                 return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + ' ' + (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 80);",
            )
            .await;
        value.as_str().unwrap_or("").to_string()
    }

    /// Presses Tab until the element focused in widget `index` matches `selector`; the
    /// journey uses the keyboard only, as a person without a mouse would.
    pub async fn tab_to(&self, index: usize, selector: &str, max_presses: usize) {
        self.move_focus_to(index, selector, max_presses, false)
            .await;
    }

    /// Presses Shift+Tab until the focused element matches `selector`: back up the page, as a
    /// keyboard user would rather than leaving it (Firefox sends Tab past the page's end into
    /// its own toolbar, where it stays).
    pub async fn shift_tab_to(&self, index: usize, selector: &str, max_presses: usize) {
        self.move_focus_to(index, selector, max_presses, true).await;
    }

    /// Presses Tab or Shift+Tab, whichever way `selector` lies from the focused element in
    /// the page's order, until the focus reaches it.
    pub async fn keyboard_to(&self, index: usize, selector: &str, max_presses: usize) {
        let script = format!(
            "const target = root.querySelector({}); const a = root.activeElement;\
             return !!(target && a && (a.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING));",
            serde_json::to_string(selector).unwrap()
        );
        let back = self.in_widget(index, &script).await == json!(true);
        self.move_focus_to(index, selector, max_presses, back).await;
    }

    async fn move_focus_to(&self, index: usize, selector: &str, max_presses: usize, back: bool) {
        // Each step also checks that a focused control inside the widget shows its focus
        // ring (an outline of 2 px or more); headings the widget focuses itself are exempt.
        // WebKitGTK does not always count WebDriver's keys as keyboard use, and then rightly
        // shows no `:focus-visible` ring; there only a ring it does show is checked.
        let unsure_modality = self.engine == Engine::WebKit;
        let check = format!(
            "const a = root.activeElement; if (!a) return {{ hit: false, ring: true }};\
             const s = getComputedStyle(a); const drawn = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;\
             const ring = a.getAttribute('tabindex') === '-1' || (a.matches(':focus-visible') ? drawn : {unsure_modality});\
             return {{ hit: a.matches({selector}), ring, what: a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + '.' + String(a.className).split(' ').join('.') }};",
            selector = serde_json::to_string(selector).unwrap()
        );
        for _ in 0..max_presses {
            let focus = self.in_widget(index, &check).await;
            assert_eq!(
                focus["ring"],
                json!(true),
                "the focused control shows no focus ring: {focus}"
            );
            if focus["hit"] == json!(true) {
                return;
            }
            if back {
                self.press_shifted('\u{E004}').await;
            } else {
                self.press('\u{E004}').await;
            }
        }
        panic!(
            "{} never reached `{selector}` in {max_presses} presses (focused: {})",
            if back { "Shift+Tab" } else { "Tab" },
            self.focused(index).await
        );
    }

    /// Resizes the window for a page `width` CSS px wide and says so when the engine keeps it
    /// wider (WebKit's MiniBrowser stops at about 450 px), so a narrow check never passes
    /// silently at another width.
    pub async fn set_width(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        let inner = self.eval("return window.innerWidth;").await;
        if inner.as_u64().unwrap_or(0) > u64::from(width) + 20 {
            eprintln!(
                "[{}] note: asked for a {width} px window, the page is {inner} px wide",
                self.engine.name()
            );
        }
    }

    /// Fails unless the element focused in widget `index` matches `selector`, for example the
    /// control just pressed after the widget re-rendered: focus is never lost.
    pub async fn assert_focused(&self, index: usize, selector: &str) {
        let script = format!(
            "const a = root.activeElement; return !!(a && a.matches({}));",
            serde_json::to_string(selector).unwrap()
        );
        if self.in_widget(index, &script).await != json!(true) {
            panic!(
                "focus left `{selector}` (focused: {:?})",
                self.focused(index).await
            );
        }
    }

    /// What the page's capture script recorded: console errors and warnings, uncaught
    /// errors and CSP violations.
    pub async fn log(&self) -> Vec<String> {
        let value = self.eval("return window.__ktwLog || null;").await;
        serde_json::from_value::<Option<Vec<String>>>(value)
            .expect("read the page log")
            .expect("the page has no capture script")
    }

    /// Fails if the page logged a console error, an uncaught exception or a CSP violation
    /// (warnings are allowed: bad attributes are meant to warn).
    pub async fn assert_no_errors(&self) {
        let log = self.log().await;
        let errors: Vec<&String> = log
            .iter()
            .filter(|line| !line.starts_with("warn:"))
            .collect();
        assert!(errors.is_empty(), "the page logged errors: {errors:#?}");
    }

    /// The events the page heard from widgets, as `[name, detail]` pairs.
    pub async fn events(&self) -> Vec<(String, Value)> {
        let value = self.eval("return window.__ktwEvents || [];").await;
        serde_json::from_value(value).expect("read the events")
    }

    /// Runs axe-core on widget `index` (its shadow root included) and returns the
    /// violations as readable lines.
    pub async fn axe(&self, index: usize) -> Vec<String> {
        let source = std::fs::read_to_string(root().join("tests/node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed by `cargo xtask test` (npm ci --prefix tests)");
        self.client
            .execute(&source, vec![])
            .await
            .expect("load axe-core");
        let script = format!(
            "const done = arguments[arguments.length - 1];\
             const host = [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')][{index}];\
             axe.run(host, {{ resultTypes: ['violations'] }}).then(r => done(r.violations.map(v => \
               v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')))).catch(e => done(['axe failed: ' + e]));"
        );
        let value = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("run axe-core");
        serde_json::from_value(value).expect("read axe results")
    }

    /// Interactive elements of widget `index` smaller than 24 × 24 CSS px (WCAG 2.2's target
    /// size minimum), described one per line. A radio button or checkbox counts with the label
    /// that wraps it; links inside a sentence are exempt, as the criterion allows.
    pub async fn assert_no_small_targets(&self, index: usize, state: &str) {
        let small = self.small_targets(index).await;
        assert!(
            small.is_empty(),
            "targets under 24 px, {state}:\n{}",
            small.join("\n")
        );
    }

    /// The targets of widget `index` under 24 × 24 CSS px, one description per line.
    async fn small_targets(&self, index: usize) -> Vec<String> {
        let value = self
            .in_widget(
                index,
                "const small = []; let checked = 0;\
                 for (const el of root.querySelectorAll('button, a[href], input, select, textarea, summary, [role=tab], [tabindex]:not([tabindex=\"-1\"])')) {\
                   if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;\
                   let target = el;\
                   if (el.matches('input[type=radio], input[type=checkbox]')) { target = el.closest('label') || (el.id && root.querySelector('label[for=\"' + el.id + '\"]')) || el; }\
                   const parent = el.parentElement;\
                   const inSentence = el.tagName === 'A' && getComputedStyle(el).display === 'inline' && parent && parent.textContent.replace(el.textContent, '').trim().length > 0;\
                   if (inSentence) continue;\
                   checked += 1;\
                   const r = target.getBoundingClientRect();\
                   if (r.width < 23.99 || r.height < 23.99) small.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' \"' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '\" ' + Math.round(r.width) + '×' + Math.round(r.height));\
                 }\
                 return { checked, small };",
            )
            .await;
        assert!(
            value["checked"].as_u64().unwrap_or(0) > 0,
            "no targets found to measure: {value}"
        );
        serde_json::from_value(value["small"].clone()).expect("read the target sizes")
    }

    /// Saves a screenshot under `target/screenshots/<engine>/` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let dir = root().join("target/screenshots").join(self.engine.name());
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    /// Ends the session (the driver process is killed on drop).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// A DevTools command sent to chromedriver's `goog/cdp/execute` endpoint.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The system locale WebKitGTK needs for a browser language: Latin American Spanish is
/// Mexico's locale, the one `cargo xtask setup` generates.
fn webkit_locale(language: &str) -> String {
    match language {
        "es" | "es-419" => "es_MX".to_string(),
        other => other.replace('-', "_"),
    }
}

/// Spawns a WebDriver server and reads the port it prints (with `find_port`) from its output.
/// A server that exits before naming its port is started again, twice at most, with a note:
/// on a loaded machine chromedriver once did so in a clean-clone run.
async fn spawn_driver(
    command: &mut Command,
    install_hint: &str,
    find_port: fn(&str) -> Option<u16>,
) -> (Child, u16) {
    let mut said = Vec::new();
    for attempt in 1..=3 {
        let mut driver = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|err| panic!("start the WebDriver server ({install_hint}): {err}"));
        let stdout = driver.stdout.take().expect("the driver's output");
        let (port, lines) = tokio::task::spawn_blocking(move || {
            use std::io::BufRead;
            let mut lines = std::io::BufReader::new(stdout).lines();
            let mut seen = Vec::new();
            let port = lines.by_ref().map_while(Result::ok).find_map(|line| {
                let port = find_port(&line);
                seen.push(line);
                port
            });
            // Keep reading so the driver never blocks on a full pipe.
            std::thread::spawn(move || for _ in lines {});
            (port, seen)
        })
        .await
        .expect("read the driver's output");
        if let Some(port) = port {
            return (driver, port);
        }
        let status = driver.wait().ok();
        eprintln!("note: the WebDriver server (attempt {attempt}) ended without naming a port: {status:?} {lines:?}");
        said = lines;
    }
    panic!("the WebDriver server did not say which port it uses; it said {said:?}");
}

/// Waits up to 20 seconds until something listens on `port` at 127.0.0.1.
async fn wait_for_port(port: u16) {
    for _ in 0..200 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the WebDriver server never listened on port {port}");
}

fn which(program: &str) -> Option<String> {
    let output = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (!path.is_empty()).then_some(path)
}
