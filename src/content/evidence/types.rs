//! The typed shape of the bundled evidence: options, rows of claims, outcomes, sources and meta.
//!
//! Every patient-facing statement is a [`Claim`], and a claim cannot exist without at least one
//! source id: [`SourceIds`] refuses an empty list when it is deserialized or built.

use super::outcomes::Certainty;
use super::trace::{HarmTopic, Quote};
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

    /// Parses an id written in an attribute; surrounding spaces and case are forgiven.
    pub fn parse(raw: &str) -> Option<OptionId> {
        let wanted = raw.trim().to_ascii_lowercase();
        OptionId::ALL.into_iter().find(|id| id.as_str() == wanted)
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

/// One statement shown to a patient, in every language, with the sources it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub en: String,
    pub es: String,
    pub sources: SourceIds,
    /// The words of the sources that give each number in the text; required when the text
    /// holds a number.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// The harm topics this claim covers, for the harms checklist in `harms.toml`.
    #[serde(default)]
    pub harms: Vec<HarmTopic>,
}

impl Claim {
    /// The claim's text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// How a treatment stands with the US Food and Drug Administration for depression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegulatoryKind {
    /// A drug the FDA approved for depression.
    Approved,
    /// A device the FDA cleared (510(k) or de novo) for depression.
    Cleared,
    /// A drug approved for something else and used for depression by a doctor's choice.
    OffLabel,
}

/// The regulatory status of an option, typed so the UI can badge it and tests can check it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regulatory {
    pub kind: RegulatoryKind,
    /// The year of the first approval or clearance for depression, if any.
    #[serde(default)]
    pub year: Option<u16>,
    pub sources: SourceIds,
}

/// Visits per week over the first twelve weeks, for the course timeline chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// Clinic visits in each of weeks 1 to 12 (fractions allowed, e.g. 0.5 for every other week).
    pub visits_per_week: Vec<f32>,
    /// Typical hours in clinic per visit, including monitoring.
    pub hours_per_visit: f32,
    /// A plain sentence that describes the chart for people who cannot see it.
    pub en: String,
    pub es: String,
    pub sources: SourceIds,
    /// The words of the sources that give the numbers in the sentence.
    #[serde(default)]
    pub quotes: Vec<Quote>,
}

/// One treatment option with the same rows as every other option.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentOption {
    pub id: OptionId,
    pub name: Text,
    /// A shorter name for narrow table headers and chart labels.
    pub short_name: Text,
    /// One sentence saying what the option is.
    pub summary: Claim,
    pub regulatory: Regulatory,
    pub schedule: Schedule,
    /// Every row in [`RowId::ALL`], each a list of one or more claims.
    pub rows: std::collections::BTreeMap<RowId, Vec<Claim>>,
}

impl TreatmentOption {
    /// The claims of `row`, empty if the row is missing (validation reports that case).
    pub fn row(&self, row: RowId) -> &[Claim] {
        self.rows.get(&row).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// What kind of document a source is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    Trial,
    Review,
    Observational,
    FdaLabel,
    FdaClearance,
    FdaDocument,
    Guideline,
    Coverage,
    Other,
}

/// A paper, label, clearance or guideline, with enough to find it again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub kind: SourceKind,
    pub authors: String,
    pub title: String,
    /// The journal or agency.
    pub publisher: String,
    pub year: u16,
    #[serde(default)]
    pub pmid: Option<String>,
    #[serde(default)]
    pub doi: Option<String>,
    /// A label, NDA, 510(k) or coverage-policy number.
    #[serde(default)]
    pub number: Option<String>,
    /// An https link for documents with no PMID or DOI.
    #[serde(default)]
    pub url: Option<String>,
}

impl Source {
    /// The best public link to the source: PubMed, then DOI, then the given URL.
    pub fn link(&self) -> Option<String> {
        if let Some(pmid) = &self.pmid {
            return Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        }
        if let Some(doi) = &self.doi {
            return Some(format!("https://doi.org/{doi}"));
        }
        self.url.clone()
    }
}

/// Facts about the content itself: dates, policy, funding and method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub content_version: String,
    /// ISO date (YYYY-MM-DD) of the last full review.
    pub review_date: String,
    /// ISO date of the next planned review.
    pub next_review: String,
    pub update_policy: Text,
    pub funding: Text,
    pub method: Text,
    pub not_advice: Text,
    /// Why two options are not compared head to head.
    pub no_head_to_head: Claim,
}

/// A section of the comparison table: its rows and the sentence shown when it is collapsed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub summary: Claim,
    pub rows: Vec<RowId>,
    /// Row labels for the table's row headers, one per row in `rows`.
    pub row_labels: Vec<Text>,
}

/// A word a patient may not know, with a short definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: Text,
    pub definition: Text,
}

/// What is known about combining ketamine and TMS, with how weak that evidence is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Combination {
    pub title: Text,
    pub certainty: Certainty,
    pub claims: Vec<Claim>,
}
