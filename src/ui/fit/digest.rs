//! The summary at the top of the results, short enough for one phone screen: what to talk
//! about with the clinician (the answers that raised safety flags, and the options they
//! concern), where the person is leaning with their SURE score, their top three priorities,
//! and questions to ask. Listen reads the same words.
//!
//! Its lines are built once as text, so the screen, the reading and the printed clinician
//! block say the same thing.

use super::considerations::short_name;
use super::deciding::questions_to_ask;
use super::on;
use super::state::{FitAction, FitState, ResultsPart};
use crate::content::i18n::fill;
use crate::content::{Family, OptionId};
use crate::fit::digest::{flagged_answers, top_priorities, FlaggedAnswer};
use crate::fit::{FitReport, Leaning, QuestionKind, Questionnaire};
use crate::ui::listen::{sentences, words_at_hand, Listen};
use crate::ui::Ctx;
use yew::prelude::*;

/// A flagging answer in words: the answer, then the options it concerns, short.
pub fn flagged_answer_words(
    ctx: &Ctx,
    questionnaire: &Questionnaire,
    answer: &FlaggedAnswer,
) -> (String, String) {
    let words = questionnaire
        .question(&answer.question)
        .and_then(|question| question.choice(&answer.choice))
        .map(|choice| choice.label.get(ctx.lang).to_string())
        .unwrap_or_else(|| answer.choice.as_str().to_string());
    (words, options_words(ctx, &answer.options))
}

/// The options a flag concerns, short: a family's name when it concerns every shown option of
/// that family ("every kind of TMS"), otherwise each option's short name.
fn options_words(ctx: &Ctx, options: &[OptionId]) -> String {
    let t = ctx.t();
    let mut words: Vec<String> = Vec::new();
    let mut named: Vec<Family> = Vec::new();
    for option in options {
        let family = option.family();
        if named.contains(&family) {
            continue;
        }
        let members: Vec<OptionId> = OptionId::ALL
            .into_iter()
            .filter(|member| member.family() == family && ctx.config.shows(*member))
            .collect();
        let whole = members.len() > 1 && members.iter().all(|member| options.contains(member));
        let family_name = match family {
            Family::Ketamine => Some(&t.fit_family_ketamine),
            Family::Tms => Some(&t.fit_family_tms),
            Family::Medication | Family::Ect => None,
        };
        match family_name {
            Some(name) if whole => {
                named.push(family);
                words.push(name.clone());
            }
            _ => words.push(short_name(ctx, *option)),
        }
    }
    words.join(", ")
}

/// The flagging answers of `report` among the options the clinic shows.
pub fn flagged(ctx: &Ctx, report: &FitReport) -> Vec<FlaggedAnswer> {
    flagged_answers(report, |option| ctx.config.shows(option))
}

/// Where the person is leaning, in one sentence, or `None` when they have not said.
pub fn leaning_words(ctx: &Ctx, fit: &FitState, report: &FitReport) -> Option<String> {
    let t = ctx.t();
    match report.leaning? {
        Leaning::Option(option) => Some(fill(
            &t.fit_leaning_now,
            &[("option", &short_name(ctx, option))],
        )),
        Leaning::NotSure => Some(
            fit.questionnaire()
                .leaning
                .not_sure
                .get(ctx.lang)
                .to_string(),
        ),
    }
}

/// The SURE score in words, with what SURE is, or `None` until all four are answered.
pub fn sure_words(ctx: &Ctx, report: &FitReport) -> Option<String> {
    let result = report.sure?;
    Some(fill(
        &ctx.t().fit_sure_now,
        &[("score", &result.score.to_string())],
    ))
}

