//! Turning plain evidence text into markup: glossary terms become buttons, crisis numbers links.

use super::state::{Action, OpenDetails};
use super::Ctx;
use crate::content::{Lang, Term};
use crate::crisis;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// A run of text, either plain or a glossary term with its id.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Term { text: &'a str, id: &'a str },
}

/// Splits `text` at the first whole-word, case-insensitive match of each term.
///
/// `terms` holds `(id, term)` pairs. Overlapping matches keep the earlier, longer one.
pub fn split_terms<'a>(text: &'a str, terms: &[(&'a str, &'a str)]) -> Vec<Piece<'a>> {
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths for a few scripts; then positions would not line up.
    if lower.len() != text.len() {
        return vec![Piece::Plain(text)];
    }
    let mut matches: Vec<(usize, usize, &str)> = Vec::new();
    for (id, term) in terms {
        let needle = term.to_lowercase();
        if needle.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|rest| rest.find(&needle)) {
            let start = from + found;
            let end = start + needle.len();
            if is_word_edge(&lower, start, end) {
                matches.push((start, end, id));
                break;
            }
            from = end;
        }
    }
    matches.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut pieces = Vec::new();
    let mut cursor = 0;
    for (start, end, id) in matches {
        if start < cursor {
            continue;
        }
        if let (Some(before), Some(term)) = (text.get(cursor..start), text.get(start..end)) {
            if !before.is_empty() {
                pieces.push(Piece::Plain(before));
            }
            pieces.push(Piece::Term { text: term, id });
            cursor = end;
        }
    }
    if let Some(rest) = text.get(cursor..) {
        if !rest.is_empty() {
            pieces.push(Piece::Plain(rest));
        }
    }
    pieces
}

fn is_word_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|head| head.chars().next_back());
    let after = text.get(end..).and_then(|tail| tail.chars().next());
    let is_word = |ch: Option<char>| ch.is_some_and(|ch| ch.is_alphanumeric());
    !is_word(before) && !is_word(after)
}

/// A run of claim text kept for rendering: plain, or a glossary term with its id.
#[derive(Debug, PartialEq)]
enum Segment {
    Plain(AttrValue),
    Term { text: AttrValue, id: AttrValue },
}

/// One text in one language, split at its glossary terms once and then shared: two are equal
/// only when they are the same split, so comparing component props costs a pointer check.
#[derive(Clone, Debug)]
pub struct Glossed(Rc<GlossedText>);

#[derive(Debug)]
struct GlossedText {
    whole: AttrValue,
    segments: Vec<Segment>,
}

impl PartialEq for Glossed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Glossed {
    fn split(text: &str, terms: &[(&str, &str)]) -> Glossed {
        let segments = split_terms(text, terms)
            .into_iter()
            .map(|piece| match piece {
                Piece::Plain(plain) => Segment::Plain(AttrValue::from(plain.to_string())),
                Piece::Term { text, id } => Segment::Term {
                    text: AttrValue::from(text.to_string()),
                    id: AttrValue::from(id.to_string()),
                },
            })
            .collect();
        Glossed(Rc::new(GlossedText {
            whole: AttrValue::from(text.to_string()),
            segments,
        }))
    }
}

/// Every claim text already split at its glossary terms, per language, filled on first use:
/// a text is split once per widget, not on every render.
#[derive(Debug, Default)]
pub struct GlossaryCache {
    english: RefCell<HashMap<String, Glossed>>,
    spanish: RefCell<HashMap<String, Glossed>>,
}

