//! A small std-only HTTP server for `dist/` and test pages, shared by the xtask and the
//! end-to-end tests. It answers GET and HEAD on 127.0.0.1 only, never leaves its root folder,
//! can add headers (a Content-Security-Policy, say) to chosen pages, and can fill `{{NAME}}`
//! placeholders in HTML so a test page can point at another origin, and can put one script
//! first in the `<head>` of every HTML page (the tests' `open-shadow.js`). Given a compressor,
//! it answers with `Content-Encoding: gzip` when the client accepts it, as a CDN would.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// Compresses a whole body into gzip format.
pub type Gzip = fn(&[u8]) -> Vec<u8>;

/// What one server serves.
#[derive(Clone, Debug, Default)]
pub struct Site {
    pub root: PathBuf,
    /// A second folder tried when a file is not under `root`.
    pub fallback: Option<PathBuf>,
    /// `(path, header name, header value)`: extra headers for the page at exactly `path`.
    pub headers: Vec<(String, String, String)>,
    /// `(placeholder, value)`: `{{placeholder}}` in HTML files becomes `value`.
    pub replacements: Vec<(String, String)>,
    /// `(URL path, file)`: a script served at that path and loaded first in every HTML page's
    /// `<head>`, before any of the page's own scripts.
    pub head_script: Option<(String, PathBuf)>,
    /// A gzip compressor: when set, bodies go out gzip-encoded to clients that accept it (the
    /// benchmark passes one; this file stays free of a compression dependency).
    pub gzip: Option<Gzip>,
}

/// Binds `127.0.0.1:port` (0 picks a free port) and serves `site` from background threads.
pub fn start(site: Site, port: u16) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    let address = listener.local_addr()?;
    let site = Arc::new(site);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let site = Arc::clone(&site);
            std::thread::spawn(move || {
                let _ = answer(stream, &site);
            });
        }
    });
    Ok(address)
}

fn answer(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accepts_gzip = false;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        let lower = header.to_ascii_lowercase();
        if lower.starts_with("accept-encoding:") && lower.contains("gzip") {
            accepts_gzip = true;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            &[],
            b"GET only",
            method == "HEAD",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let head_script = site
        .head_script
        .as_ref()
        .filter(|(url, _)| *url == path)
        .map(|(_, file)| file.clone());
    let found = head_script
        .or_else(|| resolve(&site.root, &path))
        .or_else(|| site.fallback.as_ref().and_then(|dir| resolve(dir, &path)));
    let Some(file) = found else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
            method == "HEAD",
        );
    };
    let Ok(mut body) = std::fs::read(&file) else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            &[],
            b"not found",
            method == "HEAD",
        );
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html")
        && (!site.replacements.is_empty() || site.head_script.is_some())
    {
        let mut text = String::from_utf8_lossy(&body).into_owned();
        for (name, value) in &site.replacements {
            text = text.replace(&format!("{{{{{name}}}}}"), value);
        }
        if let Some((url, _)) = &site.head_script {
            text = with_first_script(&text, url);
        }
        body = text.into_bytes();
    }
    let mut extra: Vec<(&str, &str)> = site
        .headers
        .iter()
        .filter(|(page, _, _)| *page == path)
        .map(|(_, name, value)| (name.as_str(), value.as_str()))
        .collect();
    if let (Some(compress), true) = (site.gzip, accepts_gzip) {
        body = compress(&body);
        extra.push(("Content-Encoding", "gzip"));
        extra.push(("Vary", "Accept-Encoding"));
    }
    respond(
        &mut stream,
        "200 OK",
        content_type,
        &extra,
        &body,
        method == "HEAD",
    )
}

/// `page` with `<script src="url"></script>` right after its `<head>` tag (or at its start when
/// it has none), so it runs before every other script of the page.
fn with_first_script(page: &str, url: &str) -> String {
    let tag = format!("<script src=\"{url}\"></script>");
    let lower = page.to_ascii_lowercase();
    let at = lower
        .find("<head")
        .and_then(|start| lower[start..].find('>').map(|end| start + end + 1))
        .unwrap_or(0);
    format!("{}{tag}{}", &page[..at], &page[at..])
}

/// The file under `root` for a URL path, refusing any path that would leave `root`.
fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = url_path.replace("%20", " ");
    let mut file = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    extra: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}
