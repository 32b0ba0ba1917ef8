//! The typed shape of the bundled evidence: options, rows of claims, sources and meta (the ids
//! and texts they are made of are in `vocabulary`, the outcomes in `outcomes`).
//!
//! Every patient-facing statement is a [`Claim`], and a claim cannot exist without at least one
//! source id: [`SourceIds`] refuses an empty list when it is deserialized or built.

use super::trace::{HarmTopic, Quote};
pub use super::vocabulary::*;
use serde::{Deserialize, Serialize};

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
pub struct ComparisonSection {
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
