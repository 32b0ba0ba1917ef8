//! The evidence table for clinicians and reviewers (`dist/evidence.html`): every claim and
//! figure of every option, with the quote that gives it and its source, as one static page
//! that opens from disk with no script.

use super::outcomes::{Measure, Outcome, Rater, StudyType};
use super::trace::Quote;
use super::types::{Claim, Lang, RegulatoryKind, RowId, Source, TreatmentOption};
use super::Evidence;
use std::fmt::Write;

/// The whole page, in English (the language of the sources).
pub fn evidence_table(evidence: &Evidence) -> String {
    let meta = &evidence.meta;
    let mut page = String::new();
    page.push_str(concat!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>Evidence table: ketamine treatments, TMS, ECT and antidepressant pills</title>\n",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:70em;margin:0 auto;padding:1em;color:#1b1b1b;background:#fff}",
        "table{border-collapse:collapse;width:100%;margin:0 0 1.5em}th,td{border:1px solid #999;padding:.4em;vertical-align:top;text-align:left}",
        "blockquote{margin:.3em 0;padding-left:.6em;border-left:3px solid #777;font-style:italic}",
        ".at{font-size:.9em;color:#444}h2{margin-top:2em}</style>\n</head>\n<body>\n",
    ));
    page.push_str("<h1>Evidence table</h1>\n");
    let _ = write!(
        page,
        "<p>Content version {}. Last full review {}; next review {}.</p>\n<p>{}</p>\n<p>{}</p>\n",
        escape(&meta.content_version),
        escape(&meta.review_date),
        escape(&meta.next_review),
        escape(&meta.method.en),
        escape(&meta.update_policy.en),
    );
    page.push_str("<p>For each option: every statement the aid shows, the words of its source that give each number, and each response and remission figure with how it was measured. Source numbers refer to the list at the end.</p>\n");
    page.push_str("<nav aria-label=\"Options\"><ul>\n");
    for option in &evidence.options {
        let _ = writeln!(
            page,
            "<li><a href=\"#{}\">{}</a></li>",
            option.id,
            escape(&option.name.en)
        );
    }
    page.push_str("<li><a href=\"#sources\">Sources</a></li>\n</ul></nav>\n");
    for option in &evidence.options {
        option_section(&mut page, evidence, option);
    }
    page.push_str("<h2 id=\"sources\">Sources</h2>\n<ol>\n");
    for source in &evidence.sources {
        let _ = writeln!(
            page,
            "<li id=\"source-{}\">{}</li>",
            escape(&source.id),
            source_line(source)
        );
    }
    page.push_str("</ol>\n</body>\n</html>\n");
    page
}

fn option_section(page: &mut String, evidence: &Evidence, option: &TreatmentOption) {
    let status = match option.regulatory.kind {
        RegulatoryKind::Approved => "FDA-approved",
        RegulatoryKind::Cleared => "FDA-cleared device",
        RegulatoryKind::OffLabel => "Off-label",
    };
    let _ = write!(
        page,
        "<section id=\"{}\">\n<h2>{}</h2>\n<p>Status: {status}{}.</p>\n",
        option.id,
        escape(&option.name.en),
        option
            .regulatory
            .year
            .map(|year| format!(" ({year})"))
            .unwrap_or_default(),
    );
    page.push_str("<h3>Response and remission</h3>\n");
    outcome_table(page, evidence, option);
    page.push_str("<h3>Statements</h3>\n<table>\n<thead><tr><th scope=\"col\">Row</th><th scope=\"col\">What the aid says</th><th scope=\"col\">Source and quote</th></tr></thead>\n<tbody>\n");
    claim_row(page, evidence, "summary", &option.summary);
    for row in RowId::ALL {
        for claim in option.row(row) {
            claim_row(page, evidence, row.as_str(), claim);
        }
    }
    page.push_str("</tbody>\n</table>\n</section>\n");
}

