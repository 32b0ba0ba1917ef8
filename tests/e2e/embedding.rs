//! End-to-end tests of embedding: the script from another origin, two widgets and a doubled
//! script tag, hostile host CSS in both directions, a strict CSP, the offline file from disk,
//! elements that come and go, and the JavaScript API.

use crate::support::browser::{self, Browser, Servers};
use crate::support::engine::Launch;
use crate::support::widget_page::{each_widget, WidgetPage};
use serde_json::json;

#[tokio::test]
async fn script_from_another_origin_renders_sourced_content() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let script_origin = browser
        .eval("return document.querySelector('script[src*=\"ketamine-tms-widget.js\"]').src;")
        .await;
    assert!(script_origin
        .as_str()
        .unwrap()
        .starts_with(&format!("http://{}/", servers.cdn)));
    assert_ne!(servers.cdn.port(), servers.clinic.port());
    let text = browser
        .in_widget(0, "return root.querySelector('.ktw').innerText;")
        .await;
    let text = text.as_str().unwrap();
    for expected in [
        "IV ketamine",
        "Esketamine",
        "Standard TMS",
        "Riverside Mental Health",
        "988",
    ] {
        assert!(
            text.contains(expected),
            "the widget should show {expected:?}; it shows:\n{text}"
        );
    }
    // Every option is on offer in the picker, and citations are numbered.
    let choices = browser
        .in_widget(
            0,
            "return root.querySelectorAll('.ktw-picker input[type=checkbox]').length;",
        )
        .await;
    assert_eq!(choices, json!(8));
    let cites = browser
        .in_widget(0, "return root.querySelectorAll('button.ktw-cite').length;")
        .await;
    assert!(
        cites.as_u64().unwrap() >= 5,
        "sourced claims carry citation buttons"
    );
    // The light DOM has no widget markup: it all lives in the shadow root.
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.ktw').length;")
            .await,
        json!(0)
    );
    let events = browser.events().await;
    assert!(
        events
            .iter()
            .any(|(name, detail)| name == "ktw-ready" && detail["lang"] == "en"),
        "{events:?}"
    );
    browser.assert_no_errors().await;
    browser.screenshot("basic").await;
    browser.close().await;
}

#[tokio::test]
async fn two_widgets_and_a_doubled_script_tag_stay_independent() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("twice.html")).await;
    assert_eq!(
        browser.eval("return document.querySelectorAll('script[src*=\"ketamine-tms-widget.js\"]').length;").await,
        json!(2)
    );
    let names = each_widget(
        &browser,
        "return root.querySelector('.ktw-clinic').textContent;",
    )
    .await;
    assert_eq!(names, json!(["First", "Second"]));
    // One mount each: exactly one app root per shadow root.
    let roots = each_widget(&browser, "return root.querySelectorAll('.ktw').length;").await;
    assert_eq!(roots, json!([1, 1]));
    let columns = "return root.querySelectorAll('thead th.ktw-option-head').length;";
    assert_eq!(browser.in_widget(0, columns).await, json!(3));
    // Unpicking an option in the first widget leaves the second one alone.
    browser.click("#ktw-pick-tms").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelectorAll('thead th.ktw-option-head').length === 2;",
            "the first widget drops a column",
        )
        .await;
    assert_eq!(browser.in_widget(1, columns).await, json!(3));
    let ready = browser
        .events()
        .await
        .into_iter()
        .filter(|(name, _)| name == "ktw-ready")
        .count();
    assert_eq!(ready, 2, "each widget is mounted once");
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn hostile_host_css_does_not_leak_in_and_widget_css_does_not_leak_out() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("hostile.html")).await;
    let inside = browser
        .in_widget(
            0,
            "const title = root.querySelector('.ktw-title'); const t = getComputedStyle(title);\
             const table = getComputedStyle(root.querySelector('table.ktw-table'));\
             const button = getComputedStyle(root.querySelector('button'));\
             const base = root.querySelector('.ktw'); const wide = base.getBoundingClientRect().width >= root.host.parentElement.getBoundingClientRect().width - 1;\
             return [t.color, t.fontSize, table.display, button.display, getComputedStyle(base).display + (wide ? ' full width' : ' narrow'), getComputedStyle(base).fontSize];",
        )
        .await;
    let inside: Vec<String> = serde_json::from_value(inside).unwrap();
    assert_ne!(
        inside[0], "rgb(255, 0, 0)",
        "host colour leaked into the widget"
    );
    assert_ne!(inside[1], "40px", "host font size leaked into the widget");
    assert_eq!(
        inside[2], "table",
        "host display rule leaked into the widget"
    );
    assert_ne!(inside[3], "none", "host button rule leaked into the widget");
    // The host's own display is the page's (so the page can hide it); this page makes every
    // div inline, and the widget's root still lays out as a block the width of the page.
    assert_eq!(
        inside[4], "block full width",
        "the widget keeps its own box"
    );
    assert_eq!(inside[5], "16px");
    let outside = browser
        .eval(
            "const h = getComputedStyle(document.getElementById('outside-title'));\
             const t = getComputedStyle(document.getElementById('outside-table'));\
             return [h.color, h.fontSize, h.fontWeight, t.display, t.borderSpacing];",
        )
        .await;
    let outside: Vec<String> = serde_json::from_value(outside).unwrap();
    assert_eq!(outside[0], "rgb(255, 0, 0)", "widget CSS leaked out");
    assert_eq!(outside[1], "40px", "widget CSS leaked out");
    assert_eq!(outside[3], "inline", "widget CSS leaked out");
    browser.assert_no_errors().await;
    browser.screenshot("hostile").await;
    browser.close().await;
}

