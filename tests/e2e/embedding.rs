//! End-to-end tests of the built `dist/` in a real browser over WebDriver (Chromium, Firefox or
//! WebKit, as `KTW_BROWSER` says; `cargo xtask test` runs all three): embedding
//! across origins, two widgets and a doubled script tag, hostile CSS, a strict CSP, the
//! offline file, elements that come and go, failure paths, and the comparison used by
//! keyboard alone with axe-core auditing the shadow root.

use crate::support::browser::{self, Browser, Launch, Servers};
use serde_json::json;

const NEEDS: &str = "needs dist/ and chromedriver: run `cargo xtask test`";

/// Console lines that are errors, uncaught exceptions or CSP violations.
fn problems(log: &[String]) -> Vec<&String> {
    log.iter()
        .filter(|line| !line.starts_with("warn:"))
        .collect()
}

#[tokio::test]
async fn script_from_another_origin_renders_sourced_content() {
    let _ = NEEDS;
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
    let names = browser
        .eval("return [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')].map(h => h.shadowRoot.querySelector('.ktw-clinic').textContent);")
        .await;
    assert_eq!(names, json!(["First", "Second"]));
    // One mount each: exactly one app root per shadow root.
    let roots = browser
        .eval("return [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')].map(h => h.shadowRoot.querySelectorAll('.ktw').length);")
        .await;
    assert_eq!(roots, json!([1, 1]));
    let columns = "return root.querySelectorAll('thead th.ktw-option-head').length;";
    assert_eq!(browser.in_widget(0, columns).await, json!(3));
    // Unpicking an option in the first widget leaves the second one alone.
    browser.click("#ktw-pick-tms").await;
    browser
        .wait_until(
            "return document.querySelector('ketamine-tms-widget').shadowRoot.querySelectorAll('thead th.ktw-option-head').length === 2;",
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
    let dist = browser::dist();
    // No proxy answers and no host name resolves: any network request would fail.
    let browser = Browser::launch(Launch {
        network_off: true,
        ..Launch::default()
    })
    .await;
    let url = format!("file://{}", dist.join("offline.html").display());
    browser.open(&url).await;
    assert_eq!(
        browser.eval("return location.protocol;").await,
        json!("file:")
    );
    browser.click("#ktw-pick-esketamine").await;
    browser
        .wait_until(
            "return document.querySelector('ketamine-tms-widget').shadowRoot.querySelectorAll('thead th.ktw-option-head').length === 2;",
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
    browser.wait_until(
        "return ['late', 'late2'].every(id => { const r = document.getElementById(id).shadowRoot; return r && r.querySelector('.ktw'); });",
        "both late widgets mount",
    )
    .await;
    browser
        .eval(
            "window.__removed = [document.getElementById('late'), document.getElementById('late2')];\
             window.__removed.forEach(el => el.remove());",
        )
        .await;
    browser
        .wait_until(
            "return window.__removed.every(el => el.shadowRoot.querySelector('.ktw') === null);",
            "the removed widgets' apps are destroyed",
        )
        .await;
    // Moving an element (remove and re-insert in one task) keeps its widget.
    browser
        .eval(
            "const el = document.createElement('ketamine-tms-widget'); el.id = 'moved'; document.getElementById('main').appendChild(el);",
        )
        .await;
    browser
        .wait_until(
            "return !!document.getElementById('moved').shadowRoot.querySelector('.ktw');",
            "the third widget mounts",
        )
        .await;
    browser
        .eval("const el = document.getElementById('moved'); const main = document.getElementById('main'); main.removeChild(el); main.appendChild(el);")
        .await;
    browser.next_task().await;
    let kept = browser
        .eval("return !!document.getElementById('moved').shadowRoot.querySelector('.ktw');")
        .await;
    assert_eq!(kept, json!(true));
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn without_webassembly_each_widget_shows_a_message_with_the_clinic_phone() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser
        .client
        .goto(&servers.page("no-wasm.html"))
        .await
        .unwrap();
    assert_eq!(
        browser
            .eval("return document.documentElement.getAttribute('data-webassembly');")
            .await,
        json!("undefined"),
        "the page's scripts see no WebAssembly"
    );
    browser
        .wait_until(
            "return !!document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('.ktw-failure');",
            "the failure message appears",
        )
        .await;
    let text = browser
        .in_widget(0, "return root.querySelector('.ktw-failure').innerText;")
        .await;
    let text = text.as_str().unwrap();
    assert!(text.contains("needs a newer web browser"), "{text}");
    assert!(text.contains("988") && text.contains("911"), "{text}");
    let phone = browser
        .in_widget(
            0,
            "return root.querySelector('.ktw-failure a[href^=\"tel:\"]').getAttribute('href');",
        )
        .await;
    assert_eq!(phone, json!("tel:+15550102030"));
    let log = browser.log().await;
    assert_eq!(
        problems(&log).len(),
        1,
        "exactly one clear console line: {log:?}"
    );
    assert!(log[0].contains("ketamine-tms-widget"), "{log:?}");
    // The host page keeps working.
    assert_eq!(
        browser
            .eval("return document.querySelector('h1').textContent;")
            .await,
        json!("Riverside Mental Health")
    );
    browser.close().await;
}

#[tokio::test]
async fn browsers_without_decompression_streams_use_the_built_in_inflater() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("no-decompression.html")).await;
    assert_eq!(
        browser
            .eval("return typeof window.DecompressionStream;")
            .await,
        json!("undefined")
    );
    let names = browser
        .in_widget(
            0,
            "return root.querySelectorAll('thead th.ktw-option-head').length;",
        )
        .await;
    assert_eq!(names, json!(3));
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn hostile_attributes_are_dropped_with_one_warning_each_and_shown_as_text() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open_loader_only(&servers.page("empty.html")).await;
    browser
        .eval(
            "const el = document.createElement('ketamine-tms-widget');\
             el.setAttribute('clinic-name', '<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>');\
             el.setAttribute('booking-url', 'javascript:alert(1)');\
             el.setAttribute('phone', 'call us now');\
             el.setAttribute('offered', 'tms,lobotomy');\
             el.setAttribute('lang', 'klingon');\
             el.setAttribute('accent', 'red; background: url(x)');\
             document.getElementById('main').appendChild(el);",
        )
        .await;
    browser.wait_until("return !!document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('.ktw');", "mounted").await;
    let shown = browser
        .in_widget(0, "return [root.querySelector('.ktw-clinic').textContent, root.querySelectorAll('img, script, iframe, object').length, window.__pwned || 0];")
        .await;
    assert_eq!(
        shown,
        json!([
            "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>",
            0,
            0
        ])
    );
    let warnings: Vec<String> = browser
        .log()
        .await
        .into_iter()
        .filter(|line| line.starts_with("warn:"))
        .collect();
    for attribute in ["booking-url", "phone", "offered", "lang", "accent"] {
        let count = warnings
            .iter()
            .filter(|w| w.contains(&format!("`{attribute}`")))
            .count();
        assert_eq!(count, 1, "one warning for {attribute}: {warnings:?}");
    }
    browser.close().await;
}

