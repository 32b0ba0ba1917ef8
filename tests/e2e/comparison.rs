//! End-to-end tests of the comparison in use: by keyboard alone with axe-core auditing the
//! shadow root, at 320 px and in the dark theme, and in the language of the page, then the
//! browser, then the switcher.

use crate::support::browser::{Browser, Servers};
use crate::support::engine::Launch;
use crate::support::widget_page::WidgetPage;
use serde_json::json;

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
    WidgetPage::first(&browser)
        .wait_until(
            "return [...root.querySelectorAll('thead th.ktw-option-head .ktw-option-name')].map(e => e.textContent).join('|').includes('iTBS');",
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
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('#ktw-sec-results tr.ktw-row') !== null;",
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
    WidgetPage::first(&browser)
        .wait_until(
            "return !!root.querySelector('#ktw-sec-results .ktw-source a[target=_blank]');",
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
    WidgetPage::first(&browser)
        .wait_until(
            "return !root.querySelector('.ktw-source');",
            "Escape closes the source",
        )
        .await;

    // Open all sections and the About panel by keyboard.
    browser.shift_tab_to(0, ".ktw-tools button", 80).await;
    browser.press(' ').await;
    WidgetPage::first(&browser)
        .wait_until(
            "return [...root.querySelectorAll('button.ktw-disclosure')].every(b => b.getAttribute('aria-expanded') === 'true');",
            "every section opens",
        )
        .await;
    browser.tab_to(0, ".ktw-about > button", 400).await;
    browser.press('\u{E007}').await;
    WidgetPage::first(&browser)
        .wait_until(
            "return !!root.querySelector('#ktw-about-panel');",
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
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelectorAll('tr.ktw-row').length > 5;",
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
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('.ktw').dataset.theme === 'dark';",
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
    WidgetPage::first(&browser)
        .wait_until(
            "return root.querySelector('.ktw').getAttribute('lang') === 'en';",
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
    WidgetPage::first(&spanish_browser)
        .wait_until(
            "const p = root.querySelector('#ktw-about-panel'); return !!p && p.innerText.includes('1 de diciembre de 2026');",
            "dates are written in Spanish",
        )
        .await;
    spanish_browser.close().await;
}
