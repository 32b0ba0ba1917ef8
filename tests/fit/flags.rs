//! The safety flags' table: it covers the answers the clinical review found missing, a flag
//! waiting for its claim is never shown and every other one always is, and a flag without a
//! supporting claim of its row and source is rejected (broken copies made by id).

use super::answers;
use crate::support::content::{
    choice_mut, files, flag_mut, flags_mut, lists, question_mut, questionnaire,
};
use ketamine_tms_widget::content::OptionId;
use ketamine_tms_widget::fit::*;

/// The answers the clinical review found without the flags they need, and the options each
/// must flag. A flag still waiting for its claim counts as declared: it is in the table and
/// named in `waits_for`, but not shown until the evidence carries its claim.
#[test]
fn the_flag_table_covers_the_answers_the_review_found_missing() {
    let mut files = files();
    let flags = flags_mut(&mut files).clone();
    let required: [(&str, &str, &[&str]); 8] = [
        (
            "psychosis-mania",
            "yes",
            &["antidepressants", "tms", "itbs", "accelerated-tms"],
        ),
        (
            "psychosis-mania",
            "not-sure",
            &[
                "iv-ketamine",
                "esketamine",
                "ketamine-therapy",
                "tms",
                "itbs",
                "accelerated-tms",
                "antidepressants",
            ],
        ),
        ("pregnancy", "pregnant", &["antidepressants"]),
        (
            "age-group",
            "under-15",
            &[
                "itbs",
                "accelerated-tms",
                "tms",
                "antidepressants",
                "esketamine",
            ],
        ),
        (
            "age-group",
            "15-17",
            &["itbs", "accelerated-tms", "antidepressants", "esketamine"],
        ),
        ("age-group", "18-24", &["antidepressants"]),
        ("seizures", "not-sure", &["tms", "itbs", "accelerated-tms"]),
        ("implants", "not-sure", &["tms", "itbs", "accelerated-tms"]),
    ];
    for (question, choice, options) in required {
        for option in options {
            let declared = flags.iter().any(|flag| {
                flag["question"] == question
                    && lists(&flag["choices"], choice)
                    && lists(&flag["options"], option)
            });
            assert!(declared, "no flag for {question} / {choice} → {option}");
        }
    }
}

/// A flag that waits for its claim is never shown; every other flag is, on every option it names.
#[test]
fn waiting_flags_are_never_shown_and_the_others_always_are() {
    let questionnaire = questionnaire();
    let mut files = files();
    for flag in flags_mut(&mut files).clone() {
        let question = flag["question"].as_str().expect("question");
        let waiting = flag.get("waits_for").is_some();
        for choice in flag["choices"].as_array().expect("choices") {
            let choice = choice.as_str().expect("choice");
            let report = assess(&questionnaire, &answers(&[(question, &[choice])]));
            for option in flag["options"].as_array().expect("options") {
                let option =
                    OptionId::parse(option.as_str().expect("option")).expect("an option id");
                let shown = report
                    .option(option)
                    .expect("option present")
                    .considerations()
                    .any(|c| c.kind == LinkKind::Flag && c.text.en == flag["text"]["en"]);
                assert_eq!(
                    shown, !waiting,
                    "{question} / {choice} → {option}: shown = {shown}, waiting = {waiting}"
                );
            }
        }
    }
}

