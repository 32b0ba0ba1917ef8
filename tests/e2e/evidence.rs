//! End-to-end tests of what the clinical review asked to see in a real browser: the
//! clinicians' evidence table opens from disk and the About panel links to it; ECT can be
//! picked but is not compared at first; figures measured differently say so.

use crate::support::browser::{self, Browser, Servers};
use crate::support::engine::Launch;
use crate::support::widget_page::WidgetPage;
use serde_json::json;

#[tokio::test]
async fn the_evidence_table_opens_from_disk_from_the_about_panel() {
    let dist = browser::dist();
    let browser = Browser::launch(Launch {
        network_off: true,
        ..Launch::default()
    })
    .await;
    browser.open(&browser::offline_page()).await;
    browser.click(".ktw-about > button").await;
    browser.wait_for(".ktw-evidence-link").await;
    let link = browser
        .in_widget(0, "return root.querySelector('.ktw-evidence-link').href;")
        .await;
    let link = link.as_str().unwrap().to_string();
    let expected = format!("file://{}", dist.join("evidence.html").display());
    assert_eq!(
        link, expected,
        "the About panel links to the table beside the file"
    );
    browser.open_plain(&link).await;
    let page = browser
        .eval(
            "return { title: document.querySelector('h1').innerText, \
                      quotes: document.querySelectorAll('blockquote').length, \
                      options: [...document.querySelectorAll('section > h2')].map(h => h.innerText), \
                      sources: document.querySelectorAll('#sources + ol > li').length };",
        )
        .await;
    assert_eq!(page["title"], json!("Evidence table"));
    assert!(
        page["quotes"].as_u64().unwrap() >= 100,
        "every figure shows the words of its source: {page}"
    );
    assert_eq!(page["options"].as_array().unwrap().len(), 8, "{page}");
    assert!(page["sources"].as_u64().unwrap() >= 50, "{page}");
    let requests = browser
        .eval("return performance.getEntriesByType('resource').map(e => e.name);")
        .await;
    assert_eq!(requests, json!([]), "the evidence table fetched something");
    browser.close().await;
}

#[tokio::test]
async fn ect_is_pickable_but_not_compared_at_first() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let heads = "return [...root.querySelectorAll('thead th.ktw-option-head .ktw-option-name')].map(e => e.innerText);";
    let before = browser.in_widget(0, heads).await;
    assert_eq!(before.as_array().unwrap().len(), 3, "{before}");
    assert!(
        !before.to_string().contains("ECT"),
        "ECT is not in the first comparison: {before}"
    );
    // Swap TMS for ECT, as a person would: untick one, tick ECT.
    browser.click("#ktw-pick-tms").await;
    browser.click("#ktw-pick-ect").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return [...root.querySelectorAll('thead th.ktw-option-head')].some(th => th.innerText.includes('ECT'));",
            "ECT joins the comparison",
        )
        .await;
    // Its results show, and figures from different scales and times say so.
    browser
        .click("#ktw-sec-results button.ktw-disclosure")
        .await;
    browser.wait_for(".ktw-compare-note").await;
    let cells = browser
        .in_widget(
            0,
            "return [...root.querySelectorAll('#ktw-sec-results td.ktw-family-ect .ktw-icons')].length;",
        )
        .await;
    assert!(
        cells.as_u64().unwrap() >= 2,
        "ECT's cell shows its icon arrays: {cells}"
    );
    let note = browser.text_of(".ktw-compare-note").await;
    assert!(note.contains("Do not compare them directly"), "{note}");
    browser.assert_no_errors().await;
    browser.close().await;
}
