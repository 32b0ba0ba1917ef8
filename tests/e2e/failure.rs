//! End-to-end tests of the failure paths: no WebAssembly (a message with the clinic's phone),
//! no `DecompressionStream`, `Uint8Array.fromBase64` or `scheduler.yield` (the fallbacks),
//! hostile attributes (one warning each), and the patient page's static copy for browsers
//! without scripts or WebAssembly.

use crate::support::browser::{Browser, Servers};
use crate::support::engine::Launch;
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// Console lines that are errors, uncaught exceptions or CSP violations.
fn problems(log: &[String]) -> Vec<&String> {
    log.iter()
        .filter(|line| !line.starts_with("warn:"))
        .collect()
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
    WidgetPage::first(&browser)
        .wait_until(
            "return !!root.querySelector('.ktw-failure');",
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
async fn older_browsers_use_the_built_in_inflater_base64_loop_and_timeout() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("no-decompression.html")).await;
    assert_eq!(
        browser.eval("return window.__pageSees;").await,
        json!(["undefined", "undefined", "undefined"])
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
    WidgetPage::first(&browser)
        .wait_until("return !!root.querySelector('.ktw');", "mounted")
        .await;
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
        let facts = WidgetPage::first(&browser)
        .run(
            "const copy = document.querySelector('ketamine-tms-widget .ktw-static');\
             const cites = [...copy.querySelectorAll('a.ktw-cite')];\
             return { loader: !!window.KetamineTmsWidget, shadow: !!root,\
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
             const slots = [...window.__ktwRoot(host).querySelectorAll('slot')];\
             return [host.querySelector('.ktw-static').getClientRects().length, slots.filter(s => getComputedStyle(s).display !== 'none').length];",
        )
        .await;
    assert_eq!(
        hidden,
        json!([0, 0]),
        "the static copy is hidden behind the live widget"
    );
    browser.close().await;
}
