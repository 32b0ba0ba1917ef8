//! One question per screen: a fieldset whose legend is the focused heading, radio buttons or
//! check boxes (or 0–3 ratings for the priorities), the progress line, and Back, Skip, Next.

use super::state::{FitAction, FitState};
use super::{act, on};
use crate::content::i18n::fill;
use crate::fit::flow::Progress;
use crate::fit::flow::Step;
use crate::fit::{Question, QuestionKind, Section, CRISIS_QUESTION};
use crate::ui::listen::{question_words, words_at_hand, Listen};
use crate::ui::text::crisis_pieces;
use crate::ui::Ctx;
use yew::prelude::*;

/// The "Question 3 of 20" line and a matching progress bar.
pub fn progress(ctx: &Ctx, fit: &FitState) -> Html {
    let Some(text) = progress_text(ctx, fit) else {
        return Html::default();
    };
    let Some((step, total)) = fit.position() else {
        return Html::default();
    };
    // The words are read with the screen's heading (see `heading_progress`), so the line
    // itself is hidden from screen readers rather than read twice.
    html! {
        <div class="ktw-progress" aria-hidden="true">
            <p class="ktw-progress-text" id="ktw-progress">{ text }</p>
            <progress class="ktw-progress-bar" max={total.to_string()} value={step.to_string()}></progress>
        </div>
    }
}

/// "Question 3 of 20", or "Mood check: question 4 of 9" inside the mood check.
fn progress_text(ctx: &Ctx, fit: &FitState) -> Option<String> {
    let t = ctx.t();
    let (template, number, total) = match fit.progress()? {
        Progress::Question { number, total } => (&t.fit_progress, number, total),
        Progress::MoodItem { number, total } => (&t.fit_progress_mood, number, total),
    };
    Some(fill(
        template,
        &[("n", &number.to_string()), ("total", &total.to_string())],
    ))
}

/// The progress as the start of the heading's spoken name, so that each new screen announces
/// where the person is when its heading takes focus.
fn heading_progress(ctx: &Ctx, fit: &FitState) -> Html {
    match progress_text(ctx, fit) {
        Some(text) => html! { <span class="ktw-visually-hidden">{ format!("{text}: ") }</span> },
        None => Html::default(),
    }
}

/// The Back, Skip and Next buttons. Next is a plain button, not a form submission, because a
/// site builder's sandboxed frame without `allow-forms` drops every submission.
fn nav(ctx: &Ctx, fit: &FitState, skip: bool) -> Html {
    let t = ctx.t();
    let first = fit.position().is_some_and(|(step, _)| step == 1);
    let next_label = if fit.return_to_summary {
        &t.fit_back_to_summary
    } else {
        &t.fit_next
    };
    html! {
        <div class="ktw-nav">
            if !first {
                <button type="button" class="ktw-button ktw-secondary ktw-back"
                        onclick={on(ctx, FitAction::Back)}>{ &t.fit_back }</button>
            }
            if skip {
                <button type="button" class="ktw-link-button ktw-skip"
                        onclick={on(ctx, FitAction::Skip)}>{ &t.fit_skip }</button>
            }
            <button type="button" class="ktw-button ktw-next" onclick={on(ctx, FitAction::Next)}>{ next_label }</button>
        </div>
    }
}

/// The screen for the question at `index`.
pub fn screen(ctx: &Ctx, fit: &FitState, index: usize, heading: NodeRef) -> Html {
    let Some(question) = fit.questionnaire().questions.get(index) else {
        return Html::default();
    };
    let t = ctx.t();
    let lang = ctx.lang;
    let step = Step::Question(index);
    let onkeydown = enter_on_answer_goes_next(ctx);
    let is_phq9 = question.section == Section::Mood;
    let help_id = format!("ktw-help-{}", question.id);
    let error_id = format!("ktw-error-{}", question.id);
    let required_id = format!("ktw-required-{}", question.id);
    let mut described = Vec::new();
    if !question.optional {
        described.push(required_id.clone());
    }
    if question.help.is_some() || is_phq9 {
        described.push(help_id.clone());
    }
    if fit.invalid {
        described.push(error_id.clone());
    }
    let intro = index == 0 && question.id.as_str() == CRISIS_QUESTION;
    html! {
        <div class="ktw-step ktw-question-step" part="question" data-question={question.id.to_string()}
             {onkeydown}>
            { progress(ctx, fit) }
            if intro {
                <p class="ktw-fit-intro">
                    { fill(&t.fit_intro, &[("total", &fit.flow().questions_everyone_answers().to_string())]) }
                </p>
            }
            <fieldset class="ktw-question" aria-describedby={(!described.is_empty()).then(|| described.join(" "))}>
                <legend class="ktw-legend">
                    if is_phq9 {
                        <span class="ktw-stem">{ fit.questionnaire().phq9.instructions.get(lang) }</span>
                    }
                    <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-question-text ktw-h4" id="ktw-question-heading" tabindex="-1" ref={heading}>
                        { heading_progress(ctx, fit) }{ question.text.get(lang) }
                    </@>
                </legend>
                if !question.optional {
                    <p class="ktw-required" id={required_id}>{ &t.fit_required }</p>
                }
                <Listen ctx={ctx.clone()} words={words_at_hand(question_words(ctx, question))} what={question.text.get(lang).to_string()} />
                if let Some(help) = &question.help {
                    <p class="ktw-help" id={help_id.clone()}>{ crisis_pieces(&ctx.crisis().fill(help.get(lang))) }</p>
                } else if is_phq9 {
                    <p class="ktw-help" id={help_id.clone()}>{ &t.fit_phq9_help }</p>
                }
                { match question.kind {
                    QuestionKind::Single | QuestionKind::Multiple => choices(ctx, fit, question),
                    QuestionKind::Priorities => priorities(ctx, fit, question),
                } }
                if fit.invalid {
                    <p class="ktw-error" id={error_id} role="alert">{ &t.fit_pick_answer }</p>
                }
            </fieldset>
            { nav(ctx, fit, fit.flow().may_skip(step)) }
        </div>
    }
}

