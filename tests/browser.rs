//! wasm-bindgen tests in headless Chromium: the Rust mount API inside a real shadow root —
//! rendering, clicks, attribute updates that keep progress, and unmounting.
#![cfg(target_arch = "wasm32")]
// `#[wasm_bindgen_test]` functions are not `#[test]` functions to clippy, so clippy.toml's
// allowances for tests do not reach them; this crate, alone, allows the same lints itself.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ketamine_tms_widget::embed::{mount, WidgetHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

/// A `<div data-ketamine-tms-widget>` on the page with a shadow root and a container in it.
fn host_with(attributes: &[(&str, &str)]) -> (HtmlElement, ShadowRoot, Element) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    host.set_attribute("data-ketamine-tms-widget", "").unwrap();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let container = document.create_element("div").unwrap();
    shadow.append_child(&container).unwrap();
    (host, shadow, container)
}

/// The failure message's one builder, `drawFailure` from the loader's src/embed/failure.js.
fn draw_failure() -> js_sys::Function {
    let source = format!(
        "{}\nreturn drawFailure;",
        include_str!("../src/embed/failure.js")
    );
    js_sys::Function::new_no_args(&source)
        .call0(&JsValue::NULL)
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn count(shadow: &ShadowRoot, selector: &str) -> u32 {
    shadow.query_selector_all(selector).unwrap().length()
}

async fn mounted(attributes: &[(&str, &str)]) -> (HtmlElement, ShadowRoot, Element, WidgetHandle) {
    let (host, shadow, container) = host_with(attributes);
    let mut handle = mount(
        host.clone(),
        container.clone(),
        JsValue::UNDEFINED,
        None,
        None,
        Some(draw_failure()),
    );
    handle.draw();
    yew::scheduler::flush().await;
    (host, shadow, container, handle)
}

/// The loader mounts (settings and content) and draws in separate tasks, so each is short:
/// `mount` draws nothing, `draw` draws once with the newest settings.
#[wasm_bindgen_test]
async fn mount_reads_the_settings_and_draw_renders_them_later() {
    let (host, shadow, container) = host_with(&[("data-clinic-name", "First Name")]);
    let mut handle = mount(
        host.clone(),
        container,
        JsValue::UNDEFINED,
        None,
        None,
        Some(draw_failure()),
    );
    yew::scheduler::flush().await;
    assert_eq!(count(&shadow, ".ktw"), 0, "mount draws nothing yet");
    host.set_attribute("data-clinic-name", "Second Name")
        .unwrap();
    handle.update(JsValue::UNDEFINED, None);
    handle.draw();
    handle.draw();
    yew::scheduler::flush().await;
    assert_eq!(count(&shadow, ".ktw"), 1, "draw renders the app once");
    let clinic = shadow.query_selector(".ktw-clinic").unwrap().unwrap();
    assert_eq!(clinic.text_content().unwrap(), "Second Name");
}

#[wasm_bindgen_test]
async fn mounts_in_a_shadow_root_and_answers_clicks() {
    let (_host, shadow, _container, _handle) =
        mounted(&[("data-clinic-name", "Test Clinic")]).await;
    assert_eq!(count(&shadow, ".ktw"), 1);
    assert_eq!(count(&shadow, "thead th.ktw-option-head"), 3);
    let clinic = shadow.query_selector(".ktw-clinic").unwrap().unwrap();
    assert_eq!(clinic.text_content().unwrap(), "Test Clinic");
    let tms: HtmlInputElement = shadow
        .query_selector("#ktw-pick-tms")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    tms.click();
    yew::scheduler::flush().await;
    assert_eq!(count(&shadow, "thead th.ktw-option-head"), 2);
}

#[wasm_bindgen_test]
async fn changing_attributes_rerenders_and_keeps_progress() {
    let (host, shadow, _container, mut handle) = mounted(&[]).await;
    let itbs: HtmlInputElement = shadow
        .query_selector("#ktw-pick-tms")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    itbs.click();
    let section = shadow
        .query_selector("button.ktw-disclosure")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap();
    section.click();
    yew::scheduler::flush().await;
    host.set_attribute("data-clinic-name", "Renamed Clinic")
        .unwrap();
    host.set_attribute("data-offered", "iv-ketamine,esketamine")
        .unwrap();
    handle.update(JsValue::UNDEFINED, None);
    yew::scheduler::flush().await;
    assert_eq!(
        shadow
            .query_selector(".ktw-clinic")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Renamed Clinic"
    );
    // The person's choices and open section survive the new configuration.
    assert_eq!(count(&shadow, "thead th.ktw-option-head"), 2);
    assert_eq!(
        count(&shadow, "button.ktw-disclosure[aria-expanded=true]"),
        1
    );
    assert!(
        count(&shadow, ".ktw-not-offered") > 0,
        "options the clinic does not offer are marked"
    );
}

#[wasm_bindgen_test]
async fn unmount_destroys_the_app() {
    let (_host, shadow, container, mut handle) = mounted(&[]).await;
    assert_eq!(count(&shadow, ".ktw"), 1);
    handle.unmount();
    yew::scheduler::flush().await;
    assert_eq!(container.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn a_bad_option_never_reaches_the_page() {
    let (_host, shadow, _container, _handle) = mounted(&[
        ("data-clinic-name", "<b id=injected>x</b>"),
        ("data-booking-url", "javascript:alert(1)"),
    ])
    .await;
    assert_eq!(count(&shadow, "#injected"), 0);
    assert_eq!(count(&shadow, "a[href^=javascript]"), 0);
    let shown = shadow
        .query_selector(".ktw-clinic")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(shown, "<b id=injected>x</b>");
}

#[wasm_bindgen_test]
async fn the_failure_message_has_the_clinic_phone_the_crisis_line_and_an_event() {
    use ketamine_tms_widget::config;
    use ketamine_tms_widget::content::Lang;
    use ketamine_tms_widget::embed::failure::{show, Reason};
    let (host, shadow, container) = host_with(&[]);
    let heard = std::rc::Rc::new(std::cell::RefCell::new(None));
    let listener = {
        let heard = heard.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
            move |event: web_sys::CustomEvent| {
                let reason = js_sys::Reflect::get(&event.detail(), &"reason".into())
                    .ok()
                    .and_then(|r| r.as_string());
                *heard.borrow_mut() = reason;
            },
        )
    };
    host.add_event_listener_with_callback("ktw-error", listener.as_ref().unchecked_ref())
        .unwrap();
    let raw = vec![
        ("clinic-name".to_string(), "Clínica del Valle".to_string()),
        ("phone".to_string(), "+1 555 010 4455".to_string()),
    ];
    let (config, _) = config::parse(&raw);
    show(&draw_failure(), &container, &config, Lang::Es, Reason::Data);
    let text = shadow
        .query_selector(".ktw-failure")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(text.contains("no pudo cargarse"), "{text}");
    assert!(text.contains("Clínica del Valle"), "{text}");
    assert_eq!(count(&shadow, ".ktw-failure a[href='tel:+15550104455']"), 1);
    assert_eq!(count(&shadow, ".ktw-failure a[href='tel:988']"), 1);
    assert_eq!(count(&shadow, ".ktw-failure a[href='tel:911']"), 1);
    assert_eq!(heard.borrow().as_deref(), Some("data"));
    drop(listener);
}

#[wasm_bindgen_test]
async fn the_failure_message_shows_a_clinics_own_crisis_numbers() {
    use ketamine_tms_widget::config;
    use ketamine_tms_widget::content::Lang;
    use ketamine_tms_widget::embed::failure::{show, Reason};
    let raw = vec![
        ("crisis-line".to_string(), "Samaritans, 116 123".to_string()),
        ("emergency-number".to_string(), "999".to_string()),
    ];
    let (config, _) = config::parse(&raw);
    for lang in Lang::ALL {
        let (_host, shadow, container) = host_with(&[]);
        show(&draw_failure(), &container, &config, lang, Reason::Internal);
        let text = shadow
            .query_selector(".ktw-failure .ktw-crisis")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(text.contains("Samaritans (116 123)"), "{text}");
        assert!(!text.contains("988") && !text.contains("911"), "{text}");
        assert_eq!(count(&shadow, ".ktw-failure a[href='tel:116123']"), 1);
        assert_eq!(count(&shadow, ".ktw-failure a[href='tel:999']"), 1);
    }
}
