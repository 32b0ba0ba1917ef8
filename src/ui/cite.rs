//! A claim with its numbered citations; activating a number shows the full source in place.

use super::state::Action;
use super::text;
use super::Ctx;
use crate::data::{Claim, Source, SourceIds};
use crate::i18n::fill;
use yew::prelude::*;

/// One claim as a paragraph: its text with glossary terms, then its citation numbers.
pub fn claim(ctx: &Ctx, claim: &Claim, place: &str) -> Html {
    html! {
        <div class="ktw-claim">
            <p>
                { text::with_terms(ctx, claim.text(ctx.lang), place) }
                { citations(ctx, &claim.sources, place) }
            </p>
            { text::open_definition(ctx, place) }
            { open_source(ctx, &claim.sources, place) }
        </div>
    }
}

/// The citation buttons for `sources`, e.g. `[3] [7]`.
pub fn citations(ctx: &Ctx, sources: &SourceIds, place: &str) -> Html {
    let t = ctx.t();
    html! {
        <span class="ktw-cites">
            for id in sources.iter() {
                { match ctx.evidence().source(id) {
                    Some((number, _)) if !ctx.interactive => html! {
                        <a class="ktw-cite" href={format!("#ktw-ref-{id}")}
                           aria-label={fill(&t.cite_label, &[("n", &number.to_string())])}>{ format!("[{number}]") }</a>
                    },
                    Some((number, _)) => {
                        let key = format!("{place}@{id}");
                        let open = ctx.state.open_citation.as_deref() == Some(key.as_str());
                        let label = fill(&t.cite_open, &[("n", &number.to_string())]);
                        html! {
                            <button
                                type="button"
                                class="ktw-cite"
                                aria-expanded={open.to_string()}
                                aria-controls={format!("src-{key}")}
                                aria-label={label}
                                onclick={ctx.dispatch.reform(move |_| Action::ToggleCitation(key.clone()))}
                            >{ format!("[{number}]") }</button>
                        }
                    }
                    None => Html::default(),
                } }
            }
        </span>
    }
}

/// The source opened from `place`, if one of `sources` is open there.
pub fn open_source(ctx: &Ctx, sources: &SourceIds, place: &str) -> Html {
    let Some(open) = ctx.state.open_citation.as_deref() else {
        return Html::default();
    };
    let Some(id) = sources.iter().find(|id| open == format!("{place}@{id}")) else {
        return Html::default();
    };
    let Some((number, source)) = ctx.evidence().source(id) else {
        return Html::default();
    };
    let t = ctx.t();
    let onkeydown = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                dispatch.emit(Action::CloseCitation);
            }
        })
    };
    html! {
        <div class="ktw-source" id={format!("src-{open}")} role="region"
             aria-label={fill(&t.cite_label, &[("n", &number.to_string())])} {onkeydown}>
            { source_details(ctx, number, source) }
            <button type="button" class="ktw-link-button"
                    onclick={ctx.dispatch.reform(|_| Action::CloseCitation)}>{ &t.cite_close }</button>
        </div>
    }
}

/// A full reference: number, authors, title, publisher, year, identifiers and a link.
pub fn source_details(ctx: &Ctx, number: usize, source: &Source) -> Html {
    let t = ctx.t();
    let link_text = if source.pmid.is_some() {
        &t.cite_pubmed
    } else if source.doi.is_some() {
        &t.cite_doi
    } else {
        &t.cite_link
    };
    let mut ids = Vec::new();
    if let Some(pmid) = &source.pmid {
        ids.push(format!("PMID {pmid}"));
    }
    if let Some(doi) = &source.doi {
        ids.push(format!("DOI {doi}"));
    }
    if let Some(number) = &source.number {
        ids.push(number.clone());
    }
    html! {
        <p class="ktw-reference">
            <span class="ktw-ref-number">{ format!("[{number}] ") }</span>
            { format!("{}. ", source.authors) }
            <cite>{ &source.title }</cite>
            { format!(". {}, {}. ", source.publisher, source.year) }
            { ids.join(" · ") }
            if let Some(href) = source.link() {
                { " " }
                <a href={href} target="_blank" rel="noopener noreferrer">
                    { link_text }
                    <span class="ktw-visually-hidden">{ format!(": {}", source.title) }</span>
                </a>
            }
        </p>
    }
}
