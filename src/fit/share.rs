//! The share link: answers packed into a URL fragment, `ktw1.<base64url JSON>.<FNV-1a checksum>`.
//! The JSON is written and read by the small [`codec`] and [`json`] modules, byte for byte as
//! serde_json did, so links made by any build open in any other.
//!
//! The fragment never reaches a server. The checksum catches a link that was cut short or
//! edited by hand (it is not a security seal). Decoding rejects a damaged, unknown-version or
//! out-of-range payload with a [`FragmentError`], and drops answers the questionnaire no longer
//! knows, counting them, so an old link still opens.

use super::answers::Answers;
use crate::content::questionnaire::{Questionnaire, MAX_RATING};
use std::fmt;

pub(super) mod codec;
pub(super) mod json;

/// The version of the share format this build writes.
pub const FRAGMENT_VERSION: u32 = 1;

/// The prefix before the version number.
const PREFIX: &str = "ktw";

/// The longest fragment accepted, so a huge pasted link cannot stall the page.
pub const MAX_FRAGMENT_LEN: usize = 16 * 1024;

/// The most questions, choices per question and priorities a payload may carry.
const MAX_ENTRIES: usize = 200;
const MAX_CHOICES_PER_QUESTION: usize = 20;
const MAX_ID_LEN: usize = 64;

/// Why a share link could not be opened. `Display` gives a plain sentence for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FragmentError {
    /// There was nothing after the `#`.
    Empty,
    /// The text is not a share link of this widget.
    NotAShareLink,
    /// A share link from a newer or older version this build cannot read.
    UnknownVersion(String),
    /// The checksum does not match: the link was changed or cut short.
    Tampered,
    /// The parts are there but cannot be read.
    Malformed(String),
    /// The link is longer than any real share link.
    TooLong,
    /// The answers hold a value outside the allowed range.
    OutOfRange(String),
}

impl fmt::Display for FragmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FragmentError::Empty => f.write_str("The link has no saved answers in it."),
            FragmentError::NotAShareLink => {
                f.write_str("The link does not hold answers from this tool.")
            }
            FragmentError::UnknownVersion(version) => write!(
                f,
                "The link was made by a different version of this tool ({version}), so its answers cannot be opened."
            ),
            FragmentError::Tampered => f.write_str(
                "The link was changed or cut short after it was made, so its answers cannot be trusted.",
            ),
            FragmentError::Malformed(detail) => {
                write!(f, "The link is damaged and its answers cannot be read ({detail}).")
            }
            FragmentError::TooLong => f.write_str("The link is too long to hold answers from this tool."),
            FragmentError::OutOfRange(detail) => {
                write!(f, "The link holds answers that are not allowed ({detail}).")
            }
        }
    }
}

impl std::error::Error for FragmentError {}

/// Answers restored from a share link, and how many unknown entries were left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub answers: Answers,
    /// Answers to questions or choices this version does not have; they were dropped.
    pub dropped: usize,
}

/// The fragment payload for `answers` (without the leading `#`).
pub fn encode_fragment(answers: &Answers) -> String {
    let mut json = String::new();
    codec::write_answers(&mut json, answers);
    let body = format!(
        "{PREFIX}{FRAGMENT_VERSION}.{}",
        base64url_encode(json.as_bytes())
    );
    let checksum = fnv1a32(body.as_bytes());
    format!("{body}.{checksum:08x}")
}

/// Reads a fragment (with or without the leading `#`) back into answers the questionnaire knows.
pub fn decode_fragment(
    fragment: &str,
    questionnaire: &Questionnaire,
) -> Result<Restored, FragmentError> {
    let answers = decode_answers(fragment)?;
    let (answers, dropped) = questionnaire.sanitize(answers);
    Ok(Restored { answers, dropped })
}

/// Reads a fragment into raw answers, checking format, version, checksum and ranges only.
pub fn decode_answers(fragment: &str) -> Result<Answers, FragmentError> {
    let text = fragment.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    if text.is_empty() {
        return Err(FragmentError::Empty);
    }
    if text.len() > MAX_FRAGMENT_LEN {
        return Err(FragmentError::TooLong);
    }
    let mut parts = text.split('.');
    let (Some(version), Some(payload), Some(checksum), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(FragmentError::NotAShareLink);
    };
    let Some(number) = version.strip_prefix(PREFIX) else {
        return Err(FragmentError::NotAShareLink);
    };
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return Err(FragmentError::NotAShareLink);
    }
    if number != FRAGMENT_VERSION.to_string() {
        return Err(FragmentError::UnknownVersion(version.to_string()));
    }
    let expected = format!("{:08x}", fnv1a32(format!("{version}.{payload}").as_bytes()));
    if !checksum.eq_ignore_ascii_case(&expected) {
        return Err(FragmentError::Tampered);
    }
    let bytes = base64url_decode(payload)
        .ok_or_else(|| FragmentError::Malformed("not base64url".to_string()))?;
    let answers = std::str::from_utf8(&bytes)
        .map_err(|err| err.to_string())
        .and_then(json::Json::parse)
        .and_then(|value| codec::read_answers(&value))
        .map_err(|err| FragmentError::Malformed(format!("not valid answers: {err}")))?;
    check_ranges(&answers)?;
    Ok(answers)
}

/// Rejects ratings above 3 and payloads with more entries or longer ids than any real answers.
fn check_ranges(answers: &Answers) -> Result<(), FragmentError> {
    if answers.choices.len() > MAX_ENTRIES || answers.ratings.len() > MAX_ENTRIES {
        return Err(FragmentError::OutOfRange("too many answers".to_string()));
    }
    for (question, choices) in &answers.choices {
        if question.as_str().len() > MAX_ID_LEN || choices.len() > MAX_CHOICES_PER_QUESTION {
            return Err(FragmentError::OutOfRange(format!(
                "question `{}`",
                short(question.as_str())
            )));
        }
        if choices
            .iter()
            .any(|choice| choice.as_str().len() > MAX_ID_LEN)
        {
            return Err(FragmentError::OutOfRange(format!(
                "question `{}`",
                short(question.as_str())
            )));
        }
    }
    for (priority, rating) in &answers.ratings {
        if *rating > MAX_RATING || priority.as_str().len() > MAX_ID_LEN {
            return Err(FragmentError::OutOfRange(format!(
                "priority `{}` is rated {rating}, above {MAX_RATING}",
                short(priority.as_str())
            )));
        }
    }
    Ok(())
}

/// The first few characters of an id, for error messages.
fn short(id: &str) -> String {
    id.chars().take(MAX_ID_LEN).collect()
}

/// The 32-bit FNV-1a hash of `bytes`.
pub fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in bytes {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b0 = chunk.first().copied().unwrap_or(0);
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        let group = (u32::from(b0) << 16) | (u32::from(b1) << 8) | u32::from(b2);
        let symbols = chunk.len() + 1;
        for index in 0..symbols {
            let sextet = (group >> (18 - 6 * index)) & 0x3f;
            if let Some(&symbol) = ALPHABET.get(sextet as usize) {
                out.push(char::from(symbol));
            }
        }
    }
    out
}

/// Decodes base64url without padding; `None` for any other character or an impossible length.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut group: u32 = 0;
    let mut count = 0;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        group = (group << 6) | u32::from(value);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(group >> 16) as u8, (group >> 8) as u8, group as u8]);
            group = 0;
            count = 0;
        }
    }
    match count {
        2 => out.push((group >> 4) as u8),
        3 => out.extend_from_slice(&[(group >> 10) as u8, (group >> 2) as u8]),
        _ => {}
    }
    Some(out)
}
