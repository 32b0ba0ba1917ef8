//! Broken copies of the data files, read from disk and edited, each rejected with a message
//! naming the file, option and row.

use crate::support::content::{at, files_from_disk};
use ketamine_tms_widget::content::{DataError, Evidence};
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn describe(errors: &[DataError]) -> String {
    errors
        .iter()
        .map(|e| format!("  {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A mutation of the data files, applied to a fresh copy read from disk.
type Mutation = fn(&mut BTreeMap<String, Value>);

/// Applies `mutation` and checks that validation fails with an error containing `expected`.
fn check(name: &str, mutation: Mutation, expected: &str) {
    let mut files = files_from_disk();
    mutation(&mut files);
    let errors = Evidence::from_files(&files).err().unwrap_or_default();
    assert!(
        errors.iter().any(|e| e.to_string().contains(expected)),
        "{name}: expected an error containing\n  {expected}\nbut got:\n{}",
        if errors.is_empty() {
            "nothing: the broken data was accepted".to_string()
        } else {
            describe(&errors)
        }
    );
}

#[test]
fn broken_data_is_rejected_with_the_right_message() {
    let cases: &[(&str, Mutation, &str)] = &[
        (
            "claim cites an unknown source",
            |f| *at(f, "options/tms.toml", "/rows/side_effects/0/sources") = json!(["no-such-paper"]),
            "options/tms.toml, option tms, side_effects claim 1: cites `no-such-paper`, which is not in sources.toml",
        ),
        (
            "claim with no sources",
            |f| *at(f, "options/esketamine.toml", "/rows/visit/0/sources") = json!([]),
            "options/esketamine.toml: a claim needs at least one source id in `sources`",
        ),
        (
            "outcome above 100",
            |f| *at(f, "outcomes.toml", "/outcomes/0/per_100") = json!(140),
            "outcomes.toml, option iv-ketamine, outcome 1 (Response): 140 out of 100 is more than 100",
        ),
        (
            "comparison above 100",
            |f| *at(f, "outcomes.toml", "/outcomes/0/comparison/per_100") = json!(101),
            "comparison 101 out of 100 is more than 100",
        ),
        (
            "option missing a row",
            |f| {
                at(f, "options/itbs.toml", "/rows")
                    .as_object_mut()
                    .expect("rows is a table")
                    .remove("cost");
            },
            "options/itbs.toml, option itbs, cost: the row is missing or empty",
        ),
        (
            "bad review date",
            |f| *at(f, "meta.toml", "/review_date") = json!("2026-02-30"),
            "meta.toml, review_date: `2026-02-30` is not a YYYY-MM-DD date",
        ),
        (
            "next review before the last one",
            |f| *at(f, "meta.toml", "/next_review") = json!("2026-01-01"),
            "meta.toml, next_review: the next review must come after the last one",
        ),
        (
            "TMS text says FDA-approved",
            |f| *at(f, "options/tms.toml", "/rows/regulatory/0/en") = json!("TMS is FDA-approved for depression."),
            "options/tms.toml, option tms, regulatory claim 1: TMS devices are FDA-cleared, not FDA-approved",
        ),
        (
            "harms much thinner than benefits",
            |f| {
                *at(f, "options/accelerated-tms.toml", "/rows/side_effects") =
                    json!([{ "en": "Headache.", "es": "Dolor de cabeza.", "sources": ["taylor-2021"] }]);
                *at(f, "options/accelerated-tms.toml", "/rows/cautions") =
                    json!([{ "en": "Seizures.", "es": "Convulsiones.", "sources": ["taylor-2021"] }]);
            },
            "options/accelerated-tms.toml, option accelerated-tms, side_effects: harms (",
        ),
        (
            "unused source",
            |f| {
                at(f, "sources.toml", "/sources").as_array_mut().expect("sources is a list").push(json!({
                    "id": "never-cited",
                    "kind": "trial",
                    "authors": "Nobody A",
                    "title": "An uncited paper",
                    "publisher": "Nowhere",
                    "year": 2020,
                    "doi": "10.0000/none"
                }));
            },
            "sources.toml, never-cited: this source is never cited",
        ),
        (
            "IV ketamine called approved",
            |f| *at(f, "options/iv-ketamine.toml", "/regulatory/kind") = json!("approved"),
            "options/iv-ketamine.toml, option iv-ketamine, regulatory: the status is Approved, but for this option it must be OffLabel",
        ),
        (
            "empty Spanish text",
            |f| *at(f, "options/antidepressants.toml", "/rows/speed/0/es") = json!(" "),
            "options/antidepressants.toml, option antidepressants, speed claim 1: the `es` text is empty",
        ),
        (
            "an option name with no Spanish",
            |f| *at(f, "options/tms.toml", "/name/es") = json!(""),
            "options/tms.toml, option tms, name: the `es` text is empty",
        ),
        (
            "a schedule with no Spanish",
            |f| *at(f, "options/itbs.toml", "/schedule/es") = json!(" "),
            "options/itbs.toml, option itbs, schedule: the `es` text is empty",
        ),
        (
            "unknown field",
            |f| {
                at(f, "options/tms.toml", "")
                    .as_object_mut()
                    .expect("an option is a table")
                    .insert("price".to_string(), json!("$1"));
            },
            "options/tms.toml: unknown field `price`",
        ),
        (
            "a number with no quote",
            |f| {
                at(f, "options/esketamine.toml", "/rows/visit/0")
                    .as_object_mut()
                    .expect("a claim is a table")
                    .remove("quotes");
            },
            "options/esketamine.toml, option esketamine, visit claim 1: the text states a number but has no quote",
        ),
        (
            "a quote from a source the claim does not cite",
            |f| *at(f, "options/esketamine.toml", "/rows/visit/0/quotes/0/source") = json!("taylor-2021"),
            "visit claim 1: a quote is from `taylor-2021`, which the text does not cite",
        ),
        (
            "a quote with no place in its source",
            |f| *at(f, "options/esketamine.toml", "/rows/visit/0/quotes/0/at") = json!(""),
            "visit claim 1: a quote needs both `text` and `at`",
        ),
        (
            "a schedule with numbers and no quote",
            |f| {
                at(f, "options/tms.toml", "/schedule")
                    .as_object_mut()
                    .expect("a schedule is a table")
                    .remove("quotes");
            },
            "options/tms.toml, option tms, schedule: the text states a number but has no quote",
        ),
        (
            "an outcome without its scale",
            |f| {
                at(f, "outcomes.toml", "/outcomes/0")
                    .as_object_mut()
                    .expect("an outcome is a table")
                    .remove("scale");
            },
            "outcomes.toml: missing field `scale`",
        ),
        (
            "an outcome without its rater",
            |f| {
                at(f, "outcomes.toml", "/outcomes/0")
                    .as_object_mut()
                    .expect("an outcome is a table")
                    .remove("rater");
            },
            "outcomes.toml: missing field `rater`",
        ),
        (
            "an outcome whose quote does not give its figure",
            |f| *at(f, "outcomes.toml", "/outcomes/0/quote/text") = json!("The treatment was well tolerated."),
            "the quote does not give",
        ),
        (
            "an outcome with no quote",
            |f| {
                at(f, "outcomes.toml", "/outcomes/0")
                    .as_object_mut()
                    .expect("an outcome is a table")
                    .remove("quote");
            },
            "outcomes.toml: missing field `quote`",
        ),
        (
            "an option missing a required harm topic",
            |f| {
                let rows = at(f, "options/iv-ketamine.toml", "/rows")
                    .as_object_mut()
                    .expect("rows is a table");
                for claim in rows.values_mut().flat_map(|row| row.as_array_mut().expect("a row is a list")) {
                    if let Some(harms) = claim.get_mut("harms").and_then(Value::as_array_mut) {
                        harms.retain(|topic| topic != "bladder");
                    }
                }
            },
            "options/iv-ketamine.toml, option iv-ketamine, side_effects: no claim covers the harm topic `bladder`",
        ),
        (
            "an unknown harm topic",
            |f| *at(f, "harms.toml", "/families/tms/0") = json!("bad-luck"),
            "harms.toml: unknown variant `bad-luck`",
        ),
        (
            "a missing option file",
            |f| {
                f.remove("options/esketamine.toml");
            },
            "options/esketamine.toml: the file is missing",
        ),
    ];
    for (name, mutation, expected) in cases {
        check(name, *mutation, expected);
    }
}
