//! Mounting one widget: read the host's attributes, validate them and unpack the content
//! (`mount`), then, in a later task, render the app into the shadow root's container (`draw`),
//! and keep a handle the loader uses to update or unmount it.
//!
//! The loader gives every widget its own WebAssembly instance, so this instance's globals
//! (the panic hook's target) belong to exactly one widget.

use super::browser_host::browser_host;
use super::failure;
use crate::config::{self, Config, ConfigWarning};
use crate::content::Lang;
use crate::ui::events::WidgetEvent;
use crate::ui::host::Host;
use crate::ui::prerender::draws_first_screen;
use crate::ui::theme;
use crate::ui::{App, AppProps, Content};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

/// The tag name of the custom element, whose attributes are all configuration.
const CUSTOM_TAG: &str = "KETAMINE-TMS-WIDGET";
/// The attribute that marks a plain element for auto-mounting; not configuration itself.
const MARKER_ATTRIBUTE: &str = "data-ketamine-tms-widget";
/// The "do not record" attributes the loader puts on every host (LogRocket's, Microsoft
/// Clarity's and Datadog's); not configuration.
const NO_RECORD_ATTRIBUTES: [&str; 3] = ["data-private", "data-clarity-mask", "data-dd-privacy"];

thread_local! {
    /// Where this instance's widget lives, how to describe a failure there, and the loader's
    /// `drawFailure`, which draws it.
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// What the panic hook needs to draw the failure message.
struct Mounted {
    container: Element,
    config: Config,
    lang: Lang,
    draw_failure: Option<js_sys::Function>,
}

/// A mounted widget, owned by the loader.
#[wasm_bindgen]
pub struct WidgetHandle {
    app: Option<AppHandle<App>>,
    /// The app's props between `mount` and `draw`.
    pending: Option<AppProps>,
    host: HtmlElement,
    container: Element,
    content: Option<Rc<Content>>,
    /// The page services, kept so an update keeps the same ones.
    services: Rc<Host>,
    /// Options given through the JavaScript API; attributes override them.
    options: Vec<(String, String)>,
    on_event: yew::Callback<WidgetEvent>,
    /// The loader's `drawFailure`, the one thing that draws the failure message.
    draw_failure: Option<js_sys::Function>,
    /// Every warning already logged, so a bad value warns once, not on every change.
    warned: BTreeSet<String>,
}

/// Mounts a widget for `host` into `container` (a div inside the host's shadow root): reads
/// and checks its settings and unpacks the content; `WidgetHandle::draw` renders it. The loader
/// calls the two in separate tasks, so neither blocks the page for long.
///
/// `options` is a plain object of extra settings from `KetamineTmsWidget.mount`, or undefined;
/// `evidence_url` is where the loader found the evidence table beside its script;
/// `page_lang` is the language the loader found on the page or in the browser, used unless
/// the clinic sets `lang`; `draw_failure` is the loader's `drawFailure`.
#[wasm_bindgen]
pub fn mount(
    host: HtmlElement,
    container: Element,
    options: JsValue,
    evidence_url: Option<String>,
    page_lang: Option<String>,
    draw_failure: Option<js_sys::Function>,
) -> WidgetHandle {
    install_panic_hook();
    let options = object_entries(&options);
    let mut warned = BTreeSet::new();
    let (config, lang) = read_config(&host, &options, page_lang.as_deref(), &mut warned);
    remember(&container, &config, lang, draw_failure.as_ref());
    let on_event = event_dispatcher(host.clone());
    let mut handle = WidgetHandle {
        app: None,
        pending: None,
        host,
        container,
        content: None,
        services: Rc::new(browser_host(evidence_url)),
        options,
        on_event,
        draw_failure,
        warned,
    };
    match Content::bundled() {
        Ok(content) => {
            apply_accent(&handle.container, &config);
            handle.content = Some(Rc::new(content));
            handle.pending = handle.props(config, lang);
        }
        Err(errors) => {
            web_sys::console::error_1(
                &format!(
                    "ketamine-tms-widget: the bundled data failed its checks, so the widget shows a short message instead: {}",
                    errors.join("; ")
                )
                .into(),
            );
            if let Some(draw_failure) = &handle.draw_failure {
                failure::show(
                    draw_failure,
                    &handle.container,
                    &config,
                    lang,
                    failure::Reason::Data,
                );
            }
        }
    }
    handle
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Re-reads the attributes (and merges new API options) and re-renders, keeping progress;
    /// `page_lang` is the language the loader finds on the page now.
    pub fn update(&mut self, options: JsValue, page_lang: Option<String>) {
        let extra = object_entries(&options);
        for (name, value) in extra {
            let key = config::normalize_name(&name);
            self.options
                .retain(|(existing, _)| config::normalize_name(existing) != key);
            self.options.push((name, value));
        }
        let (config, lang) = read_config(
            &self.host,
            &self.options,
            page_lang.as_deref(),
            &mut self.warned,
        );
        remember(&self.container, &config, lang, self.draw_failure.as_ref());
        apply_accent(&self.container, &config);
        let Some(props) = self.props(config, lang) else {
            return;
        };
        match self.app.as_mut() {
            Some(app) => app.update(props),
            // Not drawn yet: `draw` uses the newest settings.
            None if self.pending.is_some() => self.pending = Some(props),
            None => {}
        }
    }

    /// Renders the app mounted by `mount`, once; later calls do nothing. Where the container
    /// holds the first screen the build prerendered and the app would draw the same one, the
    /// app adopts those nodes; anywhere else it empties the container and draws its own.
    pub fn draw(&mut self) {
        let Some(props) = self.pending.take() else {
            return;
        };
        let prerendered = self.container.get_attribute("data-ktw-prerender");
        let hydrate = draws_first_screen(
            prerendered.as_deref(),
            &props.config,
            props.lang,
            &props.host,
        );
        let renderer = yew::Renderer::<App>::with_root_and_props(self.container.clone(), props);
        self.app = Some(if hydrate {
            renderer.hydrate()
        } else {
            // Emptied as text, not with `innerHTML`, which a Trusted Types policy forbids.
            // On the patient pages this drops a first screen the app would draw differently,
            // and the app draws its own in this task, before the next paint.
            self.container.set_text_content(None);
            renderer.render()
        });
    }

    /// Destroys the app and empties the container.
    pub fn unmount(&mut self) {
        self.pending = None;
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.container.set_text_content(None);
        MOUNTED.with(|mounted| {
            if let Ok(mut mounted) = mounted.try_borrow_mut() {
                *mounted = None;
            }
        });
    }
}

impl WidgetHandle {
    /// The app's props for `config` and `lang`; `None` when the content failed its checks.
    fn props(&self, config: Config, lang: Lang) -> Option<AppProps> {
        Some(AppProps {
            content: self.content.clone()?,
            config: Rc::new(config),
            lang,
            on_event: self.on_event.clone(),
            host: self.services.clone(),
        })
    }
}

/// A callback that dispatches each widget event on `host` as a bubbling, composed CustomEvent.
fn event_dispatcher(host: HtmlElement) -> yew::Callback<WidgetEvent> {
    yew::Callback::from(move |event: WidgetEvent| {
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&super::js_value::to_js(&event.detail()));
        if let Ok(custom) = web_sys::CustomEvent::new_with_event_init_dict(event.name(), &init) {
            let _ = host.dispatch_event(&custom);
        }
    })
}

