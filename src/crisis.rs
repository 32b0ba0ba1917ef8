//! Crisis help in one place: every crisis sentence, number and link the widget shows is made
//! here from the clinic's configuration and the language.
//!
//! The US numbers are written only in this file. Content text (questions, catalogues, `meta`)
//! says `{crisis}` for how to reach the crisis line ("call or text 988", "call Samaritans
//! (116 123)") and `{emergency}` for the emergency number, and [`CrisisHelp::fill`] turns it
//! into text and call links. The sentences themselves live here, not in the catalogues,
//! because the failure message must show them when the bundled content has failed, and
//! `cargo xtask dist` writes the same templates into the loader for the message it shows
//! without WebAssembly ([`loader_templates`]). This is pure Rust, below `config`, which
//! reads the clinic's numbers into the [`Phone`] and [`CrisisLine`] types declared here.

use crate::content::Lang;

/// The US Suicide and Crisis Lifeline, shown unless the clinic sets `crisis-line`.
pub const US_CRISIS_LINE: &str = "988";
/// The US emergency number, shown unless the clinic sets `emergency-number`.
pub const US_EMERGENCY: &str = "911";

/// The marker in content text for how to reach the crisis line, an imperative phrase.
pub const CRISIS: &str = "{crisis}";
/// The marker in content text for the emergency number.
pub const EMERGENCY: &str = "{emergency}";
/// The slot, inside a template, for the crisis line's name.
pub const LINE_NAME: &str = "{line-name}";
/// The slot, inside a template, for the crisis line's number (a call link).
pub const LINE_NUMBER: &str = "{line-number}";

/// A phone number as shown, with the digits used in `tel:` and `sms:` links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    pub display: String,
    /// Digits with an optional leading `+`, safe to put in a link.
    pub dial: String,
}

/// A crisis line to show instead of the US Suicide and Crisis Lifeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrisisLine {
    pub name: String,
    pub phone: Phone,
}

/// One piece of a crisis sentence: plain text, or a link to call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A `tel:` link showing `text`.
    Call {
        dial: String,
        text: String,
    },
}

/// A large link to reach help now: `tel:` or `sms:`, its words, and whether it comes first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpLink {
    pub href: String,
    pub label: String,
    pub main: bool,
}

/// The crisis line to show: the US Lifeline, which also takes texts, or the clinic's own.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Line {
    Us,
    Own { name: String, phone: Phone },
}

/// The crisis line and emergency number of one widget, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrisisHelp {
    lang: Lang,
    line: Line,
    emergency: Phone,
}

/// The words around the numbers, in one language.
struct Words {
    /// How to reach the US line; replaces `{crisis}`.
    reach_us: &'static str,
    /// How to reach the clinic's own line; replaces `{crisis}`.
    reach_own: &'static str,
    banner: &'static str,
    call: &'static str,
    text: &'static str,
    call_own: &'static str,
    danger: &'static str,
    call_now: &'static str,
    us_note: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            reach_us: "call or text {line-number}",
            reach_own: "call {line-name} ({line-number})",
            banner: "If you are thinking about suicide or hurting yourself, {crisis} now. In an emergency, call {emergency}.",
            call: "Call {number}",
            text: "Text {number}",
            call_own: "Call {name}: {number}",
            danger: "In danger right now? Call {number}",
            call_now: "Call {number} now",
            us_note: "{number} is the Suicide and Crisis Lifeline in the US. It is free and open day and night. For Spanish, press 2.",
        },
        Lang::Es => Words {
            reach_us: "llame o envíe un mensaje de texto al {line-number}",
            reach_own: "llame a {line-name} ({line-number})",
            banner: "Si está pensando en el suicidio o en hacerse daño, {crisis} ahora. En una emergencia, llame al {emergency}.",
            call: "Llame al {number}",
            text: "Envíe un texto al {number}",
            call_own: "Llame a {name}: {number}",
            danger: "¿En peligro ahora? Llame al {number}",
            call_now: "Llame al {number} ahora",
            us_note: "El {number} es la Línea de Prevención del Suicidio y Crisis en EE. UU. Es gratis y atiende de día y de noche. Para español, marque 2.",
        },
    }
}

fn us_phone(number: &str) -> Phone {
    Phone {
        display: number.to_string(),
        dial: number.to_string(),
    }
}

impl CrisisHelp {
    /// The help to show in `lang`: the clinic's crisis line and emergency number where it set
    /// them (`Config::crisis_help` passes them), else the US ones.
    pub fn new(
        crisis_line: Option<&CrisisLine>,
        emergency: Option<&Phone>,
        lang: Lang,
    ) -> CrisisHelp {
        let line = match crisis_line {
            Some(own) => Line::Own {
                name: own.name.clone(),
                phone: own.phone.clone(),
            },
            None => Line::Us,
        };
        let emergency = emergency.cloned().unwrap_or_else(|| us_phone(US_EMERGENCY));
        CrisisHelp {
            lang,
            line,
            emergency,
        }
    }