#[tokio::test]
async fn the_comparison_works_by_keyboard_alone_and_passes_axe() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let violations = browser.axe(0).await;
    assert!(
        violations.is_empty(),
        "axe, first view:\n{}",
        violations.join("\n")
    );

    // Pick a different option: Tab to the iTBS box and press Space.
    browser.tab_to(0, "#ktw-pick-tms", 40).await;
    browser.press(' ').await;
    browser.tab_to(0, "#ktw-pick-itbs", 5).await;
    browser.press(' ').await;
    browser
        .wait_until(
            "const r = document.querySelector('ketamine-tms-widget').shadowRoot;\
             return [...r.querySelectorAll('thead th.ktw-option-head .ktw-option-name')].map(e => e.textContent).join('|').includes('iTBS');",
            "the iTBS column appears",
        )
        .await;
    browser.assert_focused(0, "#ktw-pick-itbs").await;
    let columns = browser.in_widget(0, "return [...root.querySelectorAll('thead th.ktw-option-head .ktw-option-name')].map(e => e.textContent);").await;
    assert_eq!(columns.as_array().unwrap().len(), 3, "{columns}");
    assert!(!columns.to_string().contains("Standard TMS"), "{columns}");

    // Open the "How well does it work?" section with Enter, then a citation inside it.
    browser
        .tab_to(
            0,
            "button.ktw-disclosure[aria-controls='ktw-sec-results']",
            30,
        )
        .await;
    browser.press('\u{E007}').await;
    browser
        .wait_until(
            "return document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('#ktw-sec-results tr.ktw-row') !== null;",
            "the section opens",
        )
        .await;
    browser
        .assert_focused(0, "button.ktw-disclosure[aria-controls='ktw-sec-results']")
        .await;
    let icons = browser.in_widget(0, "return root.querySelectorAll('#ktw-sec-results svg.ktw-icons[role=img][aria-label]').length;").await;
    assert!(
        icons.as_u64().unwrap() >= 2,
        "icon arrays with a text label"
    );
    browser
        .tab_to(0, "#ktw-sec-results tr.ktw-row button.ktw-cite", 60)
        .await;
    browser.press('\u{E007}').await;
    browser
        .wait_until(
            "return !!document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('#ktw-sec-results .ktw-source a[target=_blank]');",
            "the source opens with its link",
        )
        .await;
    let violations = browser.axe(0).await;
    assert!(
        violations.is_empty(),
        "axe, section and citation open:\n{}",
        violations.join("\n")
    );
    // Escape closes the source again from inside it.
    browser.tab_to(0, ".ktw-source a", 5).await;
    browser.press('\u{E00C}').await;
    browser
        .wait_until("return !document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('.ktw-source');", "Escape closes the source")
        .await;

    // Open all sections and the About panel by keyboard.
    browser.shift_tab_to(0, ".ktw-tools button", 80).await;
    browser.press(' ').await;
    browser
        .wait_until(
            "const r = document.querySelector('ketamine-tms-widget').shadowRoot; return [...r.querySelectorAll('button.ktw-disclosure')].every(b => b.getAttribute('aria-expanded') === 'true');",
            "every section opens",
        )
        .await;
    browser.tab_to(0, ".ktw-about > button", 400).await;
    browser.press('\u{E007}').await;
    browser
        .wait_until(
            "return !!document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('#ktw-about-panel');",
            "the About panel opens",
        )
        .await;
    let about = browser
        .in_widget(
            0,
            "return root.querySelector('#ktw-about-panel').innerText;",
        )
        .await;
    let about = about.as_str().unwrap();
    for expected in [
        "Last checked",
        "December 1, 2026",
        "Who paid for it",
        "How we chose the numbers",
        "not medical advice",
    ] {
        assert!(
            about.to_lowercase().contains(&expected.to_lowercase()),
            "About should say {expected:?}:\n{about}"
        );
    }
    let violations = browser.axe(0).await;
    assert!(
        violations.is_empty(),
        "axe, everything open:\n{}",
        violations.join("\n")
    );
    browser.assert_no_small_targets(0, "everything open").await;
    browser.screenshot("keyboard-all-open").await;
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn at_320_px_nothing_scrolls_sideways_and_dark_theme_passes_axe() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(320, 800).await;
    browser.open(&servers.page("basic.html")).await;
    browser
        .in_widget(
            0,
            "root.querySelector('.ktw-tools button').click(); return true;",
        )
        .await;
    browser
        .wait_until(
            "const r = document.querySelector('ketamine-tms-widget').shadowRoot; return r.querySelectorAll('tr.ktw-row').length > 5;",
            "every section opens",
        )
        .await;
    let widths = browser
        .eval("return [document.documentElement.scrollWidth, document.documentElement.clientWidth, window.innerWidth];")
        .await;
    let widths: Vec<u64> = serde_json::from_value(widths).unwrap();
    assert!(
        widths[0] <= widths[1],
        "the page scrolls sideways at 320 px: {widths:?}"
    );
    let labels = browser
        .in_widget(
            0,
            "return getComputedStyle(root.querySelector('td .ktw-cell-option')).display;",
        )
        .await;
    assert_eq!(labels, json!("block"), "narrow cells name their option");
    browser.screenshot("narrow-320").await;
    browser
        .in_widget(0, "root.host.setAttribute('theme', 'dark'); return true;")
        .await;
    browser
        .wait_until(
            "return document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('.ktw').dataset.theme === 'dark';",
            "the dark theme applies",
        )
        .await;
    let violations = browser.axe(0).await;
    assert!(
        violations.is_empty(),
        "axe, dark and narrow:\n{}",
        violations.join("\n")
    );
    browser.screenshot("narrow-320-dark").await;
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
    browser
        .wait_until(
            "const r = document.getElementById('queued').shadowRoot; return !!(r && r.querySelector('.ktw'));",
            "the queued mount renders",
        )
        .await;
    let queued = browser
        .eval(
            "const root = document.getElementById('queued').shadowRoot;\
             return [root.querySelector('.ktw-clinic').textContent, root.querySelector('.ktw').getAttribute('lang')];",
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
    browser
        .wait_until("const r = document.getElementById('api').shadowRoot; return !!(r && r.querySelector('.ktw'));", "the API mount renders")
        .await;
    let choices = browser.eval("return document.getElementById('api').shadowRoot.querySelectorAll('.ktw-picker input').length;").await;
    assert_eq!(
        choices,
        json!(2),
        "hide-unoffered given through the API hides the other options"
    );
    browser
        .eval("window.__handle.update({ clinicName: 'Updated Clinic' }); return true;")
        .await;
    browser
        .wait_until(
            "const c = document.getElementById('api').shadowRoot.querySelector('.ktw-clinic'); return !!c && c.textContent === 'Updated Clinic';",
            "update() re-renders",
        )
        .await;
    browser
        .eval("window.__handle.unmount(); return true;")
        .await;
    let left = browser
        .eval("return document.getElementById('api').shadowRoot.querySelector('.ktw');")
        .await;
    assert_eq!(left, json!(null), "unmount() removes the app");
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_language_follows_the_page_then_the_browser_and_the_switcher() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("spanish.html")).await;
    let shown = browser
        .in_widget(0, "return [root.querySelector('.ktw').getAttribute('lang'), root.querySelector('.ktw-title').textContent];")
        .await;
    assert_eq!(shown[0], json!("es"), "the nearest lang on the page wins");
    assert!(
        shown[1].as_str().unwrap().contains("compare sus opciones"),
        "{shown}"
    );
    browser
        .in_widget(
            0,
            "root.querySelector('.ktw-lang-button[lang=en]').click(); return true;",
        )
        .await;
    browser
        .wait_until(
            "return document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('.ktw').getAttribute('lang') === 'en';",
            "the switcher changes the language",
        )
        .await;
    browser.close().await;

    // A page without a language follows the browser's languages, and dates follow it too.
    let spanish_browser = Browser::launch(Launch {
        language: Some("es-419"),
        ..Launch::default()
    })
    .await;
    spanish_browser.open(&servers.page("no-lang.html")).await;
    let languages = spanish_browser.eval("return navigator.languages;").await;
    let lang = spanish_browser
        .in_widget(0, "return root.querySelector('.ktw').getAttribute('lang');")
        .await;
    assert_eq!(lang, json!("es"), "navigator.languages {languages}");
    spanish_browser
        .in_widget(
            0,
            "root.querySelector('.ktw-about > button').click(); return true;",
        )
        .await;
    spanish_browser
        .wait_until(
            "const p = document.querySelector('ketamine-tms-widget').shadowRoot.querySelector('#ktw-about-panel'); return !!p && p.innerText.includes('1 de diciembre de 2026');",
            "dates are written in Spanish",
        )
        .await;
    spanish_browser.close().await;
}