/// Reads attributes and options, validates them and logs one warning per dropped value, once
/// for the widget's life (`warned` holds those logged); the language is the clinic's, else the
/// page's as the loader found it, else English.
fn read_config(
    host: &HtmlElement,
    options: &[(String, String)],
    page_lang: Option<&str>,
    warned: &mut BTreeSet<String>,
) -> (Config, Lang) {
    let mut raw: Vec<(String, String)> = options.to_vec();
    raw.extend(host_attributes(host));
    let (config, warnings) = config::parse(&raw);
    for warning in &warnings {
        if warned.insert(warning.to_string()) {
            warn(warning);
        }
    }
    let lang = config
        .lang
        .or_else(|| page_lang.and_then(Lang::from_tag))
        .unwrap_or_default();
    (config, lang)
}

fn warn(warning: &ConfigWarning) {
    web_sys::console::warn_1(&warning.to_string().into());
}

/// The host's configuration attributes: all of them on the custom element, `data-*` elsewhere.
fn host_attributes(host: &HtmlElement) -> Vec<(String, String)> {
    let is_custom = host.tag_name().eq_ignore_ascii_case(CUSTOM_TAG);
    let names = host.get_attribute_names();
    let mut pairs = Vec::new();
    for index in 0..names.length() {
        let Some(name) = names.get(index).as_string() else {
            continue;
        };
        let lower = name.to_ascii_lowercase();
        if lower == MARKER_ATTRIBUTE
            || NO_RECORD_ATTRIBUTES.contains(&lower.as_str())
            || (!is_custom && !lower.starts_with("data-"))
        {
            continue;
        }
        if let Some(value) = host.get_attribute(&name) {
            pairs.push((lower, value));
        }
    }
    pairs
}

