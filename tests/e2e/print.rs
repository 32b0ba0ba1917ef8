//! End-to-end check of the printout's QR code (issue 14): after Print, the printed results
//! carry a QR code that decodes, with an independent decoder (`rqrr`), to the share link that
//! opens the same results; before Print there is none, so the answers are not drawn into the
//! page until the person asks for a printout.

use crate::support::browser::{Browser, Servers};
use crate::support::qr_reader::read_qr;
use serde_json::{json, Value};

/// Pixels per QR module when the code is drawn for the decoder.
const SCALE: u32 = 4;

/// Draws the printout's QR code (an SVG) onto a canvas, as a printer would put it on paper,
/// and returns its grey levels row by row with the image's side.
const READ_QR: &str = "const done = arguments[arguments.length - 1];\
    const root = window.__ktwRoot(document.querySelector('ketamine-tms-widget'));\
    const svg = root.querySelector('.ktw-print-qr svg');\
    if (!svg) { done(null); return; }\
    const side = svg.viewBox.baseVal.width * SCALE;\
    const copy = svg.cloneNode(true); copy.setAttribute('width', side); copy.setAttribute('height', side);\
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');\
    const img = new Image();\
    img.onload = () => { const c = document.createElement('canvas'); c.width = side; c.height = side;\
      const g = c.getContext('2d'); g.drawImage(img, 0, 0, side, side);\
      const d = g.getImageData(0, 0, side, side).data; const grey = [];\
      for (let i = 0; i < d.length; i += 4) grey.push(Math.round((d[i] + d[i + 1] + d[i + 2]) / 3));\
      done({ side, grey }); };\
    img.onerror = () => done({ error: 'the code did not draw' });\
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(copy));";

#[tokio::test]
async fn the_printouts_qr_code_opens_the_same_results() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "no");
    answers.choose("implants", "in-head");
    answers.choose("relief-timing", "days");
    let link = format!(
        "{}#ktw={}",
        servers.page("index.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
    let script = READ_QR.replace("SCALE", &SCALE.to_string());
    assert_eq!(
        browser.client.execute_async(&script, vec![]).await.unwrap(),
        Value::Null,
        "no code before the person asks to print"
    );
    browser
        .eval("window.__printed = 0; window.print = () => { window.__printed += 1; }; return true;")
        .await;
    browser.click("#ktw-print").await;
    browser
        .wait_until("return window.__printed === 1;", "the print dialog opens")
        .await;
    let drawn = browser.client.execute_async(&script, vec![]).await.unwrap();
    assert!(drawn.get("error").is_none(), "{drawn}");
    let side = drawn["side"].as_u64().unwrap() as usize;
    let grey: Vec<u8> = serde_json::from_value(drawn["grey"].clone()).unwrap();
    assert_eq!(grey.len(), side * side);
    let read = read_qr(side, |x, y| grey.get(y * side + x).copied().unwrap_or(255));
    assert_eq!(read, Ok(link.clone()), "the code is the share link");
    let caption = browser
        .in_widget(
            0,
            "return root.querySelector('.ktw-print-qr figcaption').textContent;",
        )
        .await;
    assert!(caption.as_str().unwrap().contains("phone"), "{caption}");
    let label = browser
        .in_widget(
            0,
            "return root.querySelector('.ktw-print-qr svg').getAttribute('aria-label');",
        )
        .await;
    assert_eq!(label, caption, "the code is named by its caption");
    // A changed answer makes the printed code stale, so it goes until the next Print.
    browser.click("#ktw-edit-answers").await;
    browser
        .wait_until(
            "return !window.__ktwRoot(document.querySelector('ketamine-tms-widget')).querySelector('#ktw-results-heading');",
            "the answers summary",
        )
        .await;
    assert_eq!(
        browser
            .in_widget(0, "return !!root.querySelector('.ktw-print-qr');")
            .await,
        json!(false)
    );
    browser.close().await;
}
