//! The short message a widget shows when it cannot work, built with plain DOM calls so it
//! still appears when the data or the app itself has failed. Its crisis sentence comes from
//! [`super::crisis`], which needs no bundled content.

use crate::config::Config;
use crate::content::Lang;
use crate::crisis::Piece;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// The words of the failure message in one language.
struct Words {
    title: &'static str,
    page_fine: &'static str,
    call: &'static str,
    book: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            title: "Sorry, this treatment guide could not load.",
            page_fine: "The rest of this page still works.",
            call: "To talk about your options, call",
            book: "Book a visit",
        },
        Lang::Es => Words {
            title: "Lo sentimos, esta guía de tratamientos no pudo cargarse.",
            page_fine: "El resto de esta página sigue funcionando.",
            call: "Para hablar de sus opciones, llame a",
            book: "Pida una cita",
        },
    }
}

/// Why a widget shows its failure message, as given in the `ktw-error` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The bundled data or catalogues failed their checks.
    Data,
    /// The widget stopped after an internal error (a panic).
    Internal,
}

impl Reason {
    fn as_str(self) -> &'static str {
        match self {
            Reason::Data => "data",
            Reason::Internal => "internal",
        }
    }
}

/// Replaces the contents of `container` with the failure message for `config`, and tells
/// the host page with a `ktw-error` event.
pub fn show(container: &Element, config: &Config, lang: Lang, reason: Reason) {
    draw(container, config, lang);
    let host = container
        .parent_node()
        .and_then(|node| node.dyn_into::<web_sys::ShadowRoot>().ok())
        .map(|root| root.host());
    if let Some(host) = host {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"reason".into(), &reason.as_str().into());
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("ktw-error", &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}

fn draw(container: &Element, config: &Config, lang: Lang) {
    let Some(document) = container.owner_document() else {
        return;
    };
    let words = words(lang);
    container.set_inner_html("");
    let _ = container.set_attribute("data-ktw-failed", "");
    let Some(root) = element(&document, "div", Some("ktw ktw-failure")) else {
        return;
    };
    let _ = root.set_attribute("role", "alert");
    let _ = root.set_attribute("lang", lang.tag());
    let _ = root.set_attribute("part", "base");
    if let Some(title) = element(&document, "p", Some("ktw-failure-title")) {
        title.set_text_content(Some(&format!("{} {}", words.title, words.page_fine)));
        let _ = root.append_child(&title);
    }
    if let Some(phone) = &config.phone {
        if let (Some(line), Some(link)) =
            (element(&document, "p", None), element(&document, "a", None))
        {
            let who = config
                .clinic_name
                .as_deref()
                .map(|name| format!(" {name}"))
                .unwrap_or_default();
            line.set_text_content(Some(&format!("{}{who}: ", words.call)));
            let _ = link.set_attribute("href", &format!("tel:{}", phone.dial));
            link.set_text_content(Some(&phone.display));
            let _ = line.append_child(&link);
            let _ = root.append_child(&line);
        }
    }
    if let Some(url) = &config.booking_url {
        if let (Some(line), Some(link)) =
            (element(&document, "p", None), element(&document, "a", None))
        {
            let _ = link.set_attribute("href", url);
            link.set_text_content(Some(words.book));
            let _ = line.append_child(&link);
            let _ = root.append_child(&line);
        }
    }
    if let Some(line) = element(&document, "p", Some("ktw-crisis")) {
        for piece in config.crisis_help(lang).banner() {
            match piece {
                Piece::Text(text) => {
                    let _ = line.append_with_str_1(&text);
                }
                Piece::Call { dial, text } => append_tel(&document, &line, &dial, &text),
            }
        }
        let _ = root.append_child(&line);
    }
    let _ = container.append_child(&root);
}

fn element(document: &Document, tag: &str, class: Option<&str>) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    if let Some(class) = class {
        element.set_class_name(class);
    }
    Some(element)
}

fn append_tel(document: &Document, parent: &Element, dial: &str, display: &str) {
    if let Some(link) = element(document, "a", None) {
        let _ = link.set_attribute("href", &format!("tel:{dial}"));
        link.set_text_content(Some(display));
        let _ = parent.append_child(&link);
    }
}
