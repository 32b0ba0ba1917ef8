//! "About this information": review dates, update policy, funding, method, glossary and sources.

use super::state::Action;
use super::{cite, text, Ctx};
use crate::content::i18n::format_date;
use yew::prelude::*;

/// Whether the panel is open.
#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub open: bool,
}

/// A disclosure button and, when open, the panel about the content itself.
#[component]
pub fn About(AboutProps { open }: &AboutProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let t = ctx.t();
    let open = *open;
    let meta = &ctx.evidence().meta;
    let lang = ctx.lang;
    html! {
        <div class="ktw-about">
            <button type="button" class="ktw-button ktw-secondary" aria-expanded={open.to_string()}
                    aria-controls="ktw-about-panel" onclick={ctx.dispatch.reform(|_| Action::ToggleAbout)}>
                { &t.about_open }
            </button>
            if open {
                <section id="ktw-about-panel" class="ktw-about-panel" aria-labelledby="ktw-about-heading">
                    <@{ctx.heading(3)} aria-level={ctx.heading_aria_level(3)} class="ktw-h3" id="ktw-about-heading" tabindex="-1">{ &t.about_heading }</@>
                    <dl class="ktw-about-facts">
                        <div><dt>{ &t.about_review_date }</dt><dd>{ format_date(lang, &meta.review_date) }</dd></div>
                        <div><dt>{ &t.about_next_review }</dt><dd>{ format_date(lang, &meta.next_review) }</dd></div>
                        <div><dt>{ &t.about_version }</dt><dd>{ &meta.content_version }</dd></div>
                    </dl>
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4">{ &t.about_update_policy }</@>
                    <p>{ meta.update_policy.get(lang) }</p>
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4">{ &t.about_funding }</@>
                    <p>{ meta.funding.get(lang) }</p>
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4">{ &t.about_method }</@>
                    <p>{ meta.method.get(lang) }</p>
                    if let Some(url) = &ctx.host.evidence_url {
                        <p><a class="ktw-evidence-link" href={url.clone()} target="_blank" rel="noopener">
                            { &t.about_evidence_table }</a></p>
                    }
                    <p><strong>{ text::crisis_pieces(&ctx.crisis().fill(meta.not_advice.get(lang))) }</strong></p>
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4">{ &t.glossary_heading }</@>
                    <dl class="ktw-glossary">
                        for term in ctx.evidence().glossary.iter() {
                            <div>
                                <dt>{ term.term.get(lang) }</dt>
                                <dd>{ term.definition.get(lang) }</dd>
                            </div>
                        }
                    </dl>
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4">{ &t.sources_heading }</@>
                    <ol class="ktw-sources">
                        for (index, source) in ctx.evidence().sources.iter().enumerate() {
                            <li id={format!("ktw-source-{}", source.id)}>{ cite::source_details(&ctx, index + 1, source) }</li>
                        }
                    </ol>
                </section>
            }
        </div>
    }
}
