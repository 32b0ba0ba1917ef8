//! How the widget looks, for browser tests that compare states: whether a selected control
//! differs from its neighbour in its computed colours, and how many colours an element's
//! pixels hold on screen (Chromium, through a DevTools screenshot).

use super::browser::Browser;
use serde_json::{json, Value};

/// For each pair of selectors (selected, not selected) in widget 0, whether the two differ in
/// text colour, visible background (a transparent one shows what is behind it), border colour
/// or style, or outline, and the styles compared. Border widths alone do not count.
const DISTINCT: &str = "\
    const shown = el => { while (el) { const c = getComputedStyle(el).backgroundColor;\
        if (c !== 'transparent' && !/, 0\\)$/.test(c)) return c; el = el.parentElement || (el.getRootNode().host || null); } return 'canvas'; };\
    const look = el => { const s = getComputedStyle(el); const outline = s.outlineStyle === 'none' ? 'none' : s.outlineStyle + ' ' + s.outlineColor;\
        return [s.color, shown(el), s.borderTopColor + ' ' + s.borderTopStyle, s.borderBottomColor + ' ' + s.borderBottomStyle, outline]; };\
    return arguments[0].map(([on, off]) => {\
      const a = root.querySelector(on), b = root.querySelector(off);\
      if (!a || !b) return { pair: on, missing: true };\
      const la = look(a), lb = look(b);\
      const differ = ['color', 'background', 'top border', 'bottom border', 'outline'].filter((_, i) => la[i] !== lb[i]);\
      return { pair: on, differ, on: la.join(' / '), off: lb.join(' / ') };\
    });";

/// Fails unless, for each pair of selectors (selected, not selected) in the first widget, the
/// two look different; `state` names the step in the message.
pub async fn distinct(browser: &Browser, pairs: &[(&str, &str)], state: &str) {
    let script = format!(
        "const root = window.__ktwRoot(document.querySelector('ketamine-tms-widget'));\
         return (function() {{ {DISTINCT} }}).apply(null, [{}]);",
        serde_json::to_string(pairs).unwrap()
    );
    let results = browser.eval(&script).await;
    for result in results.as_array().unwrap() {
        if std::env::var("KTW_DEBUG").is_ok() {
            eprintln!("{state}: {result}");
        }
        assert_ne!(result["missing"], json!(true), "{state}: {result}");
        assert!(
            !result["differ"].as_array().unwrap().is_empty(),
            "{state}: the selected state looks like the other: {result}"
        );
    }
}

/// The distinct colours (up to 8) of the pixels of the first element matching `selector` in the
/// first widget, as `"r,g,b"` texts. Chromium only: the screenshot is a DevTools command.
pub async fn colours_of(browser: &Browser, selector: &str) -> Value {
    let rect = browser
        .in_widget(
            0,
            &format!(
                "const r = root.querySelector({}).getBoundingClientRect();\
                 return {{ x: r.left, y: r.top, width: Math.max(r.width, 1), height: Math.max(r.height, 1), scale: 1 }};",
                serde_json::to_string(selector).unwrap()
            ),
        )
        .await;
    let shot = browser
        .cdp(
            "Page.captureScreenshot",
            json!({ "format": "png", "clip": rect }),
        )
        .await;
    browser
        .client
        .execute_async(
            "const [data, done] = arguments; const img = new Image();\
             img.onload = () => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;\
               const g = c.getContext('2d'); g.drawImage(img, 0, 0); const px = g.getImageData(0, 0, c.width, c.height).data;\
               const seen = new Set(); for (let i = 0; i < px.length; i += 4) seen.add(px[i] + ',' + px[i + 1] + ',' + px[i + 2]);\
               done([...seen].slice(0, 8)); };\
             img.onerror = () => done(['decode failed']); img.src = 'data:image/png;base64,' + data;",
            vec![shot["data"].clone()],
        )
        .await
        .expect("count the element's colours")
}
