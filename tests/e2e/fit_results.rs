//! End-to-end tests of the questionnaire's results: the print view shows the summary and
//! nothing else, and the priorities grid has no total and one fixed order at every width.

use crate::support::browser::{Browser, Servers};
use crate::support::engine;
use crate::support::widget_page::pdf_page_count;
use serde_json::json;

#[tokio::test]
async fn printing_shows_the_summary_and_nothing_else() {
    let servers = Servers::start();
    let browser = Browser::start().await;
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
    // The Print button opens the browser's print dialog (stood in for here, since a headless
    // browser has none) and tells the host page.
    browser
        .eval(
            "window.__printed = 0; window.print = () => { window.__printed += 1; };\
             window.__printEvents = 0; document.addEventListener('ktw-print', () => { window.__printEvents += 1; });\
             return true;",
        )
        .await;
    browser.click("#ktw-print").await;
    browser
        .wait_until("return window.__printed === 1;", "the print dialog opens")
        .await;
    assert_eq!(
        browser.eval("return window.__printEvents;").await,
        json!(1),
        "a ktw-print event"
    );
    if !engine::chromium_only("the print layout and its page count") {
        browser.close().await;
        return;
    }
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let shown = browser
        .in_widget(
            0,
            "const visible = s => { const e = root.querySelector(s); return !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0; };\
             return { results: visible('#ktw-results-heading'), tabs: visible('.ktw-tabs'), compare: visible('.ktw-compare'), print: visible('#ktw-print'), page_heading: getComputedStyle(document.querySelector('h1')).display };",
        )
        .await;
    assert_eq!(
        shown,
        json!({ "results": true, "tabs": false, "compare": false, "print": false, "page_heading": "none" })
    );
    browser.assert_no_axe_violations(0, "print view").await;
    let pdf = browser
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    let pages = pdf_page_count(&pdf);
    assert!(
        (1..=2).contains(&pages),
        "the summary prints on 1–2 pages, not {pages}"
    );
    browser.close().await;
}

/// The grid of the results, read in the page: its options in order, whether it has its
/// caption and header scopes, and the whole results text.
const GRID: &str = "const g = root.querySelector('.ktw-grid'); if (!g) return null;\
    return { order: [...g.querySelectorAll('tbody tr')].map(r => r.dataset.option),\
             caption: !!g.querySelector('caption'),\
             cols: g.querySelectorAll('thead th[scope=col]').length,\
             rows: g.querySelectorAll('tbody th[scope=row]').length,\
             text: root.querySelector('.ktw-results').innerText };";

/// Each option's row at this width: the option's name, then each of its cells below it (stacked)
/// or beside it (a table row), and whether anything reaches past the widget.
const STACKED: &str = "const g = root.querySelector('.ktw-grid');\
    const box = root.host.getBoundingClientRect();\
    const rows = [...g.querySelectorAll('tbody tr')];\
    const stacked = rows.every(r => { const th = r.querySelector('th').getBoundingClientRect();\
        return [...r.querySelectorAll('td')].every(td => td.getBoundingClientRect().top >= th.bottom - 1); });\
    const inside = [...g.querySelectorAll('*')].every(e => { const r = e.getBoundingClientRect();\
        return r.width === 0 || (r.right <= box.right + 1 && r.left >= box.left - 1); });\
    const doc = document.documentElement;\
    return { stacked, inside, sideways: doc.scrollWidth > doc.clientWidth + 1 };";

