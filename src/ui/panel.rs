//! Closing a panel the widget opened in place (a source, a definition): Escape or its close
//! button closes it and puts the focus back on the button that opened it, never on the page.

use super::state::Action;
use super::Ctx;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The key handler of a button that opens a panel: while the panel is open, Escape closes it
/// with `close` and goes no further; otherwise Escape is left to the page.
pub fn close_on_escape(ctx: &Ctx, open: bool, close: Action) -> Callback<KeyboardEvent> {
    let dispatch = ctx.dispatch.clone();
    Callback::from(move |event: KeyboardEvent| {
        if open && event.key() == "Escape" {
            event.prevent_default();
            event.stop_propagation();
            dispatch.emit(close.clone());
        }
    })
}

/// The Escape handler of the open panel `panel` and the click handler of its close button:
/// both close it with `close` and move the focus back to the button that opened it.
pub fn close_handlers(
    ctx: &Ctx,
    panel: &str,
    close: Action,
) -> (Callback<KeyboardEvent>, Callback<MouseEvent>) {
    let onkeydown = {
        let dispatch = ctx.dispatch.clone();
        let panel = panel.to_string();
        let close = close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                // The widget used this Escape, so a host's modal dialog must not close too.
                event.prevent_default();
                event.stop_propagation();
                focus_opener(&event, &panel);
                dispatch.emit(close.clone());
            }
        })
    };
    let onclick = {
        let dispatch = ctx.dispatch.clone();
        let panel = panel.to_string();
        Callback::from(move |event: MouseEvent| {
            focus_opener(&event, &panel);
            dispatch.emit(close.clone());
        })
    };
    (onkeydown, onclick)
}

/// Moves the focus to the button in the same widget that controls the panel `panel`, so
/// closing the panel does not drop the focus to the page's body.
fn focus_opener(event: &Event, panel: &str) {
    let Some(target) = event.target_dyn_into::<web_sys::Element>() else {
        return;
    };
    let selector = format!("button[aria-controls=\"{panel}\"]");
    let opener = target
        .closest(".ktw")
        .ok()
        .flatten()
        .and_then(|widget| widget.query_selector(&selector).ok().flatten())
        .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = opener {
        let _ = button.focus();
    }
}
