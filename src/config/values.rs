//! The readers of single attribute values: text, phone numbers, email addresses, links,
//! flags, colours and crisis lines. Each returns the typed value or the problem, in words.

use super::{MAX_NAME_CHARS, MAX_URL_CHARS};
use crate::crisis::{CrisisLine, Phone};

/// A value cut to 40 characters for a warning, so a huge value does not flood the console.
pub(super) fn shorten(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Reads text with its white space folded; empty text is no text, and `max` characters at most.
pub(super) fn plain_text(value: &str, max: usize) -> Result<Option<String>, String> {
    let text = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Ok(None);
    }
    let count = text.chars().count();
    if count > max {
        return Err(format!("the text has {count} characters, more than {max}"));
    }
    if text.chars().any(char::is_control) {
        return Err("the text has control characters".to_string());
    }
    Ok(Some(text))
}

/// Reads a phone number of 3 to 15 digits written with spaces, dots, dashes, brackets and `+`.
pub fn parse_phone(value: &str) -> Result<Option<Phone>, String> {
    let display = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if display.is_empty() {
        return Ok(None);
    }
    if let Some(bad) = display
        .chars()
        .find(|ch| !(ch.is_ascii_digit() || " +-().".contains(*ch)))
    {
        return Err(format!(
            "`{}` has `{bad}`, which a phone number cannot have",
            shorten(&display)
        ));
    }
    if display
        .char_indices()
        .any(|(index, ch)| ch == '+' && index != 0)
    {
        return Err(format!(
            "`{}` has a `+` that is not at the start",
            shorten(&display)
        ));
    }
    let digits: String = display.chars().filter(char::is_ascii_digit).collect();
    if !(3..=15).contains(&digits.len()) {
        return Err(format!(
            "`{}` has {} digits; a phone number has 3 to 15",
            shorten(&display),
            digits.len()
        ));
    }
    let dial = if display.starts_with('+') {
        format!("+{digits}")
    } else {
        digits
    };
    Ok(Some(Phone { display, dial }))
}

/// Accepts a plain `local@domain.tld` address of at most 254 characters.
pub fn parse_email(value: &str) -> Result<Option<String>, String> {
    let email = value.trim();
    if email.is_empty() {
        return Ok(None);
    }
    let valid = email.len() <= 254
        && email.split('@').count() == 2
        && email
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "@.-_+".contains(ch))
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        });
    if valid {
        Ok(Some(email.to_string()))
    } else {
        Err(format!("`{}` is not a plain email address", shorten(email)))
    }
}

/// Accepts only `https://host/...` links without spaces, quotes or angle brackets.
pub fn parse_https_url(value: &str) -> Result<Option<String>, String> {
    let url = value.trim();
    if url.is_empty() {
        return Ok(None);
    }
    if url.len() > MAX_URL_CHARS {
        return Err(format!(
            "the link has {} characters, more than {MAX_URL_CHARS}",
            url.len()
        ));
    }
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("https://") else {
        let scheme = lower.split(':').next().unwrap_or("");
        return Err(format!(
            "`{}` is a {scheme}: link, only https: links are allowed",
            shorten(url)
        ));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ".-:[]".contains(ch))
        && !host.starts_with('.');
    if !host_ok {
        return Err(format!("`{}` has no valid host name", shorten(url)));
    }
    if url
        .chars()
        .any(|ch| ch.is_whitespace() || ch.is_control() || "\"'<>`\\".contains(ch))
    {
        return Err(format!("`{}` has spaces, quotes or brackets", shorten(url)));
    }
    Ok(Some(url.to_string()))
}

/// Reads a flag; a present attribute with no value is `true`.
pub(super) fn parse_flag(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "true" | "yes" | "1" | "on" => Ok(true),
        "false" | "no" | "0" | "off" => Ok(false),
        _ => Err(format!("`{}` is not true or false", shorten(value))),
    }
}

/// Accepts `#rgb` or `#rrggbb` and returns `#rrggbb` in lower case.
pub fn parse_hex_colour(value: &str) -> Result<String, String> {
    let trimmed = value.trim().to_ascii_lowercase();
    let hex = trimmed.strip_prefix('#').unwrap_or("");
    if !hex.chars().all(|ch| ch.is_ascii_hexdigit()) || !(hex.len() == 3 || hex.len() == 6) {
        return Err(format!("`{}` is not a colour like #1a5fb4", shorten(value)));
    }
    if hex.len() == 3 {
        Ok(format!(
            "#{}",
            hex.chars().flat_map(|ch| [ch, ch]).collect::<String>()
        ))
    } else {
        Ok(format!("#{hex}"))
    }
}

/// Reads `Name: number` or `Name, number`; the last colon, else the last comma, splits them.
pub(super) fn parse_crisis_line(value: &str) -> Result<CrisisLine, String> {
    let Some((name, number)) = value.rsplit_once(':').or_else(|| value.rsplit_once(',')) else {
        return Err(format!(
            "`{}` is not written as `Name: number` or `Name, number`, e.g. `Samaritans, 116 123`",
            shorten(value)
        ));
    };
    let name = plain_text(name, MAX_NAME_CHARS)?
        .ok_or_else(|| "the crisis line has no name".to_string())?;
    let phone = parse_phone(number)?.ok_or_else(|| "the crisis line has no number".to_string())?;
    Ok(CrisisLine { name, phone })
}

/// One of `choices`, in any case; an empty value is `default`.
pub(super) fn parse_choice(
    value: &str,
    choices: &[&'static str],
    default: &'static str,
) -> Result<&'static str, String> {
    let wanted = value.trim().to_ascii_lowercase();
    if wanted.is_empty() {
        return Ok(default);
    }
    if let Some(found) = choices.iter().find(|choice| **choice == wanted) {
        return Ok(found);
    }
    Err(format!("`{}` is not {}", shorten(value), or_list(choices)))
}

/// `a, b or c`.
pub(super) fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}
