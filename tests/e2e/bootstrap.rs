//! End-to-end check of a clinic page built with Bootstrap 5 and its real stylesheet (from npm):
//! the widget fills its grid column, Bootstrap's reboot changes nothing inside it (the same
//! computed styles as on a plain page), `.d-none` hides it and removing it shows it again,
//! the questionnaire works, and axe finds nothing.

use crate::support::browser::{self, Browser, Servers};
use crate::support::static_server::{self, Site};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// Styles inside the widget that a host stylesheet's reboot would change if it leaked in.
const INSIDE: &str =
    "const k = root.querySelector('.ktw'); const h = root.querySelector('.ktw h2, .ktw h3');\
    const b = root.querySelector('.ktw-tab'); const s = e => getComputedStyle(e);\
    return [s(k).fontSize, s(k).lineHeight, s(k).fontFamily, s(h).marginTop, s(h).fontWeight,\
            s(b).paddingTop, s(b).borderRadius, s(b).fontSize];";

#[tokio::test]
async fn a_bootstrap_page_leaves_the_widget_as_it_is_and_can_hide_it() {
    let servers = Servers::start();
    let site = static_server::start(
        Site {
            root: browser::root().join("tests/pages"),
            fallback: Some(browser::root().join("tests/node_modules/bootstrap/dist")),
            replacements: vec![("CDN".to_string(), format!("http://{}", servers.cdn))],
            head_script: browser::open_shadow(),
            ..Default::default()
        },
        0,
    )
    .expect("start the Bootstrap site");
    let browser = Browser::start().await;
    browser.set_width(1280, 900).await;
    browser.open(&servers.page("basic.html")).await;
    let plain = WidgetPage::first(&browser).run(INSIDE).await;

    browser.open(&format!("http://{site}/bootstrap.html")).await;
    let loaded = browser
        .eval("return getComputedStyle(document.body).fontFamily.includes('system-ui') || getComputedStyle(document.querySelector('.btn')).borderRadius !== '0px';")
        .await;
    assert_eq!(loaded, json!(true), "Bootstrap's stylesheet is on the page");
    let widget = WidgetPage::by_id(&browser, "aid");
    assert_eq!(
        widget.run(INSIDE).await,
        plain,
        "Bootstrap's reboot changes nothing inside"
    );
    let fits = browser
        .eval(
            "const host = document.getElementById('aid').getBoundingClientRect();\
             const col = document.getElementById('column'); const s = getComputedStyle(col);\
             const inner = col.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);\
             return Math.abs(host.width - inner) <= 2 && document.documentElement.scrollWidth <= innerWidth;",
        )
        .await;
    assert_eq!(
        fits,
        json!(true),
        "the widget fills its column and nothing scrolls sideways"
    );

    let hidden = "const h = document.getElementById('aid'); h.classList.add('d-none');\
        const gone = h.getBoundingClientRect().height === 0;\
        h.classList.remove('d-none'); return gone && h.getBoundingClientRect().height > 100;";
    assert_eq!(
        browser.eval(hidden).await,
        json!(true),
        ".d-none hides it, and it comes back"
    );

    widget.open_fit_tab().await;
    // Bootstrap's reboot asks for smooth scrolling, which the driver's own scroll before a
    // click does not wait for; the answer is brought into view first, as a reader scrolls.
    let into_view = |selector: &str| {
        format!("root.querySelector('{selector}').scrollIntoView({{ block: 'center', behavior: 'instant' }}); return true;")
    };
    widget.run(&into_view("#ktw-self-harm-thoughts-no")).await;
    widget.answer("self-harm-thoughts", "no").await;
    widget.run(&into_view(".ktw-next")).await;
    widget.next().await;
    widget
        .wait_until(
            "return !root.querySelector('#ktw-self-harm-thoughts-no');",
            "the second question",
        )
        .await;
    browser
        .assert_no_axe_violations(0, "the widget on a Bootstrap page")
        .await;
    browser.close().await;
}
