//! A page object for the end-to-end tests: what a person does with one widget on the page
//! (open the questionnaire, answer a question, press Next, read the results), written once
//! here over the WebDriver client in `browser.rs`, so the suites say what they do and not
//! which shadow-root selector does it.

use super::browser::{root_of, Browser};
use serde_json::{json, Value};

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SPACE: char = ' ';
const ARROW_UP: char = '\u{E013}';
const ARROW_DOWN: char = '\u{E015}';

/// A JavaScript expression for the first widget host on the page, as `Browser::click` finds it.
const FIRST_HOST: &str =
    "document.querySelector('ketamine-tms-widget, [data-ketamine-tms-widget]')";

/// A JavaScript expression (with `root` bound to the shadow root) naming the questionnaire's
/// screen on show: `crisis`, `mood`, `results`, `summary`, or the id of the question.
const SCREEN: &str = "(root.getElementById('ktw-crisis-panel') ? 'crisis' : root.getElementById('ktw-mood-start') ? 'mood'\
     : root.getElementById('ktw-results-heading') ? 'results' : root.getElementById('ktw-summary-heading') ? 'summary'\
     : root.querySelector('.ktw-question-step') ? root.querySelector('.ktw-question-step').getAttribute('data-question') : '')";

/// A selector or any other text as a JavaScript string literal.
pub fn js_string(text: &str) -> String {
    json!(text).to_string()
}

/// A JavaScript expression for every widget host on the page, in document order.
const EVERY_HOST: &str =
    "[...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')]";

/// Runs a script body once per widget on the page, with `root` bound to each one's shadow
/// root, and returns the list of what each returned.
pub async fn each_widget(browser: &Browser, body: &str) -> Value {
    browser
        .eval(&format!(
            "return {EVERY_HOST}.map(host => {{ const root = window.__ktwRoot(host); {body} }});"
        ))
        .await
}

/// Waits until `condition` (a script body with `root` bound) holds in every widget on the page.
pub async fn wait_until_every_widget(browser: &Browser, condition: &str, what: &str) {
    browser
        .wait_until(
            &format!(
                "return {EVERY_HOST}.every(host => {{ const root = window.__ktwRoot(host); {condition} }});"
            ),
            what,
        )
        .await;
}

/// One widget on the page, reached through its host element.
pub struct WidgetPage<'a> {
    pub browser: &'a Browser,
    /// A JavaScript expression for the widget's host element.
    host: String,
}

