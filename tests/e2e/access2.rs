//! End-to-end checks of the comparison's access fixes from issue 14: the picker's boxes always
//! match what is compared, focus returns to the control that opened a source or a definition,
//! the sticky table header never covers the focused control, section rows have short row
//! headers, pressed and selected states stay distinct in forced colours, English source titles
//! are marked as English in the Spanish widget, and the timeline chart's text is 12 px or more.

use crate::support::appearance;
use crate::support::browser::{self, Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::{json, Value};

const ESCAPE: char = '\u{E00C}';

/// Whether each picker box is ticked, the options in the table, and the notice's text.
async fn picker(browser: &Browser) -> Value {
    browser
        .in_widget(
            0,
            "return { ticked: Object.fromEntries([...root.querySelectorAll('.ktw-picker input')].map(i => [i.id, i.checked])),\
               columns: root.querySelectorAll('thead th.ktw-option-head').length,\
               notice: root.querySelector('.ktw-compare .ktw-notice').textContent.trim() };",
        )
        .await
}

#[tokio::test]
async fn the_picker_boxes_always_match_what_is_compared() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    // Watch the live region, so a repeated refusal can be seen to be announced again.
    browser
        .in_widget(
            0,
            "window.__ktwNoticeChanges = 0;\
             new MutationObserver(m => { window.__ktwNoticeChanges += m.length; })\
               .observe(root.querySelector('.ktw-compare .ktw-notice'), { childList: true, characterData: true, subtree: true });\
             return true;",
        )
        .await;

    // A fourth option is refused: its box is unticked again and the table keeps 3 columns.
    browser.click("#ktw-pick-itbs").await;
    browser
        .wait_until(
            "const r = document.querySelector('ketamine-tms-widget').shadowRoot;\
             return r.querySelector('.ktw-compare .ktw-notice').textContent.trim().length > 0;",
            "the notice about the limit",
        )
        .await;
    browser.next_task().await;
    let state = picker(&browser).await;
    assert_eq!(state["columns"], json!(3), "{state}");
    assert_eq!(
        state["ticked"]["ktw-pick-itbs"],
        json!(false),
        "a refused fourth box stays ticked: {state}"
    );
    assert!(state["notice"].as_str().unwrap().contains('3'), "{state}");

    // The same refusal again is announced again.
    let before = browser.eval("return window.__ktwNoticeChanges;").await;
    browser.click("#ktw-pick-itbs").await;
    browser.next_task().await;
    let after = browser.eval("return window.__ktwNoticeChanges;").await;
    assert_ne!(before, after, "a repeated refusal changes the live region");
    let state = picker(&browser).await;
    assert_eq!(state["ticked"]["ktw-pick-itbs"], json!(false), "{state}");

    // Down to two, then unticking one of the last two is refused: the box is ticked again.
    browser.click("#ktw-pick-tms").await;
    browser
        .wait_until(
            "const r = document.querySelector('ketamine-tms-widget').shadowRoot;\
             return r.querySelectorAll('thead th.ktw-option-head').length === 2;",
            "two columns",
        )
        .await;
    browser.click("#ktw-pick-esketamine").await;
    browser
        .wait_until(
            "const r = document.querySelector('ketamine-tms-widget').shadowRoot;\
             return r.querySelector('.ktw-compare .ktw-notice').textContent.trim().length > 0;",
            "the notice about the minimum",
        )
        .await;
    browser.next_task().await;
    let state = picker(&browser).await;
    assert_eq!(state["columns"], json!(2), "{state}");
    assert_eq!(state["ticked"]["ktw-pick-tms"], json!(false), "{state}");
    assert_eq!(
        state["ticked"]["ktw-pick-esketamine"],
        json!(true),
        "a refused unticked box stays unticked: {state}"
    );
    assert!(state["notice"].as_str().unwrap().contains('2'), "{state}");
    assert_eq!(browser.axe(0).await, Vec::<String>::new());
    browser.assert_no_errors().await;
    browser.close().await;
}

/// How many Escape presses reached the host page.
async fn escapes_heard(browser: &Browser) -> Value {
    browser.eval("return window.__ktwEscapes;").await
}

