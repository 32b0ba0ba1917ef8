//! The results screen, summary first (`digest`: what to talk about, the leaning and SURE, the
//! top priorities, questions to ask), then sections that open on demand (`parts`): the PHQ-9
//! score, where the person is leaning and the SURE check (`deciding`), each option against
//! the answers (`considerations`), the priorities grid (`grid`: no totals, no ranking) and one
//! list of sources. Then the clinic's contact links, apart from the evidence, and print,
//! share and change buttons.
//!
//! The same screen is the printout: the print stylesheet hides the widget around it, every
//! button and the sections, and shows the clinician block (`clinician`), the answer list, the
//! QR code and the crisis lines.

use super::considerations::{option_card, sources_block};
use super::deciding::{contact_block, leaning_block, sure_block};
use super::state::{FitAction, FitState, ResultsPart, FRAGMENT_KEY};
use super::{act, clinician, crisis, digest, grid, mood_chart, on, parts, summary};
use crate::content::i18n::fill;
use crate::fit::{encode_fragment, FitReport};
use crate::ui::state::Action;
use crate::ui::{qr, Ctx};
use yew::prelude::*;

/// The PHQ-9 total, its band, "not a diagnosis", and the mood chart when remembering.
fn phq9_block(ctx: &Ctx, fit: &FitState, report: &FitReport) -> Html {
    let t = ctx.t();
    let lang = ctx.lang;
    let questionnaire = fit.questionnaire();
    let Some(result) = report.phq9 else {
        if fit.remember && !fit.phq9_history.is_empty() {
            return html! {
                <div class="ktw-phq9-result">
                    { mood_chart::mood_chart(ctx, &fit.phq9_history) }
                    <button type="button" class="ktw-button ktw-secondary" id="ktw-retake-mood"
                            onclick={on(ctx, FitAction::RetakeMood)}>{ &t.fit_mood_retake }</button>
                </div>
            };
        }
        return Html::default();
    };
    html! {
        <div class="ktw-phq9-result">
            <p class="ktw-score">
                { fill(&t.fit_phq9_score, &[("total", &result.total.to_string())]) }
                { " " }
                <strong>{ result.band.label(questionnaire).get(lang) }</strong>
            </p>
            <p><strong>{ questionnaire.phq9.not_diagnosis.get(lang) }</strong></p>
            <p class="ktw-help">{ questionnaire.phq9.attribution.get(lang) }</p>
            if fit.remember {
                { mood_chart::mood_chart(ctx, &fit.phq9_history) }
            }
            <button type="button" class="ktw-button ktw-secondary" id="ktw-retake-mood"
                    onclick={on(ctx, FitAction::RetakeMood)}>{ &t.fit_mood_retake }</button>
        </div>
    }
}

/// Print, share and change buttons, and the share link once made.
fn tools(ctx: &Ctx, fit: &FitState) -> Html {
    let t = ctx.t();
    let print = on(ctx, FitAction::Print);
    let share = {
        let ctx = ctx.clone();
        let fragment = format!("{}={}", FRAGMENT_KEY, encode_fragment(&fit.answers));
        Callback::from(move |_: MouseEvent| {
            act(&ctx, FitAction::MakeShareLink);
            (ctx.host.write_fragment)(&fragment);
            let url = (ctx.host.share_url)(&fragment);
            let done = {
                let dispatch = ctx.dispatch.clone();
                Box::new(move |worked: bool| {
                    dispatch.emit(Action::Fit(FitAction::Copied(worked)));
                })
            };
            (ctx.host.copy)(&url, done);
        })
    };
    // A page with no address of its own (`about:srcdoc`) gets no link to copy: it opens nothing.
    let link = fit
        .share_fragment
        .as_ref()
        .filter(|_| !ctx.host.frame.no_address)
        .map(|fragment| (ctx.host.share_url)(fragment));
    html! {
        <div class="ktw-fit-tools">
            <div class="ktw-nav">
                <button type="button" class="ktw-button" id="ktw-print" onclick={print}>{ &t.fit_print }</button>
                <button type="button" class="ktw-button ktw-secondary" id="ktw-share" onclick={share}>{ &t.fit_share }</button>
                <button type="button" class="ktw-button ktw-secondary" id="ktw-edit-answers"
                        onclick={on(ctx, FitAction::ShowSummary)}>{ &t.fit_edit_answers }</button>
            </div>
            // Beside the Share button, always there (a live region added with its text is not
            // read), and empty again once an answer changes the link.
            <p class="ktw-copy-status" role="status">
                { match fit.copy_status {
                    Some(true) => t.fit_notice_link_copied.as_str(),
                    Some(false) => t.fit_notice_link_not_copied.as_str(),
                    None => "",
                } }
            </p>
            if let Some(link) = link {
                <div class="ktw-share-box">
                    <label for="ktw-share-url">{ &t.fit_share_label }</label>
                    <input type="text" id="ktw-share-url" class="ktw-share-url" readonly=true value={link}
                           aria-describedby="ktw-share-help" />
                    <p class="ktw-help" id="ktw-share-help">{ &t.fit_share_help }</p>
                </div>
            }
        </div>
    }
}