    /// The crisis line's number.
    fn line_phone(&self) -> Phone {
        match &self.line {
            Line::Us => us_phone(US_CRISIS_LINE),
            Line::Own { phone, .. } => phone.clone(),
        }
    }

    /// `text` with `{crisis}` and `{emergency}` made into words and call links.
    pub fn fill(&self, text: &str) -> Vec<Piece> {
        let words = words(self.lang);
        let reach = match self.line {
            Line::Us => words.reach_us,
            Line::Own { .. } => words.reach_own,
        };
        let text = text.replace(CRISIS, reach);
        let name = match &self.line {
            Line::Us => "",
            Line::Own { name, .. } => name.as_str(),
        };
        let line = self.line_phone();
        let mut pieces = Vec::new();
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let next = [LINE_NAME, LINE_NUMBER, EMERGENCY]
                .into_iter()
                .filter_map(|slot| rest.find(slot).map(|at| (at, slot)))
                .min();
            let Some((at, slot)) = next else {
                push_text(&mut pieces, rest);
                break;
            };
            push_text(&mut pieces, rest.get(..at).unwrap_or(""));
            match slot {
                LINE_NAME => push_text(&mut pieces, name),
                LINE_NUMBER => pieces.push(call(&line)),
                _ => pieces.push(call(&self.emergency)),
            }
            rest = rest.get(at + slot.len()..).unwrap_or("");
        }
        pieces
    }

    /// `text` filled as plain words, for places that cannot hold links.
    pub fn fill_plain(&self, text: &str) -> String {
        plain(&self.fill(text))
    }

    /// The crisis sentence always in view: the footer, the static copy and the failure message.
    pub fn banner(&self) -> Vec<Piece> {
        self.fill(words(self.lang).banner)
    }

    /// The large links of a crisis panel. With `urgent`, the emergency number comes first.
    pub fn links(&self, urgent: bool) -> Vec<HelpLink> {
        let words = words(self.lang);
        let line = self.line_phone();
        let mut links = Vec::new();
        match &self.line {
            Line::Us => {
                links.push(help_link("tel", &line, words.call, ""));
                links.push(help_link("sms", &line, words.text, ""));
            }
            Line::Own { name, phone } => {
                links.push(help_link("tel", phone, words.call_own, name));
            }
        }
        let emergency = if urgent { words.call_now } else { words.danger };
        let emergency = help_link("tel", &self.emergency, emergency, "");
        if urgent {
            links.insert(0, emergency);
        } else {
            links.push(emergency);
        }
        if let Some(first) = links.first_mut() {
            first.main = true;
        }
        links
    }

    /// What the US line is and that it speaks Spanish; nothing for a clinic's own line.
    pub fn line_note(&self) -> Option<String> {
        match self.line {
            Line::Us => Some(words(self.lang).us_note.replace("{number}", US_CRISIS_LINE)),
            Line::Own { .. } => None,
        }
    }
}

fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_string()));
    }
}

fn call(phone: &Phone) -> Piece {
    Piece::Call {
        dial: phone.dial.clone(),
        text: phone.display.clone(),
    }
}

fn help_link(scheme: &str, phone: &Phone, label: &str, name: &str) -> HelpLink {
    HelpLink {
        href: format!("{scheme}:{}", phone.dial),
        label: label
            .replace("{name}", name)
            .replace("{number}", &phone.display),
        main: false,
    }
}

/// The pieces as one plain string.
pub fn plain(pieces: &[Piece]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.as_str(),
            Piece::Call { text, .. } => text.as_str(),
        })
        .collect()
}

/// The banner templates the loader fills itself when WebAssembly cannot run, for each
/// language: `(lang, with the US line, with a clinic's own line)`. Each keeps the slots
/// [`LINE_NAME`], [`LINE_NUMBER`] and [`EMERGENCY`]; `cargo xtask dist` writes them into
/// `loader.js` with [`US_CRISIS_LINE`] and [`US_EMERGENCY`].
pub fn loader_templates() -> Vec<(Lang, String, String)> {
    Lang::ALL
        .into_iter()
        .map(|lang| {
            let words = words(lang);
            (
                lang,
                words.banner.replace(CRISIS, words.reach_us),
                words.banner.replace(CRISIS, words.reach_own),
            )
        })
        .collect()
}

/// The first US crisis number written in `text` as a number of its own (not inside a longer
/// one), if any. Content text must use `{crisis}` and `{emergency}` instead, so that a
/// clinic's `crisis-line` and `emergency-number` reach every place.
pub fn us_number_in(text: &str) -> Option<&'static str> {
    [US_CRISIS_LINE, US_EMERGENCY].into_iter().find(|number| {
        text.match_indices(number).any(|(at, _)| {
            let before = text.get(..at).and_then(|head| head.chars().next_back());
            let after = text
                .get(at + number.len()..)
                .and_then(|tail| tail.chars().next());
            !before.is_some_and(|ch| ch.is_ascii_digit())
                && !after.is_some_and(|ch| ch.is_ascii_digit())
        })
    })
}
