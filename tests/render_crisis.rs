//! Native rendering tests of crisis help: the whole widget rendered with Yew's
//! `LocalServerRenderer` for US defaults and for a UK clinic, in English and Spanish, on the
//! first screen of each part, the crisis panels and the static copy. A UK clinic's widget
//! must never show a US crisis number, and "I might act on them" gets the urgent panel.

mod support;

use support::content::content;

use ketamine_tms_widget::config::{self, Config};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::fit::{encode_fragment, Answers};
use ketamine_tms_widget::ui::host::{Host, MemoryPage};
use ketamine_tms_widget::ui::prerender::{StaticComparison, StaticComparisonProps};
use ketamine_tms_widget::ui::{App, AppProps};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

const UK: &[(&str, &str)] = &[
    ("crisis-line", "Samaritans, 116 123"),
    ("emergency-number", "999"),
    ("phone", "+44 20 7946 0000"),
];

fn config(attributes: &[(&str, &str)]) -> Config {
    let raw: Vec<(String, String)> = attributes
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    let (config, warnings) = config::parse(&raw);
    assert!(warnings.is_empty(), "{warnings:?}");
    config
}

async fn render(answer: Option<&str>, attributes: &[(&str, &str)], lang: Lang) -> String {
    let fragment = answer
        .map(|choice| {
            let mut answers = Answers::default();
            answers.choose("self-harm-thoughts", choice);
            format!("ktw={}", encode_fragment(&answers))
        })
        .unwrap_or_default();
    let memory = Rc::new(RefCell::new(MemoryPage {
        fragment,
        today: "2026-11-22".to_string(),
        ..MemoryPage::default()
    }));
    let props = AppProps {
        content: content(),
        config: Rc::new(config(attributes)),
        lang,
        on_event: Callback::noop(),
        host: Rc::new(Host::memory(memory)),
    };
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The US crisis numbers written in `html` as whole numbers.
fn us_numbers(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for number in ["988", "911"] {
        for (at, _) in html.match_indices(number) {
            let before = html[..at].chars().next_back();
            let after = html[at + 3..].chars().next();
            if !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
            {
                let start = at.saturating_sub(60);
                let context: String = html
                    .get(start..(at + 40).min(html.len()))
                    .unwrap_or("")
                    .to_string();
                found.push(format!("{number} in …{context}…"));
            }
        }
    }
    found
}

/// `first` appears in `html`, and before `second`.
fn before(html: &str, first: &str, second: &str) -> bool {
    match (html.find(first), html.find(second)) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}

/// Texts that must show.
type Shows = &'static [&'static str];

#[tokio::test]
async fn a_uk_clinic_shows_its_own_numbers_and_no_us_one() {
    // (what, answer to the crisis question, view, language, text that must show)
    let cases: &[(&str, Option<&str>, &str, Lang, Shows)] = &[
        (
            "the comparison and footer",
            None,
            "both",
            Lang::En,
            &["href=\"tel:116123\"", "href=\"tel:999\""],
        ),
        (
            "the comparison in Spanish",
            None,
            "compare",
            Lang::Es,
            &["Samaritans", "href=\"tel:999\""],
        ),
        (
            "the first question's hint",
            None,
            "fit",
            Lang::En,
            &[
                "call <a href=\"tel:999\">999</a>",
                "Samaritans (<a href=\"tel:116123\">116 123</a>)",
            ],
        ),
        (
            "the first question in Spanish",
            None,
            "fit",
            Lang::Es,
            &["llame al <a href=\"tel:999\">999</a>"],
        ),
        (
            "the crisis panel",
            Some("yes-sometimes"),
            "fit",
            Lang::En,
            &["Call Samaritans: 116 123", "href=\"tel:999\""],
        ),
        (
            "the urgent panel",
            Some("yes-now"),
            "fit",
            Lang::En,
            &["Call 999 now", "Call Samaritans: 116 123"],
        ),
        (
            "the urgent panel in Spanish",
            Some("yes-now"),
            "fit",
            Lang::Es,
            &["Llame al 999 ahora", "Llame a Samaritans: 116 123"],
        ),
    ];
    for (what, answer, view, lang, shows) in cases {
        let mut attributes = UK.to_vec();
        attributes.push(("view", view));
        let html = render(*answer, &attributes, *lang).await;
        assert_eq!(us_numbers(&html), Vec::<String>::new(), "{what}");
        for text in shows.iter() {
            assert!(html.contains(text), "{what} should show {text:?}:\n{html}");
        }
    }
    // The static copy for browsers that run no scripts.
    for lang in Lang::ALL {
        let props = StaticComparisonProps {
            content: content(),
            config: Rc::new(config(UK)),
            lang,
        };
        let html = LocalServerRenderer::<StaticComparison>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        assert_eq!(us_numbers(&html), Vec::<String>::new(), "the static copy");
        assert!(html.contains("href=\"tel:116123\""), "{html}");
    }
}

#[tokio::test]
async fn might_act_on_them_gets_the_urgent_panel_and_milder_answers_the_calm_one() {
    let fit = [("view", "fit"), ("phone", "555-010-2000")];
    let urgent = render(Some("yes-now"), &fit, Lang::En).await;
    for text in [
        "data-urgent=\"true\"",
        "Please get help right now",
        "Call <a href=\"tel:911\">911</a> now. Or go to the nearest emergency room now.",
        "Do not stay alone.",
        "call or text <a href=\"tel:988\">988</a>",
        "href=\"tel:5550102000\"",
        "Back to the questions",
    ] {
        assert!(
            urgent.contains(text),
            "the urgent panel should show {text:?}:\n{urgent}"
        );
    }
    assert!(
        before(&urgent, "href=\"tel:911\"", "href=\"tel:988\""),
        "the emergency number comes first"
    );
    assert!(
        before(
            &urgent,
            "href=\"tel:5550102000\"",
            "id=\"ktw-crisis-continue\""
        ),
        "the way back comes after every number"
    );
    assert!(!urgent.contains("Continue with the questions") && !urgent.contains("keep going"));
    for mild in ["yes-sometimes", "yes-often"] {
        let calm = render(Some(mild), &fit, Lang::En).await;
        assert!(!calm.contains("data-urgent"), "{mild}");
        assert!(calm.contains("Continue with the questions"), "{mild}");
        assert!(
            before(&calm, "href=\"tel:988\"", "href=\"tel:911\""),
            "{mild}"
        );
    }
    let spanish = render(Some("yes-now"), &fit, Lang::Es).await;
    assert!(
        spanish.contains("Por favor, busque ayuda ahora mismo"),
        "{spanish}"
    );
}

#[tokio::test]
async fn the_us_defaults_link_both_numbers_from_the_first_question() {
    let html = render(None, &[("view", "fit")], Lang::En).await;
    assert!(
        html.contains("If you are in danger right now, call <a href=\"tel:911\">911</a>."),
        "{html}"
    );
    assert!(
        html.contains("call or text <a href=\"tel:988\">988</a>"),
        "{html}"
    );
    let spanish = render(None, &[("view", "fit")], Lang::Es).await;
    assert!(
        spanish.contains("Sí, y podría hacer algo para quitarme la vida"),
        "{spanish}"
    );
    assert!(!spanish.contains("actuar según ellos"), "{spanish}");
}
