//! The results: what the answers may mean for each option, with evidence links, clinician
//! flags and practical notes; the priorities grid (`grid`: no totals, no ranking, the flags
//! beside each option); the PHQ-9 score; where they are leaning; the SURE check; questions to ask; the clinic's
//! contact links apart from the evidence; and print, share and change buttons.
//!
//! The same screen is the printed summary: the print stylesheet hides the widget around it
//! and every button, and shows the print-only date and answer list.

use super::state::{FitAction, FitState};
use super::{act, crisis, grid, mood_chart, on, summary};
use crate::content::i18n::{fill, format_date};
use crate::content::{OptionId, SourceIds};
use crate::fit::{
    encode_fragment, Consideration, EvidenceRef, FitReport, Leaning, OptionFit, Questionnaire,
};
use crate::ui::events::WidgetEvent;
use crate::ui::{cite, Ctx};
use yew::prelude::*;

/// Every source id behind one evidence row, in order and without repeats.
pub fn row_sources(ctx: &Ctx, evidence: EvidenceRef) -> Option<SourceIds> {
    let option = ctx.evidence().option(evidence.option)?;
    let mut ids: Vec<String> = Vec::new();
    for claim in option.row(evidence.row) {
        for id in claim.sources.iter() {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        }
    }
    let mut ids = ids.into_iter();
    let first = ids.next()?;
    Some(SourceIds::new(first, ids.collect()))
}

/// The name of an option in the current language.
pub(super) fn option_name(ctx: &Ctx, option: OptionId) -> String {
    ctx.evidence()
        .option(option)
        .map(|found| found.name.get(ctx.lang).to_string())
        .unwrap_or_else(|| option.as_str().to_string())
}

/// The words of the answer a consideration comes from.
fn answer_words(ctx: &Ctx, questionnaire: &Questionnaire, consideration: &Consideration) -> String {
    questionnaire
        .question(&consideration.question)
        .and_then(|question| question.choice(&consideration.choice))
        .map(|choice| choice.label.get(ctx.lang).to_string())
        .unwrap_or_default()
}

/// The sources of a consideration: a flag's own source, or every source of its row.
fn consideration_sources(ctx: &Ctx, consideration: &Consideration) -> Option<SourceIds> {
    match &consideration.source {
        Some(source) => Some(SourceIds::new(source.clone(), Vec::new())),
        None => row_sources(ctx, consideration.evidence),
    }
}

/// One consideration: its sentence, its citation numbers and the answer it comes from.
pub(super) fn consideration_item(
    ctx: &Ctx,
    questionnaire: &Questionnaire,
    consideration: &Consideration,
    place: &str,
) -> Html {
    let t = ctx.t();
    let sources =
        consideration_sources(ctx, consideration).map(|sources| cite::sources(&sources, place));
    let answer = answer_words(ctx, questionnaire, consideration);
    html! {
        <li class="ktw-consideration">
            <span>{ consideration.text.get(ctx.lang) }</span>
            if let Some((cited, _)) = &sources {
                { " " }{ cited.clone() }
            }
            <span class="ktw-because">{ fill(&t.fit_because, &[("answer", &answer)]) }</span>
            if let Some((_, opened)) = sources {
                { opened }
            }
        </li>
    }
}

/// A titled list of considerations, or nothing when it is empty.
fn consideration_list(
    ctx: &Ctx,
    questionnaire: &Questionnaire,
    title: &str,
    class: &'static str,
    items: &[Consideration],
    place: &str,
) -> Html {
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <div class={classes!("ktw-considerations", class)}>
            <p class="ktw-list-title">{ title }</p>
            <ul>
                for (index, item) in items.iter().enumerate() {
                    { consideration_item(ctx, questionnaire, item, &format!("{place}-{index}")) }
                }
            </ul>
        </div>
    }
}

/// What the answers mean for one option.
fn option_card(ctx: &Ctx, questionnaire: &Questionnaire, fit: &OptionFit) -> Html {
    let t = ctx.t();
    let place = format!("fit-{}", fit.option);
    let empty = fit.considerations().next().is_none();
    html! {
        <article class="ktw-option-fit" aria-labelledby={format!("ktw-fit-option-{}", fit.option)}
                 data-option={fit.option.as_str()}>
            <h6 id={format!("ktw-fit-option-{}", fit.option)} class="ktw-option-fit-name">{ option_name(ctx, fit.option) }</h6>
            if !ctx.config.offers(fit.option) {
                <p class="ktw-tag ktw-not-offered">{ &t.option_not_offered }</p>
            }
            { consideration_list(ctx, questionnaire, &t.fit_flags_title, "ktw-flags", &fit.flags, &format!("{place}-flag")) }
            { consideration_list(ctx, questionnaire, &t.fit_for_title, "ktw-for", &fit.favours, &format!("{place}-for")) }
            { consideration_list(ctx, questionnaire, &t.fit_against_title, "ktw-against", &fit.against, &format!("{place}-against")) }
            { consideration_list(ctx, questionnaire, &t.fit_notes_title, "ktw-notes", &fit.notes, &format!("{place}-note")) }
            if empty {
                <p class="ktw-help ktw-nothing">{ &t.fit_nothing_for_option }</p>
            }
        </article>
    }
}

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

