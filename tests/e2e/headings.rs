//! End-to-end check of the `heading-level` attribute (issue 14, item 10): a clinic can fit the
//! widget's headings under its own page outline. With `heading-level="3"` the widget's top
//! heading is an h3, every other one follows from it without skipping a level, on the
//! comparison and on the results with every section open; headings deeper than h6 keep h6 and
//! say their level with `aria-level`. Without the attribute the top heading stays an h2.

use crate::results_summary::{full_answers, open_part};
use crate::support::browser::{Browser, Servers};
use crate::support::widget_page::WidgetPage;
use ketamine_tms_widget::fit::encode_fragment;
use serde_json::{json, Value};

/// Every shown heading in the widget, in order, by its level (its `aria-level`, else its tag).
const LEVELS: &str = "return [...root.querySelectorAll('h1, h2, h3, h4, h5, h6, [role=heading]')]\
    .filter(h => h.getClientRects().length > 0)\
    .map(h => Number(h.getAttribute('aria-level') || h.tagName.slice(1)));";

/// Fails unless `levels` starts at `top` and never goes more than one level deeper at a time.
fn assert_outline(levels: &Value, top: u64, state: &str) {
    let levels: Vec<u64> = levels
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_u64)
        .collect();
    assert!(!levels.is_empty(), "{state}: no headings");
    assert_eq!(
        levels.iter().min(),
        Some(&top),
        "{state}: the top heading: {levels:?}"
    );
    assert!(
        levels
            .windows(2)
            .all(|pair| matches!(pair, [above, below] if *below <= above + 1)),
        "{state}: a level is skipped: {levels:?}"
    );
}

#[tokio::test]
async fn heading_level_puts_the_widgets_headings_under_the_pages_own() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("basic.html")).await;
    let widget = WidgetPage::first(&browser);
    assert_outline(&widget.run(LEVELS).await, 2, "the default");

    browser
        .open(&format!(
            "{}#ktw={}",
            servers.page("heading-level.html"),
            encode_fragment(&full_answers())
        ))
        .await;
    browser.wait_for("#ktw-results-heading").await;
    let widget = WidgetPage::first(&browser);
    for part in ["deciding", "options", "priorities", "sources"] {
        open_part(&browser, part).await;
    }
    let levels = widget.run(LEVELS).await;
    assert_outline(
        &levels,
        3,
        "the results with every section open, under an h2",
    );
    assert!(
        levels.as_array().is_some_and(|all| all.contains(&json!(7))),
        "the option names sit at level 7, as aria-level on an h6: {levels}"
    );
    browser.close().await;
}
