//! Pointer input in a browser session: real WebDriver clicks on elements in a widget's closed
//! shadow root, each scrolled into view and drawn first, as a person sees a control before
//! pressing it.

use super::browser::{nth_widget_root, Browser};
use serde_json::Value;

impl Browser {
    /// A real WebDriver click on the element matching `selector` in the first widget's shadow
    /// root. As a person would, it first scrolls the element into view and lets the page draw
    /// what came into view (the comparison lays out its cells only near the screen), then
    /// clicks; inside a frame it scrolls to the middle (WebKit's and Firefox's drivers miss
    /// there otherwise).
    pub async fn click(&self, selector: &str) {
        let block = if self.in_frame.get() {
            "center"
        } else {
            "nearest"
        };
        let scroll = format!(
            "const done = arguments[arguments.length - 1];\
             const root = {};\
             const el = root && root.querySelector({});\
             if (el) {{ el.scrollIntoView({{ block: '{block}', inline: 'nearest' }}); }}\
             setTimeout(() => done(true), 500);\
             requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
            nth_widget_root(0),
            serde_json::to_string(selector).unwrap()
        );
        let _ = self.client.execute_async(&scroll, vec![]).await;
        self.widget_element(0, selector)
            .await
            .click()
            .await
            .unwrap_or_else(|err| panic!("clicking {selector} failed: {err}"));
    }

    /// The element matching `selector` in widget number `index`'s (closed) shadow root, found
    /// through the root `open-shadow.js` kept, as a WebDriver element for real input.
    pub async fn widget_element(
        &self,
        index: usize,
        selector: &str,
    ) -> fantoccini::elements::Element {
        let value = self
            .in_widget(
                index,
                &format!(
                    "return root.querySelector({});",
                    serde_json::to_string(selector).unwrap()
                ),
            )
            .await;
        let id = value
            .as_object()
            .and_then(|object| object.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no {selector} in the widget: {value}"));
        fantoccini::elements::Element::from_element_id(
            self.client.clone(),
            fantoccini::elements::ElementRef::from(id.to_string()),
        )
    }
}
