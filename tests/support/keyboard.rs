//! Keyboard input in a browser session: single keys, Shift with a key, and moving the focus
//! with Tab until it reaches a control, as a person without a mouse would.

use super::browser::Browser;
use super::engine::Engine;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use serde_json::json;

impl Browser {
    /// Presses and releases one key (use `fantoccini::key::Key` values for special keys).
    pub async fn press(&self, key: char) {
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("press a key");
    }

    /// Presses Shift+`key`.
    pub async fn press_shifted(&self, key: char) {
        let shift = '\u{E008}';
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: shift })
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key })
            .then(KeyAction::Up { value: shift });
        self.client
            .perform_actions(actions)
            .await
            .expect("press a key");
    }

    /// A short description of the element focused inside widget `index`, if any.
    pub async fn focused(&self, index: usize) -> String {
        let value = self
            .in_widget(
                index,
                "const a = root.activeElement; if (!a) return ''; \
                 return a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + ' ' + (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 80);",
            )
            .await;
        value.as_str().unwrap_or("").to_string()
    }

    /// Presses Tab until the element focused in widget `index` matches `selector`; the
    /// journey uses the keyboard only, as a person without a mouse would.
    pub async fn tab_to(&self, index: usize, selector: &str, max_presses: usize) {
        self.move_focus_to(index, selector, max_presses, false)
            .await;
    }

    /// Presses Shift+Tab until the focused element matches `selector`: back up the page, as a
    /// keyboard user would rather than leaving it (Firefox sends Tab past the page's end into
    /// its own toolbar, where it stays).
    pub async fn shift_tab_to(&self, index: usize, selector: &str, max_presses: usize) {
        self.move_focus_to(index, selector, max_presses, true).await;
    }

    /// Presses Tab or Shift+Tab, whichever way `selector` lies from the focused element in
    /// the page's order, until the focus reaches it.
    pub async fn keyboard_to(&self, index: usize, selector: &str, max_presses: usize) {
        let script = format!(
            "const target = root.querySelector({}); const a = root.activeElement;\
             return !!(target && a && (a.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING));",
            serde_json::to_string(selector).unwrap()
        );
        let back = self.in_widget(index, &script).await == json!(true);
        self.move_focus_to(index, selector, max_presses, back).await;
    }

    async fn move_focus_to(&self, index: usize, selector: &str, max_presses: usize, back: bool) {
        // Each step also checks that a focused control inside the widget shows its focus
        // ring (an outline of 2 px or more); headings the widget focuses itself are exempt.
        // WebKitGTK does not always count WebDriver's keys as keyboard use, and then rightly
        // shows no `:focus-visible` ring; there only a ring it does show is checked.
        let unsure_modality = self.engine == Engine::WebKit;
        let check = format!(
            "const a = root.activeElement; if (!a) return {{ hit: false, ring: true }};\
             const s = getComputedStyle(a); const drawn = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;\
             const ring = a.getAttribute('tabindex') === '-1' || (a.matches(':focus-visible') ? drawn : {unsure_modality});\
             return {{ hit: a.matches({selector}), ring, what: a.tagName.toLowerCase() + (a.id ? '#' + a.id : '') + '.' + String(a.className).split(' ').join('.') }};",
            selector = serde_json::to_string(selector).unwrap()
        );
        for _ in 0..max_presses {
            let focus = self.in_widget(index, &check).await;
            assert_eq!(
                focus["ring"],
                json!(true),
                "the focused control shows no focus ring: {focus}"
            );
            if focus["hit"] == json!(true) {
                return;
            }
            if back {
                self.press_shifted('\u{E004}').await;
            } else {
                self.press('\u{E004}').await;
            }
        }
        panic!(
            "{} never reached `{selector}` in {max_presses} presses (focused: {})",
            if back { "Shift+Tab" } else { "Tab" },
            self.focused(index).await
        );
    }

    /// Resizes the window for a page `width` CSS px wide and says so when the engine keeps it
    /// wider (WebKit's MiniBrowser stops at about 450 px), so a narrow check never passes
    /// silently at another width.
    pub async fn set_width(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        let inner = self.eval("return window.innerWidth;").await;
        if inner.as_u64().unwrap_or(0) > u64::from(width) + 20 {
            eprintln!(
                "[{}] note: asked for a {width} px window, the page is {inner} px wide",
                self.engine.name()
            );
        }
    }

    /// Fails unless the element focused in widget `index` matches `selector`, for example the
    /// control just pressed after the widget re-rendered: focus is never lost.
    pub async fn assert_focused(&self, index: usize, selector: &str) {
        let script = format!(
            "const a = root.activeElement; return !!(a && a.matches({}));",
            serde_json::to_string(selector).unwrap()
        );
        if self.in_widget(index, &script).await != json!(true) {
            panic!(
                "focus left `{selector}` (focused: {:?})",
                self.focused(index).await
            );
        }
    }
}
