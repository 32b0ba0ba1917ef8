//! The typed message catalogue: one field per interface string, filled from `en.toml`, `es.toml`.

use serde::Deserialize;

/// Declares [`Messages`] with one `String` field per key, and helpers that list the keys.
macro_rules! messages {
    ($($key:ident),* $(,)?) => {
        /// Every interface string in one language; a missing or unknown key fails to load.
        #[derive(Clone, Debug, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Messages {
            $(pub $key: String,)*
        }

        impl Messages {
            /// Every key with its text, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($key), self.$key.as_str()),)*]
            }
        }
    };
}

impl Messages {
    /// Reads a catalogue from its JSON form.
    pub fn deserialize_from(value: &serde_json::Value) -> Result<Messages, serde_json::Error> {
        Messages::deserialize(value)
    }

    /// The keys whose text is empty or only spaces.
    pub fn empty_keys(&self) -> Vec<&'static str> {
        self.entries()
            .into_iter()
            .filter(|(_, text)| text.trim().is_empty())
            .map(|(key, _)| key)
            .collect()
    }
}

messages! {
    lang_name,
    widget_title,
    widget_intro,
    not_advice_short,
    compare_heading,
    compare_pick_legend,
    compare_pick_help,
    compare_pick_limit,
    compare_table_caption,
    compare_row_header,
    compare_show_option,
    section_expand,
    section_collapse,
    expand_all,
    collapse_all,
    option_not_offered,
    option_from_clinic,
    regulatory_approved,
    regulatory_cleared,
    regulatory_off_label,
    outcomes_heading,
    outcome_out_of_100,
    outcome_comparison,
    outcome_no_numbers,
    outcome_timepoint,
    outcome_study_type,
    outcome_certainty,
    study_blinded_rct,
    study_open_label_rct,
    study_registry,
    study_open_label_study,
    study_case_series,
    certainty_moderate,
    certainty_low,
    certainty_very_low,
    measure_response,
    measure_remission,
    icon_array_label,
    timeline_heading,
    timeline_caption,
    timeline_week,
    timeline_visits_axis,
    timeline_hours,
    cite_label,
    cite_open,
    cite_close,
    cite_pubmed,
    cite_doi,
    cite_link,
    sources_heading,
    about_heading,
    about_open,
    about_review_date,
    about_next_review,
    about_update_policy,
    about_funding,
    about_method,
    about_version,
    glossary_heading,
    glossary_open,
    combination_heading,
    close,
    crisis_banner,
}