/// "Where are you leaning?" as one radio group.
fn leaning_block(ctx: &Ctx, fit: &FitState) -> Html {
    let questionnaire = fit.questionnaire();
    let lang = ctx.lang;
    let mut choices: Vec<(Leaning, String)> = OptionId::ALL
        .into_iter()
        .filter(|option| ctx.config.shows(*option))
        .map(|option| (Leaning::Option(option), option_name(ctx, option)))
        .collect();
    choices.push((
        Leaning::NotSure,
        questionnaire.leaning.not_sure.get(lang).to_string(),
    ));
    html! {
        <fieldset class="ktw-leaning">
            <legend><h5 class="ktw-legend-heading">{ questionnaire.leaning.question.get(lang) }</h5></legend>
            <p class="ktw-help">{ questionnaire.leaning.help.get(lang) }</p>
            <div class="ktw-answers-list">
                for (leaning, label) in choices {
                    { {
                        let checked = fit.answers.leaning == Some(leaning);
                        let input_id = format!("ktw-leaning-{leaning}");
                        html! {
                            <label class={classes!("ktw-answer", checked.then_some("ktw-checked"))} for={input_id.clone()}>
                                <input type="radio" id={input_id} name="ktw-leaning" value={leaning.as_str()} {checked}
                                       onchange={on(ctx, FitAction::SetLeaning(Some(leaning)))} />
                                <span>{ label }</span>
                            </label>
                        }
                    } }
                }
            </div>
        </fieldset>
    }
}

/// The four yes/no SURE questions and what the score means.
fn sure_block(ctx: &Ctx, fit: &FitState, report: &FitReport) -> Html {
    let t = ctx.t();
    let lang = ctx.lang;
    let sure = &fit.questionnaire().sure;
    let values = fit.answers.sure.items();
    html! {
        <fieldset class="ktw-sure">
            <legend><h5 class="ktw-legend-heading">{ &t.fit_sure_heading }</h5></legend>
            <p>{ sure.intro.get(lang) }</p>
            for (index, item) in sure.items.iter().enumerate() {
                { {
                    let value = values.get(index).copied().flatten();
                    let name = format!("ktw-sure-{}", item.id);
                    html! {
                        <fieldset class="ktw-sure-item">
                            <legend>{ item.text.get(lang) }</legend>
                            <div class="ktw-ratings">
                                for (answer, label) in [(true, sure.yes.get(lang)), (false, sure.no.get(lang))] {
                                    { {
                                        let input_id = format!("{name}-{answer}");
                                        let checked = value == Some(answer);
                                        html! {
                                            <label class={classes!("ktw-rating", checked.then_some("ktw-checked"))} for={input_id.clone()}>
                                                <input type="radio" id={input_id} name={name.clone()} {checked}
                                                       onchange={on(ctx, FitAction::SetSure(item.id.clone(), answer))} />
                                                <span>{ label }</span>
                                            </label>
                                        }
                                    } }
                                }
                            </div>
                        </fieldset>
                    }
                } }
            }
            if let Some(result) = report.sure {
                <p class="ktw-sure-result">
                    <strong>{ fill(&t.fit_sure_score, &[("score", &result.score.to_string())]) }</strong>{ " " }
                    { if result.talk_it_through() { sure.low_score.get(lang) } else { sure.full_score.get(lang) } }
                </p>
            }
            <p class="ktw-help">{ sure.attribution.get(lang) }</p>
        </fieldset>
    }
}

/// Questions to bring to the visit, with extra ones drawn from the answers.
fn questions_to_ask(ctx: &Ctx, report: &FitReport) -> Html {
    let t = ctx.t();
    let mut questions = vec![
        t.fit_ask_offer.clone(),
        t.fit_ask_expect.clone(),
        t.fit_ask_cost.clone(),
        t.fit_ask_not_work.clone(),
    ];
    if report
        .options
        .iter()
        .any(|fit| ctx.config.shows(fit.option) && !fit.flags.is_empty())
    {
        questions.push(t.fit_ask_flags.clone());
    }
    if let Some(Leaning::Option(option)) = report.leaning {
        questions.push(fill(
            &t.fit_ask_leaning,
            &[("option", &option_name(ctx, option))],
        ));
    }
    if report.phq9.is_some() {
        questions.push(t.fit_ask_mood.clone());
    }
    html! {
        <section class="ktw-ask" aria-labelledby="ktw-ask-heading">
            <h5 id="ktw-ask-heading">{ &t.fit_ask_heading }</h5>
            <ul>
                for question in questions {
                    <li>{ question }</li>
                }
            </ul>
        </section>
    }
}

