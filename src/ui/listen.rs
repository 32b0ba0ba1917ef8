//! Read aloud: a "Listen" button that reads a part of the widget in the widget's language with
//! the device's own voices, with pause, go on and stop, through the host's
//! [`Speech`](super::host::Speech).
//!
//! The button is left out where the device has no voice for the language, so nobody meets a
//! control that does nothing. The browser's speech works offline, and nothing leaves the device.

use super::Ctx;
use crate::content::OptionId;
use yew::prelude::*;

/// Where one button's reading stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    Idle,
    Playing,
    Paused,
}

#[derive(Properties, PartialEq)]
pub struct ListenProps {
    pub ctx: Ctx,
    /// Puts together the words to read, when the button is pressed: a section of the
    /// comparison holds every statement of its rows, too much to gather on every render.
    pub words: Callback<(), String>,
    /// What is read, for screen readers: "Listen: {what}".
    pub what: AttrValue,
}

/// A "Listen" button, and while it reads, "Pause"/"Go on" and "Stop".
#[component]
pub fn Listen(ListenProps { ctx, words, what }: &ListenProps) -> Html {
    let reading = use_state_eq(|| Reading::Idle);
    let lang = ctx.lang.tag();
    let wanted = ctx.interactive && (ctx.host.speech.has_voice)(lang);
    // The first render has no button, as the build's prerender (which knows no voices) has
    // none, so the live app can take over the prerendered nodes. Where the device has a
    // voice, the button comes one render later, in the same task, before the browser paints;
    // where it has none, nothing renders again. Later renders draw it whenever a voice is
    // there, so voices the browser lists late still get their button.
    let first_render_done = use_mut_ref(|| false);
    let render_again = use_force_update();
    {
        let first_render_done = first_render_done.clone();
        use_effect_with((), move |_| {
            *first_render_done.borrow_mut() = true;
            if wanted {
                render_again.force_update();
            }
        });
    }
    if !*first_render_done.borrow() || !wanted {
        return Html::default();
    }
    let t = ctx.t();
    let start = {
        let (host, reading, words) = (ctx.host.clone(), reading.clone(), words.clone());
        Callback::from(move |_: MouseEvent| {
            let text = words.emit(());
            reading.set(Reading::Playing);
            let done = {
                let reading = reading.clone();
                Box::new(move || reading.set(Reading::Idle))
            };
            (host.speech.speak)(&text, lang, done);
        })
    };
    let pause_or_resume = {
        let (host, reading) = (ctx.host.clone(), reading.clone());
        Callback::from(move |_: MouseEvent| {
            if *reading == Reading::Paused {
                (host.speech.resume)();
                reading.set(Reading::Playing);
            } else {
                (host.speech.pause)();
                reading.set(Reading::Paused);
            }
        })
    };
    let stop = {
        let (host, reading) = (ctx.host.clone(), reading.clone());
        Callback::from(move |_: MouseEvent| {
            (host.speech.stop)();
            reading.set(Reading::Idle);
        })
    };
    html! {
        <span class="ktw-listen" part="listen">
            if *reading == Reading::Idle {
                <button type="button" class="ktw-link-button ktw-listen-start" onclick={start}>
                    { &t.listen }<span class="ktw-visually-hidden">{ format!(": {what}") }</span>
                </button>
            } else {
                <button type="button" class="ktw-link-button ktw-listen-pause" onclick={pause_or_resume}>
                    { if *reading == Reading::Paused { &t.listen_resume } else { &t.listen_pause } }
                </button>
                <button type="button" class="ktw-link-button ktw-listen-stop" onclick={stop}>
                    { &t.listen_stop }
                </button>
            }
        </span>
    }
}

/// Words already at hand, for a [`Listen`] button.
pub fn words_at_hand(text: String) -> Callback<(), String> {
    Callback::from(move |()| text.clone())
}

/// What Listen reads for a section of the comparison: its title and summary, then for each
/// compared option its name and every statement of the section's rows.
pub fn section_words(
    ctx: &Ctx,
    section: &crate::content::ComparisonSection,
    compared: &[OptionId],
) -> String {
    let lang = ctx.lang;
    let crisis = ctx.crisis();
    let mut words = vec![
        section.title.get(lang).to_string(),
        crisis.fill_plain(section.summary.text(lang)),
    ];
    for option in compared.iter().filter_map(|id| ctx.evidence().option(*id)) {
        words.push(option.name.get(lang).to_string());
        for (row, label) in section.rows.iter().zip(&section.row_labels) {
            words.push(label.get(lang).to_string());
            words.extend(
                option
                    .row(*row)
                    .iter()
                    .map(|claim| crisis.fill_plain(claim.text(lang))),
            );
        }
    }
    sentences(words)
}

/// What Listen reads for a question: the question, its help and its answers.
pub fn question_words(ctx: &Ctx, question: &crate::fit::Question) -> String {
    let lang = ctx.lang;
    let crisis = ctx.crisis();
    let mut words = vec![question.text.get(lang).to_string()];
    words.extend(
        question
            .help
            .iter()
            .map(|help| crisis.fill_plain(help.get(lang))),
    );
    words.extend(
        question
            .choices
            .iter()
            .map(|choice| choice.label.get(lang).to_string()),
    );
    words.extend(
        question
            .priorities
            .iter()
            .map(|priority| priority.label.get(lang).to_string()),
    );
    sentences(words)
}

/// Joins texts into one reading, each ending as a sentence so the voice pauses between them.
pub fn sentences(texts: Vec<String>) -> String {
    texts
        .iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .map(|text| {
            if text.ends_with(['.', '?', '!', ':']) {
                text.to_string()
            } else {
                format!("{text}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