/// The entries of a plain JavaScript object as strings; booleans and numbers are written out.
fn object_entries(options: &JsValue) -> Vec<(String, String)> {
    if !options.is_object() {
        return Vec::new();
    }
    let Ok(entries) = js_sys::Object::entries(options.unchecked_ref()).dyn_into::<js_sys::Array>()
    else {
        return Vec::new();
    };
    let mut pairs = Vec::new();
    for entry in entries.iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let Some(name) = pair.get(0).as_string() else {
            continue;
        };
        let value = pair.get(1);
        let text = if let Some(text) = value.as_string() {
            text
        } else if let Some(flag) = value.as_bool() {
            flag.to_string()
        } else if let Some(number) = value.as_f64() {
            // JavaScript's own spelling of the number, as `setAttribute` would write it.
            js_sys::Number::from(number)
                .to_string_with_radix(10)
                .map(String::from)
                .unwrap_or_default()
        } else if value.is_null() || value.is_undefined() {
            String::new()
        } else if js_sys::Array::is_array(&value) {
            let items: js_sys::Array = value.unchecked_into();
            items
                .iter()
                .filter_map(|item| item.as_string())
                .collect::<Vec<_>>()
                .join(",")
        } else {
            web_sys::console::warn_1(
                &format!("ketamine-tms-widget: option `{name}`: an object is not a valid value; ignoring it.").into(),
            );
            continue;
        };
        pairs.push((name, text));
    }
    pairs
}

/// Sets the clinic's accent colour as a custom property through the CSS object model, which a
/// strict `style-src` allows (a `style` attribute would be blocked).
fn apply_accent(container: &Element, config: &Config) {
    let Some(element) = container.dyn_ref::<HtmlElement>() else {
        return;
    };
    let style = element.style();
    let _ = match &config.accent {
        Some(colour) => style.set_property(theme::ACCENT, colour),
        None => style.remove_property(theme::ACCENT).map(|_| ()),
    };
}

fn remember(
    container: &Element,
    config: &Config,
    lang: Lang,
    draw_failure: Option<&js_sys::Function>,
) {
    MOUNTED.with(|mounted| {
        if let Ok(mut mounted) = mounted.try_borrow_mut() {
            *mounted = Some(Mounted {
                container: container.clone(),
                config: config.clone(),
                lang,
                draw_failure: draw_failure.cloned(),
            });
        }
    });
}

/// On a panic: one clear console line, and the widget's short failure message in its place.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(
            &format!("ketamine-tms-widget: stopped after an internal error ({info}); the rest of the page is unaffected.")
                .into(),
        );
        MOUNTED.with(|mounted| {
            if let Ok(mounted) = mounted.try_borrow() {
                if let Some(Mounted {
                    container,
                    config,
                    lang,
                    draw_failure: Some(draw_failure),
                }) = mounted.as_ref()
                {
                    failure::show(
                        draw_failure,
                        container,
                        config,
                        *lang,
                        failure::Reason::Internal,
                    );
                }
            }
        });
    }));
}
