//! Starting a browser session: Chromium, Firefox or WebKit under their WebDriver servers,
//! each in a fresh profile with the options a test asks for.

use super::browser::Browser;
use super::engine::{Engine, Launch, TempDir};
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};

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

/// How long a WebKit session may take to open before it is started again (one opens in a
/// few seconds on this machine).
const WEBKIT_SESSION_START: std::time::Duration = std::time::Duration::from_secs(60);

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
        // Once in a clean-clone run, no MiniBrowser came up and WebKitWebDriver waited for it
        // forever, so the whole WebKit run timed out: a session that does not open within
        // WEBKIT_SESSION_START is given up, with a note, and started again, twice at most.
        for attempt in 1..=3 {
            let mut driver = command
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start WebKitWebDriver (apt-get install webkit2gtk-driver xvfb, or run `cargo xtask test`)");
            wait_for_port(port).await;
            let session = open_session(port, capabilities.clone());
            match tokio::time::timeout(WEBKIT_SESSION_START, session).await {
                Ok(Ok(client)) => {
                    let browser = Browser::from_session(
                        client,
                        Engine::WebKit,
                        driver,
                        TempDir::new("profile"),
                    );
                    let _ = browser.client.set_window_size(1280, 900).await;
                    return browser;
                }
                Ok(Err(err)) => panic!("open a WebKit session: {err}"),
                Err(_) => {
                    eprintln!("note: the WebKit session (attempt {attempt}) did not open within {WEBKIT_SESSION_START:?}; starting WebKitWebDriver again");
                    // MiniBrowser, if it came up at all, is the driver's child.
                    let _ = Command::new("pkill")
                        .args(["-KILL", "-P", &driver.id().to_string()])
                        .status();
                    let _ = driver.kill();
                    let _ = driver.wait();
                }
            }
        }
        panic!("no WebKit session opened in 3 attempts of {WEBKIT_SESSION_START:?}");
    }

    async fn connect(
        engine: Engine,
        driver: Child,
        port: u16,
        capabilities: serde_json::Map<String, Value>,
        profile: TempDir,
    ) -> Browser {
        let client = open_session(port, capabilities)
            .await
            .unwrap_or_else(|err| panic!("open a {} session: {err}", engine.name()));
        Browser::from_session(client, engine, driver, profile)
    }

    /// The browser behind an open WebDriver session, which owns its driver and profile.
    fn from_session(client: Client, engine: Engine, driver: Child, profile: TempDir) -> Browser {
        Browser {
            client,
            engine,
            driver,
            _profile: profile,
            in_frame: std::cell::Cell::new(false),
        }
    }
}

/// Opens a WebDriver session with `capabilities` on the driver listening on `port`.
async fn open_session(
    port: u16,
    capabilities: serde_json::Map<String, Value>,
) -> Result<Client, fantoccini::error::NewSessionError> {
    let mut builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new());
    builder.capabilities(capabilities);
    builder.connect(&format!("http://127.0.0.1:{port}")).await
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
