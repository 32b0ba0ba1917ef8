//! Turning plain evidence text into markup: glossary terms become buttons, crisis numbers links.

use super::state::Action;
use super::Ctx;
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

/// Text with its glossary terms as buttons; `place` keeps each button's id unique.
pub fn with_terms(ctx: &Ctx, text: &str, place: &str) -> Html {
    if !ctx.interactive {
        return html! { text };
    }
    let terms: Vec<(&str, &str)> = ctx
        .evidence()
        .glossary
        .iter()
        .map(|term| (term.id.as_str(), term.term.get(ctx.lang)))
        .collect();
    let pieces = split_terms(text, &terms);
    html! {
        for piece in pieces {
            { match piece {
                Piece::Plain(plain) => html! { plain },
                Piece::Term { text, id } => {
                    let key = format!("{place}~{id}");
                    let open = ctx.state.open_term.as_deref() == Some(key.as_str());
                    html! {
                        <button
                            type="button"
                            class="ktw-term"
                            aria-expanded={open.to_string()}
                            aria-controls={format!("def-{key}")}
                            onclick={ctx.dispatch.reform(move |_| Action::ToggleTerm(key.clone()))}
                        >{ text }</button>
                    }
                }
            } }
        }
    }
}

/// The definition of the glossary term opened from `place`, if one is open there.
pub fn open_definition(ctx: &Ctx, place: &str) -> Html {
    let Some(key) = ctx.state.open_term.as_deref() else {
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
    let close = ctx.dispatch.reform(|_| Action::CloseTerm);
    html! {
        <div class="ktw-definition" id={format!("def-{key}")} role="note">
            <strong>{ term.term.get(ctx.lang) }</strong>{ ": " }{ term.definition.get(ctx.lang) }
            { " " }
            <button type="button" class="ktw-link-button" onclick={close}>{ &ctx.t().close }</button>
        </div>
    }
}

/// Text with the US crisis numbers 988 and 911 as call links.
pub fn with_phone_links(text: &str) -> Html {
    let terms = [("988", "988"), ("911", "911")];
    html! {
        for piece in split_terms(text, &terms) {
            { match piece {
                Piece::Plain(plain) => html! { plain },
                Piece::Term { text, .. } => html! { <a href={format!("tel:{text}")}>{ text }</a> },
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
