//! The results screen for the answer sets the clinical review ran: it explains and never
//! ranks, totals or recommends, and each option's flags stand in its own row.

use super::{answers, config, link, persona, render_open_results, Page};
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::fit::Answers;

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
            let html = render_open_results(&page, config(&[("view", "fit")]), lang).await;
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
        let html = render_open_results(&page, config(&[("view", "fit")]), Lang::En).await;
        let grid = between(&html, "<table class=\"ktw-grid", "</table>")
            .unwrap_or_else(|| panic!("{name}: no priorities table"));
        let row = between(grid, &format!("<tr data-option=\"{option}\""), "</tr>")
            .unwrap_or_else(|| panic!("{name}: no row for {option}"));
        assert!(
            row.contains(flag),
            "{name}: the {option} row lacks `{flag}`:\n{row}"
        );
        assert!(
            row.contains("class=\"ktw-cite-number\""),
            "{name}: the {option} row cites nothing"
        );
    }
}

/// Opened, the sections hold what the summary leaves out: each option's flags, reasons and
/// answers with their citation numbers, the leaning and SURE questions, and one source list.
#[tokio::test]
async fn the_opened_sections_hold_the_reasons_questions_and_sources() {
    let page = Page {
        fragment: link(&persona()),
        ..Page::default()
    };
    let html = render_open_results(&page, config(&[("view", "fit")]), Lang::En).await;
    for text in [
        "Talk with your clinician about:",
        "Metal or implants in or near your head need care with TMS.",
        "The esketamine label says not to use it with an aneurysm",
        "(Your answer: Metal or a device in or near my head)",
        "class=\"ktw-cite-number\"",
        "Where are you leaning right now?",
        "Do you feel sure about the best choice for you?",
        "class=\"ktw-reference\"",
        "PMID",
        "aria-expanded=\"true\"",
    ] {
        assert!(html.contains(text), "the opened results lack `{text}`");
    }
    assert!(
        !html.contains("class=\"ktw-cite\""),
        "no source buttons in the results; the sources are one list"
    );
}