#[tokio::test]
async fn the_patient_page_carries_a_static_copy_for_browsers_without_scripts_or_webassembly() {
    let servers = Servers::start();
    let page = format!("http://{}/index.html", servers.cdn);
    let visible = "const copy = document.querySelector('ketamine-tms-widget .ktw-static');\
                   return !!copy && copy.getClientRects().length > 0;";

    // Scripts off: the page's scripts never run, the static copy shows every section and source.
    let scripts_off = Launch {
        scripts_off: true,
        ..Launch::default()
    };
    if scripts_off.supported("the static copy with scripts off") {
        let browser = Browser::launch(scripts_off).await;
        browser.client.goto(&page).await.unwrap();
        let facts = browser
        .eval(
            "const copy = document.querySelector('ketamine-tms-widget .ktw-static');\
             const cites = [...copy.querySelectorAll('a.ktw-cite')];\
             return { loader: !!window.KetamineTmsWidget, shadow: !!document.querySelector('ketamine-tms-widget').shadowRoot,\
               shown: copy.getClientRects().length > 0, sections: copy.querySelectorAll('.ktw-section-title').length,\
               sources: copy.querySelectorAll('ol.ktw-sources > li').length, cites: cites.length,\
               resolved: cites.every(a => !!document.getElementById(a.getAttribute('href').slice(1))),\
               buttons: copy.querySelectorAll('button, input').length, crisis: copy.querySelector('.ktw-crisis').textContent.includes('988') };",
        )
        .await;
        assert_eq!(
            facts["loader"],
            json!(false),
            "scripts really are off: {facts}"
        );
        assert_eq!(facts["shadow"], json!(false), "{facts}");
        assert_eq!(facts["shown"], json!(true), "{facts}");
        assert_eq!(facts["sections"], json!(5), "{facts}");
        assert!(facts["sources"].as_u64().unwrap() >= 30, "{facts}");
        assert!(facts["cites"].as_u64().unwrap() >= 30, "{facts}");
        assert_eq!(
            facts["resolved"],
            json!(true),
            "every citation links to its source: {facts}"
        );
        assert_eq!(
            facts["buttons"],
            json!(0),
            "nothing pretends to be interactive: {facts}"
        );
        assert_eq!(facts["crisis"], json!(true), "{facts}");
        browser.screenshot("static-copy-no-scripts").await;
        browser.close().await;
    }

    // No WebAssembly: the message shows, and the static copy stays under it.
    let webassembly_off = Launch {
        webassembly_off: true,
        ..Launch::default()
    };
    if webassembly_off.supported("the static copy without WebAssembly") {
        let browser = Browser::launch(webassembly_off).await;
        browser.client.goto(&page).await.unwrap();
        browser.wait_for(".ktw-failure").await;
        browser
            .wait_until(visible, "the static copy stays visible")
            .await;
        browser.close().await;
    }

    // With WebAssembly: the live widget replaces the copy once it has drawn.
    let browser = Browser::start().await;
    browser.open(&page).await;
    let hidden = browser
        .eval(
            "const host = document.querySelector('ketamine-tms-widget');\
             return [host.querySelector('.ktw-static').getClientRects().length, host.shadowRoot.querySelectorAll('slot').length];",
        )
        .await;
    assert_eq!(
        hidden,
        json!([0, 0]),
        "the static copy is hidden behind the live widget"
    );
    browser.close().await;
}
