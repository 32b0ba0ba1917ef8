//! The questionnaire's own checks, on broken copies edited by question and choice id (the
//! real file needs no test: `build.rs` runs the same checks and refuses to build otherwise),
//! and plain language: English text at grade 8 or below.

use crate::support::content::{choice_mut, question_mut, questionnaire, questions};
use crate::support::readability;
use ketamine_tms_widget::fit::*;

#[test]
fn validation_names_the_question_and_choice() {
    type Edit = fn(&mut serde_json::Value);
    let table: [(&str, Edit, &str); 9] = [
        (
            "duplicate question id",
            |v| question_mut(v, "phq9-3")["id"] = "self-harm-thoughts".into(),
            "question `self-harm-thoughts`: the id is used by another question",
        ),
        (
            "unknown option",
            |v| {
                choice_mut(question_mut(v, "relief-timing"), "days")["links"][0]["options"][0] =
                    "surgery".into()
            },
            "question `relief-timing`, choice `days`, link 1: unknown option `surgery`",
        ),
        (
            "unknown row",
            |v| {
                choice_mut(question_mut(v, "relief-timing"), "days")["links"][0]["row"] =
                    "vibes".into()
            },
            "question `relief-timing`, choice `days`, link 1: unknown evidence row `vibes`",
        ),
        (
            "empty Spanish",
            |v| choice_mut(question_mut(v, "relief-timing"), "weeks")["label"]["es"] = "".into(),
            "question `relief-timing`, choice `weeks`: label has no Spanish (`es`) text",
        ),
        (
            "weight out of range",
            |v| question_mut(v, "priorities")["priorities"][0]["weights"][0]["weight"] = 5.into(),
            "priority `fast-relief`, weight for `iv-ketamine`: weight 5 must be",
        ),
        (
            "a flag as a link",
            |v| {
                choice_mut(question_mut(v, "seizures"), "yes")["links"] = serde_json::json!([{
                    "kind": "flag",
                    "options": ["tms"],
                    "row": "cautions",
                    "text": { "en": "Talk with your clinician about this.", "es": "Hable con su médico sobre esto." }
                }])
            },
            "question `seizures`, choice `yes`, link 1: a flag belongs in flags.toml",
        ),
        (
            "duplicate choice",
            |v| choice_mut(question_mut(v, "seizures"), "yes")["id"] = "no".into(),
            "question `seizures`, choice `no`: the id is used twice",
        ),
        (
            "missing PHQ-9 item",
            |v| question_mut(v, "phq9-9")["id"] = "phq9-x".into(),
            "PHQ-9 item `phq9-9` is missing",
        ),
        (
            "crisis question not first",
            |v| {
                let questions = v["questions"].as_array_mut().expect("array");
                questions.swap(0, 1);
            },
            "question `self-harm-thoughts`: must be the first question",
        ),
    ];
    let original = questions();
    assert!(Questionnaire::from_value(&original).is_ok());
    for (name, edit, expected) in table {
        let mut value = original.clone();
        edit(&mut value);
        let errors = Questionnaire::from_value(&value).expect_err(name);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "{name}: expected `{expected}` in {messages:#?}"
        );
        assert!(
            messages.iter().all(|m| m.starts_with("questions/")),
            "{messages:?}"
        );
    }
    let errors = Questionnaire::from_value(&serde_json::json!({"questions": 3})).expect_err("bad");
    assert_eq!(errors.len(), 1);
}

/// Every row a question rests on must hold claims. The real questionnaire and evidence always
/// agree (`build.rs` runs this check and refuses to build otherwise), so the test empties, in
/// a copy of the evidence, the row that `relief-timing` / `days` rests on.
#[test]
fn a_question_resting_on_an_empty_evidence_row_is_rejected() {
    let questionnaire = questionnaire();
    let place = "question `relief-timing`, choice `days`";
    let (_, cited) = questionnaire
        .cited_rows()
        .into_iter()
        .find(|(at, _)| at == place)
        .expect("relief-timing / days rests on evidence");
    let mut evidence = crate::support::content::evidence();
    assert!(questionnaire.check_against(&evidence).is_ok());
    let option = evidence
        .options
        .iter_mut()
        .find(|option| option.id == cited.option)
        .unwrap();
    option.rows.insert(cited.row, Vec::new());
    let errors = questionnaire
        .check_against(&evidence)
        .expect_err("a question resting on an empty row");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let expected = format!(
        "option {}, {}: {place} rests on a row that has no claims in the evidence",
        cited.option, cited.row
    );
    assert!(
        messages.iter().any(|m| m.contains(&expected)),
        "expected `{expected}` in {messages:#?}"
    );
}

