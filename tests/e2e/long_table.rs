//! End-to-end tests of the comparison with every section open, which is many screens tall and
//! lays out only the cells near the screen (`style/rows.css`): what is far below is still the
//! page's text, is drawn when scrolled to, and is printed.

use crate::support::browser::{nth_widget_root, Browser, Servers};
use crate::support::engine;
use crate::support::widget_page::WidgetPage;
use ketamine_tms_widget::ui::cell::ROWS_DRAWN_AT_ONCE as FIRST_ROWS;
use serde_json::json;

/// Every open row's cells as `[textContent length, innerText length]` pairs: the first is the
/// text in the page (find-in-page and screen readers use it), the second what is drawn.
const CELL_TEXT: &str = "return [...root.querySelectorAll('tr.ktw-row > td')]\
     .map(td => [td.textContent.trim().length, td.innerText.trim().length]);";

#[tokio::test]
async fn far_cells_keep_their_text_are_drawn_when_reached_and_print() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(1280, 900).await;
    browser.open(&servers.page("basic.html")).await;
    let widget = WidgetPage::first(&browser);
    widget.open_every_section().await;
    let cells = widget.run(CELL_TEXT).await;
    let cells = cells.as_array().expect("a list of cells");
    assert!(
        cells.len() >= 30,
        "every section's cells are there: {}",
        cells.len()
    );
    assert!(
        cells.iter().all(|cell| cell[0].as_u64().unwrap_or(0) > 0),
        "every cell holds its text, near the screen or not: {cells:?}"
    );

    // Scrolled to, the last cell is drawn with its text.
    widget
        .run("root.querySelector('tr.ktw-row:last-of-type > td:last-child').scrollIntoView(); return true;")
        .await;
    browser.settle().await;
    let last = widget
        .run("return root.querySelector('tr.ktw-row:last-of-type > td:last-child').innerText.trim().length;")
        .await;
    assert!(
        last.as_u64().unwrap_or(0) > 0,
        "the last cell is drawn when reached"
    );

    // Printed, every cell is laid out, however far from the screen it was.
    if engine::chromium_only("the print view of every cell") {
        browser.eval("window.scrollTo(0, 0); return true;").await;
        browser.settle().await;
        browser
            .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await;
        let printed = widget.run(CELL_TEXT).await;
        let blank: Vec<&serde_json::Value> = printed
            .as_array()
            .expect("a list of cells")
            .iter()
            .filter(|cell| cell[1].as_u64().unwrap_or(0) == 0)
            .collect();
        assert!(
            blank.is_empty(),
            "cells printed blank: {blank:?} of {printed}"
        );
    }
    browser.assert_no_errors().await;
    browser.close().await;
}

/// What the two scripts below share, with `root` bound: `done` (WebDriver's callback),
/// `frames()` (two animation frames and a task) and `drawn(td)` (the cell holds its content,
/// more than the option's short name, and is not marked busy).
const CELL_SCRIPT_PRELUDE: &str = "const done = arguments[arguments.length - 1];\
     const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));\
     const drawn = td => !!td.querySelector('.ktw-claim, figure') && !td.hasAttribute('aria-busy');";

/// Opens `basic.html` at 1280 × 900 with every section open, then runs `script` (an
/// asynchronous body that ends by calling `done`) after [`CELL_SCRIPT_PRELUDE`], and returns
/// the browser and what the script gave back.
async fn with_every_section_open(servers: &Servers, script: &str) -> (Browser, serde_json::Value) {
    let browser = Browser::start().await;
    browser.set_width(1280, 900).await;
    browser.open(&servers.page("basic.html")).await;
    WidgetPage::first(&browser).open_every_section().await;
    browser.settle().await;
    let script = format!(
        "const root = {};\n{CELL_SCRIPT_PRELUDE}\n{script}",
        nth_widget_root(0)
    );
    let value = browser.client.execute_async(&script, vec![]).await;
    assert!(value.is_ok(), "script failed: {value:?}\n{script}");
    (browser, value.unwrap_or_default())
}

/// With every section open, picks TMS again after dropping it, and reports, for each open row
/// in order, whether the new TMS cell holds its content (more than the option's short name):
/// `atOnce` right after the click's render, in the click's own task, and `later` once every
/// new cell is drawn (frames are awaited until then, for 10 s at most; `waited` says how
/// long); `same` tells whether the cells then read as they did before TMS was dropped.
const ADD_TMS_AGAIN: &str = "const cells = () => [...root.querySelectorAll('tr.ktw-row:not(.ktw-compare-note) > td')];\
     const busy = td => td.getAttribute('aria-busy') === 'true';\
     const head = root.querySelector('thead');\
     const changed = () => new Promise(resolve => { const count = head.querySelectorAll('th').length;\
       const watch = new MutationObserver(() => { if (head.querySelectorAll('th').length !== count) { watch.disconnect(); resolve(); } });\
       watch.observe(head, { childList: true, subtree: true }); });\
     (async () => {\
       const withTms = cells();\
       let seen = changed(); root.querySelector('#ktw-pick-tms').click(); await seen;\
       const kept = new Set(cells());\
       const before = withTms.filter(td => !kept.has(td)).map(td => td.textContent);\
       await frames();\
       const old = new Set(cells());\
       seen = changed(); root.querySelector('#ktw-pick-tms').click(); await seen;\
       const added = cells().filter(td => !old.has(td));\
       const atOnce = added.map(drawn), busyAtOnce = added.map(busy);\
       const start = performance.now(); await frames();\
       while (added.some(td => !drawn(td)) && performance.now() - start < 10000) { await frames(); }\
       done({ atOnce, busyAtOnce, waited: Math.round(performance.now() - start), later: added.map(drawn), same: JSON.stringify(added.map(td => td.textContent)) === JSON.stringify(before), rows: added.length });\
     })();";

