//! "Remember my answers on this device" and "Clear my answers", under every screen. Clearing
//! asks first, since it also wipes the copy on the device and cannot be undone: the question
//! takes focus on "Keep my answers", and Escape keeps them too.

use super::on;
use super::state::{FitAction, FitEffect, FitState};
use crate::ui::Ctx;
use yew::prelude::*;

/// The buttons focus moves to while clearing: "Keep my answers", and "Clear my answers".
#[derive(Clone, PartialEq)]
pub struct ClearRefs {
    pub keep: NodeRef,
    pub clear: NodeRef,
}

impl ClearRefs {
    /// Moves focus as the effects that just ran ask.
    pub fn focus(&self, due: &[FitEffect]) {
        let target = if due.contains(&FitEffect::FocusClearQuestion) {
            &self.keep
        } else if due.contains(&FitEffect::FocusClearButton) {
            &self.clear
        } else {
            return;
        };
        if let Some(button) = target.cast::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

/// The remember box, with "Clear my answers" or, once pressed, the question that confirms it.
pub fn remember_box(ctx: &Ctx, fit: &FitState, refs: &ClearRefs) -> Html {
    let t = ctx.t();
    let remember = fit.remember;
    let help = if fit.storage_blocked {
        &t.fit_storage_blocked
    } else {
        &t.fit_remember_help
    };
    let show_clear = remember || !fit.answers.is_empty() || fit.mood_check.is_some();
    let keep_on_escape = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                dispatch.emit(crate::ui::state::Action::Fit(FitAction::KeepAnswers));
            }
        })
    };
    html! {
        <div class="ktw-remember">
            <label class="ktw-check" for="ktw-remember">
                <input type="checkbox" id="ktw-remember" checked={remember}
                       aria-describedby="ktw-remember-help"
                       onchange={on(ctx, FitAction::SetRemember(!remember))} />
                <span>{ &t.fit_remember }</span>
            </label>
            <p id="ktw-remember-help" class="ktw-help">{ help }</p>
            if show_clear && fit.confirm_clear {
                <div class="ktw-clear-confirm" role="group" aria-labelledby="ktw-clear-question"
                     onkeydown={keep_on_escape}>
                    <p id="ktw-clear-question"><strong>{ &t.fit_clear_question }</strong></p>
                    <div class="ktw-nav">
                        <button type="button" id="ktw-clear-keep" class="ktw-button" ref={refs.keep.clone()}
                                aria-describedby="ktw-clear-question"
                                onclick={on(ctx, FitAction::KeepAnswers)}>{ &t.fit_clear_keep }</button>
                        <button type="button" id="ktw-clear-yes" class="ktw-button ktw-secondary"
                                onclick={on(ctx, FitAction::ClearAll)}>{ &t.fit_clear_yes }</button>
                    </div>
                </div>
            } else if show_clear {
                <button type="button" id="ktw-clear" class="ktw-button ktw-secondary" ref={refs.clear.clone()}
                        onclick={on(ctx, FitAction::AskClear)}>{ &t.fit_clear }</button>
            }
        </div>
    }
}
