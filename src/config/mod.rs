//! Clinic configuration: raw attribute strings in, a validated [`Config`] and warnings out.
//!
//! This is pure Rust so every hostile value can be tested natively. Each bad value is dropped
//! with one [`ConfigWarning`] that names the attribute, what is wrong and the fallback used.

mod attributes;
mod names;
mod values;

pub use crate::crisis::{CrisisLine, Phone};
pub use attributes::{observed_attributes, Attribute, Kind, ATTRIBUTES, NOTE_PREFIXES};
pub use values::{parse_email, parse_hex_colour, parse_https_url, parse_phone};

use crate::content::{Lang, OptionId};
use crate::crisis::CrisisHelp;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use values::{plain_text, shorten};

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
    pub heading_level: HeadingLevel,
}

/// The level of the widget's top heading (`heading-level`, 1 to 6; 2 unless the clinic says),
/// so the widget's headings fit under the page's own outline. The widget's other headings
/// keep their places below the top one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeadingLevel(u8);

impl Default for HeadingLevel {
    fn default() -> Self {
        HeadingLevel(HeadingLevel::USUAL)
    }
}

impl HeadingLevel {
    /// The top heading's level when the clinic says nothing: an h2 under the page's h1.
    pub const USUAL: u8 = 2;

    /// The values the attribute takes.
    pub const CHOICES: &'static [&'static str] = &["1", "2", "3", "4", "5", "6"];

    /// The level from one of [`HeadingLevel::CHOICES`]; anything else is the usual level.
    pub fn parse(choice: &str) -> HeadingLevel {
        choice
            .parse::<u8>()
            .ok()
            .filter(|level| (1..=6).contains(level))
            .map_or_else(HeadingLevel::default, HeadingLevel)
    }

    /// The level of the heading that is an `h{usual}` when the top heading is an h2: moved by
    /// as many levels as the top heading moved. It may pass 6; HTML stops at h6, and the
    /// widget then says the level with `aria-level`.
    pub fn of(self, usual: u8) -> u8 {
        (usual + self.0).saturating_sub(HeadingLevel::USUAL).max(1)
    }
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
/// Names outside [`ATTRIBUTES`] and the notes per option are not configuration and are skipped,
/// with a warning when one looks like a typo of an attribute (`clinicname`, `booking-link`).
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
        if let Some(attribute) = Attribute::named(name) {
            match attribute.apply(&mut config, value) {
                Ok(ignored) => {
                    for problem in ignored {
                        warn(name, problem, "ignoring it");
                    }
                }
                Err(problem) => warn(name, problem, &attribute.fallback_text()),
            }
            continue;
        }
        let note = NOTE_PREFIXES
            .into_iter()
            .find_map(|prefix| Some((prefix, name.strip_prefix(prefix)?)));
        let Some((prefix, id)) = note else {
            if let Some(known) = names::nearest_known(name) {
                warn(
                    name,
                    format!("is not an attribute the widget reads; did you mean `{known}`?"),
                    "ignoring it",
                );
            }
            continue;
        };
        let Some(option) = OptionId::parse(id) else {
            warn(
                name,
                format!("`{}` is not an option id", shorten(id)),
                "ignoring this note",
            );
            continue;
        };
        match plain_text(value, MAX_NOTE_CHARS) {
            Ok(text) => {
                let entry = config.clinic_notes.entry(option).or_default();
                if prefix == "price-" {
                    entry.price = text;
                } else {
                    entry.insurance = text;
                }
            }
            Err(problem) => warn(name, problem, "showing no clinic note for this option"),
        }
    }
    if config.crisis_line.is_some() && !values.contains_key("emergency-number") {
        let fallback = Attribute::named("emergency-number")
            .map(Attribute::fallback_text)
            .unwrap_or_default();
        warn(
            "emergency-number",
            "is not set, although `crisis-line` is".to_string(),
            &fallback,
        );
    }
    config
        .clinic_notes
        .retain(|_, note| note.price.is_some() || note.insurance.is_some());
    (config, warnings)
}
