//! A claim with its numbered citations; activating a number shows the full source in place.
//!
//! Claims and citations are small components that read the open details from their own
//! context, so opening a source re-renders them and nothing else.

use super::panel::{close_handlers, close_on_escape};
use super::state::{Action, OpenDetails};
use super::text::{self, Glossed};
use super::Ctx;
use crate::content::i18n::fill;
use crate::content::{Claim as ClaimData, Source, SourceIds};
use std::rc::Rc;
use yew::prelude::*;

/// What a claim needs: its text split at glossary terms, its sources, and the place it is
/// shown from (which keeps the ids of its buttons and panels unique).
#[derive(Properties, PartialEq)]
pub struct ClaimProps {
    pub text: Glossed,
    pub sources: SourceIds,
    pub place: AttrValue,
}

/// One claim as a paragraph: its text with glossary terms, then its citation numbers. It
/// renders again only when its own props, the language or the open details change.
#[component]
pub fn Claim(
    ClaimProps {
        text,
        sources,
        place,
    }: &ClaimProps,
) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let details = use_details();
    html! {
        <div class="ktw-claim">
            <p>
                { text::with_terms(&ctx, &details, text, place) }
                { citations(&ctx, &details, sources, place) }
            </p>
            { text::open_definition(&ctx, &details, place) }
            { open_source(&ctx, &details, sources, place) }
        </div>
    }
}

/// The claim `claim` in the reader's language, shown from `place`.
pub fn claim(ctx: &Ctx, claim: &ClaimData, place: &str) -> Html {
    html! {
        <Claim text={ctx.glossed(claim.text(ctx.lang))} sources={claim.sources.clone()}
               place={AttrValue::from(place.to_string())} />
    }
}

/// The citation buttons for `sources` shown from `place`, and the source when one is open.
pub fn sources(sources: &SourceIds, place: &str) -> (Html, Html) {
    let place = AttrValue::from(place.to_string());
    (
        html! { <Citations sources={sources.clone()} place={place.clone()} /> },
        html! { <OpenSource sources={sources.clone()} {place} /> },
    )
}

/// The numbers of `sources` as plain text, e.g. `[3] [7]`: the results list their sources
/// once at the end rather than a button for each number on the way to Print.
pub fn numbers(ctx: &Ctx, sources: &SourceIds) -> Html {
    html! {
        <span class="ktw-cites">
            for id in sources.iter() {
                if let Some((number, _)) = ctx.evidence().source(id) {
                    <span class="ktw-cite-number">{ format!("[{number}]") }</span>
                }
            }
        </span>
    }
}

/// Where citations live and which sources they name.
#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub sources: SourceIds,
    pub place: AttrValue,
}

/// The citation buttons for `sources`, e.g. `[3] [7]`, outside a claim.
#[component]
pub fn Citations(SourcesProps { sources, place }: &SourcesProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let details = use_details();
    citations(&ctx, &details, sources, place)
}

/// The source opened from `place`, outside a claim, if one of `sources` is open there.
#[component]
pub fn OpenSource(SourcesProps { sources, place }: &SourcesProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let details = use_details();
    open_source(&ctx, &details, sources, place)
}

/// The open citation and glossary term; none in the static copy, which has no provider.
#[hook]
fn use_details() -> Rc<OpenDetails> {
    use_context::<Rc<OpenDetails>>().unwrap_or_default()
}

/// The citation buttons for `sources`, e.g. `[3] [7]`.
fn citations(ctx: &Ctx, details: &OpenDetails, sources: &SourceIds, place: &str) -> Html {
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
                        let open = details.open_citation.as_deref() == Some(key.as_str());
                        let label = fill(&t.cite_open, &[("n", &number.to_string())]);
                        let onkeydown = close_on_escape(ctx, open, Action::CloseCitation);
                        html! {
                            <button
                                type="button"
                                class="ktw-cite"
                                aria-expanded={if open { "true" } else { "false" }}
                                aria-controls={format!("src-{key}")}
                                aria-label={label}
                                onclick={ctx.dispatch.reform(move |_| Action::ToggleCitation(key.clone()))}
                                {onkeydown}
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
fn open_source(ctx: &Ctx, details: &OpenDetails, sources: &SourceIds, place: &str) -> Html {
    let Some(open) = details.open_citation.as_deref() else {
        return Html::default();
    };
    let Some(id) = sources.iter().find(|id| open == format!("{place}@{id}")) else {
        return Html::default();
    };
    let Some((number, source)) = ctx.evidence().source(id) else {
        return Html::default();
    };
    let t = ctx.t();
    let panel = format!("src-{open}");
    let (onkeydown, onclick) = close_handlers(ctx, &panel, Action::CloseCitation);
    html! {
        <div class="ktw-source" id={panel} role="region"
             aria-label={fill(&t.cite_label, &[("n", &number.to_string())])} {onkeydown}>
            { source_details(ctx, number, source) }
            <button type="button" class="ktw-link-button" {onclick}>{ &t.cite_close }</button>
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
    // Every source's title is in English; in another language it is marked so, and read so.
    let english = (ctx.lang != crate::content::Lang::En).then_some("en");
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
            <cite lang={english}>{ &source.title }</cite>
            { format!(". {}, {}. ", source.publisher, source.year) }
            { ids.join(" · ") }
            if let Some(href) = source.link() {
                { " " }
                <a href={href} target="_blank" rel="noopener noreferrer">
                    { link_text }
                    <span class="ktw-visually-hidden" lang={english}>{ format!(": {}", source.title) }</span>
                </a>
            }
        </p>
    }
}
