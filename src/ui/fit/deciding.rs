//! The parts of the results that help the person decide and act: where they are leaning,
//! the SURE check, questions to bring to the visit, and the clinic's contact links.

use super::considerations::{option_name, short_name};
use super::on;
use super::state::{FitAction, FitState};
use crate::content::i18n::fill;
use crate::content::OptionId;
use crate::fit::{FitReport, Leaning};
use crate::ui::events::WidgetEvent;
use crate::ui::Ctx;
use yew::prelude::*;

/// "Where are you leaning?" as one radio group.
pub(super) fn leaning_block(ctx: &Ctx, fit: &FitState) -> Html {
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
            <legend><@{ctx.heading(6)} aria-level={ctx.heading_aria_level(6)} class="ktw-legend-heading ktw-h6">{ questionnaire.leaning.question.get(lang) }</@></legend>
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
pub(super) fn sure_block(ctx: &Ctx, fit: &FitState, report: &FitReport) -> Html {
    let t = ctx.t();
    let lang = ctx.lang;
    let sure = &fit.questionnaire().sure;
    let values = fit.answers.sure.items();
    html! {
        <fieldset class="ktw-sure">
            <legend><@{ctx.heading(6)} aria-level={ctx.heading_aria_level(6)} class="ktw-legend-heading ktw-h6">{ &t.fit_sure_heading }</@></legend>
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
            // The region is always there, so the score is announced when the fourth answer
            // brings it (a live region added with its text is not read).
            <div class="ktw-sure-live" role="status">
                if let Some(result) = report.sure {
                    <p class="ktw-sure-result">
                        <strong>{ fill(&t.fit_sure_score, &[("score", &result.score.to_string())]) }</strong>{ " " }
                        { if result.talk_it_through() { sure.low_score.get(lang) } else { sure.full_score.get(lang) } }
                    </p>
                }
            </div>
            <p class="ktw-help">{ sure.attribution.get(lang) }</p>
        </fieldset>
    }
}

/// Questions to bring to the visit, with extra ones drawn from the answers.
pub(super) fn questions_to_ask(ctx: &Ctx, report: &FitReport) -> Vec<String> {
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
            &[("option", &short_name(ctx, option))],
        ));
    }
    if report.phq9.is_some() {
        questions.push(t.fit_ask_mood.clone());
    }
    questions
}

/// The clinic's call, text and booking links, set apart from the evidence.
pub(super) fn contact_block(ctx: &Ctx) -> Html {
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
            <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-cta-heading">{ fill(&t.fit_cta_heading, &[("clinic", &clinic)]) }</@>
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