/// Enter on an answer goes to the next screen, as it did when the question was a form (the
/// browser's implicit submission); Enter on a button keeps doing what that button does.
fn enter_on_answer_goes_next(ctx: &Ctx) -> Callback<KeyboardEvent> {
    let ctx = ctx.clone();
    Callback::from(move |event: KeyboardEvent| {
        if event.key() != "Enter" || event.is_composing() {
            return;
        }
        let on_answer = event
            .target()
            .and_then(|target| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(target).ok()
            })
            .is_some();
        if on_answer {
            event.prevent_default();
            act(&ctx, FitAction::Next);
        }
    })
}

/// Radio buttons (one answer) or check boxes (several) for a choice question.
fn choices(ctx: &Ctx, fit: &FitState, question: &Question) -> Html {
    let multiple = question.kind == QuestionKind::Multiple;
    let name = format!("ktw-{}", question.id);
    html! {
        <div class={classes!("ktw-answers-list", multiple.then_some("ktw-multiple"))}>
            for choice in question.choices.iter() {
                { {
                    let checked = fit.answers.has(question.id.as_str(), choice.id.as_str());
                    let input_id = format!("ktw-{}-{}", question.id, choice.id);
                    let action = if multiple {
                        FitAction::Toggle { question: question.id.clone(), choice: choice.id.clone() }
                    } else {
                        FitAction::Choose { question: question.id.clone(), choice: choice.id.clone() }
                    };
                    html! {
                        <label class={classes!("ktw-answer", checked.then_some("ktw-checked"))} for={input_id.clone()}>
                            <input type={if multiple { "checkbox" } else { "radio" }} id={input_id}
                                   name={name.clone()} value={choice.id.to_string()} {checked}
                                   onchange={on(ctx, action)} />
                            <span>
                                { choice.label.get(ctx.lang) }
                                if multiple && choice.exclusive {
                                    <span class="ktw-exclusive-hint">{ &ctx.t().fit_exclusive_hint }</span>
                                }
                            </span>
                        </label>
                    }
                } }
            }
        </div>
    }
}

/// A 0–3 rating for each priority, each its own small radio group.
fn priorities(ctx: &Ctx, fit: &FitState, question: &Question) -> Html {
    let lang = ctx.lang;
    html! {
        <div class="ktw-priorities">
            for priority in question.priorities.iter() {
                { {
                    let rated = fit.answers.ratings.get(&priority.id).copied();
                    let legend_id = format!("ktw-priority-{}", priority.id);
                    html! {
                        <fieldset class="ktw-priority" aria-labelledby={legend_id.clone()}>
                            <legend id={legend_id} class="ktw-priority-label">{ priority.label.get(lang) }</legend>
                            if let Some(help) = &priority.help {
                                <p class="ktw-help">{ help.get(lang) }</p>
                            }
                            <div class="ktw-ratings">
                                for (rating, label) in question.rating_labels.iter().enumerate() {
                                    { {
                                        let value = u8::try_from(rating).unwrap_or(0);
                                        let input_id = format!("ktw-rate-{}-{rating}", priority.id);
                                        let checked = rated == Some(value);
                                        let action = FitAction::Rate { priority: priority.id.clone(), rating: value };
                                        html! {
                                            <label class={classes!("ktw-rating", checked.then_some("ktw-checked"))} for={input_id.clone()}>
                                                <input type="radio" id={input_id} name={format!("ktw-rate-{}", priority.id)}
                                                       value={rating.to_string()} {checked} onchange={on(ctx, action)} />
                                                <span>{ label.get(lang) }</span>
                                            </label>
                                        }
                                    } }
                                }
                            </div>
                        </fieldset>
                    }
                } }
            }
        </div>
    }
}

/// The optional mood check: do the nine PHQ-9 questions, or skip them.
pub fn mood_gate(ctx: &Ctx, fit: &FitState, heading: NodeRef) -> Html {
    let t = ctx.t();
    let phq9 = &fit.questionnaire().phq9;
    let lang = ctx.lang;
    html! {
        <section class="ktw-step ktw-mood-gate" data-question="mood-check" aria-labelledby="ktw-mood-heading">
            { progress(ctx, fit) }
            <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} id="ktw-mood-heading" class="ktw-question-text ktw-h4" tabindex="-1" ref={heading}>
                { heading_progress(ctx, fit) }{ &t.fit_mood_heading }
            </@>
            <p>{ phq9.intro.get(lang) }</p>
            <p>{ phq9.not_diagnosis.get(lang) }</p>
            <div class="ktw-nav">
                <button type="button" class="ktw-button ktw-secondary ktw-back"
                        onclick={on(ctx, FitAction::Back)}>{ &t.fit_back }</button>
                <button type="button" class="ktw-button ktw-secondary" id="ktw-mood-skip"
                        onclick={on(ctx, FitAction::MoodCheck(false))}>{ &t.fit_mood_skip }</button>
                <button type="button" class="ktw-button" id="ktw-mood-start"
                        onclick={on(ctx, FitAction::MoodCheck(true))}>{ &t.fit_mood_start }</button>
            </div>
        </section>
    }
}