/// Every source cited in the results, numbered as in the rest of the widget.
fn sources_block(ctx: &Ctx, report: &FitReport) -> Html {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |sources: Option<SourceIds>| {
        for id in sources.iter().flat_map(SourceIds::iter) {
            if !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
            }
        }
    };
    for fit in report
        .options
        .iter()
        .filter(|fit| ctx.config.shows(fit.option))
    {
        for consideration in fit.considerations() {
            add(consideration_sources(ctx, consideration));
        }
        for cell in &fit.priorities {
            add(cell
                .evidence
                .and_then(|evidence| row_sources(ctx, evidence)));
        }
    }
    let mut numbered: Vec<(usize, &crate::content::Source)> = ids
        .iter()
        .filter_map(|id| ctx.evidence().source(id))
        .collect();
    numbered.sort_by_key(|(number, _)| *number);
    if numbered.is_empty() {
        return Html::default();
    }
    html! {
        <section class="ktw-fit-sources" aria-labelledby="ktw-fit-sources-heading">
            <h5 id="ktw-fit-sources-heading">{ &ctx.t().fit_sources_heading }</h5>
            <ul class="ktw-sources">
                for (number, source) in numbered {
                    <li>{ cite::source_details(ctx, number, source) }</li>
                }
            </ul>
        </section>
    }
}

/// The clinic's call, text and booking links, set apart from the evidence.
fn contact_block(ctx: &Ctx) -> Html {
    let config = &ctx.config;
    if config.phone.is_none()
        && config.sms.is_none()
        && config.booking_url.is_none()
        && config.email.is_none()
    {
        return Html::default();
    }
    let t = ctx.t();
    let clinic = config
        .clinic_name
        .clone()
        .unwrap_or_else(|| t.fit_the_clinic.clone());
    let clicked = |kind: &'static str| {
        let on_event = ctx.on_event.clone();
        Callback::from(move |_: MouseEvent| on_event.emit(WidgetEvent::CallToAction { kind }))
    };
    html! {
        <section class="ktw-cta" aria-labelledby="ktw-cta-heading" part="call-to-action">
            <h5 id="ktw-cta-heading">{ fill(&t.fit_cta_heading, &[("clinic", &clinic)]) }</h5>
            <p class="ktw-help">{ &t.fit_cta_help }</p>
            <ul class="ktw-cta-links">
                if let Some(phone) = &config.phone {
                    <li><a class="ktw-button" href={format!("tel:{}", phone.dial)} onclick={clicked("call")}>
                        { fill(&t.fit_cta_call, &[("phone", &phone.display)]) }</a></li>
                }
                if let Some(sms) = &config.sms {
                    <li><a class="ktw-button ktw-secondary" href={format!("sms:{}", sms.dial)} onclick={clicked("text")}>
                        { fill(&t.fit_cta_text, &[("phone", &sms.display)]) }</a></li>
                }
                if let Some(email) = &config.email {
                    <li><a class="ktw-button ktw-secondary" href={format!("mailto:{email}")} onclick={clicked("email")}>
                        { fill(&t.fit_cta_email, &[("email", email)]) }</a></li>
                }
                if let Some(url) = &config.booking_url {
                    <li><a class="ktw-button ktw-secondary" href={url.clone()} target="_blank" rel="noopener noreferrer"
                           onclick={clicked("book")}>{ &t.fit_cta_book }</a></li>
                }
            </ul>
        </section>
    }
}

/// Print, share and change buttons, and the share link once made.
fn tools(ctx: &Ctx, fit: &FitState) -> Html {
    let t = ctx.t();
    let print = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.on_event.emit(WidgetEvent::Print);
            (ctx.host.print)();
        })
    };
    let share = {
        let ctx = ctx.clone();
        let fragment = format!(
            "{}={}",
            super::state::FRAGMENT_KEY,
            encode_fragment(&fit.answers)
        );
        Callback::from(move |_: MouseEvent| {
            act(&ctx, FitAction::MakeShareLink);
            (ctx.host.write_fragment)(&fragment);
            let url = (ctx.host.share_url)(&fragment);
            let done = {
                let dispatch = ctx.dispatch.clone();
                Box::new(move |worked: bool| {
                    dispatch.emit(crate::ui::state::Action::Fit(FitAction::Copied(worked)));
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