impl<'a> WidgetPage<'a> {
    /// The first widget on the page.
    pub fn first(browser: &'a Browser) -> WidgetPage<'a> {
        WidgetPage {
            browser,
            host: FIRST_HOST.to_string(),
        }
    }

    /// The widget whose host element has `id`.
    pub fn by_id(browser: &'a Browser, id: &str) -> WidgetPage<'a> {
        WidgetPage {
            browser,
            host: format!("document.getElementById({})", js_string(id)),
        }
    }

    /// Runs a script body with `root` bound to the widget's shadow root.
    pub async fn run(&self, body: &str) -> Value {
        let script = format!("const root = {};\n{body}", root_of(&self.host));
        self.browser.eval(&script).await
    }

    /// Runs a script body (with `root` bound) that returns a list of strings.
    pub async fn strings(&self, body: &str) -> Vec<String> {
        let value = self.run(body).await;
        serde_json::from_value(value.clone())
            .unwrap_or_else(|err| panic!("not a list of strings ({err}): {value}"))
    }

    /// Waits until `condition` (a script body with `root` bound to the widget's shadow root,
    /// returning a boolean) holds; a widget not there yet counts as "not yet".
    pub async fn wait_until(&self, condition: &str, what: &str) {
        let script = format!("const root = {};\n{condition}", root_of(&self.host));
        self.browser.wait_until(&script, what).await;
    }

    /// Waits until the widget has drawn its app (not only the loader's placeholder).
    pub async fn wait_live(&self, what: &str) {
        self.wait_until("return !!(root && root.querySelector('.ktw'));", what)
            .await;
    }

    /// Waits until nothing in the widget matches `selector`.
    pub async fn wait_gone(&self, selector: &str) {
        let condition = format!("return !root.querySelector({});", js_string(selector));
        self.wait_until(&condition, &format!("{selector} closes"))
            .await;
    }

    /// Focuses the first element matching `selector`.
    pub async fn focus(&self, selector: &str) {
        let script = format!(
            "root.querySelector({}).focus(); return true;",
            js_string(selector)
        );
        self.run(&script).await;
    }

    /// A selector for the control that opened what the first match of `selector` controls
    /// (by its `aria-controls`).
    pub async fn opener_of(&self, selector: &str) -> String {
        let script = format!(
            "return root.querySelector({}).getAttribute('aria-controls');",
            js_string(selector)
        );
        let controls = self.run(&script).await;
        format!("button[aria-controls=\"{}\"]", controls.as_str().unwrap())
    }

    /// Opens every section of the comparison with its "open all" button, and waits until the
    /// cells drawn after the first frame (`aria-busy` until then) are drawn too.
    pub async fn open_every_section(&self) {
        self.browser.click(".ktw-tools button").await;
        self.wait_until(
            "return [...root.querySelectorAll('button.ktw-disclosure')].every(b => b.getAttribute('aria-expanded') === 'true')\
                    && !root.querySelector('td[aria-busy]');",
            "every section opens",
        )
        .await;
    }

    /// Opens the "which might fit me" questionnaire and waits for its first question.
    pub async fn open_fit_tab(&self) {
        self.browser.click("#ktw-tab-fit").await;
        self.browser.wait_for("#ktw-self-harm-thoughts-no").await;
    }

    /// Answers `question` with `choice` by a real click on it, as a person would.
    pub async fn answer(&self, question: &str, choice: &str) {
        self.browser
            .click(&format!("#ktw-{question}-{choice}"))
            .await;
    }

    /// Presses the question's Next with a real click.
    pub async fn next(&self) {
        self.browser.click(".ktw-next").await;
    }

    /// Picks `choice` of `question` from a script in the page, unless it is picked already
    /// (quicker than a click, for walking past questions a test is not about).
    async fn pick(&self, question: &str, choice: &str) {
        let selector = js_string(&format!("#ktw-{question}-{choice}"));
        self.run(&format!(
            "const pick = root.querySelector({selector}); if (!pick.checked) pick.click(); return true;"
        ))
        .await;
        // The widget has taken the answer once its label shows it, so Next cannot outrun it.
        self.wait_until(
            &format!(
                "const pick = root.querySelector({selector}); const label = pick && pick.closest('label');\
                 return !!label && label.classList.contains('ktw-checked');"
            ),
            &format!("the answer {choice} to {question} shows as picked"),
        )
        .await;
    }

    /// Picks the first choice of the question on screen from a script, unless one is picked.
    async fn pick_first(&self) {
        self.run("const first = root.querySelector('.ktw-answers-list input'); if (first && !first.checked) first.click(); return true;")
            .await;
    }

    /// Presses the question's Next from a script, if the question is still on screen.
    async fn next_if_shown(&self) {
        self.run("const next = root.querySelector('.ktw-question-step .ktw-next'); if (next) next.click(); return true;")
            .await;
    }

    /// The visible text of the questionnaire's results (empty before they show).
    pub async fn results_text(&self) -> String {
        let text = self
            .run("const e = root.querySelector('.ktw-results'); return e ? e.innerText : '';")
            .await;
        text.as_str().unwrap_or("").to_string()
    }

    /// The questionnaire's screen on show: `crisis`, `mood`, `results`, `summary`, the id of
    /// the question, or empty between screens.
    pub async fn screen(&self) -> String {
        let screen = self.run(&format!("return {SCREEN};")).await;
        screen.as_str().unwrap_or("").to_string()
    }

    /// The screen on show by the id of its heading (empty when none is drawn).
    pub async fn screen_heading(&self) -> String {
        let value = self
            .run(
                "for (const id of ['ktw-crisis-heading', 'ktw-results-heading', 'ktw-summary-heading', 'ktw-mood-heading', 'ktw-question-heading']) {\
                   if (root.getElementById(id)) return id; } return '';",
            )
            .await;
        value.as_str().unwrap_or("").to_string()
    }

    /// Answers every question on screen with its first choice and presses Next, through the
    /// mood check (done with `phq9` answers, item 9 last, or skipped), to the results; the
    /// direct risk question gets `crisis`.
    pub async fn walk_to_results(&self, crisis: &str, phq9: Option<&str>) {
        self.open_fit_tab().await;
        for _ in 0..60 {
            self.wait_until(&format!("return {SCREEN} !== '';"), "a screen")
                .await;
            self.browser.next_task().await;
            let screen = self.screen().await;
            match screen.as_str() {
                "results" => return,
                "crisis" => self.browser.click("#ktw-crisis-continue").await,
                "mood" => match phq9 {
                    Some(_) => self.browser.click("#ktw-mood-start").await,
                    None => self.browser.click("#ktw-mood-skip").await,
                },
                "summary" => self.browser.click("#ktw-show-results").await,
                question => {
                    match (question, phq9) {
                        ("self-harm-thoughts", _) => self.pick(question, crisis).await,
                        ("phq9-9", Some(item9)) => self.pick(question, item9).await,
                        (id, _) if id.starts_with("phq9-") => self.pick(id, "0").await,
                        _ => self.pick_first().await,
                    }
                    self.browser.next_task().await;
                    // Next, unless the answer itself already replaced the question.
                    self.next_if_shown().await;
                }
            }
            self.wait_until(
                &format!("return {SCREEN} !== {};", js_string(&screen)),
                &format!("the screen after {screen}"),
            )
            .await;
        }
        panic!("the questionnaire never reached its results");
    }

    /// Answers the current question with the keyboard: Tab into each answer group that has no
    /// answer yet, Space to pick its first choice, then Tab to Next and press Enter.
    pub async fn answer_by_keyboard(&self) {
        for _ in 0..80 {
            self.browser.press(TAB).await;
            let active: Value = self
                .run(
                    "const a = root.activeElement; if (!a) return null;\
                     const group = a.name ? [...root.querySelectorAll('input[name=\"' + a.name + '\"]')] : [];\
                     return { tag: a.tagName, type: a.type || '', next: a.classList.contains('ktw-next'), answered: group.some(i => i.checked) };",
                )
                .await;
            if active["next"] == json!(true) {
                self.browser.press(ENTER).await;
                return;
            }
            if active["tag"] == json!("INPUT")
                && active["answered"] == json!(false)
                && active["type"] != json!("text")
            {
                self.browser.press(SPACE).await;
            }
        }
        panic!("Tab never reached Next");
    }

    /// The value of the checked answer whose label the widget marks as chosen (its own state).
    pub async fn chosen(&self) -> Value {
        self.run("const input = root.querySelector('.ktw-answers-list label.ktw-checked input'); return input ? input.value : null;")
            .await
    }

    /// Waits until the widget's own state shows `value` as the answer.
    pub async fn wait_chosen(&self, value: &str) {
        self.wait_until(
            &format!(
                "const input = root.querySelector('.ktw-answers-list label.ktw-checked input');\
                 return !!input && input.value === {};",
                js_string(value)
            ),
            &format!("the answer {value} is saved"),
        )
        .await;
    }

    /// Moves through every answer of the question on screen with the arrow keys, from the
    /// first down to the last and back up to `stop`: each one is saved, and no panel opens
    /// on the way.
    pub async fn arrow_through(&self, question: &str, values: &[&str], stop: &str) {
        // Start from the question's heading, where the widget puts focus on each new screen.
        self.run("root.getElementById('ktw-question-heading').focus(); return true;")
            .await;
        self.browser
            .keyboard_to(0, &format!("input[name='ktw-{question}']"), 30)
            .await;
        self.browser.press(SPACE).await;
        self.wait_chosen(values[0]).await;
        let mut path: Vec<&str> = values.to_vec();
        let back = values.iter().rev().skip(1);
        let stop_at = values.iter().position(|v| *v == stop).unwrap();
        path.extend(back.take(values.len() - 1 - stop_at));
        for (step, value) in path.iter().enumerate().skip(1) {
            let key = if step < values.len() {
                ARROW_DOWN
            } else {
                ARROW_UP
            };
            self.browser.press(key).await;
            self.wait_chosen(value).await;
            self.browser.next_task().await;
            let state = self
                .run(&format!(
                    "return {{ panel: !!root.getElementById('ktw-crisis-panel'), focused: root.activeElement ? root.activeElement.id : '', question: !!root.querySelector('[data-question=\"{question}\"]') }};"
                ))
                .await;
            assert_eq!(
                state,
                json!({ "panel": false, "focused": format!("ktw-{question}-{value}"), "question": true }),
                "after moving to {value} on {question}, the question stays with focus on that answer"
            );
        }
        assert_eq!(self.chosen().await, json!(stop));
    }
}

/// The number of pages of a PDF printed by Chromium, which writes its page tree uncompressed
/// (`/Type /Pages … /Count N`).
pub fn pdf_page_count(pdf: &[u8]) -> usize {
    String::from_utf8_lossy(pdf)
        .split("/Count ")
        .skip(1)
        .filter_map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .max()
        .expect("the PDF has a page count")
}