#[tokio::test]
async fn strict_content_security_policy_runs_without_violations() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("csp.html")).await;
    let policy = browser
        .eval("return fetch(location.href).then(r => r.headers.get('content-security-policy'));")
        .await;
    assert_eq!(policy, json!(browser::STRICT_CSP));
    // Styled through the adopted stylesheet: the accent reached the header colour rule.
    let styled = browser
        .in_widget(
            0,
            "return [root.adoptedStyleSheets.length, root.querySelectorAll('style').length, \
             getComputedStyle(root.querySelector('.ktw-lang-button[aria-pressed=true]')).backgroundColor];",
        )
        .await;
    assert_eq!(styled, json!([1, 0, "rgb(11, 93, 75)"]));
    let log = browser.log().await;
    assert!(
        log.iter().all(|line| !line.starts_with("csp:")),
        "CSP violations: {log:?}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn offline_file_works_from_disk_with_the_network_off() {
    // No proxy answers and no host name resolves: any network request would fail.
    let browser = Browser::launch(Launch {
        network_off: true,
        ..Launch::default()
    })
    .await;
    let url = browser::offline_page();
    browser.open(&url).await;
    assert_eq!(
        browser.eval("return location.protocol;").await,
        json!("file:")
    );
    browser.click("#ktw-pick-esketamine").await;
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelectorAll('thead th.ktw-option-head').length === 2;",
            "the click changes the comparison",
        )
        .await;
    let requests = browser
        .eval("return performance.getEntriesByType('resource').map(e => e.name);")
        .await;
    assert_eq!(requests, json!([]), "the offline page fetched something");
    browser.close().await;
}

