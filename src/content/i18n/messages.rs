//! The typed message catalogue: one field per interface string, filled from `en.toml`, `es.toml`.

/// Declares [`Messages`] with one `String` field per key, and helpers that list and read them.
///
/// Reading is a plain lookup per key rather than a derived `Deserialize`: with a few hundred
/// keys, serde's generated field matcher was the largest item in the wasm (about 130 KB).
macro_rules! messages {
    ($($key:ident),* $(,)?) => {
        /// Every interface string in one language; a missing or unknown key fails to load.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Messages {
            $(pub $key: String,)*
        }

        impl Messages {
            /// Every key, in declaration order.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key)),*];

            /// Every key with its text, in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &str)> {
                vec![$((stringify!($key), self.$key.as_str()),)*]
            }

            /// Reads a catalogue from its JSON form: a table with every key as a string and
            /// no other key. The error names the missing or unknown keys.
            pub fn deserialize_from(value: &serde_json::Value) -> Result<Messages, String> {
                let Some(table) = value.as_object() else {
                    return Err("the catalogue is not a table of strings".to_string());
                };
                let mut missing = Vec::new();
                let mut take = |key: &'static str| match table.get(key).and_then(serde_json::Value::as_str) {
                    Some(text) => text.to_string(),
                    None => {
                        missing.push(key);
                        String::new()
                    }
                };
                let messages = Messages { $($key: take(stringify!($key)),)* };
                if !missing.is_empty() {
                    return Err(format!("missing or not text: {}", missing.join(", ")));
                }
                let unknown: Vec<&str> = table
                    .keys()
                    .map(String::as_str)
                    .filter(|key| !Self::KEYS.contains(key))
                    .collect();
                if !unknown.is_empty() {
                    return Err(format!("unknown keys: {}", unknown.join(", ")));
                }
                Ok(messages)
            }

            /// Builds a catalogue from its texts in [`Messages::KEYS`] order; `None` unless
            /// there is exactly one text per key.
            pub fn from_texts(texts: Vec<String>) -> Option<Messages> {
                if texts.len() != Self::KEYS.len() {
                    return None;
                }
                // One small call per key that writes in place, with no early return: a `?`
                // per field, or the step inlined, made this 10 to 18 KB of wasm.
                let mut messages = Messages { $($key: String::new(),)* };
                let mut texts = texts.into_iter();
                $(take_text(&mut messages.$key, &mut texts);)*
                Some(messages)
            }
        }
    };
}

/// Moves the next text of a compiled catalogue into `slot` (the length was checked before).
#[inline(never)]
fn take_text(slot: &mut String, texts: &mut std::vec::IntoIter<String>) {
    if let Some(text) = texts.next() {
        *slot = text;
    }
}

/// The compiled form of a catalogue is its texts in key order, with no key names, so the
/// widget carries no field matcher for a few hundred keys.
impl serde::Serialize for Messages {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.entries().into_iter().map(|(_, text)| text))
    }
}

impl<'de> serde::Deserialize<'de> for Messages {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Messages, D::Error> {
        let texts = Vec::<String>::deserialize(deserializer)?;
        Messages::from_texts(texts).ok_or_else(|| {
            serde::de::Error::custom("a compiled catalogue does not have one text per key")
        })
    }
}

