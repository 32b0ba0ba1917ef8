//! Links already shared and answers already stored keep opening: share links and stored text
//! written by the builds that used serde_json (copied here as they were made), JSON that
//! serde_json read or refused, and the writer's output compared with serde_json's.

use super::answers;
use crate::support::content::questionnaire;
use ketamine_tms_widget::content::OptionId::*;
use ketamine_tms_widget::fit::share::{base64url_decode, base64url_encode, fnv1a32};
use ketamine_tms_widget::fit::*;

/// The answers behind [`OLD_LINK`] and [`OLD_STORED`].
fn old_answers() -> Answers {
    let mut answers = answers(&[
        ("self-harm-thoughts", &["no"]),
        ("relief-timing", &["days"]),
        ("implants", &["dental", "heart-device"]),
    ]);
    answers.rate("cost", 3);
    answers.rate("keep-driving", 0);
    answers.leaning = Some(Leaning::NotSure);
    answers.sure.risk_benefit = Some(false);
    answers
}

fn insurance_answers() -> Answers {
    let mut answers = answers(&[("insurance", &["medicare"])]);
    answers.leaning = Some(Leaning::Option(Esketamine));
    answers
}

/// A share link made by the build before this format was written by hand.
const OLD_LINK: &str = "ktw1.eyJjaG9pY2VzIjp7ImltcGxhbnRzIjpbImRlbnRhbCIsImhlYXJ0LWRldmljZSJdLCJyZWxpZWYtdGltaW5nIjpbImRheXMiXSwic2VsZi1oYXJtLXRob3VnaHRzIjpbIm5vIl19LCJyYXRpbmdzIjp7ImNvc3QiOjMsImtlZXAtZHJpdmluZyI6MH0sImxlYW5pbmciOiJub3Qtc3VyZSIsInN1cmUiOnsicmlza19iZW5lZml0IjpmYWxzZX19.8fb47677";
const OLD_INSURANCE_LINK: &str =
    "ktw1.eyJjaG9pY2VzIjp7Imluc3VyYW5jZSI6WyJtZWRpY2FyZSJdfSwibGVhbmluZyI6ImVza2V0YW1pbmUifQ.7ade9c31";
const OLD_EMPTY_LINK: &str = "ktw1.e30.639fa600";

/// Stored text written by the same build, after two PHQ-9 results.
const OLD_STORED: &str = r#"{"version":1,"remember":true,"answers":{"choices":{"implants":["dental","heart-device"],"relief-timing":["days"],"self-harm-thoughts":["no"]},"ratings":{"cost":3,"keep-driving":0},"leaning":"not-sure","sure":{"risk_benefit":false}},"phq9_history":[{"date":"2026-01-05","total":14},{"date":"2026-02-01","total":9}]}"#;
const OLD_DEFAULT_STORED: &str = r#"{"version":1,"remember":false,"answers":{},"phq9_history":[]}"#;

fn old_state() -> StoredState {
    let mut state = StoredState {
        remember: true,
        answers: old_answers(),
        ..StoredState::default()
    };
    assert!(state.record_phq9("2026-01-05", 14));
    assert!(state.record_phq9("2026-02-01", 9));
    state
}

/// A `ktw1` link around the JSON `payload`, with its checksum.
fn link(payload: &str) -> String {
    let body = format!("ktw1.{}", base64url_encode(payload.as_bytes()));
    format!("{body}.{:08x}", fnv1a32(body.as_bytes()))
}

#[test]
fn links_and_stored_text_are_written_as_before() {
    for (answers, old) in [
        (old_answers(), OLD_LINK),
        (insurance_answers(), OLD_INSURANCE_LINK),
        (Answers::default(), OLD_EMPTY_LINK),
    ] {
        assert_eq!(encode_fragment(&answers), old);
    }
    assert_eq!(encode_stored(&old_state()), OLD_STORED);
    assert_eq!(encode_stored(&StoredState::default()), OLD_DEFAULT_STORED);
}

#[test]
fn the_json_written_is_serde_jsons() {
    let mut odd = answers(&[("quote\"back\\slash", &["tab\tnew\nline", "bell\u{7}"])]);
    odd.choose("unicode-é-💡", "\u{1f}\u{7f}/");
    odd.rate("cost", 255);
    odd.sure = SureAnswers {
        sure: Some(true),
        understand: Some(false),
        risk_benefit: Some(true),
        encouragement: Some(false),
    };
    for answers in [odd, old_answers(), insurance_answers(), Answers::default()] {
        let fragment = encode_fragment(&answers);
        let payload = fragment.split('.').nth(1).expect("payload");
        let json = String::from_utf8(base64url_decode(payload).expect("base64")).expect("utf-8");
        assert_eq!(json, serde_json::to_string(&answers).expect("serde_json"));
        assert_eq!(decode_answers(&fragment), Ok(answers));
    }
}

