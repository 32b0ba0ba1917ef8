//! What every component reads: the content bundled into the build, and the [`Ctx`] context
//! that carries it with the configuration, the language, the dispatcher and the host page.

use super::events::WidgetEvent;
use super::host::Host;
use super::state::Action;
use super::text;
use crate::config::Config;
use crate::content::i18n::Messages;
use crate::content::{Evidence, Lang};
use crate::crisis::CrisisHelp;
use crate::fit::Questionnaire;
use std::rc::Rc;
use yew::Callback;

/// Everything bundled into the build, read once per widget.
#[derive(Debug)]
pub struct Content {
    pub evidence: Evidence,
    /// The "which might fit me" questions, checked against the evidence they cite.
    pub questionnaire: Rc<Questionnaire>,
    pub english: Messages,
    pub spanish: Messages,
    /// Claim texts split at their glossary terms, once per text and language.
    pub(super) glossed: text::GlossaryCache,
}

impl Content {
    /// The content compiled into the build (validated by `build.rs`).
    pub fn bundled() -> Result<Content, Vec<String>> {
        let bundle = crate::content::Bundle::compiled()?;
        Ok(Content {
            evidence: bundle.evidence,
            questionnaire: Rc::new(bundle.questionnaire),
            english: bundle.english,
            spanish: bundle.spanish,
            glossed: text::GlossaryCache::default(),
        })
    }

    /// The interface strings of `lang`.
    pub fn messages(&self, lang: Lang) -> &Messages {
        match lang {
            Lang::En => &self.english,
            Lang::Es => &self.spanish,
        }
    }
}

/// What every component can read: content, configuration, language and dispatcher. It
/// changes only with the language or the configuration, never with a click.
#[derive(Clone)]
pub struct Ctx {
    pub content: Rc<Content>,
    pub config: Rc<Config>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    /// Sends an event to the host page.
    pub on_event: Callback<WidgetEvent>,
    /// The host page: its URL fragment, storage, print dialog and clipboard.
    pub host: Rc<Host>,
    /// False for the static copy placed in the page for browsers that run no scripts: there,
    /// citations are links to the source list and nothing pretends to be a button.
    pub interactive: bool,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.content, &other.content)
            && Rc::ptr_eq(&self.config, &other.config)
            && self.lang == other.lang
            && self.dispatch == other.dispatch
            && self.on_event == other.on_event
            && self.interactive == other.interactive
            && Rc::ptr_eq(&self.host, &other.host)
    }
}

impl Ctx {
    /// The tag of the heading that is an `h{usual}` at the usual levels (the widget's title an
    /// h2), moved by the clinic's `heading-level`; HTML stops at h6.
    pub fn heading(&self, usual: u8) -> &'static str {
        match self.config.heading_level.of(usual) {
            1 => "h1",
            2 => "h2",
            3 => "h3",
            4 => "h4",
            5 => "h5",
            _ => "h6",
        }
    }

    /// The `aria-level` of that heading when it is deeper than h6, which HTML does not have.
    pub fn heading_aria_level(&self, usual: u8) -> Option<String> {
        let level = self.config.heading_level.of(usual);
        (level > 6).then(|| level.to_string())
    }

    /// The interface strings in the current language.
    pub fn t(&self) -> &Messages {
        self.content.messages(self.lang)
    }

    /// The evidence.
    pub fn evidence(&self) -> &Evidence {
        &self.content.evidence
    }

    /// The crisis line and emergency number of this widget, in the current language.
    pub fn crisis(&self) -> CrisisHelp {
        self.config.crisis_help(self.lang)
    }

    /// `text` in the current language split at its glossary terms, split once and then shared.
    pub fn glossed(&self, text: &str) -> text::Glossed {
        self.content
            .glossed
            .get(&self.content.evidence.glossary, self.lang, text)
    }
}
