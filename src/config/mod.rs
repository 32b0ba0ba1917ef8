//! Clinic configuration: raw attribute strings in, a validated [`Config`] and warnings out.
//!
//! This is pure Rust so every hostile value can be tested natively. Each bad value is dropped
//! with one [`ConfigWarning`] that names the attribute, what is wrong and the fallback used.

pub use crate::crisis::{CrisisLine, Phone};

use crate::content::{Lang, OptionId};
use crate::crisis::{CrisisHelp, US_CRISIS_LINE, US_EMERGENCY};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// The longest clinic name shown; longer names are dropped rather than cut mid-word.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest clinic price or insurance note.
pub const MAX_NOTE_CHARS: usize = 300;
/// The longest booking link.
pub const MAX_URL_CHARS: usize = 2000;

/// Which parts of the widget are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    Compare,
    Fit,
    #[default]
    Both,
}

/// Which part is open first when both are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Start {
    #[default]
    Compare,
    Fit,
}

/// The colour scheme: follow the device, or forced by the clinic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value written to the host's `data-theme` for the stylesheet.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

/// The clinic's own price and insurance notes for one option, shown apart from the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ClinicNote {
    pub price: Option<String>,
    pub insurance: Option<String>,
}

/// The validated configuration of one widget.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Config {
    pub clinic_name: Option<String>,
    pub phone: Option<Phone>,
    pub sms: Option<Phone>,
    pub email: Option<String>,
    /// An https link to the clinic's booking page.
    pub booking_url: Option<String>,
    /// The options this clinic offers; `None` when the clinic did not say.
    pub offered: Option<BTreeSet<OptionId>>,
    pub hide_unoffered: bool,
    pub view: View,
    pub start: Start,
    /// The language the clinic asked for; `None` means detect it from the page.
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// An accent colour as `#rrggbb`.
    pub accent: Option<String>,
    pub crisis_line: Option<CrisisLine>,
    /// The emergency number to show instead of the US one.
    pub emergency_number: Option<Phone>,
    pub share_answers: bool,
    pub clinic_notes: BTreeMap<OptionId, ClinicNote>,
}

impl Config {
    /// Whether the clinic offers `option` (every option counts as offered when unsaid).
    pub fn offers(&self, option: OptionId) -> bool {
        self.offered
            .as_ref()
            .is_none_or(|offered| offered.contains(&option))
    }

    /// Whether `option` is shown at all.
    pub fn shows(&self, option: OptionId) -> bool {
        !self.hide_unoffered || self.offers(option)
    }

    /// The crisis help this configuration shows in `lang`: the clinic's numbers, else the US ones.
    pub fn crisis_help(&self, lang: Lang) -> CrisisHelp {
        CrisisHelp::new(
            self.crisis_line.as_ref(),
            self.emergency_number.as_ref(),
            lang,
        )
    }
}

/// A value that was dropped, and what was used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    pub attribute: String,
    pub problem: String,
    pub fallback: String,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ketamine-tms-widget: attribute `{}`: {}; {}.",
            self.attribute, self.problem, self.fallback
        )
    }
}

/// Attribute names the widget reads (before `price-*` and `insurance-*`).
pub const ATTRIBUTES: [&str; 15] = [
    "clinic-name",
    "phone",
    "sms",
    "email",
    "booking-url",
    "offered",
    "hide-unoffered",
    "view",
    "start",
    "lang",
    "theme",
    "accent",
    "crisis-line",
    "emergency-number",
    "share-answers",
];

/// Turns a raw attribute or option name into the widget's kebab-case name: `data-clinic-name`,
/// `clinicName` and `clinic-name` all become `clinic-name`.
pub fn normalize_name(raw: &str) -> String {
    let raw = raw.trim();
    let raw = raw.strip_prefix("data-").unwrap_or(raw);
    let mut name = String::with_capacity(raw.len() + 4);
    for ch in raw.chars() {
        if ch.is_ascii_uppercase() {
            name.push('-');
            name.push(ch.to_ascii_lowercase());
        } else if ch == '_' {
            name.push('-');
        } else {
            name.push(ch);
        }
    }
    name
}

