//! Real-browser helpers for the end-to-end tests: the built `dist/` served from one 127.0.0.1
//! port and the test pages from another, and what a test does in a WebDriver session (open
//! pages, run scripts, query shadow roots, wait without sleeping, send DevTools commands,
//! read the page's log and events). Starting a session is `launch.rs`, the engines are
//! `engine.rs`, keys are `keyboard.rs`, clicks `pointer.rs` and axe-core audits
//! `audit.rs`.
//!
//! `KTW_BROWSER` picks the engine (`chromium`, the default, `firefox` or `webkit`); `cargo xtask
//! test` runs the suites once per engine. Steps that need the Chrome DevTools protocol run in
//! Chromium only and say so on standard error elsewhere.

use super::static_server::{self, Site};
use fantoccini::Client;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Child;

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

/// `dist/offline.html` as a page to open from disk (see [`disk_page`]).
pub fn offline_page() -> String {
    disk_page("offline.html")
}

/// The page `name` of `dist/` as a page to open from disk: a copy under `target/` with
/// `open-shadow.js` inlined first in its head (the tests reach the closed shadow root through
/// it) and a `<base>` at `dist/`, so the page still finds the files beside it. The widget's
/// script in it is the shipped one, byte for byte.
pub fn disk_page(name: &str) -> String {
    let dist = dist();
    let page = std::fs::read_to_string(dist.join(name)).expect("read the dist page");
    let helper = std::fs::read_to_string(root().join("tests/pages/open-shadow.js"))
        .expect("read open-shadow.js");
    let first = format!(
        "<head><base href=\"file://{}/\"><script>{helper}</script>",
        dist.display()
    );
    assert!(page.contains("<head>"), "{name} has a <head>");
    let page = page.replacen("<head>", &first, 1);
    let dir = root().join("target/ktw-pages");
    std::fs::create_dir_all(&dir).expect("create target/ktw-pages");
    let file = dir.join(format!("{}-{name}", std::process::id()));
    std::fs::write(&file, page).expect("write the disk copy");
    format!("file://{}", file.display())
}

/// The two origins of a test: a "CDN" serving `dist/` and a "clinic" serving `tests/pages`.
pub struct Servers {
    pub cdn: SocketAddr,
    pub clinic: SocketAddr,
}

/// The strict policy the issue names; the clinic server sends it with `/csp.html`.
pub const STRICT_CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// The Trusted Types policy the clinic server sends with `/trusted-types.html`: no HTML string
/// may reach a sink such as `innerHTML`.
pub const TRUSTED_TYPES_CSP: &str = "require-trusted-types-for 'script'";

/// Where every served HTML page loads `tests/pages/open-shadow.js` first: it keeps each
/// widget's closed shadow root for the tests (`window.__ktwRoot(host)`), as the issue allows.
pub const OPEN_SHADOW: &str = "/open-shadow.js";

/// A JavaScript expression for the shadow root of the host element `host`, which the widget
/// attaches closed; `open-shadow.js` kept it (on a page with scripts off it never ran, and
/// there is no root to find).
pub fn root_of(host: &str) -> String {
    format!("(window.__ktwRoot ? window.__ktwRoot({host}) : {host}.shadowRoot)")
}

/// A JavaScript expression for the shadow root of widget number `index` on the page, in
/// document order.
pub fn nth_widget_root(index: usize) -> String {
    format!("window.__ktwRoot([...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')][{index}])")
}

/// The `(URL path, file)` of the test script every served page loads first.
pub fn open_shadow() -> Option<(String, PathBuf)> {
    Some((
        OPEN_SHADOW.to_string(),
        root().join("tests/pages/open-shadow.js"),
    ))
}

impl Servers {
    /// Starts both servers on free ports. The clinic site also serves `dist/` files (for
    /// same-origin pages) and fills `{{CDN}}` with the CDN origin.
    pub fn start() -> Servers {
        let dist = dist();
        let cdn = static_server::start(
            Site {
                root: dist.clone(),
                head_script: open_shadow(),
                ..Default::default()
            },
            0,
        )
        .expect("start the CDN server");
        let clinic = static_server::start(
            Site {
                root: root().join("tests/pages"),
                fallback: Some(dist),
                headers: vec![
                    (
                        "/csp.html".to_string(),
                        "Content-Security-Policy".to_string(),
                        STRICT_CSP.to_string(),
                    ),
                    (
                        "/trusted-types.html".to_string(),
                        "Content-Security-Policy".to_string(),
                        TRUSTED_TYPES_CSP.to_string(),
                    ),
                ],
                replacements: vec![("CDN".to_string(), format!("http://{cdn}"))],
                head_script: open_shadow(),
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

use super::engine::{Engine, TempDir};

/// A WebDriver process and a session in a fresh browser profile.
pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    pub(super) driver: Child,
    pub(super) _profile: TempDir,
    /// Set by [`Browser::enter_frame`].
    pub(super) in_frame: std::cell::Cell<bool>,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Browser {
    /// Opens `url` and waits until every widget on it has signalled `ktw-ready` or failed.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("open the page");
        self.wait_until(
            "const hosts = [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')];\
             return hosts.length > 0 && hosts.every(h => window.__ktwRoot(h) && window.__ktwRoot(h).querySelector('.ktw'));",
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
        let script = format!("const root = {};\n{body}", nth_widget_root(index));
        self.eval(&script).await
    }

    /// Enters frame number `index` of the page; later calls run inside it.
    pub async fn enter_frame(&self, index: u16) {
        let entered = self.client.enter_frame(index).await;
        entered.expect("enter the frame");
        self.in_frame.set(true);
    }

    /// Waits until the first widget's shadow root holds an element matching `selector`.
    pub async fn wait_for(&self, selector: &str) {
        let condition = format!(
            "const host = document.querySelector('ketamine-tms-widget, [data-ketamine-tms-widget]');\
             const root = host && window.__ktwRoot(host);\
             return !!(root && root.querySelector({}));",
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
