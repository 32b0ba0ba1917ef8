//! Share links and stored answers: round trips, every way a link can be broken, unknown ids
//! dropped with a count, and stored answers loaded, migrated or discarded.

use super::answers;
use crate::support::content::questionnaire;
use ketamine_tms_widget::content::OptionId::*;
use ketamine_tms_widget::fit::*;

fn full_answers() -> Answers {
    let mut answers = answers(&[
        ("self-harm-thoughts", &["no"]),
        ("relief-timing", &["days"]),
        ("implants", &["dental", "heart-device"]),
        ("insurance", &["medicare"]),
        ("phq9-3", &["2"]),
    ]);
    answers.rate("cost", 3);
    answers.rate("keep-driving", 1);
    answers.leaning = Some(Leaning::Option(AcceleratedTms));
    answers.sure = SureAnswers {
        sure: Some(true),
        understand: Some(false),
        risk_benefit: None,
        encouragement: Some(true),
    };
    answers
}

#[test]
fn fragment_round_trip() {
    let questionnaire = questionnaire();
    for answers in [Answers::default(), full_answers()] {
        let fragment = encode_fragment(&answers);
        assert!(fragment.starts_with("ktw1."), "{fragment}");
        assert!(fragment
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
        let checksum = fragment.rsplit('.').next().expect("checksum");
        assert_eq!(checksum.len(), 8);
        let restored = decode_fragment(&fragment, &questionnaire).expect("decodes");
        assert_eq!(
            restored,
            Restored {
                answers: answers.clone(),
                dropped: 0
            }
        );
        let with_hash = decode_fragment(&format!("#{fragment}"), &questionnaire).expect("decodes");
        assert_eq!(with_hash.answers, answers);
    }
}

#[test]
fn fragment_errors() {
    let questionnaire = questionnaire();
    let good = encode_fragment(&full_answers());
    let mut flipped: Vec<char> = good.chars().collect();
    let middle = 5 + (flipped.len() - 14) / 2;
    flipped[middle] = if flipped[middle] == 'A' { 'B' } else { 'A' };
    let flipped: String = flipped.into_iter().collect();
    let mut wrong_checksum = good.clone();
    let last = wrong_checksum.pop().expect("char");
    wrong_checksum.push(if last == '0' { '1' } else { '0' });

    let payload = good.split('.').nth(1).expect("payload");
    let with_checksum = |version: &str, payload: &str| {
        let body = format!("{version}.{payload}");
        format!(
            "{body}.{:08x}",
            ketamine_tms_widget::fit::share::fnv1a32(body.as_bytes())
        )
    };
    let b64 = |json: &str| ketamine_tms_widget::fit::share::base64url_encode(json.as_bytes());

    type Case = (&'static str, String, fn(&FragmentError) -> bool);
    let table: Vec<Case> = vec![
        ("empty", String::new(), |e| *e == FragmentError::Empty),
        ("just a hash", "#".into(), |e| *e == FragmentError::Empty),
        ("flipped payload char", flipped, |e| {
            *e == FragmentError::Tampered
        }),
        ("flipped checksum char", wrong_checksum, |e| {
            *e == FragmentError::Tampered
        }),
        ("wrong version", good.replacen("ktw1", "ktw2", 1), |e| {
            matches!(e, FragmentError::UnknownVersion(_))
        }),
        ("garbage", "hello world".into(), |e| {
            *e == FragmentError::NotAShareLink
        }),
        ("random dots", "a.b.c".into(), |e| {
            *e == FragmentError::NotAShareLink
        }),
        ("too many parts", format!("{good}.x"), |e| {
            *e == FragmentError::NotAShareLink
        }),
        ("too long", "k".repeat(20_000), |e| {
            *e == FragmentError::TooLong
        }),
        ("not base64", with_checksum("ktw1", "!!!!"), |e| {
            matches!(e, FragmentError::Malformed(_))
        }),
        ("not json", with_checksum("ktw1", &b64("not json")), |e| {
            matches!(e, FragmentError::Malformed(_))
        }),
        (
            "wrong json shape",
            with_checksum("ktw1", &b64("[1,2,3]")),
            |e| matches!(e, FragmentError::Malformed(_)),
        ),
        (
            "rating out of range",
            with_checksum("ktw1", &b64(r#"{"ratings":{"cost":7}}"#)),
            |e| matches!(e, FragmentError::OutOfRange(_)),
        ),
        (
            "too many choices",
            with_checksum(
                "ktw1",
                &b64(&format!(
                    r#"{{"choices":{{"implants":[{}]}}}}"#,
                    vec!["\"x\""; 30].join(",")
                )),
            ),
            |e| matches!(e, FragmentError::OutOfRange(_)),
        ),
    ];
    assert!(decode_fragment(&with_checksum("ktw1", payload), &questionnaire).is_ok());
    for (name, fragment, expected) in table {
        let error = decode_fragment(&fragment, &questionnaire).expect_err(name);
        assert!(expected(&error), "{name}: got {error:?}");
        let sentence = error.to_string();
        assert!(
            sentence.ends_with('.') && sentence.starts_with("The link"),
            "{name}: {sentence}"
        );
    }
}

#[test]
fn fragment_drops_unknown_ids_with_a_count() {
    let questionnaire = questionnaire();
    let mut answers = full_answers();
    answers.choose("retired-question", "old");
    answers.choose_many("implants", &["dental", "gone-choice"]);
    answers.rate("retired-priority", 2);
    let restored = decode_fragment(&encode_fragment(&answers), &questionnaire).expect("decodes");
    assert_eq!(restored.dropped, 3);
    assert_eq!(restored.answers.selected("implants").len(), 1);
    assert!(restored.answers.selected("retired-question").is_empty());
    assert_eq!(
        restored.answers.leaning,
        Some(Leaning::Option(AcceleratedTms))
    );
}

#[test]
fn base64url_matches_known_vectors() {
    use ketamine_tms_widget::fit::share::{base64url_decode, base64url_encode};
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg"),
        ("fo", "Zm8"),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg"),
        ("fooba", "Zm9vYmE"),
        ("foobar", "Zm9vYmFy"),
        ("\u{fb}\u{ff}", "w7vDvw"),
    ] {
        assert_eq!(base64url_encode(plain.as_bytes()), encoded);
        assert_eq!(base64url_decode(encoded).as_deref(), Some(plain.as_bytes()));
    }
    assert_eq!(base64url_decode("Z"), None);
    assert_eq!(base64url_decode("Zm9v+"), None);
    assert_eq!(ketamine_tms_widget::fit::share::fnv1a32(b"a"), 0xe40c292c);
}

// ---------------------------------------------------------------------------------------
// Storage.

#[test]
fn storage_round_trip_and_history() {
    let questionnaire = questionnaire();
    let mut state = StoredState {
        remember: true,
        answers: full_answers(),
        ..StoredState::default()
    };
    assert!(state.record_phq9("2026-01-05", 14));
    assert!(state.record_phq9("2026-01-01", 18));
    assert!(state.record_phq9("2026-01-05", 12), "same day replaces");
    assert!(!state.record_phq9("2026-02-30", 10));
    assert!(!state.record_phq9("2026-01-06", 28));
    let dates: Vec<(&str, u8)> = state
        .phq9_history
        .iter()
        .map(|r| (r.date.as_str(), r.total))
        .collect();
    assert_eq!(dates, [("2026-01-01", 18), ("2026-01-05", 12)]);
    let loaded = load_stored(&encode_stored(&state), &questionnaire);
    assert_eq!(
        loaded,
        StoredLoad::Current {
            state: state.clone(),
            dropped: 0
        }
    );
    assert_eq!(loaded.into_state(), state);
}

#[test]
fn storage_loads_migrates_or_discards() {
    let questionnaire = questionnaire();
    let v0 = r#"{"relief-timing":"days","implants":["dental","heart-device"],"insurance":"medicare","retired":"x","phq9-1":3}"#;
    let StoredLoad::Migrated {
        state,
        from_version,
        dropped,
    } = load_stored(v0, &questionnaire)
    else {
        panic!("v0 should migrate");
    };
    assert_eq!(from_version, 0);
    assert_eq!(dropped, 2, "the retired question and the non-string answer");
    assert_eq!(state.version, STORAGE_VERSION);
    assert!(state.remember);
    assert!(state.answers.has("relief-timing", "days"));
    assert_eq!(state.answers.selected("implants").len(), 2);

    let v1_with_junk = r#"{"version":1,"remember":true,"answers":{"choices":{"needles":["no"],"gone":["x"]},"ratings":{"cost":9}},"phq9_history":[{"date":"2026-13-01","total":3},{"date":"2026-03-01","total":30},{"date":"2026-03-02","total":7}]}"#;
    let StoredLoad::Current { state, dropped } = load_stored(v1_with_junk, &questionnaire) else {
        panic!("v1 loads");
    };
    assert_eq!(dropped, 4);
    assert_eq!(
        state.phq9_history,
        vec![Phq9Record {
            date: "2026-03-02".into(),
            total: 7
        }]
    );
    assert!(state.answers.has("needles", "no"));

    assert_eq!(load_stored("", &questionnaire), StoredLoad::Nothing);
    assert_eq!(load_stored("   ", &questionnaire), StoredLoad::Nothing);
    type Case = (&'static str, fn(&DiscardReason) -> bool);
    let table: [Case; 7] = [
        ("{not json", |r| *r == DiscardReason::Unreadable),
        ("\u{0}\u{1}binary", |r| *r == DiscardReason::Unreadable),
        ("[1,2]", |r| matches!(r, DiscardReason::WrongShape(_))),
        ("42", |r| matches!(r, DiscardReason::WrongShape(_))),
        (r#"{"version":"one"}"#, |r| {
            matches!(r, DiscardReason::WrongShape(_))
        }),
        (r#"{"version":1,"remember":"yes"}"#, |r| {
            matches!(r, DiscardReason::WrongShape(_))
        }),
        (r#"{"version":7,"remember":true}"#, |r| {
            *r == DiscardReason::NewerVersion(7)
        }),
    ];
    for (raw, expected) in table {
        let StoredLoad::Discarded { reason } = load_stored(raw, &questionnaire) else {
            panic!("{raw} should be discarded");
        };
        assert!(expected(&reason), "{raw}: {reason:?}");
        let sentence = reason.to_string();
        assert!(
            sentence.starts_with("Your saved answers") && sentence.ends_with('.'),
            "{sentence}"
        );
        assert_eq!(
            load_stored(raw, &questionnaire).into_state(),
            StoredState::default()
        );
    }
}
