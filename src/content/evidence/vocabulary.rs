//! The words the evidence is written in: languages and texts, option ids and families, row
//! ids, source-id lists and how certain evidence is. Every other evidence type is built from
//! these, so this file names no other.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language the widget speaks.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// Every language, in the order the switcher shows them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 tag used for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Reads a tag such as `es`, `es-MX` or `EN`; `None` for a language the widget lacks.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }
}

/// A text in every language the widget speaks; validation rejects an empty one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub es: String,
}

/// Whether a translation is missing: its text is empty or only white space. The one rule, for
/// the evidence, the questionnaire and the catalogues alike.
pub fn is_untranslated(text: &str) -> bool {
    text.trim().is_empty()
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// The stable id of a treatment option, as clinics write it in the `offered` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptionId {
    IvKetamine,
    Esketamine,
    KetamineTherapy,
    Tms,
    Itbs,
    AcceleratedTms,
    Antidepressants,
    Ect,
}

impl OptionId {
    /// Every option in display order.
    pub const ALL: [OptionId; 8] = [
        OptionId::IvKetamine,
        OptionId::Esketamine,
        OptionId::KetamineTherapy,
        OptionId::Tms,
        OptionId::Itbs,
        OptionId::AcceleratedTms,
        OptionId::Antidepressants,
        OptionId::Ect,
    ];

    /// The id as written in data files and attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            OptionId::IvKetamine => "iv-ketamine",
            OptionId::Esketamine => "esketamine",
            OptionId::KetamineTherapy => "ketamine-therapy",
            OptionId::Tms => "tms",
            OptionId::Itbs => "itbs",
            OptionId::AcceleratedTms => "accelerated-tms",
            OptionId::Antidepressants => "antidepressants",
            OptionId::Ect => "ect",
        }
    }

    /// The option whose id is exactly `raw`, as the content and stored answers write it.
    pub fn from_id(raw: &str) -> Option<OptionId> {
        OptionId::ALL.into_iter().find(|id| id.as_str() == raw)
    }

    /// Parses an id written in an attribute; surrounding spaces and case are forgiven.
    pub fn parse(raw: &str) -> Option<OptionId> {
        OptionId::from_id(&raw.trim().to_ascii_lowercase())
    }

    /// Whether the option may be chosen for the comparison a widget starts with. ECT is a
    /// reasonable option a person may pick, but the aid is about ketamine and TMS, so it is
    /// never compared until someone asks for it.
    pub fn in_default_comparison(self) -> bool {
        self != OptionId::Ect
    }

    /// The family the option belongs to.
    pub fn family(self) -> Family {
        match self {
            OptionId::IvKetamine | OptionId::Esketamine | OptionId::KetamineTherapy => {
                Family::Ketamine
            }
            OptionId::Tms | OptionId::Itbs | OptionId::AcceleratedTms => Family::Tms,
            OptionId::Antidepressants => Family::Medication,
            OptionId::Ect => Family::Ect,
        }
    }
}

impl fmt::Display for OptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The broad kind of treatment, used for colour and grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Ketamine,
    Tms,
    Medication,
    /// Electroconvulsive therapy.
    Ect,
}

/// The same rows every option must fill, so that no option gets less detail than another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowId {
    HowItWorks,
    Regulatory,
    Effectiveness,
    Speed,
    Visit,
    Course,
    DrivingWork,
    SideEffects,
    Cautions,
    Cost,
    Conditions,
}

impl RowId {
    /// Every row, in display order.
    pub const ALL: [RowId; 11] = [
        RowId::HowItWorks,
        RowId::Regulatory,
        RowId::Effectiveness,
        RowId::Speed,
        RowId::Visit,
        RowId::Course,
        RowId::DrivingWork,
        RowId::SideEffects,
        RowId::Cautions,
        RowId::Cost,
        RowId::Conditions,
    ];

    /// The key used in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            RowId::HowItWorks => "how_it_works",
            RowId::Regulatory => "regulatory",
            RowId::Effectiveness => "effectiveness",
            RowId::Speed => "speed",
            RowId::Visit => "visit",
            RowId::Course => "course",
            RowId::DrivingWork => "driving_work",
            RowId::SideEffects => "side_effects",
            RowId::Cautions => "cautions",
            RowId::Cost => "cost",
            RowId::Conditions => "conditions",
        }
    }

    /// Rows that describe benefits; their text is weighed against the harm rows for balance.
    pub fn is_benefit(self) -> bool {
        matches!(self, RowId::Effectiveness | RowId::Speed)
    }

    /// Rows that describe harms and cautions.
    pub fn is_harm(self) -> bool {
        matches!(self, RowId::SideEffects | RowId::Cautions)
    }
}

impl fmt::Display for RowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A non-empty list of source ids. The only way to build one is with at least one id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<String>", into = "Vec<String>")]
pub struct SourceIds {
    first: String,
    rest: Vec<String>,
}

impl SourceIds {
    /// A list holding `first` and then `rest`.
    pub fn new(first: impl Into<String>, rest: Vec<String>) -> SourceIds {
        SourceIds {
            first: first.into(),
            rest,
        }
    }

    /// Every id in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.first.as_str()).chain(self.rest.iter().map(String::as_str))
    }
}

impl TryFrom<Vec<String>> for SourceIds {
    type Error = String;

    fn try_from(mut ids: Vec<String>) -> Result<Self, Self::Error> {
        if ids.is_empty() {
            return Err("a claim needs at least one source id in `sources`".to_string());
        }
        let first = ids.remove(0);
        Ok(SourceIds { first, rest: ids })
    }
}

impl From<SourceIds> for Vec<String> {
    fn from(ids: SourceIds) -> Self {
        std::iter::once(ids.first).chain(ids.rest).collect()
    }
}

/// How sure we can be, in the GRADE-like words a patient can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Certainty {
    Moderate,
    Low,
    VeryLow,
}
