//! End-to-end checks of read aloud (issue 14): on a device with a voice for the widget's
//! language, each comparison section and each question has a Listen button that asks the
//! browser's speech to read that part in that language, with pause, go on and stop; where the
//! device has no voice for the language, there is no button. The page replaces
//! `speechSynthesis` with a stand-in (`tests/pages/speech.js`) that records what it is asked.

use crate::support::browser::{Browser, Servers};
use serde_json::{json, Value};

/// What the stand-in was asked to do, in order.
async fn spoken(browser: &Browser) -> Vec<Value> {
    let value = browser.eval("return window.__ktwSpoken;").await;
    value.as_array().cloned().unwrap_or_default()
}

/// How many Listen buttons the widget shows now.
async fn listen_buttons(browser: &Browser) -> u64 {
    browser
        .in_widget(
            0,
            "return root.querySelectorAll('.ktw-listen-start').length;",
        )
        .await
        .as_u64()
        .unwrap_or(0)
}

#[tokio::test]
async fn a_section_is_read_aloud_in_the_widgets_language_with_pause_and_stop() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("speech.html?voices=en")).await;
    browser
        .wait_for(".ktw-section-summary .ktw-listen-start")
        .await;
    let sections = browser
        .in_widget(
            0,
            "return root.querySelectorAll('tbody.ktw-section').length;",
        )
        .await;
    let in_sections = browser
        .in_widget(
            0,
            "return root.querySelectorAll('tbody.ktw-section .ktw-listen-start').length;",
        )
        .await;
    assert_eq!(in_sections, sections, "one Listen button per section");
    let violations = browser.axe(0).await;
    assert!(
        violations.is_empty(),
        "axe, with Listen buttons: {violations:#?}"
    );
    browser
        .assert_no_small_targets(0, "the comparison with Listen buttons")
        .await;

    browser.click("tbody.ktw-section .ktw-listen-start").await;
    browser.wait_for(".ktw-listen-stop").await;
    let asked = spoken(&browser).await;
    let read = asked
        .iter()
        .find(|entry| entry.get("text").is_some())
        .expect("the widget asked for a reading");
    assert_eq!(read["lang"], json!("en"), "{read}");
    let title = browser
        .in_widget(
            0,
            "return root.querySelector('tbody.ktw-section .ktw-section-title').textContent.trim();",
        )
        .await;
    let text = read["text"].as_str().unwrap();
    assert!(
        text.starts_with(title.as_str().unwrap()),
        "the reading starts with the section's title: {text}"
    );
    assert!(
        text.contains("TMS"),
        "it reads the compared options: {text}"
    );

    let violations = browser.axe(0).await;
    assert!(violations.is_empty(), "axe, while reading: {violations:#?}");
    browser.click(".ktw-listen-pause").await;
    browser.click(".ktw-listen-pause").await;
    browser.click(".ktw-listen-stop").await;
    browser
        .wait_for("tbody.ktw-section .ktw-listen-start")
        .await;
    let controls: Vec<Value> = spoken(&browser)
        .await
        .into_iter()
        .filter_map(|entry| entry.get("control").cloned())
        .collect();
    assert_eq!(
        controls.last(),
        Some(&json!("cancel")),
        "Stop cancels the reading: {controls:?}"
    );
    assert!(
        controls.contains(&json!("pause")) && controls.contains(&json!("resume")),
        "Pause, then Go on: {controls:?}"
    );
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn a_question_is_read_with_its_answers_and_spanish_needs_a_spanish_voice() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser
        .open(&servers.page("speech.html?voices=en,es"))
        .await;
    browser.click(".ktw-lang-button[lang=es]").await;
    browser
        .wait_until(
            "return window.__ktwRoot(document.querySelector('ketamine-tms-widget')).querySelector('.ktw').getAttribute('lang') === 'es';",
            "the widget speaks Spanish",
        )
        .await;
    browser.click("#ktw-tab-fit").await;
    browser
        .wait_for(".ktw-question-step .ktw-listen-start")
        .await;
    browser.click(".ktw-question-step .ktw-listen-start").await;
    let read = spoken(&browser).await;
    let read = read
        .iter()
        .find(|entry| entry.get("text").is_some())
        .expect("a reading");
    assert_eq!(read["lang"], json!("es"), "{read}");
    let question = browser
        .in_widget(0, "const h = root.querySelector('#ktw-question-heading');\
                       const shown = [...h.childNodes].filter(n => !(n.classList && n.classList.contains('ktw-visually-hidden')));\
                       return [shown.map(n => n.textContent).join('').trim(),\
                       [...root.querySelectorAll('.ktw-question label')].map(l => l.textContent.trim())];")
        .await;
    let text = read["text"].as_str().unwrap();
    assert!(text.starts_with(question[0].as_str().unwrap()), "{text}");
    for label in question[1].as_array().unwrap() {
        assert!(
            text.contains(label.as_str().unwrap()),
            "the answer {label} is read: {text}"
        );
    }
    browser.close().await;

    // The same device without a Spanish voice: the Spanish widget offers no Listen button,
    // while the English one does.
    let browser = Browser::start().await;
    browser.open(&servers.page("speech.html?voices=en")).await;
    browser.wait_for(".ktw-listen-start").await;
    browser.click(".ktw-lang-button[lang=es]").await;
    browser
        .wait_until(
            "const r = window.__ktwRoot(document.querySelector('ketamine-tms-widget'));\
             return r.querySelector('.ktw').getAttribute('lang') === 'es' && !r.querySelector('.ktw-listen-start');",
            "no Listen button without a Spanish voice",
        )
        .await;
    assert_eq!(listen_buttons(&browser).await, 0);
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_results_summary_is_read_aloud() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let answers = crate::results_summary::full_answers();
    browser
        .open(&format!(
            "{}#ktw={}",
            servers.page("speech.html?voices=en"),
            ketamine_tms_widget::fit::encode_fragment(&answers)
        ))
        .await;
    browser
        .wait_for(".ktw-results-summary .ktw-listen-start")
        .await;
    browser
        .click(".ktw-results-summary .ktw-listen-start")
        .await;
    browser.wait_for(".ktw-listen-stop").await;
    let asked = spoken(&browser).await;
    let read = asked
        .iter()
        .find(|entry| entry.get("text").is_some())
        .expect("the widget asked for a reading");
    assert_eq!(read["lang"], json!("en"), "{read}");
    let text = read["text"].as_str().unwrap_or("");
    for words in [
        "Talk with your clinician about.",
        "Metal or a device in or near my head",
        "Where you are leaning.",
        "Feeling better fast.",
        "Questions to ask your clinician.",
    ] {
        assert!(
            text.contains(words),
            "the summary's reading says {words:?}: {text}"
        );
    }
    browser.close().await;
}
