//! Native rendering tests of the questionnaire: props and an in-memory page in, HTML out.
//!
//! Each case sets up the page (URL fragment, stored answers, blocked storage) and the clinic's
//! configuration, renders the whole widget with Yew's `LocalServerRenderer`, and checks what
//! must and must not appear. Effects do not run here, so each case shows the first screen a
//! person would see on that page.
//!
//! `first_screens` holds the table of pages and what each shows first; `mood` the mood check
//! over time once its section is opened; `results` the
//! results screen for the answer sets the clinical review ran.

#[path = "../support/mod.rs"]
mod support;

mod first_screens;
mod mood;
mod results;

use ketamine_tms_widget::config::{self, Config};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::fit::{encode_fragment, Answers};
use ketamine_tms_widget::ui::fit::results_screen;
use ketamine_tms_widget::ui::fit::state::{FitState, ResultsPart};
use ketamine_tms_widget::ui::host::{Host, MemoryPage};
use ketamine_tms_widget::ui::{App, AppProps, Ctx};
use std::cell::RefCell;
use std::rc::Rc;
use support::content::content;
use yew::{Callback, LocalServerRenderer};

/// What the page holds before the widget starts.
#[derive(Clone, Default)]
struct Page {
    fragment: String,
    stored: Option<String>,
    blocked: bool,
}

fn config(attributes: &[(&str, &str)]) -> Config {
    let raw: Vec<(String, String)> = attributes
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_string()))
        .collect();
    let (config, warnings) = config::parse(&raw);
    assert!(warnings.is_empty(), "{warnings:?}");
    config
}

async fn render(page: &Page, config: Config, lang: Lang) -> String {
    let memory = Rc::new(RefCell::new(MemoryPage {
        fragment: page.fragment.clone(),
        stored: page.stored.clone(),
        storage_blocked: page.blocked,
        today: "2026-11-22".to_string(),
        ..MemoryPage::default()
    }));
    let props = AppProps {
        content: content(),
        config: Rc::new(config),
        lang,
        on_event: Callback::noop(),
        host: Rc::new(Host::memory(memory)),
    };
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The results screen for `page` with every section open, as a person sees it after pressing
/// each section's button.
async fn render_open_results(page: &Page, config: Config, lang: Lang) -> String {
    let content = content();
    let memory = Rc::new(RefCell::new(MemoryPage::default()));
    let (mut fit, _) = FitState::start(
        content.questionnaire.clone(),
        &page.fragment,
        Ok(page.stored.clone()),
        "2026-11-22".to_string(),
    );
    fit.open_parts = ResultsPart::ALL.to_vec();
    let ctx = Ctx {
        content,
        config: Rc::new(config),
        lang,
        dispatch: Callback::noop(),
        on_event: Callback::noop(),
        host: Rc::new(Host::memory(memory)),
        interactive: true,
    };
    LocalServerRenderer::<OpenResults>::with_props(OpenResultsProps { ctx, fit })
        .hydratable(false)
        .render()
        .await
}

#[derive(yew::Properties, PartialEq)]
struct OpenResultsProps {
    ctx: Ctx,
    fit: FitState,
}

/// The results screen alone, with the sections `fit` has open.
#[yew::component]
fn OpenResults(OpenResultsProps { ctx, fit }: &OpenResultsProps) -> yew::Html {
    results_screen(ctx, fit)
}

/// Answers from `(question, [choices])` pairs.
fn answers(pairs: &[(&str, &[&str])]) -> Answers {
    let mut answers = Answers::default();
    for (question, choices) in pairs {
        answers.choose_many(question, choices);
    }
    answers
}

fn link(answers: &Answers) -> String {
    format!("ktw={}", encode_fragment(answers))
}

/// A person with a metal clip in the head, an aneurysm and no ride home, who needs fast relief.
fn persona() -> Answers {
    let mut answers = answers(&[
        ("self-harm-thoughts", &["no"]),
        ("relief-timing", &["days"]),
        ("antidepressants-tried", &["two-plus"]),
        ("age-group", &["25-64"]),
        ("seizures", &["no"]),
        ("implants", &["in-head"]),
        ("heart-vessels", &["aneurysm"]),
        ("psychosis-mania", &["no"]),
        ("substance-use", &["no"]),
        ("pregnancy", &["none"]),
        ("ride-home", &["no"]),
        ("visits-per-week", &["two-three"]),
        ("visit-weeks", &["two-four"]),
        ("needles", &["fine"]),
        ("nasal-spray", &["fine"]),
        ("talk-therapy", &["maybe"]),
        ("cost-worry", &["some"]),
        ("insurance", &["private"]),
    ]);
    answers.rate("fast-relief", 3);
    answers.rate("keep-driving", 2);
    answers
}

fn phq9_item9(score: &str) -> Answers {
    let mut pairs: Vec<(String, Vec<&str>)> = (1..=8)
        .map(|item| (format!("phq9-{item}"), vec!["1"]))
        .collect();
    pairs.push(("phq9-9".to_string(), vec![score]));
    let mut answers = answers(&[("self-harm-thoughts", &["no"])]);
    for (question, choices) in &pairs {
        answers.choose_many(question, choices);
    }
    answers
}
