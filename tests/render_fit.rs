//! Native rendering tests of the questionnaire: props and an in-memory page in, HTML out.
//!
//! Each case sets up the page (URL fragment, stored answers, blocked storage) and the clinic's
//! configuration, renders the whole widget with Yew's `LocalServerRenderer`, and checks what
//! must and must not appear. Effects do not run here, so each case shows the first screen a
//! person would see on that page.

mod support;

use support::content::content;

use ketamine_tms_widget::config::{self, Config};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::fit::{encode_fragment, encode_stored, Answers, StoredState};
use ketamine_tms_widget::ui::host::{Host, MemoryPage};
use ketamine_tms_widget::ui::{App, AppProps};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

/// What the page holds before the widget starts.
#[derive(Clone, Default)]
struct Page {
    fragment: String,
    stored: Option<String>,
    blocked: bool,
}

/// One case: the page, the clinic's attributes, and text that must or must not appear.
struct Case {
    name: &'static str,
    page: Page,
    attributes: &'static [(&'static str, &'static str)],
    lang: Lang,
    shows: Vec<&'static str>,
    hides: Vec<&'static str>,
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

fn cases() -> Vec<Case> {
    let fit_only: &[(&str, &str)] = &[("view", "fit")];
    vec![
        Case {
            name: "the first question is the plain crisis question, with progress",
            page: Page::default(),
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "Question 1 of 20",
                "have you had thoughts that you would be better off dead",
                "id=\"ktw-question-heading\"",
                "tabindex=\"-1\"",
                "<legend",
                "type=\"radio\"",
                "Remember my answers on this device",
                "id=\"ktw-remember\"",
            ],
            hides: vec![
                "role=\"alert\"",
                "Skip this question",
                "ktw-back",
                "id=\"ktw-clear\"",
            ],
        },
        Case {
            name: "both views show two tabs, the comparison first",
            page: Page::default(),
            attributes: &[],
            lang: Lang::En,
            shows: vec![
                "role=\"tablist\"",
                "Compare treatments",
                "Which might fit me?",
                "id=\"ktw-tab-fit\"",
                "aria-selected=\"true\"",
                "id=\"ktw-panel-fit\"",
            ],
            hides: vec![],
        },
        Case {
            name: "the compare view has no questionnaire",
            page: Page::default(),
            attributes: &[("view", "compare")],
            lang: Lang::En,
            shows: vec!["ktw-compare"],
            hides: vec!["ktw-fit", "role=\"tablist\""],
        },
        Case {
            name: "Spanish questions and progress",
            page: Page::default(),
            attributes: fit_only,
            lang: Lang::Es,
            shows: vec!["Pregunta 1 de 20", "ha tenido pensamientos"],
            hides: vec![],
        },
        Case {
            name: "the crisis answer shows the crisis panel before anything else",
            page: Page {
                fragment: link(&answers(&[("self-harm-thoughts", &["yes-often"])])),
                ..Page::default()
            },
            attributes: &[
                ("view", "fit"),
                ("phone", "555-010-2000"),
                ("clinic-name", "Calm Clinic"),
            ],
            lang: Lang::En,
            shows: vec![
                "id=\"ktw-crisis-panel\"",
                "role=\"alert\"",
                "href=\"tel:988\"",
                "href=\"sms:988\"",
                "href=\"tel:911\"",
                "Call Calm Clinic: 555-010-2000",
                "id=\"ktw-crisis-continue\"",
            ],
            hides: vec!["What your answers may mean", "Question 1 of"],
        },
        Case {
            name: "the crisis panel speaks Spanish",
            page: Page {
                fragment: link(&answers(&[("self-harm-thoughts", &["yes-sometimes"])])),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::Es,
            shows: vec![
                "Por favor, busque ayuda ahora",
                "Llame al 988",
                "Envíe un texto al 988",
                "Para español, marque 2",
            ],
            hides: vec![],
        },
        Case {
            name: "PHQ-9 item 9 at 1 shows the crisis panel first",
            page: Page {
                fragment: link(&phq9_item9("1")),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec!["id=\"ktw-crisis-panel\"", "href=\"tel:988\""],
            hides: vec!["What your answers may mean"],
        },
        Case {
            name: "PHQ-9 item 9 at 0 goes straight to the results with the score",
            page: Page {
                fragment: link(&phq9_item9("0")),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "What your answers may mean",
                "Your score: 8 out of 27.",
                "Mild (5 to 9)",
                "This score is not a diagnosis",
                "Your results are ready.",
            ],
            hides: vec!["id=\"ktw-crisis-panel\""],
        },
        Case {
            name: "a clinic's own crisis line and emergency number replace the US ones",
            page: Page {
                fragment: link(&answers(&[("self-harm-thoughts", &["yes-now"])])),
                ..Page::default()
            },
            attributes: &[
                ("view", "fit"),
                ("crisis-line", "Samaritans: 116 123"),
                ("emergency-number", "999"),
            ],
            lang: Lang::En,
            shows: vec![
                "Call Samaritans: 116 123",
                "href=\"tel:116123\"",
                "href=\"tel:999\"",
            ],
            hides: vec!["href=\"tel:988\"", "href=\"tel:911\""],
        },
        Case {
            name: "the results list the persona's flags, reasons and priorities with citations",
            page: Page {
                fragment: link(&persona()),
                ..Page::default()
            },
            attributes: &[
                ("view", "fit"),
                ("phone", "555-010-2000"),
                ("booking-url", "https://clinic.example/book"),
            ],
            lang: Lang::En,
            shows: vec![
                "What your answers may mean",
                "We opened the answers from your link.",
                "Talk with your clinician about:",
                "Metal or implants in or near your head need care with TMS.",
                "The esketamine label says not to use it with an aneurysm",
                "(Your answer: Metal or a device in or near my head)",
                "How each option meets what matters to you",
                "This is not a recommendation.",
                "class=\"ktw-cite\"",
                "Where are you leaning right now?",
                "Do you feel sure about the best choice for you?",
                "Questions to ask your clinician",
                "These links come from the clinic, not from the research.",
                "href=\"tel:5550102000\"",
                "href=\"https://clinic.example/book\"",
                "id=\"ktw-print\"",
                "id=\"ktw-share\"",
                "data-print=\"fit\"",
            ],
            hides: vec!["id=\"ktw-crisis-panel\"", "ktw-crisis-reminder"],
        },
        Case {
            name: "the printable summary holds the date, answers, flags and sources",
            page: Page {
                fragment: link(&persona()),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "ktw-print-only ktw-print-date",
                "Made on November 22, 2026",
                "ktw-print-answers",
                "Your answers",
                "How soon do you need to feel better?",
                "Being able to drive after treatment: ",
                "Talk with your clinician about:",
                "Sources for these results",
                "class=\"ktw-reference\"",
                "PMID",
            ],
            hides: vec![],
        },
        Case {
            name: "a tampered link says so and starts fresh",
            page: Page {
                fragment: link(&persona()).replacen("ktw1.", "ktw1.x", 1),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec!["This link was changed or cut short", "Question 1 of 20"],
            hides: vec!["What your answers may mean"],
        },
        Case {
            name: "a link from another version says so and starts fresh",
            page: Page {
                fragment: link(&persona()).replacen("ktw1.", "ktw9.", 1),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "made by a different version of this guide",
                "Question 1 of 20",
            ],
            hides: vec![],
        },
        Case {
            name: "an unrelated fragment is ignored",
            page: Page {
                fragment: "pricing".to_string(),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec!["Question 1 of 20"],
            hides: vec!["This link"],
        },
        Case {
            name: "blocked storage says so and the questions still work",
            page: Page {
                blocked: true,
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "This browser does not let us save on this device",
                "Everything else still works.",
                "Question 1 of 20",
            ],
            hides: vec![],
        },
        Case {
            name: "remembered answers come back where the person left off, with a mood chart",
            page: Page {
                stored: Some(encode_stored(&StoredState {
                    remember: true,
                    answers: answers(&[("self-harm-thoughts", &["no"])]),
                    phq9_history: vec![],
                    ..StoredState::default()
                })),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "We brought back the answers you saved on this device.",
                "A short mood check (you can skip it)",
                "Question 2 of 20",
                "id=\"ktw-clear\"",
                "checked",
            ],
            hides: vec![],
        },
        Case {
            name: "remembered results show the mood-over-time chart and table",
            page: Page {
                stored: Some(encode_stored(&{
                    let mut state = StoredState {
                        remember: true,
                        answers: {
                            let mut answers = persona();
                            for (question, choices) in &phq9_item9("0").choices {
                                answers.choices.insert(question.clone(), choices.clone());
                            }
                            answers
                        },
                        ..StoredState::default()
                    };
                    state.record_phq9("2026-10-01", 18);
                    state.record_phq9("2026-11-01", 8);
                    state
                })),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "Your mood check scores over time",
                "class=\"ktw-mood-svg\"",
                "role=\"img\"",
                "October 1, 2026: 18, November 1, 2026: 8",
                "ktw-mood-table",
            ],
            hides: vec![],
        },
        Case {
            name: "unreadable stored answers are cleared with a message",
            page: Page {
                stored: Some("{not json".to_string()),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec!["Your saved answers could not be read", "Question 1 of 20"],
            hides: vec![],
        },
        Case {
            name: "stored answers from a newer version are not used",
            page: Page {
                stored: Some("{\"version\": 99, \"remember\": true}".to_string()),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec!["came from a newer version of this guide"],
            hides: vec![],
        },
    ]
}

#[tokio::test]
async fn the_questionnaire_renders_each_page_state() {
    let mut failures = Vec::new();
    for case in cases() {
        let html = render(&case.page, config(case.attributes), case.lang).await;
        for text in &case.shows {
            if !html.contains(text) {
                failures.push(format!("{}: missing `{text}`", case.name));
            }
        }
        for text in &case.hides {
            if html.contains(text) {
                failures.push(format!("{}: should not show `{text}`", case.name));
            }
        }
        assert!(
            !html.contains("style="),
            "{}: a style attribute would be blocked by a strict CSP",
            case.name
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn an_unanswered_question_and_an_options_hidden_by_the_clinic_do_not_show() {
    let page = Page {
        fragment: link(&persona()),
        ..Page::default()
    };
    let html = render(
        &page,
        config(&[
            ("view", "fit"),
            ("offered", "tms,itbs"),
            ("hide-unoffered", "true"),
        ]),
        Lang::En,
    )
    .await;
    assert!(html.contains("data-option=\"tms\""));
    assert!(!html.contains("data-option=\"esketamine\""));
    assert!(!html.contains("id=\"ktw-leaning-esketamine\""));
}

/// The answer sets the clinical review ran, plus the full persona with every priority rated.
fn review_answer_sets() -> Vec<(&'static str, Answers)> {
    let mut metal = answers(&[("self-harm-thoughts", &["no"]), ("implants", &["in-head"])]);
    metal.rate("keep-driving", 3);
    let mut aneurysm = answers(&[
        ("self-harm-thoughts", &["no"]),
        ("heart-vessels", &["aneurysm"]),
    ]);
    aneurysm.rate("fast-relief", 3);
    let mut everything = persona();
    for (priority, rating) in [
        ("fewer-side-effects", 1),
        ("lasting-results", 2),
        ("less-clinic-time", 3),
        ("cost", 2),
        ("strong-evidence", 1),
    ] {
        everything.rate(priority, rating);
    }
    vec![
        ("metal in the head and driving", metal),
        ("an aneurysm and fast relief", aneurysm),
        ("the persona with every priority rated", everything),
    ]
}

/// The part of `html` from the first `start` to the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = html.find(start)?;
    let rest = html.get(from..)?;
    let to = rest.find(end)?;
    rest.get(..to + end.len())
}

/// The results explain; they never rank, total or recommend. The priorities are a table with
/// a caption and header scopes, the options in display order for every answer set, and each
/// option's flags in its own row.
#[tokio::test]
async fn the_results_explain_and_never_rank() {
    let words = [
        "adds up",
        "add up",
        "total",
        "score",
        "best for you",
        "best option",
        "best match",
        "top match",
        "top choice",
        "first choice",
        "ranked",
        "ranking",
        "1st",
        "2nd",
        "3rd",
        "#1",
        "number one",
        "winner",
        "recommended for you",
        "we recommend",
        "puntaje",
        "suma",
        "mejor opción para usted",
    ];
    let order = [
        "iv-ketamine",
        "esketamine",
        "ketamine-therapy",
        "tms",
        "itbs",
        "accelerated-tms",
        "antidepressants",
    ];
    let mut failures = Vec::new();
    for (name, answers) in review_answer_sets() {
        for lang in [Lang::En, Lang::Es] {
            let page = Page {
                fragment: link(&answers),
                ..Page::default()
            };
            let html = render(&page, config(&[("view", "fit")]), lang).await;
            let Some(results) = html
                .find("class=\"ktw-step ktw-results\"")
                .and_then(|at| html.get(at..))
            else {
                failures.push(format!("{name} ({lang:?}): no results"));
                continue;
            };
            // The SURE item "Do you feel sure about the best choice for you?" is validated
            // wording the person answers, not advice, so it is left out of the check.
            let text = results
                .to_lowercase()
                .replace("do you feel sure about the best choice for you?", "")
                .replace(
                    "¿se siente seguro de cuál es la mejor opción para usted?",
                    "",
                );
            for word in words {
                if text.contains(word) {
                    failures.push(format!("{name} ({lang:?}): the results say `{word}`"));
                }
            }
            if text
                .as_bytes()
                .windows(2)
                .any(|pair| pair[0] == b'+' && pair[1].is_ascii_digit())
            {
                failures.push(format!("{name} ({lang:?}): a signed score such as `+6`"));
            }
            let Some(grid) = between(&html, "<table class=\"ktw-grid", "</table>") else {
                failures.push(format!("{name} ({lang:?}): no priorities table"));
                continue;
            };
            for markup in ["<caption", "scope=\"col\"", "scope=\"row\""] {
                if !grid.contains(markup) {
                    failures.push(format!("{name} ({lang:?}): the table has no `{markup}`"));
                }
            }
            let positions: Vec<usize> = order
                .iter()
                .filter_map(|option| grid.find(&format!("<tr data-option=\"{option}\"")))
                .collect();
            if positions.len() != order.len() || positions.windows(2).any(|p| p[0] >= p[1]) {
                failures.push(format!(
                    "{name} ({lang:?}): the table's options are not all there in display order: {positions:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each option's safety flags stand in its own row of the priorities table.
#[tokio::test]
async fn the_flags_stand_beside_each_option_in_the_table() {
    let sets = review_answer_sets();
    let cases = [
        (0, "tms", "need care with TMS"),
        (0, "itbs", "need care with TMS"),
        (
            1,
            "esketamine",
            "The esketamine label says not to use it with an aneurysm",
        ),
        (1, "tms", "counts as metal in the head for TMS"),
    ];
    for (set, option, flag) in cases {
        let (name, answers) = &sets[set];
        let page = Page {
            fragment: link(answers),
            ..Page::default()
        };
        let html = render(&page, config(&[("view", "fit")]), Lang::En).await;
        let grid = between(&html, "<table class=\"ktw-grid", "</table>")
            .unwrap_or_else(|| panic!("{name}: no priorities table"));
        let row = between(grid, &format!("<tr data-option=\"{option}\""), "</tr>")
            .unwrap_or_else(|| panic!("{name}: no row for {option}"));
        assert!(
            row.contains(flag),
            "{name}: the {option} row lacks `{flag}`:\n{row}"
        );
        assert!(
            row.contains("class=\"ktw-cite\""),
            "{name}: the {option} row cites nothing"
        );
    }
}
