//! Real-browser helpers for the end-to-end tests: Debian's chromedriver and headless Chromium
//! driven over WebDriver (fantoccini), the built `dist/` served from one 127.0.0.1 port and the
//! test pages from another, keyboard input, shadow-root queries and axe-core audits.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

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

/// A chromedriver process and a session in a fresh headless Chromium profile.
pub struct Browser {
    pub client: Client,
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

impl Browser {
    /// Starts chromedriver and opens a session with `extra` Chromium flags.
    pub async fn chromium(extra: &[&str]) -> Browser {
        // Port 0 lets chromedriver pick a free port, which it prints; two tests never race
        // for the same one.
        let mut driver = Command::new("chromedriver")
            .arg("--port=0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "start chromedriver (apt-get install chromium-driver, or run `cargo xtask test`)",
            );
        let stdout = driver.stdout.take().expect("chromedriver's output");
        let port = tokio::task::spawn_blocking(move || {
            use std::io::BufRead;
            let mut lines = std::io::BufReader::new(stdout).lines();
            let port = lines.by_ref().map_while(Result::ok).find_map(|line| {
                line.split("started successfully on port ")
                    .nth(1)
                    .and_then(|rest| rest.trim_end_matches('.').trim().parse::<u16>().ok())
            });
            // Keep reading so chromedriver never blocks on a full pipe.
            std::thread::spawn(move || for _ in lines {});
            port
        })
        .await
        .expect("read chromedriver's output")
        .expect("chromedriver did not say which port it uses");
        let profile = TempDir::new("profile");
        let mut args: Vec<String> = CHROMIUM_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile.0.display()));
        args.push("--window-size=1280,900".to_string());
        args.extend(extra.iter().map(|s| s.to_string()));
        let mut options = json!({ "args": args });
        if let Some(binary) = which("chromium") {
            options["binary"] = json!(binary);
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".to_string(), options);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("open a Chromium session");
        Browser {
            client,
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
        let check = format!(
            "const a = root.activeElement; return !!(a && a.matches({}));",
            serde_json::to_string(selector).unwrap()
        );
        for _ in 0..max_presses {
            if self.in_widget(index, &check).await == json!(true) {
                return;
            }
            self.press('\u{E004}').await;
        }
        panic!(
            "Tab never reached `{selector}` in {max_presses} presses (focused: {})",
            self.focused(index).await
        );
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

    /// Saves a screenshot under `target/screenshots/` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let dir = root().join("target/screenshots");
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

fn which(program: &str) -> Option<String> {
    let output = Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (!path.is_empty()).then_some(path)
}
