//! End-to-end tests of the summary-first results (issue 14): at 375 px the summary fits one
//! phone screen above the first closed section, Print is under 40 Tab stops from the top, the
//! sources are one list at the end, and the rest opens on demand.

use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use ketamine_tms_widget::content::OptionId;
use ketamine_tms_widget::fit::{encode_fragment, Answers, Leaning};
use serde_json::{json, Value};

/// A full set of answers: two answers that raise safety flags, five rated priorities, a
/// leaning and all four SURE answers, so every part of the summary has something to show.
pub fn full_answers() -> Answers {
    let mut answers = Answers::default();
    // Every question a person must answer, with a choice that raises no flag of its own.
    for question in crate::support::content::questionnaire().questions {
        if question.optional || question.choices.is_empty() {
            continue;
        }
        let calm = ["no", "none", "25-64"];
        let choice = question
            .choices
            .iter()
            .find(|choice| calm.contains(&choice.id.as_str()))
            .or(question.choices.first());
        if let Some(choice) = choice {
            answers.choose(question.id.as_str(), choice.id.as_str());
        }
    }
    answers.choose("self-harm-thoughts", "no");
    answers.choose("implants", "in-head");
    answers.choose("heart-vessels", "aneurysm");
    answers.choose("antidepressants-tried", "two-plus");
    for (priority, rating) in [
        ("fast-relief", 3),
        ("fewer-side-effects", 2),
        ("keep-driving", 3),
        ("cost", 1),
        ("strong-evidence", 2),
    ] {
        answers.rate(priority, rating);
    }
    answers.leaning = Some(Leaning::Option(OptionId::Tms));
    for item in ["sure", "understand", "risk-benefit", "encouragement"] {
        answers.sure.set(item, Some(item != "sure"));
    }
    answers
}

/// Opens the patient page straight at the results of `answers`, as a share link does.
pub async fn open_results(browser: &Browser, servers: &Servers, answers: &Answers) {
    let link = format!(
        "{}#ktw={}",
        servers.page("index.html"),
        encode_fragment(answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
}

/// Opens the results section `name` (`mood`, `deciding`, `options`, `priorities`, `sources`)
/// with a real click on its button, and waits for its content.
pub async fn open_part(browser: &Browser, name: &str) {
    browser.click(&format!("#ktw-part-{name}")).await;
    WidgetPage::first(browser)
        .wait_until(
            &format!("const body = root.querySelector('#ktw-part-{name}-panel'); return !!body && !body.hidden && body.children.length > 0;"),
            &format!("the {name} section opens"),
        )
        .await;
}

/// Where the summary ends and the first closed section starts, measured from the top of the
/// results, and the summary's headings in order.
const LAYOUT: &str = "const results = root.querySelector('.ktw-results');\
    const top = root.getElementById('ktw-results-heading').getBoundingClientRect().top;\
    const summary = root.querySelector('.ktw-results-summary');\
    const toggle = root.querySelector('.ktw-results-section > .ktw-part-heading > button[aria-expanded=\"false\"]');\
    return { summary: !!summary,\
      headings: summary ? [...summary.querySelectorAll('.ktw-h5')].map(h => h.id) : [],\
      summary_bottom: summary ? summary.getBoundingClientRect().bottom - top : null,\
      first_closed: toggle ? toggle.getBoundingClientRect().top - top : null,\
      sections: [...results.querySelectorAll('.ktw-results-section')].map(s => s.dataset.section),\
      cite_buttons: results.querySelectorAll('button.ktw-cite').length };";

#[tokio::test]
async fn the_summary_fits_one_phone_screen_and_the_rest_opens_on_demand() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.set_width(375, 800).await;
    open_results(&browser, &servers, &full_answers()).await;
    let widget = WidgetPage::first(&browser);
    let layout = widget.run(LAYOUT).await;
    assert_eq!(layout["summary"], json!(true), "a summary first: {layout}");
    assert_eq!(
        layout["headings"],
        json!([
            "ktw-talk-heading",
            "ktw-leaning-now-heading",
            "ktw-top-priorities-heading",
            "ktw-ask-heading"
        ]),
        "the summary's parts in the issue's order"
    );
    let bottom = layout["summary_bottom"].as_f64().unwrap_or(f64::MAX);
    let first_closed = layout["first_closed"].as_f64().unwrap_or(f64::MAX);
    assert!(
        bottom <= first_closed && first_closed <= 800.0,
        "the summary fits one 800 px screen above the first closed section: {layout}"
    );
    assert_eq!(
        layout["sections"],
        json!(["deciding", "options", "priorities", "sources"]),
        "everything else follows as sections, the sources last"
    );
    assert_eq!(
        layout["cite_buttons"],
        json!(0),
        "no source buttons in the results"
    );

    // The summary names the answers that need a talk, the leaning, SURE and the top three.
    let summary = widget
        .run("return root.querySelector('.ktw-results-summary').innerText;")
        .await;
    let summary = summary.as_str().unwrap_or("");
    for words in [
        "metal",
        "aneurysm",
        "TMS",
        "3 of 4",
        "Feeling better fast",
        "driv",
    ] {
        assert!(
            summary.to_lowercase().contains(&words.to_lowercase()),
            "the summary says {words:?}: {summary}"
        );
    }

    // A section opens on demand, says so, and shows the options against the answers; its
    // citation numbers point to the one list of sources at the end.
    widget
        .run("root.querySelector('[data-section=options] > .ktw-part-heading > button').click(); return true;")
        .await;
    widget
        .wait_until(
            "const b = root.querySelector('[data-section=options] > .ktw-part-heading > button');\
             return b.getAttribute('aria-expanded') === 'true' && root.querySelectorAll('.ktw-option-fit').length > 0;",
            "the options section opens",
        )
        .await;
    let numbers: Value = widget
        .run(
            "const cited = [...root.querySelectorAll('[data-section=options] .ktw-cite-number')].map(e => e.textContent);\
             root.querySelector('[data-section=sources] > .ktw-part-heading > button').click();\
             return cited;",
        )
        .await;
    assert!(
        numbers.as_array().is_some_and(|n| !n.is_empty()),
        "the options cite their sources: {numbers}"
    );
    widget
        .wait_until(
            "return root.querySelectorAll('.ktw-fit-sources li').length > 0;",
            "the sources open",
        )
        .await;
    let listed = widget
        .run("return [...root.querySelectorAll('.ktw-fit-sources .ktw-ref-number')].map(e => e.textContent.trim());")
        .await;
    for number in numbers.as_array().into_iter().flatten() {
        assert!(
            listed.as_array().is_some_and(|list| list.contains(number)),
            "source {number} is in the list at the end: {listed}"
        );
    }
    browser
        .assert_no_axe_violations(0, "results with two sections open")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn saying_where_you_are_leaning_opens_its_section_with_focus_on_it() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = full_answers();
    answers.leaning = None;
    open_results(&browser, &servers, &answers).await;
    let widget = WidgetPage::first(&browser);
    widget.focus("#ktw-say-leaning").await;
    browser.press('\u{E007}').await;
    widget
        .wait_until(
            "return root.querySelector('#ktw-part-deciding').getAttribute('aria-expanded') === 'true'\
             && !!root.querySelector('#ktw-leaning-tms');",
            "the leaning section opens",
        )
        .await;
    browser.assert_focused(0, "#ktw-part-deciding").await;
    browser.close().await;
}

#[tokio::test]
async fn print_is_under_40_tab_stops_from_the_top_of_the_results() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    open_results(&browser, &servers, &full_answers()).await;
    let widget = WidgetPage::first(&browser);
    widget.focus("#ktw-results-heading").await;
    browser.tab_to(0, "#ktw-print", 40).await;
    browser.close().await;
}

