//! Audits of a widget in a browser session: axe-core on its shadow root and the size of
//! every target on screen.

use super::browser::{root, Browser};

impl Browser {
    /// Fails, naming `state`, if axe-core finds anything in widget `index`.
    pub async fn assert_no_axe_violations(&self, index: usize, state: &str) {
        let violations = self.axe(index).await;
        assert!(
            violations.is_empty(),
            "axe, {state}:\n{}",
            violations.join("\n")
        );
    }

    /// Runs axe-core on widget `index` (its shadow root included) and returns the
    /// violations as readable lines.
    pub async fn axe(&self, index: usize) -> Vec<String> {
        let source = std::fs::read_to_string(root().join("tests/node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed by `cargo xtask test` (npm ci --prefix tests)");
        self.client
            .execute(&source, vec![])
            .await
            .expect("load axe-core");
        let script = format!(
            "const done = arguments[arguments.length - 1];\
             const host = [...document.querySelectorAll('ketamine-tms-widget, [data-ketamine-tms-widget]')][{index}];\
             axe.run(host, {{ resultTypes: ['violations'] }}).then(r => done(r.violations.map(v => \
               v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')))).catch(e => done(['axe failed: ' + e]));"
        );
        let value = self
            .client
            .execute_async(&script, vec![])
            .await
            .expect("run axe-core");
        serde_json::from_value(value).expect("read axe results")
    }

    /// Interactive elements of widget `index` smaller than 24 × 24 CSS px (WCAG 2.2's target
    /// size minimum), described one per line. A radio button or checkbox counts with the label
    /// that wraps it; links inside a sentence are exempt, as the criterion allows.
    pub async fn assert_no_small_targets(&self, index: usize, state: &str) {
        let small = self.small_targets(index).await;
        assert!(
            small.is_empty(),
            "targets under 24 px, {state}:\n{}",
            small.join("\n")
        );
    }

    /// The targets of widget `index` under 24 × 24 CSS px, one description per line.
    async fn small_targets(&self, index: usize) -> Vec<String> {
        let value = self
            .in_widget(
                index,
                "const small = []; let checked = 0;\
                 for (const el of root.querySelectorAll('button, a[href], input, select, textarea, summary, [role=tab], [tabindex]:not([tabindex=\"-1\"])')) {\
                   if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;\
                   let target = el;\
                   if (el.matches('input[type=radio], input[type=checkbox]')) { target = el.closest('label') || (el.id && root.querySelector('label[for=\"' + el.id + '\"]')) || el; }\
                   const parent = el.parentElement;\
                   const inSentence = el.tagName === 'A' && getComputedStyle(el).display === 'inline' && parent && parent.textContent.replace(el.textContent, '').trim().length > 0;\
                   if (inSentence) continue;\
                   checked += 1;\
                   const r = target.getBoundingClientRect();\
                   if (r.width < 23.99 || r.height < 23.99) small.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' \"' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 40) + '\" ' + Math.round(r.width) + '×' + Math.round(r.height));\
                 }\
                 return { checked, small };",
            )
            .await;
        assert!(
            value["checked"].as_u64().unwrap_or(0) > 0,
            "no targets found to measure: {value}"
        );
        serde_json::from_value(value["small"].clone()).expect("read the target sizes")
    }
}
