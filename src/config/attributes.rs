//! The one attribute table: every attribute the widget reads, with the kind of value it takes,
//! what is used when its value is bad, and one line saying what it does.
//!
//! [`super::parse`] reads values by this table, `cargo xtask dist` writes the loader's
//! `observedAttributes` from it ([`observed_attributes`]), and `tests/public_lists.rs` checks
//! the README's attribute table against it.

use super::values::{
    parse_choice, parse_crisis_line, parse_email, parse_flag, parse_hex_colour, parse_https_url,
    parse_phone, plain_text, shorten,
};
use super::{Config, HeadingLevel, Start, Theme, View, MAX_NAME_CHARS};
use crate::content::{Lang, OptionId};
use crate::crisis::{CrisisLine, Phone, US_CRISIS_LINE, US_EMERGENCY};
use std::collections::BTreeSet;

/// The kind of value an attribute takes, which chooses how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Plain text of at most `max_chars` characters, white space folded.
    Text { max_chars: usize },
    /// A phone number of 3 to 15 digits.
    Phone,
    /// A plain email address.
    Email,
    /// An `https:` link.
    HttpsUrl,
    /// A comma-separated list of option ids.
    OptionIds,
    /// `true` or `false`; present with no value is `true`.
    Flag,
    /// One of a few words; an empty value is `default`.
    Choice {
        choices: &'static [&'static str],
        default: &'static str,
    },
    /// A language tag the widget speaks.
    Language,
    /// A colour as `#rgb` or `#rrggbb`.
    Colour,
    /// A crisis line as `Name: number` or `Name, number`.
    CrisisLine,
}

/// One attribute the widget reads.
#[derive(Clone, Copy, Debug)]
pub struct Attribute {
    /// The attribute's name; `data-<name>` on a `[data-ketamine-tms-widget]` element.
    pub name: &'static str,
    pub kind: Kind,
    /// What the widget does instead when the value is bad, for the warning.
    pub fallback: &'static str,
    /// One line saying what the attribute does.
    pub description: &'static str,
    /// Puts a value read by [`Kind`] into the configuration.
    store: fn(&mut Config, Value),
}

/// A value read by its [`Kind`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(Option<String>),
    Phone(Option<Phone>),
    Email(Option<String>),
    HttpsUrl(Option<String>),
    OptionIds(BTreeSet<OptionId>),
    Flag(bool),
    Choice(&'static str),
    Language(Lang),
    Colour(String),
    CrisisLine(CrisisLine),
}

/// The slot in a fallback for the US crisis line's number, filled from [`crate::crisis`].
const US_LINE_SLOT: &str = "{us-crisis-line}";
/// The slot in a fallback for the US emergency number, filled from [`crate::crisis`].
const US_EMERGENCY_SLOT: &str = "{us-emergency}";

/// Every attribute, in the README's order (the notes per option follow as [`NOTE_PREFIXES`]).
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "clinic-name",
        kind: Kind::Text {
            max_chars: MAX_NAME_CHARS,
        },
        fallback: "showing no clinic name",
        description: "the clinic's name, shown in the header and the failure message",
        store: |config, value| {
            if let Value::Text(text) = value {
                config.clinic_name = text;
            }
        },
    },
    Attribute {
        name: "phone",
        kind: Kind::Phone,
        fallback: "showing no number",
        description: "the clinic's phone number",
        store: |config, value| {
            if let Value::Phone(phone) = value {
                config.phone = phone;
            }
        },
    },
    Attribute {
        name: "sms",
        kind: Kind::Phone,
        fallback: "showing no number",
        description: "a number for text messages",
        store: |config, value| {
            if let Value::Phone(phone) = value {
                config.sms = phone;
            }
        },
    },
    Attribute {
        name: "email",
        kind: Kind::Email,
        fallback: "showing no email address",
        description: "the clinic's email address",
        store: |config, value| {
            if let Value::Email(email) = value {
                config.email = email;
            }
        },
    },
    Attribute {
        name: "booking-url",
        kind: Kind::HttpsUrl,
        fallback: "showing no booking link",
        description: "the clinic's booking page",
        store: |config, value| {
            if let Value::HttpsUrl(url) = value {
                config.booking_url = url;
            }
        },
    },
    Attribute {
        name: "offered",
        kind: Kind::OptionIds,
        fallback: "treating every option as offered",
        description: "the options this clinic offers",
        store: |config, value| {
            if let Value::OptionIds(ids) = value {
                config.offered = Some(ids);
            }
        },
    },
    Attribute {
        name: "hide-unoffered",
        kind: Kind::Flag,
        fallback: "using false",
        description: "hides the options the clinic does not offer",
        store: |config, value| {
            if let Value::Flag(flag) = value {
                config.hide_unoffered = flag;
            }
        },
    },
    Attribute {
        name: "view",
        kind: Kind::Choice {
            choices: &["compare", "fit", "both"],
            default: "both",
        },
        fallback: "using both",
        description: "which parts are shown",
        store: |config, value| {
            if let Value::Choice(choice) = value {
                config.view = match choice {
                    "compare" => View::Compare,
                    "fit" => View::Fit,
                    _ => View::Both,
                };
            }
        },
    },
    Attribute {
        name: "start",
        kind: Kind::Choice {
            choices: &["compare", "fit"],
            default: "compare",
        },
        fallback: "using compare",
        description: "which part opens first",
        store: |config, value| {
            if let Value::Choice(choice) = value {
                config.start = match choice {
                    "fit" => Start::Fit,
                    _ => Start::Compare,
                };
            }
        },
    },
    Attribute {
        name: "lang",
        kind: Kind::Language,
        fallback: "using the page's language",
        description: "the language, instead of the page's",
        store: |config, value| {
            if let Value::Language(lang) = value {
                config.lang = Some(lang);
            }
        },
    },
    Attribute {
        name: "theme",
        kind: Kind::Choice {
            choices: &["light", "dark", "auto"],
            default: "auto",
        },
        fallback: "using auto",
        description: "the colour scheme, instead of the device's",
        store: |config, value| {
            if let Value::Choice(choice) = value {
                config.theme = match choice {
                    "light" => Theme::Light,
                    "dark" => Theme::Dark,
                    _ => Theme::Auto,
                };
            }
        },
    },
    Attribute {
        name: "accent",
        kind: Kind::Colour,
        fallback: "using the default accent colour",
        description: "the accent colour",
        store: |config, value| {
            if let Value::Colour(colour) = value {
                config.accent = Some(colour);
            }
        },
    },
    Attribute {
        name: "heading-level",
        kind: Kind::Choice {
            choices: HeadingLevel::CHOICES,
            default: "2",
        },
        fallback: "using 2",
        description: "the level of the widget's top heading, so it fits under the page's own",
        store: |config, value| {
            if let Value::Choice(choice) = value {
                config.heading_level = HeadingLevel::parse(choice);
            }
        },
    },
    Attribute {
        name: "crisis-line",
        kind: Kind::CrisisLine,
        fallback: "showing the US crisis line, {us-crisis-line}",
        description: "the clinic's own crisis line instead of the US one",
        store: |config, value| {
            if let Value::CrisisLine(line) = value {
                config.crisis_line = Some(line);
            }
        },
    },
    Attribute {
        name: "emergency-number",
        kind: Kind::Phone,
        fallback: "showing the US emergency number, {us-emergency}",
        description: "the emergency number instead of the US one",
        store: |config, value| {
            if let Value::Phone(phone) = value {
                config.emergency_number = phone;
            }
        },
    },
    Attribute {
        name: "share-answers",
        kind: Kind::Flag,
        fallback: "using false",
        description: "lets the host page receive the answers in events",
        store: |config, value| {
            if let Value::Flag(flag) = value {
                config.share_answers = flag;
            }
        },
    },
];

