//! What the build draws into the patient pages' widget element: the live app's first screen
//! in a declarative shadow root, which paints before the script runs, and the static
//! comparison beside it for browsers that run no scripts.

use crate::Result;
use ketamine_tms_widget::content::Lang;
use ketamine_tms_widget::ui::prerender::{
    first_screen_props, StaticComparison, StaticComparisonProps,
};
use ketamine_tms_widget::ui::{App, Content};
use std::rc::Rc;

/// The element of the patient page, empty in `index.html`, that receives both.
const ELEMENT: &str = "<ketamine-tms-widget></ketamine-tms-widget>";

/// The shadow root's own rules beside the widget's stylesheet: the static copy (slotted) is
/// hidden where scripts run, and shows in place of the first screen, whose buttons need the
/// app, where they do not.
const SCRIPT_RULES: &str = ".ktw-no-script{display:none}";
/// Where scripts do not run, the parser reads a `<noscript>` as markup, so this style applies;
/// where they do, it is inert text. (`@media (scripting: none)` did not match in WebKit with
/// scripts turned off, so the build does not rely on it.)
const NO_SCRIPT_STYLE: &str = "<noscript><style>.ktw-no-script{display:contents}[data-ktw-prerender]{display:none}</style></noscript>";

/// `page` with the widget's first screen and the static comparison inside its widget element,
/// and `css` in its head for the static copy.
///
/// The first screen sits in a closed declarative shadow root (`<template shadowrootmode>`),
/// so the browser paints the widget itself before the script runs; the loader takes that root
/// from the element's internals and the app draws the same screen in it in one task. A
/// browser without declarative shadow DOM leaves the template inert and shows the static copy
/// until the app draws, as before.
pub fn into_patient_page(page: &str, css: &str) -> Result<String> {
    if !page.contains(ELEMENT) || !page.contains("</head>") {
        return Err(format!("index.html must hold `{ELEMENT}` and a </head>"));
    }
    if css.contains("</") {
        return Err("the stylesheet must not contain `</`, which would end its <style>".into());
    }
    let content = Rc::new(
        Content::bundled()
            .map_err(|errors| format!("the bundled content is invalid:\n{}", errors.join("\n")))?,
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|err| format!("cannot start a runtime to prerender: {err}"))?;
    let lang = Lang::En;
    let first_screen = runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(first_screen_props(content.clone(), lang))
            .render(),
    );
    let copy = runtime.block_on(
        yew::LocalServerRenderer::<StaticComparison>::with_props(StaticComparisonProps {
            content,
            config: Rc::new(Default::default()),
            lang,
        })
        .render(),
    );
    let tag = lang.tag();
    let element = format!(
        "<ketamine-tms-widget><template shadowrootmode=\"closed\"><style>{css}{SCRIPT_RULES}</style>{NO_SCRIPT_STYLE}\
         <div class=\"ktw-mount\" data-ktw-prerender=\"{tag}\">{first_screen}</div>\
         <slot class=\"ktw-no-script\"></slot></template>{copy}</ketamine-tms-widget>"
    );
    Ok(page.replacen(ELEMENT, &element, 1).replacen(
        "</head>",
        &format!("  <style>{css}</style>\n</head>"),
        1,
    ))
}