/// Every flag is checked against the evidence: the row it names must hold a claim that cites
/// its source and is on its topic. Each broken copy is made by question and choice id.
#[test]
fn the_flag_table_rejects_flags_without_a_supporting_claim() {
    type Files = std::collections::BTreeMap<String, serde_json::Value>;
    type Edit = fn(&mut Files);
    let table: [(&str, Edit, &str); 13] = [
        (
            "a source that no claim of the row cites",
            |f| flag_mut(f, "seizures", "yes", "tms")["source"] = "rush-2006".into(),
            "flags.toml, option tms, cautions: flag `seizures` / `yes`: no claim in this row cites `rush-2006`",
        ),
        (
            "a source the row cites, but not for this topic",
            |f| flag_mut(f, "seizures", "yes", "tms")["source"] = "koponen-2020".into(),
            "flags.toml, option tms, cautions: flag `seizures` / `yes`: the claims in this row that cite `koponen-2020` say nothing about `seizure`",
        ),
        (
            "mania resting on a source the row cites only for seizures (the review's finding)",
            |f| flag_mut(f, "psychosis-mania", "yes", "tms")["source"] = "taylor-2021".into(),
            "flags.toml, option tms, side_effects: flag `psychosis-mania` / `yes`, `not-sure`: the claims in this row that cite `taylor-2021` say nothing about `mania`",
        ),
        (
            "a row with no claim from the source",
            |f| flag_mut(f, "seizures", "yes", "tms")["row"] = "cost".into(),
            "flags.toml, option tms, cost: flag `seizures` / `yes`: no claim in this row cites `taylor-2021`",
        ),
        (
            "a source missing from sources.toml",
            |f| flag_mut(f, "seizures", "yes", "tms")["source"] = "nobody-2020".into(),
            "flag `seizures` / `yes`: source `nobody-2020` is not in sources.toml",
        ),
        (
            "an unknown question",
            |f| flag_mut(f, "seizures", "yes", "tms")["question"] = "made-up".into(),
            "flag `made-up` / `yes`: unknown question `made-up`",
        ),
        (
            "an unknown choice",
            |f| flag_mut(f, "seizures", "yes", "tms")["choices"] = serde_json::json!(["maybe"]),
            "flag `seizures` / `maybe`: question `seizures` has no choice `maybe`",
        ),
        (
            "an unknown topic",
            |f| flag_mut(f, "seizures", "yes", "tms")["topic"] = "vibes".into(),
            "flag `seizures` / `yes`: unknown topic `vibes`",
        ),
        (
            "a flag that forbids instead of saying talk with your clinician",
            |f| flag_mut(f, "seizures", "yes", "tms")["text"]["en"] = "You cannot have TMS.".into(),
            "flag `seizures` / `yes`: the English text must start with \"Talk with your clinician\"",
        ),
        (
            "neither a source nor what it waits for",
            |f| {
                let flag = flag_mut(f, "seizures", "yes", "tms");
                flag.as_object_mut().expect("a table").remove("source");
            },
            "flag `seizures` / `yes`: give either `source` or `waits_for`",
        ),
        (
            "\"not sure\" flags less than \"yes\"",
            |f| {
                flag_mut(f, "seizures", "not-sure", "itbs")["options"] =
                    serde_json::json!(["tms", "accelerated-tms"])
            },
            "question `seizures`: `not-sure` must flag every option that `yes` flags; it misses itbs",
        ),
        (
            "a flag still waiting after its claim has landed",
            |f| {
                let rows = &mut f
                    .get_mut("options/ketamine-therapy.toml")
                    .expect("ketamine-assisted therapy")["rows"];
                rows["cautions"]
                    .as_array_mut()
                    .expect("cautions")
                    .push(serde_json::json!({
                        "en": "Trials of ketamine left out people who were pregnant.",
                        "es": "Los estudios de ketamina no incluyeron a embarazadas.",
                        "sources": ["anand-2023"]
                    }));
            },
            "flags.toml, option ketamine-therapy, cautions: flag `pregnancy` / `pregnant`, `breastfeeding`, `planning` waits for a `pregnancy` claim, and this row now has one (citing anand-2023): set `source` and remove `waits_for`",
        ),
        (
            "a flag written as a link in a question's file",
            |f| {
                let questions = f.get_mut("questions/history.toml").expect("the history part");
                let days = choice_mut(question_mut(questions, "relief-timing"), "days");
                days["links"].as_array_mut().expect("links").push(serde_json::json!({
                    "kind": "flag",
                    "options": ["tms"],
                    "row": "cautions",
                    "text": { "en": "Talk with your clinician about this.", "es": "Hable con su médico sobre esto." }
                }));
            },
            "question `relief-timing`, choice `days`, link 6: a flag belongs in flags.toml",
        ),
    ];
    let original = files();
    assert!(
        ketamine_tms_widget::content::Bundle::from_files(&original).is_ok(),
        "the bundled files validate"
    );
    for (name, edit, expected) in table {
        let mut broken = original.clone();
        edit(&mut broken);
        let errors = ketamine_tms_widget::content::Bundle::from_files(&broken)
            .err()
            .unwrap_or_else(|| panic!("{name}: the broken copy was accepted"));
        assert!(
            errors.iter().any(|message| message.contains(expected)),
            "{name}: expected `{expected}` in {errors:#?}"
        );
    }
}
