//! The first screen a person sees on each page: a table of URL fragments, stored answers,
//! blocked storage and clinic settings, each with the text that must and must not appear.

use super::{answers, config, link, persona, phq9_item9, render, render_open_results, Page};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::fit::{encode_stored, StoredState};

/// One case: the page, the clinic's attributes, and text that must or must not appear.
struct Case {
    name: &'static str,
    page: Page,
    attributes: &'static [(&'static str, &'static str)],
    lang: Lang,
    shows: Vec<&'static str>,
    hides: Vec<&'static str>,
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
                "id=\"ktw-part-mood\"",
                "8 of 27, Mild (5 to 9)",
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
                "Talk with your clinician about",
                "Metal or a device in or near my head",
                ": for every kind of TMS",
                "What matters most to you",
                "Being able to drive after treatment: ",
                "Where you are leaning",
                "Say where you are leaning",
                "Not a recommendation. Ask your clinician what is safe for you.",
                "How each option meets what matters to you",
                "aria-expanded=\"false\"",
                "Questions to ask your clinician",
                "These links come from the clinic, not from the research.",
                "href=\"tel:5550102000\"",
                "href=\"https://clinic.example/book\"",
                "id=\"ktw-print\"",
                "id=\"ktw-share\"",
                "data-print=\"fit\"",
            ],
            hides: vec![
                "id=\"ktw-crisis-panel\"",
                "ktw-crisis-reminder",
                "class=\"ktw-cite",
                "class=\"ktw-option-fit\"",
            ],
        },
        Case {
            name:
                "the printable summary holds the clinician block, answers, flags and crisis lines",
            page: Page {
                fragment: link(&persona()),
                ..Page::default()
            },
            attributes: fit_only,
            lang: Lang::En,
            shows: vec![
                "ktw-print-only ktw-clinician",
                "For the clinician",
                "November 22, 2026",
                "PHQ-9",
                "Not done",
                "Safety answers",
                "Metal or a device in or near my head (every kind of TMS)",
                "Antidepressants tried",
                "Top priorities",
                "ktw-print-answers",
                "Your answers",
                "How soon do you need to feel better?",
                "Being able to drive after treatment: ",
                "ktw-print-only ktw-print-crisis",
                "988",
            ],
            hides: vec!["class=\"ktw-reference\""],
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
            name: "remembered results offer the mood-over-time chart in a section",
            page: super::mood::remembered_mood_page(),
            attributes: fit_only,
            lang: Lang::En,
            shows: vec!["id=\"ktw-part-mood\"", "8 of 27", "November 1, 2026"],
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
    let html = render_open_results(
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
