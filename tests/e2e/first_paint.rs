//! End-to-end tests of the patient page's first paint (issue 13): the page carries the
//! widget's first screen, prerendered by the build in a closed declarative shadow root, so the
//! browser paints the widget itself before the script runs; the live widget then takes those
//! very nodes over (English, hydration), or draws its own in one task (a Spanish page, a
//! returning patient's saved answers), and nothing on the page moves.

use crate::package::Scratch;
use crate::support::browser::{self, Browser, Servers};
use crate::support::static_server::{self, Site};
use crate::support::widget_page::WidgetPage;
use serde_json::json;

/// How many elements the first screen had when the loader took the shadow root
/// (`open-shadow.js` lists them then, before the app runs) and how many of those very
/// elements are still in the widget, whether the title on show is a prerendered one, the
/// widget's title, the element's height and the layout shifts so far (Chromium reports them).
const FIRST_PAINT: &str = "const first = window.__ktwFirstScreen || [];\
     const host = document.querySelector('ketamine-tms-widget');\
     return { first: first.length,\
              kept: first.filter(node => node.isConnected).length,\
              title_kept: root && first.indexOf(root.querySelector('.ktw-title')) >= 0,\
              title: root && root.querySelector('.ktw-title') ? root.querySelector('.ktw-title').textContent.trim() : null,\
              height: Math.round(host.getBoundingClientRect().height), shift: window.__shift };";

/// The patient page in `lang`, served from a scratch folder with `above-fold.js`, which holds
/// the widget's WebAssembly compile until the test calls `window.__release()` and adds up
/// layout shifts.
fn patient_page_held(lang: &str) -> std::io::Result<(Scratch, std::net::SocketAddr)> {
    let scratch =
        Scratch(browser::root().join(format!("target/patient-{lang}-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0)?;
    let dist = browser::dist();
    let page = std::fs::read_to_string(dist.join("index.html"))?;
    assert!(
        page.contains("<html lang=\"en\">"),
        "the patient page is in English"
    );
    let page = page
        .replacen("<html lang=\"en\">", &format!("<html lang=\"{lang}\">"), 1)
        .replacen(
            "</head>",
            "<script src=\"above-fold.js\"></script></head>",
            1,
        );
    std::fs::write(scratch.0.join("index.html"), page)?;
    std::fs::copy(
        dist.join("ketamine-tms-widget.js"),
        scratch.0.join("ketamine-tms-widget.js"),
    )?;
    let site = static_server::start(
        Site {
            root: scratch.0.clone(),
            fallback: Some(browser::root().join("tests/pages")),
            head_script: browser::open_shadow(),
            ..Default::default()
        },
        0,
    )?;
    Ok((scratch, site))
}

#[tokio::test]
async fn the_first_paint_is_the_widget_which_the_live_app_takes_over_moving_nothing() {
    for (lang, title) in [
        (
            "en",
            "Ketamine and TMS for depression: compare your options",
        ),
        (
            "es",
            "Ketamina y EMT para la depresión: compare sus opciones",
        ),
    ] {
        let (_scratch, site) = patient_page_held(lang).expect("serve the patient page");
        let browser = Browser::start().await;
        browser
            .open_plain(&format!("http://{site}/index.html"))
            .await;
        browser
            .wait_until(
                "return document.readyState === 'complete';",
                "the page has loaded",
            )
            .await;
        browser.settle().await;
        // Before the script draws: the element is as tall as the widget's first screen, not the
        // static copy with every section open (thousands of pixels) or a loading box.
        let before = browser
            .eval(&FIRST_PAINT.replace("root &&", "false &&"))
            .await;
        browser.eval("window.__release(); return true;").await;
        let widget = WidgetPage::first(&browser);
        widget.wait_live("the widget draws").await;
        browser.settle().await;
        let after = widget.run(FIRST_PAINT).await;
        let what = format!("{lang}: before {before}, after {after}");
        assert!(
            after["first"].as_u64() > Some(100),
            "the page carried its first screen: {what}"
        );
        assert_eq!(after["title"], json!(title), "{what}");
        let (first, live) = (
            before["height"].as_i64().unwrap_or(0),
            after["height"].as_i64().unwrap_or(0),
        );
        assert!(
            first > 300 && first < 2 * live,
            "the first paint is the first screen: {what}"
        );
        // The same size in English, where the device has no voice: with one, the live
        // comparison adds a Listen button to each section, which the prerender cannot know.
        let voices = browser
            .eval("return window.speechSynthesis ? speechSynthesis.getVoices().length : 0;")
            .await;
        if lang == "en" && voices == json!(0) {
            assert!(
                (first - live).abs() <= 1,
                "the live widget is the same size: {what}"
            );
        }
        assert_eq!(
            after["shift"], before["shift"],
            "drawing live moved nothing: {what}"
        );
        if lang == "en" {
            // The live app adopted the prerendered nodes (hydration), and they work.
            assert_eq!(
                after["kept"], after["first"],
                "every prerendered node is kept: {what}"
            );
            assert_eq!(after["title_kept"], json!(true), "{what}");
            // The questionnaire behind its closed tab is drawn a task later, unasked.
            widget
                .wait_until(
                    "return !!root.querySelector('#ktw-panel-fit[hidden] .ktw-fit');",
                    "the hidden questionnaire is drawn after the first screen",
                )
                .await;
            widget.open_fit_tab().await;
            assert_eq!(
                widget.screen_heading().await,
                "ktw-question-heading",
                "{what}"
            );
        } else {
            // The English first screen does not fit a Spanish page, so it is drawn afresh.
            assert_eq!(
                after["kept"],
                json!(0),
                "nothing prerendered is kept: {what}"
            );
        }
        browser.close().await;
    }
}

#[tokio::test]
async fn a_returning_patient_gets_their_saved_answers_not_the_first_screen() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("index.html")).await;
    let widget = WidgetPage::first(&browser);
    browser.click("#ktw-tab-fit").await;
    browser.settle().await;
    let start = widget.screen().await;
    browser.click("#ktw-remember").await;
    browser
        .click("label[for='ktw-self-harm-thoughts-no']")
        .await;
    browser
        .wait_until(
            "return localStorage.getItem('ketamine-tms-widget') !== null;",
            "the answer is remembered",
        )
        .await;
    browser.open(&servers.page("index.html")).await;
    widget.wait_live("the widget is ready again").await;
    browser.click("#ktw-tab-fit").await;
    browser.settle().await;
    assert_ne!(
        widget.screen().await,
        start,
        "the questionnaire goes on where it was left"
    );
    browser.close().await;
}