/// In print media: the first thing printed in the results, whether the clinician block holds
/// each of its parts, the smallest font size of any printed text, and the crisis lines.
const PRINTED: &str = "const results = root.querySelector('.ktw-results');\
    const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;\
    const first = [...results.children].find(e => shown(e) && e.tagName !== 'H4');\
    const block = root.querySelector('.ktw-clinician');\
    const walker = document.createTreeWalker(results, NodeFilter.SHOW_TEXT);\
    let smallest = 100; let node;\
    while ((node = walker.nextNode())) { const e = node.parentElement;\
      if (!node.textContent.trim() || !e || !shown(e)) continue;\
      smallest = Math.min(smallest, parseFloat(getComputedStyle(e).fontSize)); }\
    const crisis = root.querySelector('.ktw-print-crisis');\
    return { first: first ? first.className : null,\
      block: block && shown(block) ? block.innerText : null,\
      smallest_pt: smallest * 72 / 96,\
      crisis: crisis && shown(crisis) ? crisis.innerText : null,\
      sections: [...results.querySelectorAll('.ktw-results-section')].filter(shown).length };";

#[tokio::test]
async fn the_printout_starts_with_a_clinician_block_at_11_pt_on_at_most_2_pages() {
    if !crate::support::engine::chromium_only("print emulation and the PDF") {
        return;
    }
    let servers = Servers::start();
    let browser = Browser::start().await;
    let mut answers = full_answers();
    for item in ketamine_tms_widget::fit::PHQ9_ITEMS {
        answers.choose(item, if item == "phq9-9" { "0" } else { "1" });
    }
    let link = format!(
        "{}#ktw={}",
        servers.page("index.html"),
        encode_fragment(&answers)
    );
    browser.open(&link).await;
    browser.wait_for("#ktw-results-heading").await;
    browser
        .eval("window.print = () => { window.__printed = true; }; return true;")
        .await;
    browser.click("#ktw-print").await;
    browser
        .wait_until(
            "return window.__printed === true;",
            "the print dialog opens",
        )
        .await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let printed = WidgetPage::first(&browser).run(PRINTED).await;
    assert!(
        printed["first"]
            .as_str()
            .is_some_and(|class| class.contains("ktw-clinician")),
        "the clinician block comes first: {printed}"
    );
    let block = printed["block"].as_str().unwrap_or("");
    for part in [
        "For the clinician",
        "Date",
        "PHQ-9",
        "8 of 27",
        "Item 9: Not at all",
        "Safety answers",
        "Metal or a device in or near my head",
        "aneurysm",
        "Antidepressants tried",
        "Leaning",
        "TMS",
        "SURE: 3 of 4",
        "Top priorities",
        "Feeling better fast",
    ] {
        assert!(
            block.contains(part),
            "the clinician block says {part:?}: {block}"
        );
    }
    let smallest = printed["smallest_pt"].as_f64().unwrap_or(0.0);
    assert!(
        smallest >= 10.9,
        "every printed word is 11 pt or more, not {smallest:.1} pt"
    );
    assert!(
        printed["crisis"]
            .as_str()
            .is_some_and(|text| text.contains("988")),
        "the crisis lines are printed: {printed}"
    );
    assert_eq!(
        printed["sections"],
        json!(0),
        "the on-demand sections are not printed"
    );
    browser.assert_no_axe_violations(0, "the printout").await;
    let pdf = browser
        .client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .unwrap();
    let pages = crate::support::widget_page::pdf_page_count(&pdf);
    assert!(
        (1..=2).contains(&pages),
        "the printout is 1–2 pages, not {pages}"
    );
    browser.close().await;
}