/// The top priorities by name, the highest rated first.
pub fn priority_words(ctx: &Ctx, questionnaire: &Questionnaire, report: &FitReport) -> Vec<String> {
    let lang = ctx.lang;
    let question = questionnaire
        .questions
        .iter()
        .find(|question| question.kind == QuestionKind::Priorities);
    top_priorities(report)
        .iter()
        .filter_map(|rated| {
            let question = question?;
            Some(
                question
                    .priority(&rated.priority)?
                    .label
                    .get(lang)
                    .to_string(),
            )
        })
        .collect()
}

/// The summary, first on the results.
pub fn summary(ctx: &Ctx, fit: &FitState, report: &FitReport) -> Html {
    let t = ctx.t();
    let questionnaire = fit.questionnaire();
    let flags: Vec<(String, String)> = flagged(ctx, report)
        .iter()
        .map(|answer| flagged_answer_words(ctx, questionnaire, answer))
        .collect();
    let leaning = leaning_words(ctx, fit, report);
    let sure = sure_words(ctx, report);
    let priorities = priority_words(ctx, questionnaire, report);
    let questions = questions_to_ask(ctx, report);

    let mut words = vec![t.fit_talk_heading.clone()];
    if flags.is_empty() {
        words.push(t.fit_talk_none.clone());
    }
    words.extend(flags.iter().map(|(answer, options)| {
        fill(
            &t.fit_talk_item,
            &[("answer", answer), ("options", options)],
        )
    }));
    words.push(t.fit_leaning_now_heading.clone());
    words.push(
        leaning
            .clone()
            .unwrap_or_else(|| t.fit_leaning_now_none.clone()),
    );
    words.extend(sure.clone());
    words.push(t.fit_top_priorities_heading.clone());
    if priorities.is_empty() {
        words.push(t.fit_top_priorities_none.clone());
    }
    words.extend(priorities.iter().cloned());
    words.push(t.fit_ask_heading.clone());
    words.extend(questions.iter().cloned());

    html! {
        <div class="ktw-results-summary">
            <Listen ctx={ctx.clone()} words={words_at_hand(sentences(words))} what={t.fit_summary_listen.clone()} />
            <section class="ktw-talk" aria-labelledby="ktw-talk-heading">
                <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-talk-heading">{ &t.fit_talk_heading }</@>
                if flags.is_empty() {
                    <p>{ &t.fit_talk_none }</p>
                } else {
                    <ul>
                        for (answer, options) in flags {
                            <li><strong>{ answer }</strong>{ fill(&t.fit_talk_options, &[("options", &options)]) }</li>
                        }
                    </ul>
                }
            </section>
            <section class="ktw-leaning-now" aria-labelledby="ktw-leaning-now-heading">
                <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-leaning-now-heading">{ &t.fit_leaning_now_heading }</@>
                <p>
                    { leaning.unwrap_or_else(|| t.fit_leaning_now_none.clone()) }
                    if let Some(sure) = sure {
                        { " " }{ sure }
                    }
                    if report.leaning.is_none() || report.sure.is_none() {
                        { " " }
                        <button type="button" class="ktw-link-button" id="ktw-say-leaning"
                                onclick={on(ctx, FitAction::OpenResultsPart(ResultsPart::Deciding))}>
                            { &t.fit_leaning_now_say }
                        </button>
                    }
                </p>
            </section>
            <section class="ktw-top-priorities" aria-labelledby="ktw-top-priorities-heading">
                <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-top-priorities-heading">{ &t.fit_top_priorities_heading }</@>
                if priorities.is_empty() {
                    <p>{ &t.fit_top_priorities_none }</p>
                } else {
                    <ol>
                        for priority in priorities {
                            <li>{ priority }</li>
                        }
                    </ol>
                }
            </section>
            <section class="ktw-ask" aria-labelledby="ktw-ask-heading">
                <@{ctx.heading(5)} aria-level={ctx.heading_aria_level(5)} class="ktw-h5" id="ktw-ask-heading">{ &t.fit_ask_heading }</@>
                <ul>
                    for question in questions {
                        <li>{ question }</li>
                    }
                </ul>
            </section>
        </div>
    }
}
