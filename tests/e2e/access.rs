//! End-to-end checks of WCAG 2.2 AA points that only a browser can show and that the journey
//! tests do not already cover: text at 200 % (the browser's own text size doubled) loses
//! nothing and scrolls nothing sideways, in the comparison and the questionnaire; the
//! questionnaire reflows at 320 px (a question, the crisis panels, the results);
//! every target is at least 24 px at both text sizes; and the reduced-motion setting stops
//! the widget's transitions. Run in the engine `KTW_BROWSER` names.

use crate::support::browser::{Browser, Servers};
use crate::support::engine::Launch;
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// What is lost or scrolls sideways on the page and in widget 0: the page wider than the
/// window, an element reaching outside the widget's box, or text cut off by its own box.
/// Visually hidden text for screen readers (1 px boxes) is left out.
const LOSSES: &str = "\
    const problems = [];\
    const doc = document.documentElement;\
    if (doc.scrollWidth > doc.clientWidth + 1) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + doc.clientWidth);\
    const box = root.host.getBoundingClientRect();\
    for (const el of root.querySelectorAll('.ktw *')) {\
      const r = el.getBoundingClientRect();\
      if (r.width <= 1 || r.height <= 1 || el.getClientRects().length === 0) continue;\
      const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + ' \"' + (el.textContent || '').trim().slice(0, 30) + '\"';\
      if (r.right > box.right + 1 || r.left < box.left - 1) problems.push('outside the widget: ' + name + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' vs ' + Math.round(box.left) + '..' + Math.round(box.right));\
      const style = getComputedStyle(el);\
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1) problems.push('cut off: ' + name);\
    }\
    return problems.slice(0, 12);";

async fn losses(browser: &Browser, state: &str) {
    let problems = WidgetPage::first(browser).strings(LOSSES).await;
    assert!(
        problems.is_empty(),
        "{state}, {} wide:\n{}",
        browser.eval("return window.innerWidth;").await,
        problems.join("\n")
    );
}

/// Opens the questionnaire's results through a share link, on the patient page (another page
/// than the one open, since a link to the page already open only changes its fragment).
async fn open_results(browser: &Browser, servers: &Servers) {
    let mut answers = ketamine_tms_widget::fit::Answers::default();
    answers.choose("self-harm-thoughts", "no");
    answers.choose("implants", "in-head");
    let link = format!(
        "{}#ktw={}",
        servers.page("index.html"),
        ketamine_tms_widget::fit::encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
}

#[tokio::test]
async fn text_at_200_percent_loses_nothing_and_scrolls_nothing_sideways() {
    let large_text = Launch {
        large_text: true,
        ..Launch::default()
    };
    if !large_text.supported("the 200 % text check") {
        return;
    }
    let servers = Servers::start();
    let browser = Browser::launch(large_text).await;
    // A laptop window and a small tablet: the widget's text doubles in both.
    for width in [1280, 768] {
        browser.set_width(width, 900).await;
        browser.open(&servers.page("basic.html")).await;
        let size = browser
            .in_widget(
                0,
                "return getComputedStyle(root.querySelector('.ktw')).fontSize;",
            )
            .await;
        assert_eq!(
            size,
            json!("32px"),
            "the widget follows the browser's text size"
        );
        WidgetPage::first(&browser).open_every_section().await;
        losses(&browser, "comparison, every section open").await;
        browser
            .assert_no_small_targets(0, "comparison at 200 % text")
            .await;
        browser
            .screenshot(&format!("text-200-compare-{width}"))
            .await;
        browser.assert_no_errors().await;
    }

    // The first question of the questionnaire.
    browser.click("#ktw-tab-fit").await;
    browser.wait_for("#ktw-question-heading").await;
    losses(&browser, "the first question").await;
    browser
        .assert_no_small_targets(0, "the first question at 200 % text")
        .await;

    // The questionnaire's results.
    open_results(&browser, &servers).await;
    losses(&browser, "questionnaire results").await;
    browser
        .assert_no_small_targets(0, "results at 200 % text")
        .await;
    browser.screenshot("text-200-results").await;
    browser.close().await;
}

#[tokio::test]
async fn the_questionnaire_reflows_at_320_px() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(320, 800).await;
    browser.open(&servers.page("basic.html")).await;
    browser.click("#ktw-tab-fit").await;
    browser.wait_for("#ktw-question-heading").await;
    losses(&browser, "the first question").await;
    browser
        .assert_no_small_targets(0, "the first question at 320 px")
        .await;

    // Any sign of risk: the crisis panel comes first, and fits too.
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "yes-sometimes").await;
    page.next().await;
    browser.wait_for("#ktw-crisis-panel").await;
    losses(&browser, "the crisis panel").await;
    browser
        .assert_no_small_targets(0, "the crisis panel at 320 px")
        .await;
    // The urgent panel for "I might act on them" fits as well.
    browser.click("#ktw-crisis-continue").await;
    browser.wait_for("#ktw-mood-start").await;
    browser.click(".ktw-back").await;
    browser.wait_for("#ktw-self-harm-thoughts-yes-now").await;
    let page = WidgetPage::first(&browser);
    page.answer("self-harm-thoughts", "yes-now").await;
    page.next().await;
    browser.wait_for("#ktw-crisis-panel[data-urgent]").await;
    losses(&browser, "the urgent panel").await;
    browser
        .assert_no_small_targets(0, "the urgent panel at 320 px")
        .await;

    // The results.
    open_results(&browser, &servers).await;
    losses(&browser, "the results").await;
    browser
        .assert_no_small_targets(0, "the results at 320 px")
        .await;
    browser.screenshot("fit-results-320").await;
    browser.close().await;
}

#[tokio::test]
async fn every_target_is_at_least_24_px_at_the_usual_text_size() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    for width in [1280, 320] {
        browser.set_width(width, 900).await;
        browser.open(&servers.page("basic.html")).await;
        browser
            .assert_no_small_targets(0, &format!("comparison at {width} px"))
            .await;
        WidgetPage::first(&browser).open_every_section().await;
        browser
            .click("#ktw-sec-results tr.ktw-row button.ktw-cite")
            .await;
        browser.wait_for(".ktw-source").await;
        browser
            .assert_no_small_targets(0, &format!("every section and a source open at {width} px"))
            .await;
    }
    browser.close().await;
}

#[tokio::test]
async fn asking_for_reduced_motion_stops_the_transitions() {
    let reduced = Launch {
        reduced_motion: true,
        ..Launch::default()
    };
    if !reduced.supported("the reduced-motion check") {
        return;
    }
    let servers = Servers::start();
    let duration =
        "return getComputedStyle(root.querySelector('.ktw-chevron')).transitionDuration;";
    // Without the setting the disclosure arrow turns smoothly; with it, it simply changes.
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    assert_eq!(browser.in_widget(0, duration).await, json!("0.15s"));
    browser.close().await;

    let browser = Browser::launch(reduced).await;
    browser.open(&servers.page("basic.html")).await;
    assert_eq!(
        browser
            .eval("return matchMedia('(prefers-reduced-motion: reduce)').matches;")
            .await,
        json!(true),
        "the browser reports the setting"
    );
    assert_eq!(browser.in_widget(0, duration).await, json!("0s"));
    browser.close().await;
}
