//! What makes a figure traceable and a harm list complete: the quote behind every number, the
//! harm topics a claim covers, and the checklist of topics each option must cover.

use super::vocabulary::{Family, OptionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The words of one source that give a number, and where in the source they stand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The source id; it must be one of the claim's sources.
    pub source: String,
    /// Where the words stand, e.g. "Abstract, Results", "Table 2" or "Label section 5.1".
    pub at: String,
    /// The source's own words.
    pub text: String,
}

/// A kind of harm or caution that a balanced aid must name for the options it concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HarmTopic {
    Dissociation,
    BloodPressure,
    Sedation,
    Misuse,
    Bladder,
    Cognition,
    Breathing,
    Driving,
    SuicidalityYoung,
    ScalpPain,
    Headache,
    Seizure,
    Hearing,
    Mania,
    Fainting,
    NauseaGut,
    Sexual,
    Weight,
    Sleep,
    Discontinuation,
    Memory,
    Anesthesia,
    MuscleAches,
    Heart,
}

impl HarmTopic {
    /// The id as written in the data files.
    pub fn as_str(self) -> &'static str {
        match self {
            HarmTopic::Dissociation => "dissociation",
            HarmTopic::BloodPressure => "blood-pressure",
            HarmTopic::Sedation => "sedation",
            HarmTopic::Misuse => "misuse",
            HarmTopic::Bladder => "bladder",
            HarmTopic::Cognition => "cognition",
            HarmTopic::Breathing => "breathing",
            HarmTopic::Driving => "driving",
            HarmTopic::SuicidalityYoung => "suicidality-young",
            HarmTopic::ScalpPain => "scalp-pain",
            HarmTopic::Headache => "headache",
            HarmTopic::Seizure => "seizure",
            HarmTopic::Hearing => "hearing",
            HarmTopic::Mania => "mania",
            HarmTopic::Fainting => "fainting",
            HarmTopic::NauseaGut => "nausea-gut",
            HarmTopic::Sexual => "sexual",
            HarmTopic::Weight => "weight",
            HarmTopic::Sleep => "sleep",
            HarmTopic::Discontinuation => "discontinuation",
            HarmTopic::Memory => "memory",
            HarmTopic::Anesthesia => "anesthesia",
            HarmTopic::MuscleAches => "muscle-aches",
            HarmTopic::Heart => "heart",
        }
    }
}

/// The harm topics each family, and each option beyond its family, must cover (`harms.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct HarmChecklist {
    /// Topics every option of a family must cover.
    pub families: BTreeMap<Family, Vec<HarmTopic>>,
    /// Further topics for one option.
    #[serde(default)]
    pub options: BTreeMap<OptionId, Vec<HarmTopic>>,
}

impl HarmChecklist {
    /// Every topic `option` must cover: its family's, then its own.
    pub fn required(&self, option: OptionId) -> Vec<HarmTopic> {
        let family = self.families.get(&option.family()).into_iter().flatten();
        let own = self.options.get(&option).into_iter().flatten();
        family.chain(own).copied().collect()
    }
}

/// Whether `text` states a number, so that it needs a quote.
pub fn has_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// Whether `quote` holds a figure that gives `per_100`: a percentage or decimal that rounds to
/// it (52.5 gives 53), or a count "a/b" or "a of b" that does.
pub fn quote_gives(quote: &str, per_100: u8) -> bool {
    let numbers = numbers_in(quote);
    let target = f64::from(per_100);
    let rounds_to = |value: f64| (value + 0.5).floor() == target || value.round() == target;
    if numbers.iter().any(|number| rounds_to(number.value)) {
        return true;
    }
    numbers.windows(2).any(|pair| match pair {
        [count, total] if total.value > 0.0 => {
            let between = quote.get(count.end..total.start).unwrap_or("").trim();
            matches!(between, "/" | "of" | "out of") && rounds_to(count.value * 100.0 / total.value)
        }
        _ => false,
    })
}

/// A number found in a text, with the byte range it stands in.
struct Found {
    value: f64,
    start: usize,
    end: usize,
}

/// The decimal numbers in `text`, in order.
fn numbers_in(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut start = None;
    for (index, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let part_of_number = c.is_ascii_digit()
            || (c == '.'
                && start.is_some()
                && text
                    .get(index + 1..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(|next| next.is_ascii_digit()));
        match (part_of_number, start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                if let Some(value) = text.get(from..index).and_then(|s| s.parse::<f64>().ok()) {
                    found.push(Found {
                        value,
                        start: from,
                        end: index,
                    });
                }
                start = None;
            }
            _ => {}
        }
    }
    found
}