/// On the printout, the share link as a QR code with a line saying what it opens; drawn only
/// once the person asks to print, and only for a page a phone can open.
fn print_qr(ctx: &Ctx, fit: &FitState) -> Html {
    let Some(fragment) = &fit.print_fragment else {
        return Html::default();
    };
    let link = (ctx.host.share_url)(fragment);
    if !qr::scannable(&link) {
        return Html::default();
    }
    let t = ctx.t();
    html! {
        <figure class="ktw-print-only ktw-print-qr">
            { qr::qr_code(&link, &t.fit_qr_caption) }
            <figcaption>{ &t.fit_qr_caption }</figcaption>
        </figure>
    }
}

/// The results screen: the summary first, then the sections that open on demand, then the
/// clinic's links and the tools; the print-only clinician block, answers, QR code and crisis
/// lines are drawn in the places the printout needs them.
pub fn screen(ctx: &Ctx, fit: &FitState, heading: NodeRef) -> Html {
    let t = ctx.t();
    let report = fit.report();
    let questionnaire = fit.questionnaire();
    let missing = report.missing.len();
    let has_mood = report.phq9.is_some() || (fit.remember && !fit.phq9_history.is_empty());
    let sources = sources_block(ctx, &report);
    html! {
        <section class="ktw-step ktw-results" part="results" data-question="results" aria-labelledby="ktw-results-heading">
            <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4" id="ktw-results-heading" tabindex="-1" ref={heading}>{ &t.fit_results_heading }</@>
            { clinician::block(ctx, fit, &report) }
            if report.crisis {
                { crisis::reminder(ctx, fit) }
            }
            <p class="ktw-results-intro">{ &t.fit_results_intro }</p>
            if missing > 0 {
                <p class="ktw-missing">
                    { fill(&t.fit_results_missing, &[("n", &missing.to_string())]) }{ " " }
                    <button type="button" class="ktw-link-button" onclick={on(ctx, FitAction::ShowSummary)}>
                        { &t.fit_edit_answers }
                    </button>
                </p>
            }
            { digest::summary(ctx, fit, &report) }
            if has_mood {
                { parts::section(ctx, fit, ResultsPart::Mood, || phq9_block(ctx, fit, &report)) }
            }
            { parts::section(ctx, fit, ResultsPart::Deciding, || html! {
                <>
                    { leaning_block(ctx, fit) }
                    { sure_block(ctx, fit, &report) }
                </>
            }) }
            { parts::section(ctx, fit, ResultsPart::Options, || html! {
                <div class="ktw-options-fit">
                    <p class="ktw-help">{ &t.fit_options_help }</p>
                    <div class="ktw-options-list">
                        for option_fit in report.options.iter().filter(|fit| ctx.config.shows(fit.option)) {
                            { option_card(ctx, questionnaire, option_fit) }
                        }
                    </div>
                </div>
            }) }
            if report.has_priorities() {
                { parts::section(ctx, fit, ResultsPart::Priorities, || grid::priorities_grid(ctx, questionnaire, &report)) }
            }
            if let Some(sources) = sources {
                { parts::section(ctx, fit, ResultsPart::Sources, || sources) }
            }
            <p class="ktw-not-advice">{ &t.not_advice_short }</p>
            { contact_block(ctx) }
            { tools(ctx, fit) }
            { print_qr(ctx, fit) }
            <section class="ktw-print-only ktw-print-answers" aria-labelledby="ktw-print-answers-heading">
                <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-print-answers-heading">{ &t.fit_print_answers }</@>
                { summary::answer_list(ctx, fit, false) }
            </section>
            { clinician::print_crisis(ctx) }
        </section>
    }
}