/// Every English string with 8 or more words, with where it is; PHQ-9 and SURE items are
/// validated wording and exempt.
fn english_strings(value: &toml::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        toml::Value::Table(table) => {
            let id = table.get("id").and_then(|id| id.as_str()).unwrap_or("");
            if id.starts_with("phq9-") || path == "sure.items" {
                return;
            }
            for (key, child) in table {
                if path == "phq9" && key == "instructions" {
                    continue;
                }
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                let here = if id.is_empty() {
                    child_path.clone()
                } else {
                    format!("{child_path} ({id})")
                };
                if key == "en" {
                    if let Some(text) = child.as_str() {
                        out.push((here, text.to_string()));
                    }
                } else {
                    english_strings(child, &child_path, out);
                }
            }
        }
        toml::Value::Array(items) => {
            for item in items {
                english_strings(item, path, out);
            }
        }
        _ => {}
    }
}

#[test]
fn english_text_reads_at_grade_8_or_below() {
    let mut strings = Vec::new();
    let parts = Section::ALL.map(ketamine_tms_widget::content::questionnaire::part_file);
    for file in parts.iter().map(String::as_str).chain(["flags.toml"]) {
        let path = format!("{}/src/content/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("readable");
        let value: toml::Value = toml::from_str(&text).expect("toml");
        let mut found = Vec::new();
        english_strings(&value, "", &mut found);
        strings.extend(
            found
                .into_iter()
                .map(|(place, text)| (format!("{file}: {place}"), text)),
        );
    }
    assert!(strings.len() > 100, "found {} strings", strings.len());
    let mut too_hard = Vec::new();
    for (place, text) in &strings {
        if text.split_whitespace().count() < 8 {
            continue;
        }
        let grade = readability::grade(text);
        if grade > 8.0 {
            too_hard.push(format!("{grade:.1}  {place}: {text}"));
        }
    }
    assert!(
        too_hard.is_empty(),
        "above grade 8:\n{}",
        too_hard.join("\n")
    );
}

#[test]
fn the_parts_fit_together_only_as_one_questionnaire() {
    use ketamine_tms_widget::content::questionnaire::put_together;
    type Edit = fn(&mut std::collections::BTreeMap<String, serde_json::Value>);
    let table: [(&str, Edit, &str); 4] = [
        (
            "a question that names its part",
            |f| {
                let part = f.get_mut("questions/health.toml").expect("the health part");
                question_mut(part, "implants")["section"] = "life".into();
            },
            "questions/health.toml: question `implants` says its section",
        ),
        (
            "a part missing",
            |f| {
                f.remove("questions/life.toml");
            },
            "questions/life.toml: the file is missing",
        ),
        (
            "a file that is no part",
            |f| {
                let copy = f["questions/life.toml"].clone();
                f.insert("questions/extra.toml".to_string(), copy);
            },
            "questions/extra.toml: is not a part of the questionnaire",
        ),
        (
            "the SURE texts twice",
            |f| {
                let sure = f["questions/priorities.toml"]["sure"].clone();
                f.get_mut("questions/safety.toml").expect("safety")["sure"] = sure;
            },
            "`sure` is also in another part",
        ),
    ];
    let original = crate::support::content::files();
    assert!(put_together(&original).is_ok());
    for (name, edit, expected) in table {
        let mut files = original.clone();
        edit(&mut files);
        let errors = put_together(&files).expect_err(name);
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "{name}: expected `{expected}` in {messages:#?}"
        );
    }
}
