//! The results screen: what the answers may mean for each option (`considerations`), the
//! priorities grid (`grid`: no totals, no ranking, the flags beside each option), the PHQ-9
//! score, where the person is leaning and the SURE check (`deciding`), questions to ask, the
//! clinic's contact links apart from the evidence, and print, share and change buttons.
//!
//! The same screen is the printed summary: the print stylesheet hides the widget around it
//! and every button, and shows the print-only date and answer list.

use super::considerations::{option_card, sources_block};
use super::deciding::{contact_block, leaning_block, questions_to_ask, sure_block};
use super::state::{FitAction, FitState, FRAGMENT_KEY};
use super::{act, crisis, grid, mood_chart, on, summary};
use crate::content::i18n::{fill, format_date};
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
                <section class="ktw-phq9-result" aria-labelledby="ktw-phq9-heading">
                    <h5 id="ktw-phq9-heading">{ &t.fit_phq9_heading }</h5>
                    { mood_chart::mood_chart(ctx, &fit.phq9_history) }
                    <button type="button" class="ktw-button ktw-secondary" id="ktw-retake-mood"
                            onclick={on(ctx, FitAction::RetakeMood)}>{ &t.fit_mood_retake }</button>
                </section>
            };
        }
        return Html::default();
    };
    html! {
        <section class="ktw-phq9-result" aria-labelledby="ktw-phq9-heading">
            <h5 id="ktw-phq9-heading">{ &t.fit_phq9_heading }</h5>
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
        </section>
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
    let link = fit
        .share_fragment
        .as_ref()
        .map(|fragment| (ctx.host.share_url)(fragment));
    html! {
        <div class="ktw-fit-tools">
            <div class="ktw-nav">
                <button type="button" class="ktw-button" id="ktw-print" onclick={print}>{ &t.fit_print }</button>
                <button type="button" class="ktw-button ktw-secondary" id="ktw-share" onclick={share}>{ &t.fit_share }</button>
                <button type="button" class="ktw-button ktw-secondary" id="ktw-edit-answers"
                        onclick={on(ctx, FitAction::ShowSummary)}>{ &t.fit_edit_answers }</button>
            </div>
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

/// The results screen.
pub fn screen(ctx: &Ctx, fit: &FitState, heading: NodeRef) -> Html {
    let t = ctx.t();
    let report = fit.report();
    let questionnaire = fit.questionnaire();
    let missing = report.missing.len();
    html! {
        <section class="ktw-step ktw-results" part="results" data-question="results" aria-labelledby="ktw-results-heading">
            <h4 id="ktw-results-heading" tabindex="-1" ref={heading}>{ &t.fit_results_heading }</h4>
            <p class="ktw-print-only ktw-print-date">
                { fill(&t.fit_print_date, &[("date", &format_date(ctx.lang, &fit.today))]) }
            </p>
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
            { phq9_block(ctx, fit, &report) }
            <section class="ktw-options-fit" aria-labelledby="ktw-options-fit-heading">
                <h5 id="ktw-options-fit-heading">{ &t.fit_options_heading }</h5>
                <p class="ktw-help">{ &t.fit_options_help }</p>
                <div class="ktw-options-list">
                    for option_fit in report.options.iter().filter(|fit| ctx.config.shows(fit.option)) {
                        { option_card(ctx, questionnaire, option_fit) }
                    }
                </div>
            </section>
            { grid::priorities_grid(ctx, questionnaire, &report) }
            { leaning_block(ctx, fit) }
            { sure_block(ctx, fit, &report) }
            { questions_to_ask(ctx, &report) }
            { print_qr(ctx, fit) }
            <section class="ktw-print-only ktw-print-answers" aria-labelledby="ktw-print-answers-heading">
                <h5 id="ktw-print-answers-heading">{ &t.fit_print_answers }</h5>
                { summary::answer_list(ctx, fit, false) }
            </section>
            { sources_block(ctx, &report) }
            <p class="ktw-not-advice">{ &t.not_advice_short }</p>
            { contact_block(ctx) }
            { tools(ctx, fit) }
        </section>
    }
}
