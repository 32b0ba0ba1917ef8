//! Response and remission figures, and the one rule that picks which of them the comparison
//! shows: the strongest study design first, then the larger study. File order plays no part.

use super::types::Claim;
pub use super::vocabulary::Certainty;
use super::vocabulary::{OptionId, SourceIds, Text};
use serde::{Deserialize, Serialize};

/// What an outcome counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// A drop of at least half on a depression scale (or a rater's overall "much improved").
    Response,
    /// Symptoms below a scale's cut-off.
    Remission,
}

/// How a study was run. [`StudyType::BY_STRENGTH`] declares the ranking the comparison uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StudyType {
    /// Randomized, and the people or the raters did not know who got what.
    BlindedRct,
    /// Randomized, but everyone knew who got what.
    OpenLabelRct,
    /// One group, all given the treatment, with no comparison group.
    SingleArm,
    /// Records collected from everyday practice.
    Registry,
    /// A handful of people described one by one.
    CaseSeries,
}

impl StudyType {
    /// Every design, strongest first: the declared ranking of [`ranked`].
    pub const BY_STRENGTH: [StudyType; 5] = [
        StudyType::BlindedRct,
        StudyType::OpenLabelRct,
        StudyType::SingleArm,
        StudyType::Registry,
        StudyType::CaseSeries,
    ];

    /// The place of this design in [`StudyType::BY_STRENGTH`]; 0 is the strongest.
    pub fn rank(self) -> usize {
        StudyType::BY_STRENGTH
            .iter()
            .position(|design| *design == self)
            .unwrap_or(StudyType::BY_STRENGTH.len())
    }
}

/// The rating scale an outcome was measured on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    Madrs,
    Hamd17,
    Hamd24,
    Hamd,
    QidsSr16,
    IdsSr,
    Phq9,
    Cgi,
    Bdi,
}

impl Scale {
    /// The scale's usual short name, the same in every language.
    pub fn name(self) -> &'static str {
        match self {
            Scale::Madrs => "MADRS",
            Scale::Hamd17 => "HAM-D 17",
            Scale::Hamd24 => "HAM-D 24",
            Scale::Hamd => "HAM-D",
            Scale::QidsSr16 => "QIDS-SR16",
            Scale::IdsSr => "IDS-SR",
            Scale::Phq9 => "PHQ-9",
            Scale::Cgi => "CGI",
            Scale::Bdi => "BDI",
        }
    }
}

/// Who gave the rating the outcome counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rater {
    Clinician,
    #[serde(rename = "self")]
    SelfReport,
}

/// The words of the study that give an outcome's numbers, and where in it they stand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct OutcomeQuote {
    /// Where the words stand, e.g. "Abstract, Results" or "Table 2".
    pub at: String,
    /// The study's own words.
    pub text: String,
}

/// The group a treatment was compared with in the same study.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// Who the comparison group got, e.g. "a fake (sham) treatment".
    pub label: Text,
    /// Out of 100 people in the comparison group.
    pub per_100: u8,
}

/// A response or remission figure as "N out of 100", with how, when and on whom it was
/// measured, the quote that gives it, and how certain it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub option: OptionId,
    pub measure: Measure,
    /// Out of 100 people who had the treatment.
    pub per_100: u8,
    #[serde(default)]
    pub comparison: Option<Comparison>,
    /// When it was measured, e.g. "after 4 weeks".
    pub timepoint: Text,
    /// The same time point in weeks from the start, so that the comparison can tell when two
    /// figures side by side were measured at different times.
    pub week: u16,
    /// Who was studied, e.g. "adults whose depression had not improved with 2 medicines".
    pub population: Text,
    /// How many people the study randomized or enrolled.
    pub participants: u32,
    pub study_type: StudyType,
    pub scale: Scale,
    pub rater: Rater,
    /// What counted, in plain words, e.g. "a MADRS score of 12 or less".
    pub cutoff: Text,
    pub certainty: Certainty,
    /// One plain sentence on what limits this number.
    pub caveat: Claim,
    /// The study the number comes from (also cited by the caveat).
    pub study: String,
    /// The study's words that give `per_100` (and the comparison's figure).
    pub quote: OutcomeQuote,
}

impl Outcome {
    /// The study as a source list, for citing.
    pub fn study_ids(&self) -> SourceIds {
        SourceIds::new(self.study.clone(), Vec::new())
    }

    /// Whether two figures shown side by side can be read as measured the same way.
    pub fn comparable_with(&self, other: &Outcome) -> bool {
        self.scale == other.scale && self.week == other.week && self.rater == other.rater
    }
}

/// The outcomes of `option` for `measure`, ranked by the declared rule: the strongest study
/// design first ([`StudyType::BY_STRENGTH`]), then the larger study, then the more cautious
/// (smaller) figure, then the study id, so that the order of the data file never decides
/// what is shown.
pub fn ranked(outcomes: &[Outcome], option: OptionId, measure: Measure) -> Vec<&Outcome> {
    // Insertion keeps the wasm free of another instance of the standard sort; the lists
    // hold a handful of outcomes.
    let key = |outcome: &Outcome| {
        (
            outcome.study_type.rank(),
            u32::MAX - outcome.participants,
            outcome.per_100,
        )
    };
    let mut chosen: Vec<&Outcome> = Vec::new();
    for outcome in outcomes
        .iter()
        .filter(|outcome| outcome.option == option && outcome.measure == measure)
    {
        let place = chosen
            .iter()
            .position(|placed| {
                (key(placed), placed.study.as_str()) > (key(outcome), outcome.study.as_str())
            })
            .unwrap_or(chosen.len());
        chosen.insert(place, outcome);
    }
    chosen
}

/// Whether the figures the comparison shows for `options` (the first of each ranked list)
/// were measured alike, for response and for remission: the same scale, rater and week.
pub fn shown_alike(outcomes: &[Outcome], options: &[OptionId]) -> bool {
    [Measure::Response, Measure::Remission]
        .into_iter()
        .all(|measure| {
            let shown: Vec<&Outcome> = options
                .iter()
                .filter_map(|option| ranked(outcomes, *option, measure).into_iter().next())
                .collect();
            shown.windows(2).all(|pair| match pair {
                [first, second] => first.comparable_with(second),
                _ => true,
            })
        })
}