#[tokio::test]
async fn closing_a_source_or_a_definition_returns_focus_to_its_opener() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    browser
        .eval(
            "window.__ktwEscapes = 0;\
             document.addEventListener('keydown', e => { if (e.key === 'Escape') window.__ktwEscapes += 1; });\
             return true;",
        )
        .await;
    WidgetPage::first(&browser).open_every_section().await;
    let pairs = [
        (
            "tr.ktw-section-head button.ktw-cite",
            ".ktw-source",
            ".ktw-source .ktw-link-button",
        ),
        (
            "tr.ktw-row button.ktw-term",
            ".ktw-definition",
            ".ktw-definition .ktw-link-button",
        ),
    ];
    for (button, panel, close) in pairs {
        let opener = WidgetPage::first(&browser).opener_of(button).await;

        // Its close button.
        browser.click(&opener).await;
        browser.wait_for(panel).await;
        browser.click(close).await;
        WidgetPage::first(&browser).wait_gone(panel).await;
        browser.assert_focused(0, &opener).await;

        // Escape inside it.
        browser.click(&opener).await;
        browser.wait_for(panel).await;
        WidgetPage::first(&browser).focus(close).await;
        browser.press(ESCAPE).await;
        WidgetPage::first(&browser).wait_gone(panel).await;
        browser.assert_focused(0, &opener).await;

        // Escape on the button that opened it.
        browser.click(&opener).await;
        browser.wait_for(panel).await;
        WidgetPage::first(&browser).focus(&opener).await;
        browser.press(ESCAPE).await;
        WidgetPage::first(&browser).wait_gone(panel).await;
        browser.assert_focused(0, &opener).await;
        assert_eq!(
            escapes_heard(&browser).await,
            json!(0),
            "an Escape that closed something stays in the widget"
        );

        // With nothing open, Escape is the page's.
        browser.press(ESCAPE).await;
        browser.next_task().await;
        assert_eq!(escapes_heard(&browser).await, json!(1), "{button}");
        browser.eval("window.__ktwEscapes = 0; return true;").await;
    }
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_sticky_header_never_covers_the_focused_control() {
    if browser::Engine::current() == browser::Engine::WebKit {
        // The rule keys on `:focus-visible`, and WebKitGTK does not count WebDriver's keys as
        // keyboard use (the focus-ring checks of tests/e2e/embedding.rs meet the same limit).
        eprintln!("[webkit] skipped: the sticky header and keyboard focus (WebDriver keys do not count as keyboard use in this engine)");
        return;
    }
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(1280, 800).await;
    browser.open(&servers.page("basic.html")).await;
    WidgetPage::first(&browser).open_every_section().await;
    // From the first control after the table, back up through it to "Open all sections".
    WidgetPage::first(&browser)
        .focus(".ktw-combination button")
        .await;
    let check = "const a = root.activeElement; const head = root.querySelector('.ktw-table thead th');\
                 const h = head.getBoundingClientRect(); const r = a.getBoundingClientRect();\
                 const covered = !!a.closest('.ktw-table tbody') && r.top < h.bottom - 0.5 && r.bottom > h.top + 0.5;\
                 return { done: a.matches('.ktw-tools button'), covered, what: a.tagName + ' ' + (a.getAttribute('aria-label') || a.textContent).trim().slice(0, 40) + ' at ' + Math.round(r.top) + ', header ' + Math.round(h.top) + '..' + Math.round(h.bottom) };";
    let mut stops = 0;
    let mut covered = Vec::new();
    loop {
        browser.press_shifted('\u{E004}').await;
        let focus = browser.in_widget(0, check).await;
        if focus["done"] == json!(true) {
            break;
        }
        stops += 1;
        assert!(stops < 400, "Shift+Tab never reached the tools: {focus}");
        if focus["covered"] == json!(true) {
            covered.push(focus["what"].as_str().unwrap_or("").to_string());
        }
    }
    assert!(stops > 20, "only {stops} stops in the table");
    assert!(
        covered.is_empty(),
        "{} of {stops} Shift+Tab stops sit under the sticky header:\n{}",
        covered.len(),
        covered.join("\n")
    );
    browser.close().await;
}

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
    if !browser::chromium_only("forced colours and high contrast emulation") {
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
