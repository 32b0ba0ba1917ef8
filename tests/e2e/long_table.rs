//! End-to-end tests of the comparison with every section open, which is many screens tall and
//! lays out only the cells near the screen (`style/rows.css`): what is far below is still the
//! page's text, is drawn when scrolled to, and is printed.

use crate::support::browser::{Browser, Servers};
use crate::support::engine;
use crate::support::widget_page::WidgetPage;
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
