//! The comparison's part of the widget state: the options compared, the open sections and
//! the notice after a refused pick, and the options a clinic's widget starts with.

use crate::config::Config;
use crate::content::{Family, OptionId};
use std::collections::BTreeSet;

/// The most options compared side by side.
pub const MAX_COMPARED: usize = 3;

/// The fewest options compared (when the clinic shows at least two).
pub const MIN_COMPARED: usize = 2;

/// The options compared when the person has not chosen yet.
pub const DEFAULT_COMPARED: [OptionId; 3] =
    [OptionId::IvKetamine, OptionId::Esketamine, OptionId::Tms];

/// A short message for the live region after an action was refused or had an effect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareNotice {
    /// A fourth option was picked; at most three are compared.
    TooMany,
    /// One of the last two options was unpicked; a comparison keeps at least two.
    NeedTwo,
}

/// What the person has chosen to see in the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareState {
    /// The options being compared, in the order they were picked.
    pub compared: Vec<OptionId>,
    pub open_sections: BTreeSet<String>,
    /// What the live region says after the last action, if anything.
    pub notice: Option<CompareNotice>,
    /// How many picks were refused so far: each refusal renders the picker again, so the
    /// refused box shows its real state, and the same notice is announced again.
    pub refusals: u32,
}

impl CompareState {
    /// The comparison a clinic's widget starts with: [`default_compared`], every section closed.
    pub fn new(config: &Config) -> CompareState {
        CompareState {
            compared: default_compared(config),
            open_sections: BTreeSet::new(),
            notice: None,
            refusals: 0,
        }
    }
}

/// The options compared before the person chooses. Without an `offered` list: IV ketamine,
/// esketamine and standard TMS. With one: the clinic's first two offered options and, so that
/// ketamine and TMS still meet, the first default from another family. Only options the
/// clinic shows, and at least two where two are shown.
pub fn default_compared(config: &Config) -> Vec<OptionId> {
    let shown = |id: OptionId| config.shows(id);
    let mut compared: Vec<OptionId> = if config.offered.is_some() {
        let mut picked: Vec<OptionId> = OptionId::ALL
            .into_iter()
            .filter(|id| config.offers(*id) && shown(*id) && id.in_default_comparison())
            .take(2)
            .collect();
        let families: Vec<Family> = picked.iter().map(|id| id.family()).collect();
        if let Some(other) = DEFAULT_COMPARED
            .into_iter()
            .find(|id| shown(*id) && !families.contains(&id.family()))
        {
            picked.push(other);
        }
        picked
    } else {
        DEFAULT_COMPARED
            .into_iter()
            .filter(|id| shown(*id))
            .collect()
    };
    for id in OptionId::ALL {
        if compared.len() >= MIN_COMPARED {
            break;
        }
        if shown(id) && id.in_default_comparison() && !compared.contains(&id) {
            compared.push(id);
        }
    }
    compared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_favour_what_the_clinic_offers_and_keep_both_families() {
        use OptionId::*;
        // (the clinic's attributes, the options compared first)
        type Case<'a> = (&'a [(&'a str, &'a str)], &'a [OptionId]);
        let cases: &[Case] = &[
            (&[], &[IvKetamine, Esketamine, Tms]),
            (
                &[("offered", "tms,itbs,accelerated-tms")],
                &[Tms, Itbs, IvKetamine],
            ),
            (
                &[("offered", "iv-ketamine,esketamine,ketamine-therapy")],
                &[IvKetamine, Esketamine, Tms],
            ),
            (&[("offered", "esketamine")], &[Esketamine, Tms]),
            (
                &[("offered", "antidepressants")],
                &[Antidepressants, IvKetamine],
            ),
            (
                &[("offered", "tms,itbs"), ("hide-unoffered", "")],
                &[Tms, Itbs],
            ),
            (&[("offered", "tms"), ("hide-unoffered", "")], &[Tms]),
        ];
        for (attributes, expected) in cases {
            let raw: Vec<(String, String)> = attributes
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect();
            let (config, _) = crate::config::parse(&raw);
            assert_eq!(
                default_compared(&config),
                expected.to_vec(),
                "{attributes:?}"
            );
        }
    }
}
