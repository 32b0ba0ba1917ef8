//! The report, checked against rules instead of a restatement of the questions: each
//! answer alone gives exactly the links and shown flags the data declares for it, answers
//! together give what each gives alone and nothing more, the questions listed as missing are
//! exactly the required ones left open, the flags' wording never forbids, and the priorities
//! sit beside the flags as a grid in display order, never a total.

use super::review_answer_sets;
use crate::support::content::questionnaire;
use ketamine_tms_widget::content::OptionId::{self, *};
use ketamine_tms_widget::fit::*;

const TMS_FAMILY: [OptionId; 3] = [Tms, Itbs, AcceleratedTms];

/// Every consideration of `report`, one line each, sorted.
fn considerations(report: &FitReport) -> Vec<String> {
    let mut lines: Vec<String> = report
        .options
        .iter()
        .flat_map(|fit| {
            fit.considerations().map(move |c| {
                format!(
                    "{} {:?} {}/{} {} {:?}",
                    fit.option,
                    c.kind,
                    c.question.as_str(),
                    c.choice.as_str(),
                    c.evidence.row,
                    c.source
                )
            })
        })
        .collect();
    lines.sort();
    lines
}

/// Answering each choice on its own gives exactly that choice's links, so every flag,
/// consideration and note in the data is exercised and lands on the options it names.
#[test]
fn every_choice_gives_exactly_its_links() {
    let questionnaire = questionnaire();
    for question in &questionnaire.questions {
        for choice in &question.choices {
            let mut answers = Answers::default();
            answers.choose(question.id.as_str(), choice.id.as_str());
            let report = assess(&questionnaire, &answers);
            let shown_flags: Vec<&ketamine_tms_widget::content::questionnaire::flags::Flag> =
                questionnaire
                    .flags
                    .shown_for(&question.id, &choice.id)
                    .collect();
            let expected: usize = choice
                .links
                .iter()
                .map(|link| link.options.len())
                .sum::<usize>()
                + shown_flags
                    .iter()
                    .map(|flag| flag.options.len())
                    .sum::<usize>();
            let got: usize = report
                .options
                .iter()
                .map(|fit| fit.considerations().count())
                .sum();
            assert_eq!(got, expected, "{}/{}", question.id, choice.id);
            for link in &choice.links {
                for &option in &link.options {
                    let fit = report.option(option).expect("option present");
                    assert!(
                        fit.considerations().any(|c| c.kind == link.kind
                            && c.text == link.text
                            && c.evidence
                                == EvidenceRef {
                                    option,
                                    row: link.row
                                }
                            && c.source.is_none()
                            && c.choice == choice.id),
                        "{}/{} → {option}",
                        question.id,
                        choice.id
                    );
                }
            }
            for flag in &shown_flags {
                for &option in &flag.options {
                    let fit = report.option(option).expect("option present");
                    assert!(
                        fit.flags.iter().any(|c| c.text == flag.text
                            && c.evidence
                                == EvidenceRef {
                                    option,
                                    row: flag.row
                                }
                            && c.source.as_deref() == flag.source()
                            && c.choice == choice.id),
                        "{}/{} → {option}: flag",
                        question.id,
                        choice.id
                    );
                }
            }
        }
    }
}

/// Answers to many questions at once, every choice of the multiple-choice ones, give every
/// consideration each answer gives alone, and nothing more: nothing is lost or doubled.
#[test]
fn answers_together_give_what_each_gives_alone() {
    let questionnaire = questionnaire();
    let mut together = Answers::default();
    let mut expected = Vec::new();
    for question in &questionnaire.questions {
        let picks: Vec<&str> = match question.kind {
            QuestionKind::Multiple => question.choices.iter().map(|c| c.id.as_str()).collect(),
            QuestionKind::Single => question
                .choices
                .iter()
                .rev()
                .take(1)
                .map(|c| c.id.as_str())
                .collect(),
            QuestionKind::Priorities => continue,
        };
        for pick in &picks {
            let mut alone = Answers::default();
            alone.choose(question.id.as_str(), pick);
            expected.extend(considerations(&assess(&questionnaire, &alone)));
        }
        together.choose_many(question.id.as_str(), &picks);
    }
    expected.sort();
    assert!(
        expected.len() > 50,
        "only {} considerations",
        expected.len()
    );
    assert_eq!(considerations(&assess(&questionnaire, &together)), expected);
}

/// The questions listed as missing are exactly the required ones not yet answered: all of
/// them on an empty sheet (the crisis question among them, the optional mood check not), and
/// one fewer for each answered alone.
#[test]
fn missing_lists_exactly_the_required_questions_left_open() {
    let questionnaire = questionnaire();
    let required: Vec<&str> = questionnaire
        .questions
        .iter()
        .filter(|q| !q.optional)
        .map(|q| q.id.as_str())
        .collect();
    let empty = assess(&questionnaire, &Answers::default());
    let missing: Vec<&str> = empty.missing.iter().map(|id| id.as_str()).collect();
    assert_eq!(missing, required, "an empty answer sheet");
    assert!(missing.contains(&"self-harm-thoughts"), "{missing:?}");
    assert!(
        !missing.iter().any(|id| id.starts_with("phq9-")),
        "{missing:?}"
    );
    for question in questionnaire.questions.iter().filter(|q| !q.optional) {
        let mut answers = Answers::default();
        match question.kind {
            QuestionKind::Priorities => answers.rate(question.priorities[0].id.as_str(), 1),
            QuestionKind::Single | QuestionKind::Multiple => {
                answers.choose(question.id.as_str(), question.choices[0].id.as_str())
            }
        }
        let missing = assess(&questionnaire, &answers).missing;
        assert!(!missing.contains(&question.id), "{} answered", question.id);
        assert_eq!(
            missing.len(),
            required.len() - 1,
            "{} answered",
            question.id
        );
    }
}