#[tokio::test]
async fn the_priorities_grid_has_no_total_and_one_fixed_order() {
    use ketamine_tms_widget::content::OptionId;
    use ketamine_tms_widget::fit::{encode_fragment, Answers};
    let servers = Servers::start();
    let mut metal = Answers::default();
    metal.choose("self-harm-thoughts", "no");
    metal.choose("implants", "in-head");
    metal.rate("keep-driving", 3);
    let mut aneurysm = Answers::default();
    aneurysm.choose("self-harm-thoughts", "no");
    aneurysm.choose("heart-vessels", "aneurysm");
    aneurysm.rate("fast-relief", 3);
    let display: Vec<&str> = OptionId::ALL.iter().map(|option| option.as_str()).collect();
    let mut orders = Vec::new();
    for (name, answers) in [
        ("metal and driving", metal),
        ("aneurysm and fast relief", aneurysm),
    ] {
        // A fresh browser for each set: a link to the page already open only changes its fragment.
        let browser = Browser::start().await;
        browser
            .open(&format!(
                "{}#ktw={}",
                servers.page("index.html"),
                encode_fragment(&answers)
            ))
            .await;
        browser.wait_for("#ktw-results-heading").await;
        crate::results_summary::open_part(&browser, "priorities").await;
        let grid = browser.in_widget(0, GRID).await;
        assert!(
            !grid.is_null(),
            "{name}: the results have no priorities grid"
        );
        let order: Vec<String> = serde_json::from_value(grid["order"].clone()).unwrap();
        assert_eq!(
            order, display,
            "{name}: the options keep their display order"
        );
        assert_eq!(grid["caption"], json!(true), "{name}: a caption");
        assert!(
            grid["cols"].as_u64().unwrap_or(0) >= 3,
            "{name}: column headers: {grid}"
        );
        assert_eq!(
            grid["rows"],
            json!(display.len()),
            "{name}: a row header per option"
        );
        let text = grid["text"].as_str().unwrap_or("").to_lowercase();
        for word in [
            "adds up",
            "total",
            "best for you",
            "top match",
            "first choice",
            "ranked",
        ] {
            assert!(!text.contains(word), "{name}: the results say `{word}`");
        }
        assert!(
            !text
                .as_bytes()
                .windows(2)
                .any(|p| p[0] == b'+' && p[1].is_ascii_digit()),
            "{name}: a signed score in the results"
        );
        browser
            .assert_no_axe_violations(0, &format!("the priorities grid, {name}"))
            .await;
        browser
            .in_widget(
                0,
                "root.querySelector('.ktw-grid').scrollIntoView(); return true;",
            )
            .await;
        browser
            .screenshot(&format!("fit-grid-{}", orders.len()))
            .await;
        // At 320 px each option stacks, in the same order, and nothing scrolls sideways.
        browser.set_width(320, 800).await;
        browser.next_task().await;
        let narrow = browser.in_widget(0, STACKED).await;
        assert_eq!(
            narrow,
            json!({ "stacked": true, "inside": true, "sideways": false }),
            "{name} at 320 px"
        );
        let grid = browser.in_widget(0, GRID).await;
        assert_eq!(
            grid["order"],
            json!(display),
            "{name} at 320 px: the same order"
        );
        browser
            .assert_no_small_targets(0, &format!("the grid at 320 px, {name}"))
            .await;
        browser
            .in_widget(
                0,
                "root.querySelector('.ktw-grid').scrollIntoView(); return true;",
            )
            .await;
        browser
            .screenshot(&format!("fit-grid-320-{}", orders.len()))
            .await;
        // The printout is the summary and the clinician block: the opened grid stays on screen.
        if engine::chromium_only("the print view of the grid") {
            browser.set_width(1280, 900).await;
            browser
                .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
                .await;
            let printed = browser
                .in_widget(
                    0,
                    "const g = root.querySelector('.ktw-grid');\
                     return getComputedStyle(g).display !== 'none' && g.getClientRects().length > 0;",
                )
                .await;
            assert_eq!(printed, json!(false), "{name}: the grid is not printed");
            let pdf = browser
                .client
                .print(fantoccini::wd::PrintConfiguration::default())
                .await
                .unwrap();
            let pages = pdf_page_count(&pdf);
            assert!(
                (1..=2).contains(&pages),
                "{name}: the summary with its grid prints on 1–2 pages, not {pages}"
            );
            browser
                .in_widget(
                    0,
                    "root.querySelector('.ktw-grid').scrollIntoView(); return true;",
                )
                .await;
            browser
                .screenshot(&format!("fit-grid-print-{}", orders.len()))
                .await;
        }
        orders.push(order);
        browser.close().await;
    }
    assert_eq!(
        orders[0], orders[1],
        "the same order for very different answers"
    );
}