#[tokio::test]
async fn elements_added_later_mount_and_removed_ones_are_torn_down() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open_loader_only(&servers.page("empty.html")).await;
    browser
        .eval(
            "const div = document.createElement('div'); div.id = 'late'; div.setAttribute('data-ketamine-tms-widget', '');\
             document.getElementById('main').appendChild(div);\
             const el = document.createElement('ketamine-tms-widget'); el.id = 'late2'; document.getElementById('main').appendChild(el);",
        )
        .await;
    for id in ["late", "late2"] {
        WidgetPage::by_id(&browser, id)
            .wait_live(&format!("the late widget {id} mounts"))
            .await;
    }
    browser
        .eval(
            "window.__removed = [document.getElementById('late'), document.getElementById('late2')];\
             window.__removed.forEach(el => el.remove());",
        )
        .await;
    browser
        .wait_until(
            "return window.__removed.every(el => window.__ktwRoot(el).querySelector('.ktw') === null);",
            "the removed widgets' apps are destroyed",
        )
        .await;
    // Moving an element (remove and re-insert in one task) keeps its widget, the same app.
    browser
        .eval(
            "const el = document.createElement('ketamine-tms-widget'); el.id = 'moved'; document.getElementById('main').appendChild(el);",
        )
        .await;
    WidgetPage::by_id(&browser, "moved")
        .wait_until(
            "return !!root.querySelector('.ktw');",
            "the third widget mounts",
        )
        .await;
    WidgetPage::by_id(&browser, "moved")
        .run("window.__app = root.querySelector('.ktw'); return true;")
        .await;
    browser
        .eval("const el = document.getElementById('moved'); const main = document.getElementById('main'); main.removeChild(el); main.appendChild(el);")
        .await;
    browser.next_task().await;
    let kept = WidgetPage::by_id(&browser, "moved")
        .run("return root.querySelector('.ktw') === window.__app;")
        .await;
    assert_eq!(kept, json!(true), "the moved widget was drawn anew");
    // So does a move whose insert waits a microtask, as a framework that awaits between
    // taking a node out and putting it back does (WebKit's driver also runs the queue between
    // two statements of one script): the same app stays, not a new one.
    browser
        .eval(
            "const el = document.getElementById('moved'); const main = document.getElementById('main');\
             main.removeChild(el); Promise.resolve().then(() => main.appendChild(el));",
        )
        .await;
    browser.next_task().await;
    let kept = WidgetPage::by_id(&browser, "moved")
        .run("return root.querySelector('.ktw') === window.__app;")
        .await;
    assert_eq!(
        kept,
        json!(true),
        "the widget moved across a microtask was drawn anew"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_javascript_api_replays_queued_calls_and_updates_and_unmounts() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser
        .client
        .goto(&servers.page("api.html"))
        .await
        .unwrap();
    WidgetPage::by_id(&browser, "queued")
        .wait_until(
            "return !!(root && root.querySelector('.ktw'));",
            "the queued mount renders",
        )
        .await;
    let queued = WidgetPage::by_id(&browser, "queued")
        .run(
            "return [root.querySelector('.ktw-clinic').textContent, root.querySelector('.ktw').getAttribute('lang')];",
        )
        .await;
    assert_eq!(
        queued,
        json!(["Queued Clinic", "es"]),
        "the call made before the script loaded was replayed"
    );
    browser
        .eval(
            "const el = document.createElement('div'); el.id = 'api'; document.getElementById('main').appendChild(el);\
             window.__handle = KetamineTmsWidget.mount(el, { offered: 'tms,itbs', hideUnoffered: true }); return true;",
        )
        .await;
    WidgetPage::by_id(&browser, "api")
        .wait_until(
            "return !!(root && root.querySelector('.ktw'));",
            "the API mount renders",
        )
        .await;
    let choices = WidgetPage::by_id(&browser, "api")
        .run("return root.querySelectorAll('.ktw-picker input').length;")
        .await;
    assert_eq!(
        choices,
        json!(2),
        "hide-unoffered given through the API hides the other options"
    );
    browser
        .eval("window.__handle.update({ clinicName: 'Updated Clinic', headingLevel: 4 }); return true;")
        .await;
    // A number is written as JavaScript writes it: `headingLevel: 4` is `heading-level="4"`.
    WidgetPage::by_id(&browser, "api")
        .wait_until(
            "const c = root.querySelector('.ktw-clinic'); return !!c && c.textContent === 'Updated Clinic' && !root.querySelector('h2, h3') && !!root.querySelector('h4');",
            "update() re-renders, with a number for a number",
        )
        .await;
    browser
        .eval("window.__handle.unmount(); return true;")
        .await;
    let left = WidgetPage::by_id(&browser, "api")
        .run("return root.querySelector('.ktw');")
        .await;
    assert_eq!(left, json!(null), "unmount() removes the app");
    browser.assert_no_errors().await;
    browser.close().await;
}
