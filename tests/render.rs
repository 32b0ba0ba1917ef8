//! Native rendering tests of the comparison through Yew's `LocalServerRenderer`: every
//! section open, in both languages, for different clinic configurations. They check that
//! each row of each compared option appears with its citations, that outcomes appear as
//! icon arrays with a text label, and that no template placeholder is left unfilled.

mod support;

use support::content::content;

use ketamine_tms_widget::config::{self, Config};
use ketamine_tms_widget::content::{Lang, Measure, OptionId};
use ketamine_tms_widget::ui::prerender::{StaticComparison, StaticComparisonProps};
use ketamine_tms_widget::ui::state::DEFAULT_COMPARED;
use ketamine_tms_widget::ui::Content;
use std::rc::Rc;
use yew::LocalServerRenderer;

fn config(attributes: &[(&str, &str)]) -> Config {
    let raw: Vec<(String, String)> = attributes
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let (config, warnings) = config::parse(&raw);
    assert!(warnings.is_empty(), "{warnings:?}");
    config
}

/// Escapes text the way the renderer escapes text nodes.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

async fn render(content: &Rc<Content>, config: Config, lang: Lang) -> String {
    LocalServerRenderer::<StaticComparison>::with_props(StaticComparisonProps {
        content: content.clone(),
        config: Rc::new(config),
        lang,
    })
    .render()
    .await
}

/// The first words of a claim, up to its first glossary term (glossary terms become buttons,
/// which split the text) and at most 20 characters.
fn opening(content: &Content, text: &str, lang: Lang) -> String {
    let lower = text.to_lowercase();
    let first_term = content
        .evidence
        .glossary
        .iter()
        .filter_map(|term| lower.find(&term.term.get(lang).to_lowercase()))
        .min()
        .unwrap_or(text.len());
    text.char_indices()
        .take_while(|(index, _)| *index < first_term)
        .take(20)
        .map(|(_, ch)| ch)
        .collect()
}

#[tokio::test]
async fn every_section_row_and_cell_renders_in_both_languages() {
    let content = content();
    for lang in Lang::ALL {
        let html = render(&content, Config::default(), lang).await;
        let t = content.messages(lang);
        assert!(
            html.contains(&escaped(&t.compare_table_caption)),
            "{lang:?}: table caption"
        );
        for section in &content.evidence.sections {
            assert!(
                html.contains(&escaped(section.title.get(lang))),
                "{lang:?}: section {}",
                section.id
            );
            for label in &section.row_labels {
                assert!(
                    html.contains(&format!(
                        "<th scope=\"row\">{}</th>",
                        escaped(label.get(lang))
                    )),
                    "{lang:?}: row {}",
                    label.en
                );
            }
        }
        for id in DEFAULT_COMPARED {
            let option = content.evidence.option(id).unwrap();
            assert!(
                html.contains(&escaped(option.name.get(lang))),
                "{lang:?}: column {id}"
            );
            for row in ketamine_tms_widget::content::RowId::ALL {
                for claim in option.row(row) {
                    let start = opening(&content, claim.text(lang), lang);
                    if !start.is_empty() {
                        assert!(
                            html.contains(&escaped(&start)),
                            "{lang:?}: {id} {row} claim starting {start:?}"
                        );
                    }
                }
            }
        }
        assert!(
            !html.contains("{n}") && !html.contains("{option}") && !html.contains("{label}"),
            "{lang:?}: unfilled placeholder"
        );
    }
}

#[tokio::test]
async fn outcomes_are_icon_arrays_with_a_text_label_and_citations_are_numbered() {
    let content = content();
    let html = render(&content, Config::default(), Lang::En).await;
    for id in DEFAULT_COMPARED {
        for outcome in [Measure::Response, Measure::Remission]
            .into_iter()
            .filter_map(|measure| content.evidence.outcomes_for(id, measure).first().copied())
        {
            let cutoff = outcome
                .cutoff
                .en
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            assert!(
                html.contains(&cutoff),
                "{id}: the figure says what counted ({cutoff})"
            );
            let label = format!(
                "aria-label=\"{} out of 100 people had this result with",
                outcome.per_100
            );
            assert!(
                html.contains(&label),
                "{id}: icon array labelled for {} out of 100",
                outcome.per_100
            );
        }
    }
    // Ketamine, esketamine and TMS were measured on different scales and at different times.
    assert!(
        html.contains("Do not compare them directly"),
        "the default comparison says its figures cannot be compared directly"
    );
    let arrays = html.matches("class=\"ktw-icons").count();
    assert!(
        arrays >= 6,
        "at least response and remission arrays with their comparison groups ({arrays})"
    );
    assert!(
        html.matches("class=\"ktw-cite\"").count() >= 30,
        "sourced claims carry citation buttons"
    );
    assert!(
        html.contains("class=\"ktw-course\""),
        "course timelines render"
    );
    assert!(
        html.contains("<thead>") && html.contains("scope=\"col\""),
        "real column headers"
    );
}

#[tokio::test]
async fn clinic_configuration_shapes_the_comparison() {
    let content = content();
    // (attributes, text that must show, text that must not show)
    type Case = (
        &'static [(&'static str, &'static str)],
        Vec<&'static str>,
        Vec<&'static str>,
    );
    let cases: Vec<Case> = vec![
        (
            &[("offered", "tms,itbs")],
            vec!["Not offered at this clinic"],
            vec![],
        ),
        (
            &[("offered", "tms,itbs"), ("hide-unoffered", "")],
            vec!["Theta burst"],
            vec!["Not offered at this clinic", "IV ketamine infusion"],
        ),
        (
            &[
                ("price-iv-ketamine", "From $450 per infusion"),
                ("clinic-name", "Harbor Clinic"),
            ],
            vec!["From $450 per infusion", "From this clinic: Harbor Clinic"],
            vec![],
        ),
    ];
    for (attributes, shows, hides) in cases {
        let html = render(&content, config(attributes), Lang::En).await;
        for text in shows {
            assert!(
                html.contains(&escaped(text)),
                "{attributes:?} should show {text:?}"
            );
        }
        for text in hides {
            assert!(
                !html.contains(&escaped(text)),
                "{attributes:?} should hide {text:?}"
            );
        }
    }
    // Regulatory badges say approved, cleared and off-label correctly.
    let html = render(&content, Config::default(), Lang::En).await;
    for (id, badge) in [
        (OptionId::IvKetamine, "Off-label"),
        (OptionId::Esketamine, "FDA-approved 2019"),
        (OptionId::Tms, "FDA-cleared 2008"),
    ] {
        assert!(html.contains(badge), "{id}: {badge}");
    }
}