fn outcome_table(page: &mut String, evidence: &Evidence, option: &TreatmentOption) {
    let ranked: Vec<&Outcome> = [Measure::Response, Measure::Remission]
        .into_iter()
        .flat_map(|measure| evidence.outcomes_for(option.id, measure))
        .collect();
    if ranked.is_empty() {
        page.push_str("<p>No figure out of 100 could be verified for this option.</p>\n");
        return;
    }
    page.push_str("<table>\n<thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Out of 100</th><th scope=\"col\">Design and size</th><th scope=\"col\">Scale, cut-off, rater, time</th><th scope=\"col\">Source and quote</th></tr></thead>\n<tbody>\n");
    for outcome in ranked {
        let measure = match outcome.measure {
            Measure::Response => "Response",
            Measure::Remission => "Remission",
        };
        let figure = match &outcome.comparison {
            Some(comparison) => format!(
                "{} vs {} ({})",
                outcome.per_100,
                comparison.per_100,
                escape(&comparison.label.en)
            ),
            None => outcome.per_100.to_string(),
        };
        let design = match outcome.study_type {
            StudyType::BlindedRct => "Blinded RCT",
            StudyType::OpenLabelRct => "Open-label RCT",
            StudyType::SingleArm => "Single arm",
            StudyType::Registry => "Registry",
            StudyType::CaseSeries => "Case series",
        };
        let rater = match outcome.rater {
            Rater::Clinician => "clinician-rated",
            Rater::SelfReport => "self-rated",
        };
        let _ = writeln!(
            page,
            "<tr><td>{measure}</td><td>{figure}</td><td>{design}, {} people; {}</td><td>{}; {}; {rater}; {} (week {})</td><td>{}<blockquote>{}</blockquote><span class=\"at\">{}</span></td></tr>",
            outcome.participants,
            escape(&outcome.population.en),
            outcome.scale.name(),
            escape(&outcome.cutoff.en),
            escape(&outcome.timepoint.en),
            outcome.week,
            source_ref(evidence, &outcome.study),
            escape(&outcome.quote.text),
            escape(&outcome.quote.at),
        );
    }
    page.push_str("</tbody>\n</table>\n");
}

fn claim_row(page: &mut String, evidence: &Evidence, row: &str, claim: &Claim) {
    let sources: Vec<String> = claim
        .sources
        .iter()
        .map(|id| source_ref(evidence, id))
        .collect();
    let quotes: String = claim.quotes.iter().map(quote_html).collect();
    let _ = writeln!(
        page,
        "<tr><td>{}</td><td>{}</td><td>{}{quotes}</td></tr>",
        escape(row),
        escape(claim.text(Lang::En)),
        sources.join(", "),
    );
}

fn quote_html(quote: &Quote) -> String {
    format!(
        "<blockquote>{}</blockquote><span class=\"at\">{}, {}</span>",
        escape(&quote.text),
        escape(&quote.source),
        escape(&quote.at)
    )
}

/// A link to the source in the list at the end, by its citation number.
fn source_ref(evidence: &Evidence, id: &str) -> String {
    match evidence.source(id) {
        Some((number, _)) => format!("<a href=\"#source-{}\">[{number}]</a>", escape(id)),
        None => escape(id),
    }
}

fn source_line(source: &Source) -> String {
    let mut line = format!(
        "{}. {}. {}, {}.",
        escape(&source.authors),
        escape(&source.title),
        escape(&source.publisher),
        source.year
    );
    for (label, value) in [
        ("PMID", &source.pmid),
        ("DOI", &source.doi),
        ("Number", &source.number),
    ] {
        if let Some(value) = value {
            let _ = write!(line, " {label} {}.", escape(value));
        }
    }
    if let Some(link) = source.link() {
        let _ = write!(line, " <a href=\"{0}\">{0}</a>", escape(&link));
    }
    line
}

/// Text made safe to place in HTML.
fn escape(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => safe.push_str("&amp;"),
            '<' => safe.push_str("&lt;"),
            '>' => safe.push_str("&gt;"),
            '"' => safe.push_str("&quot;"),
            _ => safe.push(c),
        }
    }
    safe
}