#[tokio::test]
async fn an_added_option_draws_the_first_rows_at_once_and_the_rest_after_the_frame() {
    let servers = Servers::start();
    let (browser, added) = with_every_section_open(&servers, ADD_TMS_AGAIN).await;
    let at_once: Vec<bool> = serde_json::from_value(added["atOnce"].clone()).unwrap();
    let later: Vec<bool> = serde_json::from_value(added["later"].clone()).unwrap();
    assert!(
        at_once.len() > FIRST_ROWS,
        "the table has more rows than are drawn at once: {added}"
    );
    // The click draws the rows nearest the picker, which are the ones a person sees at once...
    assert!(
        at_once.iter().take(FIRST_ROWS).all(|drawn| *drawn),
        "the first {FIRST_ROWS} rows' new cells are drawn by the click itself: {added}"
    );
    // ...and leaves the rest, off screen and marked busy, for the tasks after its frame.
    let busy: Vec<bool> = serde_json::from_value(added["busyAtOnce"].clone()).unwrap();
    assert!(
        at_once.iter().skip(FIRST_ROWS).all(|drawn| !drawn),
        "the rows further down wait for the frame: {added}"
    );
    assert_eq!(
        busy,
        at_once.iter().map(|drawn| !drawn).collect::<Vec<_>>(),
        "exactly the cells still to draw are marked busy: {added}"
    );
    assert!(
        later.iter().all(|drawn| *drawn),
        "every new cell is drawn in the frames after the click: {added}"
    );
    assert_eq!(
        added["same"],
        json!(true),
        "the cells drawn later read as they did before: {added}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

/// With every section open, closes the last section and opens it again, and reports whether
/// each of its cells holds its content right after the click's render, in the click's task.
const REOPEN_LAST_SECTION: &str = "const last = () => [...root.querySelectorAll('tbody.ktw-section')].pop();\
     const rendered = () => new Promise(resolve => { const watch = new MutationObserver(() => { watch.disconnect(); resolve(); });\
       watch.observe(last(), { childList: true, subtree: true, attributes: true }); });\
     (async () => {\
       let seen = rendered(); last().querySelector('button.ktw-disclosure').click(); await seen; await frames();\
       seen = rendered(); last().querySelector('button.ktw-disclosure').click(); await seen;\
       const cells = [...last().querySelectorAll('tr.ktw-row:not(.ktw-compare-note) > td')];\
       done(cells.map(drawn));\
     })();";

#[tokio::test]
async fn a_section_opened_below_open_ones_draws_its_rows_at_once() {
    let servers = Servers::start();
    let (browser, drawn) = with_every_section_open(&servers, REOPEN_LAST_SECTION).await;
    let drawn: Vec<bool> = serde_json::from_value(drawn).unwrap();
    // The section opens beside the button just used, so its rows are what the screen shows.
    assert!(!drawn.is_empty(), "the last section has cells");
    assert!(
        drawn.iter().all(|cell| *cell),
        "the cells of a section opened on its own are drawn by the click: {drawn:?}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

/// With every section open, drops TMS and picks it again, and in the click's own task, before
/// any frame, announces printing as the browser does (`beforeprint` on the window). Reports
/// how many new cells were waiting, whether every one is drawn once the microtasks have run,
/// how many are still marked busy, and whether a frame came in between.
const PRINT_RIGHT_AFTER_ADDING: &str = "const cells = () => [...root.querySelectorAll('tr.ktw-row:not(.ktw-compare-note) > td')];\
     const head = root.querySelector('thead');\
     const changed = () => new Promise(resolve => { const count = head.querySelectorAll('th').length;\
       const watch = new MutationObserver(() => { if (head.querySelectorAll('th').length !== count) { watch.disconnect(); resolve(); } });\
       watch.observe(head, { childList: true, subtree: true }); });\
     (async () => {\
       let seen = changed(); root.querySelector('#ktw-pick-tms').click(); await seen; await frames();\
       const old = new Set(cells());\
       seen = changed(); root.querySelector('#ktw-pick-tms').click(); await seen;\
       const added = cells().filter(td => !old.has(td));\
       const waiting = added.filter(td => !drawn(td)).length;\
       let frame = false; requestAnimationFrame(() => { frame = true; });\
       window.dispatchEvent(new Event('beforeprint'));\
       for (let i = 0; i < 100 && added.some(td => !drawn(td)); i++) { await Promise.resolve(); }\
       const result = { waiting, drawnAll: added.every(drawn), busy: added.filter(td => td.hasAttribute('aria-busy')).length, frame };\
       window.dispatchEvent(new Event('afterprint'));\
       done(result);\
     })();";

#[tokio::test]
async fn printing_right_after_a_click_draws_the_cells_still_waiting_first() {
    let servers = Servers::start();
    let (browser, printed) = with_every_section_open(&servers, PRINT_RIGHT_AFTER_ADDING).await;
    assert!(
        printed["waiting"].as_u64().unwrap_or(0) > 0,
        "some new cells wait for the frame: {printed}"
    );
    assert_eq!(
        printed["frame"],
        json!(false),
        "no frame came between: {printed}"
    );
    // A printout must not show a bare option name where the evidence belongs.
    assert_eq!(
        (printed["drawnAll"].clone(), printed["busy"].clone()),
        (json!(true), json!(0)),
        "the page announced printing, so every waiting cell is drawn before it prints: {printed}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}