impl Messages {
    /// The keys whose text is empty or only spaces.
    pub fn empty_keys(&self) -> Vec<&'static str> {
        self.entries()
            .into_iter()
            .filter(|(_, text)| crate::content::evidence::is_untranslated(text))
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
    compare_pick_minimum,
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
    outcome_cutoff,
    outcome_rater,
    outcome_people,
    rater_clinician,
    rater_self,
    outcome_not_comparable,
    outcome_other_studies,
    outcome_other_line,
    study_blinded_rct,
    study_open_label_rct,
    study_registry,
    study_single_arm,
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
    about_evidence_table,
    about_version,
    glossary_heading,
    glossary_open,
    combination_heading,
    close,
    tabs_label,
    tab_compare,
    tab_fit,
    fit_heading,
    fit_intro,
    fit_progress,
    fit_progress_mood,
    fit_required,
    fit_exclusive_hint,
    fit_back,
    fit_next,
    fit_skip,
    fit_back_to_summary,
    fit_pick_answer,
    fit_phq9_help,
    fit_mood_heading,
    fit_mood_start,
    fit_mood_skip,
    fit_mood_done,
    fit_mood_skipped,
    fit_mood_retake,
    fit_mood_chart_heading,
    fit_mood_chart_help,
    fit_mood_chart_summary,
    fit_mood_date,
    fit_mood_score,
    fit_crisis_heading,
    fit_crisis_intro,
    fit_crisis_call_clinic,
    fit_crisis_continue_help,
    fit_crisis_continue,
    fit_crisis_reminder,
    fit_crisis_urgent_heading,
    fit_crisis_urgent_intro,
    fit_crisis_urgent_call,
    fit_crisis_urgent_stay,
    fit_crisis_urgent_line,
    fit_crisis_urgent_later,
    fit_crisis_urgent_back,
    fit_the_clinic,
    fit_summary_heading,
    fit_summary_help,
    fit_not_answered,
    fit_change,
    fit_change_label,
    fit_show_results,
    fit_results_heading,
    fit_results_ready,
    fit_results_intro,
    fit_results_missing,
    fit_edit_answers,
    fit_phq9_heading,
    fit_phq9_score,
    fit_options_heading,
    fit_options_help,
    fit_flags_title,
    fit_for_title,
    fit_against_title,
    fit_notes_title,
    fit_because,
    fit_nothing_for_option,
    fit_weigh_heading,
    fit_weigh_help,
    fit_grid_caption,
    fit_grid_option,
    fit_grid_flags,
    fit_grid_no_flags,
    fit_effect_fits,
    fit_effect_against,
    fit_effect_none,
    fit_effect_none_reason,
    fit_sure_heading,
    fit_sure_score,
    fit_ask_heading,
    fit_ask_offer,
    fit_ask_expect,
    fit_ask_cost,
    fit_ask_not_work,
    fit_ask_flags,
    fit_ask_leaning,
    fit_ask_mood,
    fit_sources_heading,
    fit_cta_heading,
    fit_cta_help,
    fit_cta_call,
    fit_cta_text,
    fit_cta_book,
    fit_cta_email,
    fit_print,
    fit_print_answers,
    fit_share,
    fit_share_label,
    fit_share_help,
    fit_remember,
    fit_remember_help,
    fit_storage_blocked,
    fit_clear,
    fit_clear_question,
    fit_clear_keep,
    fit_clear_yes,
    fit_notice_link_restored,
    fit_notice_link_tampered,
    fit_notice_link_outdated,
    fit_notice_link_damaged,
    fit_notice_dropped,
    fit_notice_storage_restored,
    fit_notice_storage_migrated,
    fit_notice_storage_discarded,
    fit_notice_storage_newer,
    fit_notice_cleared,
    fit_notice_link_copied,
    fit_notice_link_not_copied,
    fit_talk_heading,
    fit_talk_none,
    fit_talk_item,
    fit_family_ketamine,
    fit_family_tms,
    fit_talk_options,
    fit_leaning_now_heading,
    fit_leaning_now,
    fit_leaning_now_none,
    fit_leaning_now_say,
    fit_sure_now,
    fit_top_priorities_heading,
    fit_top_priorities_none,
    fit_summary_listen,
    fit_part_deciding,
    fit_clinician_heading,
    fit_clinician_heading_from,
    fit_clinician_date,
    fit_clinician_phq9_label,
    fit_clinician_phq9,
    fit_clinician_no_phq9,
    fit_clinician_flags,
    fit_clinician_none,
    fit_clinician_tried,
    fit_clinician_leaning,
    fit_clinician_sure,
    fit_clinician_priorities,
    fit_clinician_not_said,
    fit_frame_locked,
    fit_frame_no_link,
    fit_frame_booking,
    fit_qr_caption,
    listen,
    listen_pause,
    listen_resume,
    listen_stop,
}
