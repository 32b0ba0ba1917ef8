//! The summary: every counted question with the answer in words and a button to change it.
//! The same list, without buttons, is printed with the results.

use super::on;
use super::state::{FitAction, FitState};
use crate::content::i18n::fill;
use crate::fit::flow::Step;
use crate::fit::QuestionKind;
use crate::ui::Ctx;
use yew::prelude::*;

/// The question of a counted screen and its answer in words (`None` when unanswered).
pub fn answer_rows(ctx: &Ctx, fit: &FitState) -> Vec<(Step, String, Option<String>)> {
    let t = ctx.t();
    let lang = ctx.lang;
    let mut rows = Vec::new();
    for step in fit.flow().steps() {
        match step {
            Step::MoodGate => {
                let answer = fit.mood_check.map(|took| {
                    if took {
                        t.fit_mood_done.clone()
                    } else {
                        t.fit_mood_skipped.clone()
                    }
                });
                rows.push((step, t.fit_mood_heading.clone(), answer));
            }
            Step::Question(index) => {
                let Some(question) = fit.questionnaire().questions.get(index) else {
                    continue;
                };
                let answer = match question.kind {
                    QuestionKind::Single | QuestionKind::Multiple => {
                        let labels: Vec<&str> = fit
                            .answers
                            .selected(question.id.as_str())
                            .iter()
                            .filter_map(|id| question.choice(id))
                            .map(|choice| choice.label.get(lang))
                            .collect();
                        (!labels.is_empty()).then(|| labels.join("; "))
                    }
                    QuestionKind::Priorities => {
                        let rated: Vec<String> = question
                            .priorities
                            .iter()
                            .filter_map(|priority| {
                                let rating = fit.answers.ratings.get(&priority.id)?;
                                let label = question.rating_labels.get(usize::from(*rating))?;
                                Some(format!("{}: {}", priority.label.get(lang), label.get(lang)))
                            })
                            .collect();
                        (!rated.is_empty()).then(|| rated.join("; "))
                    }
                };
                rows.push((step, question.text.get(lang).to_string(), answer));
            }
            Step::Summary | Step::Results => {}
        }
    }
    rows
}

/// The id of the Change button of `step`'s row, where focus returns after a change.
pub fn change_id(fit: &FitState, step: Step) -> String {
    format!("ktw-change-{}", fit.flow().step_name(step))
}

/// The answers as a description list; with `editable`, each has a Change button.
pub fn answer_list(ctx: &Ctx, fit: &FitState, editable: bool) -> Html {
    let t = ctx.t();
    html! {
        <dl class="ktw-answer-summary">
            for (step, question, answer) in answer_rows(ctx, fit) {
                <div class="ktw-answer-row">
                    <dt>{ question.clone() }</dt>
                    <dd>
                        <span class={classes!(answer.is_none().then_some("ktw-unanswered"))}>
                            { answer.unwrap_or_else(|| t.fit_not_answered.clone()) }
                        </span>
                        if editable {
                            { " " }
                            <button type="button" class="ktw-link-button ktw-change" id={change_id(fit, step)}
                                    aria-label={fill(&t.fit_change_label, &[("question", &question)])}
                                    onclick={on(ctx, FitAction::Edit(step))}>{ &t.fit_change }</button>
                        }
                    </dd>
                </div>
            }
        </dl>
    }
}

/// The summary screen. Show results is a plain button, not a form submission, so it works in
/// a sandboxed frame without `allow-forms`.
pub fn screen(ctx: &Ctx, fit: &FitState, heading: NodeRef) -> Html {
    let t = ctx.t();
    html! {
        <div class="ktw-step ktw-summary" data-question="summary">
            <@{ctx.heading(4)} aria-level={ctx.heading_aria_level(4)} class="ktw-h4" id="ktw-summary-heading" tabindex="-1" ref={heading}>{ &t.fit_summary_heading }</@>
            <p class="ktw-help">{ &t.fit_summary_help }</p>
            { answer_list(ctx, fit, true) }
            <div class="ktw-nav">
                <button type="button" class="ktw-button ktw-secondary ktw-back"
                        onclick={on(ctx, FitAction::Back)}>{ &t.fit_back }</button>
                <button type="button" class="ktw-button ktw-next" id="ktw-show-results"
                        onclick={on(ctx, FitAction::ShowResults)}>{ &t.fit_show_results }</button>
            </div>
        </div>
    }
}