/// The prefixes of the clinic's notes per option: `price-<id>` and `insurance-<id>`.
pub const NOTE_PREFIXES: [&str; 2] = ["price-", "insurance-"];

impl Attribute {
    /// The attribute called `name`, if the table has one.
    pub fn named(name: &str) -> Option<&'static Attribute> {
        ATTRIBUTES.iter().find(|attribute| attribute.name == name)
    }

    /// The fallback as the warning says it, with the US numbers filled in.
    pub fn fallback_text(&self) -> String {
        self.fallback
            .replace(US_LINE_SLOT, US_CRISIS_LINE)
            .replace(US_EMERGENCY_SLOT, US_EMERGENCY)
    }

    /// Reads `raw` and stores it in `config`. `Ok` carries the problems with parts of the value
    /// that were ignored; `Err` is the problem that dropped the whole value.
    pub(super) fn apply(&self, config: &mut Config, raw: &str) -> Result<Vec<String>, String> {
        let (value, ignored) = read(self.kind, raw)?;
        (self.store)(config, value);
        Ok(ignored)
    }
}

/// Every attribute name the loader must observe: the table's, then the notes for every option.
pub fn observed_attributes() -> Vec<String> {
    let mut names: Vec<String> = ATTRIBUTES
        .iter()
        .map(|attribute| attribute.name.to_string())
        .collect();
    for id in OptionId::ALL {
        for prefix in NOTE_PREFIXES {
            names.push(format!("{prefix}{}", id.as_str()));
        }
    }
    names
}

/// Reads `raw` as a value of `kind`, with the problems of ignored parts.
fn read(kind: Kind, raw: &str) -> Result<(Value, Vec<String>), String> {
    let value = match kind {
        Kind::Text { max_chars } => Value::Text(plain_text(raw, max_chars)?),
        Kind::Phone => Value::Phone(parse_phone(raw)?),
        Kind::Email => Value::Email(parse_email(raw)?),
        Kind::HttpsUrl => Value::HttpsUrl(parse_https_url(raw)?),
        Kind::OptionIds => return option_ids(raw),
        Kind::Flag => Value::Flag(parse_flag(raw)?),
        Kind::Choice { choices, default } => Value::Choice(parse_choice(raw, choices, default)?),
        Kind::Language => Value::Language(Lang::from_tag(raw).ok_or_else(|| {
            format!(
                "`{}` is not a language this widget speaks ({})",
                shorten(raw),
                Lang::ALL.map(Lang::tag).join(", ")
            )
        })?),
        Kind::Colour => Value::Colour(parse_hex_colour(raw)?),
        Kind::CrisisLine => Value::CrisisLine(parse_crisis_line(raw)?),
    };
    Ok((value, Vec::new()))
}

/// The known ids in a comma-separated list; unknown ones are ignored, unless none is known.
fn option_ids(raw: &str) -> Result<(Value, Vec<String>), String> {
    let ids = OptionId::ALL.map(OptionId::as_str).join(", ");
    let mut offered = BTreeSet::new();
    let mut unknown = Vec::new();
    for item in raw
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
    if offered.is_empty() {
        return Err(if unknown.is_empty() {
            "no option id was given".to_string()
        } else {
            format!("`{}` has no known option id (ids: {ids})", shorten(raw))
        });
    }
    let ignored = unknown
        .into_iter()
        .map(|item| format!("`{}` is not an option id (ids: {ids})", shorten(item)))
        .collect();
    Ok((Value::OptionIds(offered), ignored))
}