#[test]
fn old_links_still_open() {
    let questionnaire = questionnaire();
    let only_sure = |sure: Option<bool>| Answers {
        sure: SureAnswers {
            sure,
            ..SureAnswers::default()
        },
        ..Answers::default()
    };
    let table: Vec<(&str, String, Answers)> = vec![
        ("made before", OLD_LINK.into(), old_answers()),
        ("leaning an option", OLD_INSURANCE_LINK.into(), insurance_answers()),
        ("nothing answered", OLD_EMPTY_LINK.into(), Answers::default()),
        (
            "spaces, escapes and unknown keys",
            link(
                " { \"choices\" : { \"insurance\" : [ \"medi\\u0063are\" ] } , \"later\": [1, {\"x\": null}],\n\"leaning\":\"\\u0065sketamine\" } ",
            ),
            insurance_answers(),
        ),
        (
            "null leaning",
            link(r#"{"leaning":null,"sure":{"sure":null}}"#),
            Answers::default(),
        ),
        ("a SURE answer", link(r#"{"sure":{"sure":true}}"#), only_sure(Some(true))),
        (
            "a repeated question keeps the last",
            link(r#"{"choices":{"insurance":["none"],"insurance":["medicare"]}}"#),
            answers(&[("insurance", &["medicare"])]),
        ),
    ];
    for (name, fragment, expected) in table {
        let restored = decode_fragment(&fragment, &questionnaire)
            .unwrap_or_else(|err| panic!("{name}: {err:?}"));
        assert_eq!(restored.answers, expected, "{name}");
        assert_eq!(restored.dropped, 0, "{name}");
    }
}

#[test]
fn json_serde_json_refused_is_still_refused() {
    for payload in [
        r#"{"ratings":{"cost":2.0}}"#,
        r#"{"ratings":{"cost":256}}"#,
        r#"{"ratings":{"cost":-1}}"#,
        r#"{"ratings":{"cost":"2"}}"#,
        r#"{"ratings":{},"ratings":{}}"#,
        r#"{"choices":{"insurance":"medicare"}}"#,
        r#"{"choices":null}"#,
        r#"{"sure":null}"#,
        r#"{"sure":{"sure":1}}"#,
        r#"{"leaning":"eske/tamine"}"#,
        r#"{"leaning":3}"#,
        r#"{} x"#,
        r#"{"choices":{"a":["\ud800"]}}"#,
        "{\"choices\":{\"a\":[\"tab\tinside\"]}}",
        r#"{"choices":{"a":["\q"]}}"#,
        r#"{"choices":{"a":["x"]},}"#,
        r#"{"ratings":{"cost":01}}"#,
        "",
    ] {
        let error = decode_answers(&link(payload)).expect_err(payload);
        assert!(
            matches!(error, FragmentError::Malformed(_)),
            "{payload}: {error:?}"
        );
    }
}

/// The one deliberate difference: serde_json skipped an unknown key's value at any depth, but
/// the reader stops at 128 levels, so a hand-made link cannot exhaust the stack; no link the
/// widget made nests more than three.
#[test]
fn a_hostile_depth_is_refused() {
    let deep = format!("{{\"deep\":{}{}}}", "[".repeat(200), "]".repeat(200));
    assert!(matches!(
        decode_answers(&link(&deep)),
        Err(FragmentError::Malformed(_))
    ));
    let shallow = format!("{{\"deep\":{}{}}}", "[".repeat(100), "]".repeat(100));
    assert_eq!(decode_answers(&link(&shallow)), Ok(Answers::default()));
}

#[test]
fn old_stored_text_still_loads() {
    let questionnaire = questionnaire();
    assert_eq!(
        load_stored(OLD_STORED, &questionnaire),
        StoredLoad::Current {
            state: old_state(),
            dropped: 0
        }
    );
    assert_eq!(
        load_stored(OLD_DEFAULT_STORED, &questionnaire),
        StoredLoad::Current {
            state: StoredState::default(),
            dropped: 0
        }
    );
    let remembered = StoredState {
        remember: true,
        ..StoredState::default()
    };
    type Case = (&'static str, StoredLoad);
    let table: [Case; 4] = [
        (
            r#" {"remember":true, "version":1} "#,
            StoredLoad::Current {
                state: remembered.clone(),
                dropped: 0,
            },
        ),
        (
            r#"{"version":1,"remember":false,"remember":true,"extra":{"a":[1.5e3,-2]}}"#,
            StoredLoad::Current {
                state: remembered,
                dropped: 0,
            },
        ),
        (
            r#"{"version":1,"remember":true,"answers":null}"#,
            StoredLoad::Discarded {
                reason: DiscardReason::WrongShape(String::new()),
            },
        ),
        (
            r#"{"version":1.0,"remember":true}"#,
            StoredLoad::Discarded {
                reason: DiscardReason::WrongShape(String::new()),
            },
        ),
    ];
    for (raw, expected) in table {
        let loaded = load_stored(raw, &questionnaire);
        match (&loaded, &expected) {
            (StoredLoad::Discarded { reason }, StoredLoad::Discarded { .. }) => {
                assert!(matches!(reason, DiscardReason::WrongShape(_)), "{raw}");
            }
            _ => assert_eq!(loaded, expected, "{raw}"),
        }
    }
    let v0 = r#"{"insurance":"medi\u0063are","insurance":"none","implants":["dental",7]}"#;
    let StoredLoad::Migrated { state, dropped, .. } = load_stored(v0, &questionnaire) else {
        panic!("v0 migrates");
    };
    assert_eq!(dropped, 1, "the number among the implants");
    assert!(state.answers.has("insurance", "none"), "the last one kept");
    assert!(state.answers.has("implants", "dental"));
}

#[test]
fn share_and_storage_carry_no_json_library() {
    let root = env!("CARGO_MANIFEST_DIR");
    for file in [
        "src/fit/share.rs",
        "src/fit/storage.rs",
        "src/fit/share/codec.rs",
        "src/fit/share/json.rs",
    ] {
        let Ok(source) = std::fs::read_to_string(format!("{root}/{file}")) else {
            continue;
        };
        assert!(
            !source.contains("serde_json::") && !source.contains("use serde"),
            "{file} uses serde_json, which costs the wasm its JSON reader"
        );
    }
}
