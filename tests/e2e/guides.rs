//! End-to-end tests of the README's guides, one recipe each: the snippet in a WordPress Custom
//! HTML block, the Google Tag Manager tag (the pre-load stub, then the script added after the
//! page has loaded), and a Vue 3 app that declares the custom element. The React recipe is
//! `package.rs`; plain HTML is `embedding.rs`'s basic page.

use crate::package::{node_tool, run_ok, Scratch};
use crate::support::browser::{self, Browser, Servers};
use crate::support::static_server::{self, Site};
use crate::support::widget_page::WidgetPage;
use fantoccini::Locator;
use serde_json::json;

#[tokio::test]
async fn the_snippet_in_a_wordpress_custom_html_block_fills_the_content_column() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser.open(&servers.page("wordpress.html")).await;
    let widget = WidgetPage::first(&browser);
    let shown = widget
        .run("const box = root.host.getBoundingClientRect(); return [root.querySelector('.ktw-clinic').textContent, Math.round(box.width)];")
        .await;
    // The theme's constrained column is 650 px wide; the widget takes all of it.
    assert_eq!(shown, json!(["Riverside Mental Health", 650]));
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn the_tag_manager_recipe_mounts_through_the_stub_after_the_page_has_loaded() {
    let servers = Servers::start();
    let browser = Browser::start().await;
    browser
        .client
        .goto(&servers.page("gtm.html"))
        .await
        .unwrap();
    let widget = WidgetPage::by_id(&browser, "ktw-aid");
    widget.wait_live("the tag's widget mounts").await;
    let clinic = widget
        .run("return root.querySelector('.ktw-clinic').textContent;")
        .await;
    assert_eq!(
        clinic,
        json!("Riverside Mental Health"),
        "the queued call was replayed"
    );
    // The script came in after the page's load event, as a tag manager adds it.
    let late = browser
        .eval("const s = [...document.scripts].find(s => s.src.includes('ketamine-tms-widget.js')); return !!s && !s.defer && s.parentElement === document.body;")
        .await;
    assert_eq!(late, json!(true));
    browser.assert_no_errors().await;
    browser.close().await;
}

#[tokio::test]
async fn a_vue_app_that_declares_the_custom_element_binds_props_and_hears_events() {
    let scratch = Scratch(browser::root().join(format!("target/vue-app-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0).unwrap();
    let app = browser::root().join("tests/vue-app");
    let widget_script = browser::dist().join("ketamine-tms-widget.js");
    // The full build of Vue compiles the template in the browser; development mode, so Vue
    // warns (into the page's log) about an element it cannot resolve.
    run_ok(
        &node_tool("esbuild"),
        &[
            "app.js",
            "--bundle",
            "--alias:vue=vue/dist/vue.esm-bundler.js",
            "--define:process.env.NODE_ENV=\"development\"",
            "--define:__VUE_OPTIONS_API__=true",
            "--define:__VUE_PROD_DEVTOOLS__=false",
            "--define:__VUE_PROD_HYDRATION_MISMATCH_DETAILS__=false",
            &format!("--outfile={}", scratch.0.join("app.js").display()),
            "--log-level=warning",
        ],
        &app,
    );
    std::fs::copy(app.join("index.html"), scratch.0.join("index.html")).unwrap();
    std::fs::copy(widget_script, scratch.0.join("ketamine-tms-widget.js")).unwrap();
    let site = static_server::start(
        Site {
            root: scratch.0.clone(),
            fallback: Some(browser::root().join("tests/pages")),
            head_script: browser::open_shadow(),
            ..Default::default()
        },
        0,
    )
    .expect("start the app's server");
    let browser = Browser::start().await;
    browser.open(&format!("http://{site}/index.html")).await;
    let heard = |line: &str| {
        format!("return [...document.querySelectorAll('#heard li')].some(li => li.textContent === '{line}');")
    };
    browser
        .wait_until(&heard("ktw-ready en"), "Vue hears ktw-ready")
        .await;
    let widget = WidgetPage::by_id(&browser, "aid");
    for (button, condition, what) in [
        (
            "#rename",
            "return root.querySelector('.ktw-clinic').textContent === 'Hillside Clinic';",
            "the new clinic name shows",
        ),
        (
            "#spanish",
            "return root.querySelector('.ktw').getAttribute('lang') === 'es';",
            "the widget speaks Spanish",
        ),
    ] {
        browser
            .client
            .find(Locator::Css(button))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        widget.wait_until(condition, what).await;
    }
    browser
        .eval("window.__aid = document.getElementById('aid'); return true;")
        .await;
    browser
        .client
        .find(Locator::Css("#remove"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser
        .wait_until(
            "return !window.__aid.isConnected && window.__ktwRoot(window.__aid).querySelector('.ktw') === null;",
            "v-if removes the widget's app",
        )
        .await;
    let log = browser.log().await;
    assert!(log.is_empty(), "Vue or the widget logged: {log:#?}");
    browser.close().await;
}

#[test]
fn the_tag_manager_test_page_holds_the_readmes_recipe() {
    let read = |path: &str| std::fs::read_to_string(browser::root().join(path)).unwrap();
    let readme = read("README.md");
    let section = readme
        .split("\n### Google Tag Manager (the pre-load stub)\n")
        .nth(1)
        .expect("the README's GTM guide");
    let recipe = section
        .split("```html\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("its code block");
    let page = read("tests/pages/gtm.html");
    let tag = page
        .split("<template id=\"gtm-tag\">\n")
        .nth(1)
        .and_then(|rest| rest.split("  </template>").next())
        .expect("the page's tag");
    let script = format!(
        "https://your-site.example/ketamine-tms-widget-{}.js",
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        tag.replace("{{CDN}}/ketamine-tms-widget.js", &script)
            .trim(),
        recipe.trim()
    );
}