impl GlossaryCache {
    /// `text` in `lang` split at the terms of `glossary`, from the cache when it was split before.
    pub fn get(&self, glossary: &[Term], lang: Lang, text: &str) -> Glossed {
        let cache = match lang {
            Lang::En => &self.english,
            Lang::Es => &self.spanish,
        };
        if let Some(found) = cache
            .try_borrow()
            .ok()
            .and_then(|map| map.get(text).cloned())
        {
            return found;
        }
        let terms: Vec<(&str, &str)> = glossary
            .iter()
            .map(|term| (term.id.as_str(), term.term.get(lang)))
            .collect();
        let glossed = Glossed::split(text, &terms);
        if let Ok(mut map) = cache.try_borrow_mut() {
            map.insert(text.to_string(), glossed.clone());
        }
        glossed
    }
}

/// Text with its glossary terms as buttons; `place` keeps each button's id unique.
pub fn with_terms(ctx: &Ctx, details: &OpenDetails, text: &Glossed, place: &str) -> Html {
    if !ctx.interactive {
        return html! { text.0.whole.clone() };
    }
    html! {
        for segment in text.0.segments.iter() {
            { match segment {
                Segment::Plain(plain) => html! { plain.clone() },
                Segment::Term { text, id } => {
                    let key = format!("{place}~{id}");
                    let open = details.open_term.as_deref() == Some(key.as_str());
                    let controls = format!("def-{key}");
                    let onkeydown = super::panel::close_on_escape(ctx, open, Action::CloseTerm);
                    html! {
                        <button
                            type="button"
                            class="ktw-term"
                            aria-expanded={if open { "true" } else { "false" }}
                            aria-controls={controls}
                            onclick={ctx.dispatch.reform(move |_| Action::ToggleTerm(key.clone()))}
                            {onkeydown}
                        >{ text.clone() }</button>
                    }
                }
            } }
        }
    }
}

/// The definition of the glossary term opened from `place`, if one is open there.
pub fn open_definition(ctx: &Ctx, details: &OpenDetails, place: &str) -> Html {
    let Some(key) = details.open_term.as_deref() else {
        return Html::default();
    };
    let Some(id) = key
        .strip_prefix(place)
        .and_then(|rest| rest.strip_prefix('~'))
    else {
        return Html::default();
    };
    let Some(term) = ctx.evidence().glossary.iter().find(|term| term.id == id) else {
        return Html::default();
    };
    let panel = format!("def-{key}");
    let (onkeydown, onclick) = super::panel::close_handlers(ctx, &panel, Action::CloseTerm);
    html! {
        <div class="ktw-definition" id={panel} role="note" {onkeydown}>
            <strong>{ term.term.get(ctx.lang) }</strong>{ ": " }{ term.definition.get(ctx.lang) }
            { " " }
            <button type="button" class="ktw-link-button" {onclick}>{ &ctx.t().close }</button>
        </div>
    }
}

/// A crisis sentence from [`crate::crisis`], its numbers as call links.
pub fn crisis_pieces(pieces: &[crisis::Piece]) -> Html {
    html! {
        for piece in pieces {
            { match piece {
                crisis::Piece::Text(text) => html! { text },
                crisis::Piece::Call { dial, text } => html! { <a href={format!("tel:{dial}")}>{ text }</a> },
            } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_found_once_as_whole_words() {
        let terms = [("remission", "remission"), ("sham", "sham")];
        let cases: &[(&str, Vec<Piece>)] = &[
            ("No terms here.", vec![Piece::Plain("No terms here.")]),
            (
                "Remission was rare; remission again.",
                vec![
                    Piece::Term {
                        text: "Remission",
                        id: "remission",
                    },
                    Piece::Plain(" was rare; remission again."),
                ],
            ),
            (
                "Shampoo is not a term.",
                vec![Piece::Plain("Shampoo is not a term.")],
            ),
            (
                "A sham group had less remission.",
                vec![
                    Piece::Plain("A "),
                    Piece::Term {
                        text: "sham",
                        id: "sham",
                    },
                    Piece::Plain(" group had less "),
                    Piece::Term {
                        text: "remission",
                        id: "remission",
                    },
                    Piece::Plain("."),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&split_terms(text, &terms), expected, "{text}");
        }
    }
}