#[test]
fn medical_flags_say_talk_with_your_clinician_and_never_forbid() {
    let questionnaire = questionnaire();
    let forbidding = [
        "you can't",
        "you cannot have",
        "you must not have",
        "not for you",
    ];
    for question in &questionnaire.questions {
        for choice in &question.choices {
            for link in &choice.links {
                assert_ne!(link.kind, LinkKind::Flag, "{}/{}", question.id, choice.id);
                let en = link.text.en.to_lowercase();
                for phrase in forbidding {
                    assert!(
                        !en.contains(phrase),
                        "{}/{}: `{phrase}`",
                        question.id,
                        choice.id
                    );
                }
            }
        }
    }
    assert!(
        questionnaire.flags.flags.len() > 20,
        "the flag table is loaded"
    );
    for flag in &questionnaire.flags.flags {
        let en = flag.text.en.to_lowercase();
        assert!(
            en.starts_with("talk with your clinician"),
            "{}",
            flag.question
        );
        assert!(
            flag.text.es.starts_with("Hable con su médico"),
            "{}",
            flag.question
        );
        assert!(
            !flag.text.es.contains("TMS"),
            "{}: Spanish says EMT",
            flag.question
        );
        for phrase in forbidding {
            assert!(!en.contains(phrase), "{}: `{phrase}`", flag.question);
        }
    }
}

#[test]
fn the_questionnaire_has_the_questions_the_issue_asks_for() {
    let questionnaire = questionnaire();
    let ids: Vec<&str> = questionnaire
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    for required in [
        "self-harm-thoughts",
        "phq9-1",
        "phq9-9",
        "relief-timing",
        "antidepressants-tried",
        "seizures",
        "implants",
        "heart-vessels",
        "psychosis-mania",
        "substance-use",
        "pregnancy",
        "age-group",
        "ride-home",
        "visits-per-week",
        "visit-weeks",
        "needles",
        "nasal-spray",
        "talk-therapy",
        "cost-worry",
        "insurance",
        "priorities",
    ] {
        assert!(ids.contains(&required), "missing question `{required}`");
    }
    assert_eq!(
        ids.first(),
        Some(&"self-harm-thoughts"),
        "the crisis question comes first"
    );
    let help = questionnaire
        .question(&QuestionId::from("antidepressants-tried"))
        .and_then(|q| q.help.as_ref())
        .expect("help text");
    assert!(help.en.contains("treatment-resistant") && help.en.contains("2 or more"));
    let priorities = questionnaire
        .question(&QuestionId::from("priorities"))
        .expect("priorities");
    let priority_ids: Vec<&str> = priorities
        .priorities
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        priority_ids,
        [
            "fast-relief",
            "fewer-side-effects",
            "lasting-results",
            "less-clinic-time",
            "keep-driving",
            "cost",
            "strong-evidence"
        ]
    );
    let insurance = questionnaire
        .question(&QuestionId::from("insurance"))
        .expect("insurance");
    let choices: Vec<&str> = insurance.choices.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        choices,
        ["private", "medicare", "medicaid", "none", "not-sure"]
    );
}

/// The safety flags of the two review answer sets reach the options they concern, each with
/// its own source, whatever the priorities say.
#[test]
fn the_review_answer_sets_keep_their_flags_beside_the_priorities() {
    let questionnaire = questionnaire();
    let [(_, metal), (_, aneurysm)] = review_answer_sets();
    let report = assess(&questionnaire, &metal);
    for option in TMS_FAMILY {
        let fit = report.option(option).expect("option");
        assert!(
            !fit.flags.is_empty(),
            "{option}: metal in the head is flagged"
        );
        assert!(fit
            .flags
            .iter()
            .all(|flag| flag.source.as_deref() == Some("cms-l34998")));
        assert_eq!(fit.priorities.len(), 1);
    }
    let report = assess(&questionnaire, &aneurysm);
    let esketamine = report.option(Esketamine).expect("esketamine");
    assert!(esketamine
        .flags
        .iter()
        .any(|flag| flag.source.as_deref() == Some("spravato-label")));
    assert_eq!(esketamine.priorities[0].effect, Effect::Fits);
}

/// Every object key in `value`, at any depth.
fn json_keys(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                out.push(key.clone());
                json_keys(child, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                json_keys(item, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_report_never_totals_priorities_or_orders_options_by_them() {
    let questionnaire = questionnaire();
    for (name, answers) in review_answer_sets() {
        let report = assess(&questionnaire, &answers);
        let order: Vec<OptionId> = report.options.iter().map(|fit| fit.option).collect();
        assert_eq!(order, OptionId::ALL.to_vec(), "{name}: display order");
        let json = serde_json::to_value(&report).expect("the report serializes");
        let mut keys = Vec::new();
        json_keys(&json["options"], &mut keys);
        for banned in ["total", "contribution", "weight", "rank"] {
            assert!(
                !keys.iter().any(|key| key == banned),
                "{name}: the report's options carry a `{banned}`: {json:#}"
            );
        }
    }
}