/// Validates raw `(name, value)` pairs into a [`Config`]; later pairs win over earlier ones.
pub fn parse(raw: &[(String, String)]) -> (Config, Vec<ConfigWarning>) {
    let mut values: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in raw {
        values.insert(normalize_name(name), value.clone());
    }
    let mut config = Config::default();
    let mut warnings = Vec::new();
    let mut warn = |attribute: &str, problem: String, fallback: &str| {
        warnings.push(ConfigWarning {
            attribute: attribute.to_string(),
            problem,
            fallback: fallback.to_string(),
        });
    };
    for (name, value) in &values {
        let name = name.as_str();
        match name {
            "clinic-name" => match plain_text(value, MAX_NAME_CHARS) {
                Ok(text) => config.clinic_name = text,
                Err(problem) => warn(name, problem, "showing no clinic name"),
            },
            "phone" | "sms" => match parse_phone(value) {
                Ok(phone) => {
                    if name == "phone" {
                        config.phone = phone;
                    } else {
                        config.sms = phone;
                    }
                }
                Err(problem) => warn(name, problem, "showing no number"),
            },
            "email" => match parse_email(value) {
                Ok(email) => config.email = email,
                Err(problem) => warn(name, problem, "showing no email address"),
            },
            "booking-url" => match parse_https_url(value) {
                Ok(url) => config.booking_url = url,
                Err(problem) => warn(name, problem, "showing no booking link"),
            },
            "offered" => {
                let mut offered = BTreeSet::new();
                let mut unknown = Vec::new();
                for item in value
                    .split(',')
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                {
                    match OptionId::parse(item) {
                        Some(id) => {
                            offered.insert(id);
                        }
                        None => unknown.push(item),
                    }
                }
                const IDS: &str =
                    "iv-ketamine, esketamine, ketamine-therapy, tms, itbs, accelerated-tms, antidepressants";
                if offered.is_empty() {
                    let problem = if unknown.is_empty() {
                        "no option id was given".to_string()
                    } else {
                        format!("`{}` has no known option id (ids: {IDS})", shorten(value))
                    };
                    warn(name, problem, "treating every option as offered");
                } else {
                    for item in unknown {
                        warn(
                            name,
                            format!("`{}` is not an option id (ids: {IDS})", shorten(item)),
                            "ignoring it",
                        );
                    }
                    config.offered = Some(offered);
                }
            }
            "hide-unoffered" | "share-answers" => match parse_flag(value) {
                Ok(flag) => {
                    if name == "hide-unoffered" {
                        config.hide_unoffered = flag;
                    } else {
                        config.share_answers = flag;
                    }
                }
                Err(problem) => warn(name, problem, "using false"),
            },
            "view" => match value.trim().to_ascii_lowercase().as_str() {
                "compare" => config.view = View::Compare,
                "fit" => config.view = View::Fit,
                "both" | "" => config.view = View::Both,
                _ => warn(
                    name,
                    format!("`{}` is not compare, fit or both", shorten(value)),
                    "using both",
                ),
            },
            "start" => match value.trim().to_ascii_lowercase().as_str() {
                "compare" | "" => config.start = Start::Compare,
                "fit" => config.start = Start::Fit,
                _ => warn(
                    name,
                    format!("`{}` is not compare or fit", shorten(value)),
                    "using compare",
                ),
            },
            "lang" => match Lang::from_tag(value) {
                Some(lang) => config.lang = Some(lang),
                None => warn(
                    name,
                    format!(
                        "`{}` is not a language this widget speaks (en, es)",
                        shorten(value)
                    ),
                    "using the page's language",
                ),
            },
            "theme" => match value.trim().to_ascii_lowercase().as_str() {
                "auto" | "" => config.theme = Theme::Auto,
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                _ => warn(
                    name,
                    format!("`{}` is not light, dark or auto", shorten(value)),
                    "using auto",
                ),
            },
            "accent" => match parse_hex_colour(value) {
                Ok(colour) => config.accent = Some(colour),
                Err(problem) => warn(name, problem, "using the default accent colour"),
            },
            "crisis-line" => match parse_crisis_line(value) {
                Ok(line) => config.crisis_line = Some(line),
                Err(problem) => warn(
                    name,
                    problem,
                    &format!("showing the US crisis line, {US_CRISIS_LINE}"),
                ),
            },
            "emergency-number" => match parse_phone(value) {
                Ok(phone) => config.emergency_number = phone,
                Err(problem) => warn(
                    name,
                    problem,
                    &format!("showing the US emergency number, {US_EMERGENCY}"),
                ),
            },
            other => {
                let note = other
                    .strip_prefix("price-")
                    .map(|id| (id, true))
                    .or_else(|| other.strip_prefix("insurance-").map(|id| (id, false)));
                let Some((id, is_price)) = note else {
                    continue;
                };
                let Some(option) = OptionId::parse(id) else {
                    warn(
                        other,
                        format!("`{}` is not an option id", shorten(id)),
                        "ignoring this note",
                    );
                    continue;
                };
                match plain_text(value, MAX_NOTE_CHARS) {
                    Ok(text) => {
                        let entry = config.clinic_notes.entry(option).or_default();
                        if is_price {
                            entry.price = text;
                        } else {
                            entry.insurance = text;
                        }
                    }
                    Err(problem) => warn(other, problem, "showing no clinic note for this option"),
                }
            }
        }
    }
    if config.crisis_line.is_some() && !values.contains_key("emergency-number") {
        warn(
            "emergency-number",
            "is not set, although `crisis-line` is".to_string(),
            &format!("showing the US emergency number, {US_EMERGENCY}"),
        );
    }
    config
        .clinic_notes
        .retain(|_, note| note.price.is_some() || note.insurance.is_some());
    (config, warnings)
}

/// A value cut to 40 characters for a warning, so a huge value does not flood the console.
fn shorten(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(40).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn plain_text(value: &str, max: usize) -> Result<Option<String>, String> {
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

fn parse_email(value: &str) -> Result<Option<String>, String> {
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

fn parse_flag(value: &str) -> Result<bool, String> {
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
fn parse_crisis_line(value: &str) -> Result<CrisisLine, String> {
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
