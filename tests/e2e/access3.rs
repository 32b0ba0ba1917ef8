//! End-to-end checks of the comparison's access fixes from issue 14, in what is read: section
//! rows have short row headers, pressed and selected states stay distinct in forced colours,
//! English source titles are marked as English in the Spanish widget, and the timeline
//! chart's text is 12 px or more.

use crate::support::appearance;
use crate::support::browser::{Browser, Servers};
use crate::support::engine;
use crate::support::widget_page::WidgetPage;
use serde_json::{json, Value};

#[tokio::test]
async fn section_rows_have_short_row_headers() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let rows = browser
        .in_widget(
            0,
            "return [...root.querySelectorAll('tbody.ktw-section')].map(body => {\
               const row = body.querySelector('tr.ktw-section-head'); const th = row.querySelector('th');\
               const button = row.querySelector('button.ktw-disclosure');\
               const heading = row.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]');\
               const summary = row.querySelector('.ktw-section-summary');\
               return { scope: th.getAttribute('scope'), colgroups: body.closest('table').querySelectorAll('colgroup').length,\
                 name: th.textContent.trim(), title: button.textContent.trim(), heading: heading ? heading.textContent.trim() : null,\
                 summaryInHeader: !!(summary && th.contains(summary)), summary: summary ? summary.textContent.trim().length : 0 };\
             });",
        )
        .await;
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        assert!(
            row["scope"] == json!("row")
                || (row["scope"] == json!("colgroup") && row["colgroups"] != json!(0)),
            "a section row's header: {row}"
        );
        assert_eq!(
            row["summaryInHeader"],
            json!(false),
            "the summary is not the header's name: {row}"
        );
        assert!(row["summary"].as_u64().unwrap() > 0, "{row}");
        assert_eq!(row["name"], row["title"], "the header is the title: {row}");
        assert_eq!(
            row["heading"], row["title"],
            "the heading is the title: {row}"
        );
    }

    // "Open all sections" either keeps its label and says it is pressed, or changes its
    // label and has no pressed state.
    let tool = "const b = root.querySelector('.ktw-tools button');\
                return { label: b.textContent.trim(), pressed: b.getAttribute('aria-pressed') };";
    let before = browser.in_widget(0, tool).await;
    WidgetPage::first(&browser).open_every_section().await;
    let after = browser.in_widget(0, tool).await;
    browser
        .in_widget(
            0,
            "root.querySelectorAll('tr.ktw-section-head')[1].scrollIntoView(); window.scrollBy(0, -160); return true;",
        )
        .await;
    browser.screenshot("section-head").await;
    let changes_label = before["label"] != after["label"];
    let pressed = before["pressed"] != Value::Null || after["pressed"] != Value::Null;
    assert!(
        changes_label != pressed,
        "the toggle changes its label and carries aria-pressed: {before} → {after}"
    );
    assert_eq!(browser.axe(0).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn pressed_and_selected_states_stay_distinct_in_forced_colours() {
    if !engine::chromium_only("forced colours and high contrast emulation") {
        return;
    }
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
        )
        .await;
    assert_eq!(
        browser
            .eval("return matchMedia('(forced-colors: active)').matches;")
            .await,
        json!(true)
    );
    let pairs = [
        (
            ".ktw-lang-button[aria-pressed=true]",
            ".ktw-lang-button[aria-pressed=false]",
        ),
        (
            ".ktw-tab[aria-selected=true]",
            ".ktw-tab[aria-selected=false]",
        ),
    ];
    appearance::distinct(&browser, &pairs, "forced colours, comparison").await;
    assert_eq!(browser.axe(0).await, Vec::<String>::new());

    // The questionnaire: a chosen answer card and the progress bar.
    browser.click("#ktw-tab-fit").await;
    browser.wait_for("#ktw-question-heading").await;
    browser.click(".ktw-answer input").await;
    browser.wait_for(".ktw-answer.ktw-checked").await;
    appearance::distinct(
        &browser,
        &[(".ktw-answer.ktw-checked", ".ktw-answer:not(.ktw-checked)")],
        "forced colours, a question",
    )
    .await;
    // The progress bar's pseudo-elements have no computed style to read, so its pixels are
    // counted: a drawn bar shows more than the one colour of the page behind it.
    let colours = appearance::colours_of(&browser, ".ktw-progress-bar").await;
    assert!(
        colours.as_array().unwrap().len() >= 2,
        "the progress bar is not drawn in forced colours: {colours}"
    );
    assert_eq!(browser.axe(0).await, Vec::<String>::new());

    // More contrast asked for: borders grow stronger.
    let width = "return getComputedStyle(root.querySelector('.ktw-answer')).borderTopWidth;";
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-contrast", "value": "no-preference" }] }),
        )
        .await;
    let usual = browser.in_widget(0, width).await;
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-contrast", "value": "more" }] }),
        )
        .await;
    let more = browser.in_widget(0, width).await;
    let px = |v: &Value| {
        v.as_str()
            .unwrap()
            .trim_end_matches("px")
            .parse::<f64>()
            .unwrap()
    };
    assert!(px(&more) > px(&usual), "{usual} → {more}");
    assert_eq!(browser.axe(0).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn english_source_titles_are_marked_english_in_the_spanish_widget() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("spanish.html")).await;
    assert_eq!(
        browser
            .in_widget(0, "return root.querySelector('.ktw').getAttribute('lang');")
            .await,
        json!("es")
    );
    browser.click("tr.ktw-section-head button.ktw-cite").await;
    browser.wait_for(".ktw-source cite").await;
    let langs = browser
        .in_widget(
            0,
            "return [...root.querySelectorAll('.ktw-source cite, .ktw-source a .ktw-visually-hidden')].map(e => e.closest('[lang]').getAttribute('lang'));",
        )
        .await;
    assert_eq!(langs, json!(["en", "en"]));
    assert_eq!(browser.axe(0).await, Vec::<String>::new());
    browser.close().await;
}

#[tokio::test]
async fn timeline_chart_text_is_at_least_12_px() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    for width in [1280, 375, 320] {
        browser.set_width(width, 900).await;
        browser.open(&servers.page("basic.html")).await;
        WidgetPage::first(&browser).open_every_section().await;
        let smallest = browser
            .in_widget(
                0,
                "let smallest = 1000, count = 0;\
                 for (const svg of root.querySelectorAll('svg.ktw-course')) { if (svg.getClientRects().length === 0) continue;\
                   const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;\
                   for (const text of svg.querySelectorAll('text')) { count += 1; smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale); }\
                 }\
                 return { smallest, count };",
            )
            .await;
        browser
            .in_widget(
                0,
                "const svg = [...root.querySelectorAll('svg.ktw-course')].find(s => s.getClientRects().length > 0);\
                 svg.closest('tr').scrollIntoView(); return true;",
            )
            .await;
        browser.screenshot(&format!("timeline-{width}")).await;
        assert!(smallest["count"].as_u64().unwrap() > 0, "{smallest}");
        assert!(
            smallest["smallest"].as_f64().unwrap() >= 11.95,
            "at {width} px the chart text is {smallest}"
        );
    }
    browser.close().await;
}
