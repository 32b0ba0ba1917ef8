//! End-to-end tests of the widget on host pages that clinic sites really have: shrink-to-fit
//! containers, host CSS that hides or sizes the element, a right-to-left page, inherited
//! styles on the page, and a modal `<dialog>` around the widget.

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use serde_json::{json, Value};

/// The size of the widget host with `id`, and of the box the test gives it.
async fn size_of(browser: &Browser, id: &str) -> Value {
    let script = format!(
        "const band = document.getElementById({id}); const host = band.querySelector('ketamine-tms-widget');\
         const r = host.getBoundingClientRect(); return {{ width: Math.round(r.width), height: Math.round(r.height), band: Math.round(band.getBoundingClientRect().width) }};",
        id = json!(id)
    );
    browser.eval(&script).await
}

#[tokio::test]
async fn the_widget_takes_the_width_available_in_shrink_to_fit_containers() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("shrink.html")).await;
    // Each case: the container and the least width the widget should get in a 900 px band
    // (a 200 px aside and a 16 px gap leave 684 px in the flex row and the grid).
    let cases = [
        ("flex", 660),
        ("grid", 660),
        ("inline-block", 880),
        ("float", 880),
        ("table", 620),
        ("absolute", 880),
        ("fit-content", 880),
        // A sidebar that asks for 800 of 900 px still leaves the widget its minimum.
        ("flex-crowded", 280),
    ];
    let mut wrong = Vec::new();
    for (id, least) in cases {
        let size = size_of(&browser, id).await;
        let width = size["width"].as_i64().unwrap();
        let height = size["height"].as_i64().unwrap();
        eprintln!("[{}] {id}: {size}", browser.engine.name());
        if width < least || width > 900 || height > 8000 {
            wrong.push(format!(
                "{id}: {width} × {height} px (wanted {least} to 900 px wide, under 8000 px tall)"
            ));
        }
    }
    browser.screenshot("shrink").await;
    assert!(
        wrong.is_empty(),
        "the widget collapsed:\n{}",
        wrong.join("\n")
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn host_css_hides_and_sizes_the_element_and_shows_it_again() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("hide.html")).await;
    let boxes = "return Object.fromEntries([...document.querySelectorAll('main > [id]')].map(el => \
                 [el.id, { rects: el.getClientRects().length, height: el.offsetHeight, width: el.offsetWidth }]));";
    let hidden = browser.eval(boxes).await;
    for id in ["inline-style", "bootstrap", "tailwind", "v-show", "jquery"] {
        assert!(
            hidden[id]["rects"] == json!(0) && hidden[id]["height"] == json!(0),
            "{id}: the host's CSS did not hide the widget: {}",
            hidden[id]
        );
    }
    assert_eq!(
        hidden["sized"]["width"],
        json!(400),
        "the host's CSS sets the width: {hidden}"
    );
    browser
        .eval(
            "document.getElementById('inline-style').style.display = '';\
             document.getElementById('bootstrap').classList.remove('d-none');\
             document.getElementById('tailwind').classList.remove('hidden');\
             vShow(document.getElementById('v-show'), true);\
             jqShow(document.getElementById('jquery'));",
        )
        .await;
    browser
        .wait_until(
            "return ['inline-style', 'bootstrap', 'tailwind', 'v-show', 'jquery'].every(id => document.getElementById(id).offsetHeight > 200);",
            "every widget shows again",
        )
        .await;
    let shown = browser.eval(boxes).await;
    for id in ["inline-style", "bootstrap", "tailwind", "v-show", "jquery"] {
        let width = shown[id]["width"].as_i64().unwrap();
        assert!(width > 600, "{id} shows again at full width: {}", shown[id]);
    }
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn an_english_widget_on_a_right_to_left_page_reads_left_to_right() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("rtl.html")).await;
    let seen = browser
        .in_widget(
            0,
            "const base = root.querySelector('.ktw'); const title = root.querySelector('.ktw-title');\
             const text = title.firstChild; const range = document.createRange();\
             range.setStart(text, 0); range.setEnd(text, 1); const first = range.getBoundingClientRect();\
             range.setStart(text, text.length - 1); range.setEnd(text, text.length); const last = range.getBoundingClientRect();\
             range.selectNodeContents(title); const line = range.getBoundingClientRect();\
             const box = base.getBoundingClientRect(); const pad = parseFloat(getComputedStyle(base).paddingLeft);\
             return { direction: getComputedStyle(base).direction, title: getComputedStyle(title).direction,\
                      page: getComputedStyle(root.host.parentElement).direction, text: text.data,\
                      gap: Math.round(line.left - box.left - pad), firstLeft: first.left, lastLeft: last.left };",
        )
        .await;
    eprintln!("[{}] rtl: {seen}", browser.engine.name());
    assert_eq!(seen["page"], json!("rtl"), "the page is right to left");
    assert_eq!(seen["direction"], json!("ltr"), "{seen}");
    assert_eq!(seen["title"], json!("ltr"), "{seen}");
    assert!(
        seen["gap"].as_i64().unwrap().abs() <= 2,
        "the heading starts at the widget's left edge: {seen}"
    );
    assert!(
        seen["firstLeft"].as_f64().unwrap() < seen["lastLeft"].as_f64().unwrap(),
        "the heading's first letter is left of its last: {seen}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn inherited_host_styles_do_not_reach_the_widget() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("inherited.html")).await;
    let styles = browser
        .in_widget(
            0,
            "const pick = el => { const s = getComputedStyle(el); return { colorScheme: s.colorScheme,\
               userSelect: s.userSelect || s.webkitUserSelect, wordBreak: s.wordBreak, cursor: s.cursor,\
               listStylePosition: s.listStylePosition, listStyleType: s.listStyleType, fontVariantCaps: s.fontVariantCaps,\
               fontVariantNumeric: s.fontVariantNumeric, fill: s.webkitTextFillColor === s.color }; };\
             return { base: pick(root.querySelector('.ktw')), intro: pick(root.querySelector('.ktw-intro')) };",
        )
        .await;
    eprintln!("[{}] inherited: {styles}", browser.engine.name());
    for place in ["base", "intro"] {
        let got = &styles[place];
        let user_select = got["userSelect"].as_str().unwrap_or("");
        assert!(
            user_select == "text" || user_select == "auto",
            "{place}: {got}"
        );
        let expected = json!({
            "colorScheme": "light",
            "userSelect": user_select,
            "wordBreak": "normal",
            "cursor": "auto",
            "listStylePosition": "outside",
            "listStyleType": "disc",
            "fontVariantCaps": "normal",
            "fontVariantNumeric": "normal",
            "fill": true,
        });
        assert_eq!(
            got, &expected,
            "{place}: the page's inherited styles leaked in"
        );
    }
    // A text decoration is drawn through descendants rather than inherited, so compare the
    // heading's pixels with and without the page's underline.
    let title = browser.widget_element(0, ".ktw-intro").await;
    let underlined = title.screenshot().await.expect("a picture of the intro");
    browser
        .eval("document.body.style.textDecoration = 'none'; return true;")
        .await;
    browser.next_task().await;
    let plain = title.screenshot().await.expect("a picture of the intro");
    assert!(
        underlined == plain,
        "the page's text decoration is drawn inside the widget"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn escape_closes_a_source_inside_a_modal_dialog_without_closing_the_dialog() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("dialog.html")).await;
    assert_eq!(
        browser
            .eval("return document.getElementById('dialog').open;")
            .await,
        json!(true)
    );
    // Open the first source the patient can see and put the focus inside it.
    browser
        .in_widget(
            0,
            "const cite = [...root.querySelectorAll('button.ktw-cite')].find(b => b.getClientRects().length > 0);\
             cite.click(); return true;",
        )
        .await;
    browser.wait_for(".ktw-source a").await;
    browser
        .in_widget(
            0,
            "root.querySelector('.ktw-source a').focus(); return true;",
        )
        .await;
    browser.press('\u{E00C}').await;
    WidgetPage::first(&browser)
        .wait_until(
            "return !root.querySelector('.ktw-source');",
            "Escape closes the source",
        )
        .await;
    browser.next_task().await;
    assert_eq!(
        browser
            .eval("return document.getElementById('dialog').open;")
            .await,
        json!(true),
        "the widget's Escape also closed the host's dialog"
    );
    // The same for a glossary definition, closed from its Close button.
    browser
        .in_widget(
            0,
            "const term = [...root.querySelectorAll('button.ktw-term')].find(b => b.getClientRects().length > 0);\
             term.click(); return true;",
        )
        .await;
    browser.wait_for(".ktw-definition button").await;
    browser
        .in_widget(
            0,
            "root.querySelector('.ktw-definition button').focus(); return true;",
        )
        .await;
    browser.press('\u{E00C}').await;
    WidgetPage::first(&browser)
        .wait_until(
            "return !root.querySelector('.ktw-definition');",
            "Escape closes the definition",
        )
        .await;
    browser.next_task().await;
    assert_eq!(
        browser
            .eval("return document.getElementById('dialog').open;")
            .await,
        json!(true),
        "the widget's Escape on a definition also closed the host's dialog"
    );
    // With nothing of the widget's open, Escape is the dialog's again.
    browser.press('\u{E00C}').await;
    browser
        .wait_until(
            "return !document.getElementById('dialog').open;",
            "a second Escape closes the dialog",
        )
        .await;
    browser.assert_no_errors().await;
    browser.close().await;
}
