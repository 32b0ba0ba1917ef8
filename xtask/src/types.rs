//! The TypeScript declarations in `dist/`, written from the lists the widget declares once:
//! `ketamine-tms-widget.d.ts` (the `KetamineTmsWidget` global, its mount options and handle,
//! every event's `detail`, the element and its typed listeners) from the attribute table and
//! the event list, and one JSX file each for React 19, Preact and Solid.
//!
//! The JSX typings are separate files because a module augmentation of a framework that is not
//! installed is an error (TS2664) wherever `skipLibCheck` is off; a page without React must
//! still type-check.

use crate::Result;
use ketamine_tms_widget::config::{Attribute, Kind, ATTRIBUTES, NOTE_PREFIXES};
use ketamine_tms_widget::content::{Lang, OptionId};
use ketamine_tms_widget::ui::events::{EventSpec, EVENTS};
use ketamine_tms_widget::ui::theme::{CUSTOM_PROPERTIES, PARTS};

/// The main declarations file.
pub const MAIN: &str = "ketamine-tms-widget.d.ts";
/// The JSX typings: (file, framework module, how it adds listeners, the element's base props).
pub const JSX: [(&str, &str, &str, &str); 3] = [
    (
        "jsx-react.d.ts",
        "react",
        "on",
        "import(\"react\").DetailedHTMLProps<import(\"react\").HTMLAttributes<KetamineTmsWidgetElement>, KetamineTmsWidgetElement>",
    ),
    (
        "jsx-preact.d.ts",
        "preact",
        "on",
        "import(\"preact\").HTMLAttributes<KetamineTmsWidgetElement>",
    ),
    (
        "jsx-solid.d.ts",
        "solid-js",
        "on:",
        "import(\"solid-js\").JSX.HTMLAttributes<KetamineTmsWidgetElement>",
    ),
];

/// Every declarations file as `(name, text)`.
pub fn files(version: &str) -> Result<Vec<(String, String)>> {
    let mut files = vec![(MAIN.to_string(), main(version)?)];
    for (name, module, prefix, base) in JSX {
        files.push((name.to_string(), jsx(version, module, prefix, base)));
    }
    Ok(files)
}

/// A quoted TypeScript string literal.
fn quote(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// The union of `words` as TypeScript string literals.
fn union<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words.into_iter().map(quote).collect::<Vec<_>>().join(" | ")
}

/// `clinic-name` as `clinicName`, the way the loader's options take it.
pub fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for ch in name.chars() {
        if ch == '-' {
            upper = true;
        } else if upper {
            out.push(ch.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// The TypeScript type of an attribute's value on the element (`options` for the API, which
/// also takes numbers and arrays).
fn value_type(kind: Kind, options: bool) -> String {
    match kind {
        Kind::Text { .. } | Kind::Email | Kind::CrisisLine => "string".to_string(),
        Kind::Phone => "string | number".to_string(),
        Kind::HttpsUrl => "`https://${string}`".to_string(),
        Kind::OptionIds if options => "string | readonly KetamineTmsOptionId[]".to_string(),
        Kind::OptionIds => "string".to_string(),
        Kind::Flag => "boolean | \"\" | \"true\" | \"false\"".to_string(),
        Kind::Choice { choices, .. } => format!("{} | \"\"", union(choices.iter().copied())),
        Kind::Language => "KetamineTmsLang | `${KetamineTmsLang}-${string}`".to_string(),
        Kind::Colour => "`#${string}`".to_string(),
    }
}

/// What a kind of value looks like, for the doc comment.
pub fn value_doc(kind: Kind) -> String {
    match kind {
        Kind::Text { max_chars } => format!("Plain text, at most {max_chars} characters."),
        Kind::Phone => "A phone number of 3 to 15 digits.".to_string(),
        Kind::Email => "An email address.".to_string(),
        Kind::HttpsUrl => "An `https:` link.".to_string(),
        Kind::OptionIds => "A comma-separated list of option ids.".to_string(),
        Kind::Flag => "Present (or `true`) for yes.".to_string(),
        Kind::Choice { default, .. } => format!("Empty means `{default}`."),
        Kind::Language => "A language tag the widget speaks.".to_string(),
        Kind::Colour => "A colour as `#rgb` or `#rrggbb`.".to_string(),
        Kind::CrisisLine => "`Name, number` or `Name: number`.".to_string(),
    }
}

/// The doc comment of one attribute, from its description, kind and fallback.
fn attribute_doc(attribute: &Attribute) -> String {
    format!(
        "  /** {} {} A bad value warns, {}. */\n",
        sentence(attribute.description),
        value_doc(attribute.kind),
        attribute.fallback_text()
    )
}

/// `text` with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string());
    format!("{}{}.", first.unwrap_or_default(), chars.as_str())
}

/// The note attributes, `price-<id>` and `insurance-<id>`, for every option.
fn notes() -> Vec<String> {
    OptionId::ALL
        .iter()
        .flat_map(|id| {
            NOTE_PREFIXES
                .iter()
                .map(move |prefix| format!("{prefix}{}", id.as_str()))
        })
        .collect()
}

/// The TypeScript name of an event's detail: `ktw-cta` gives `KetamineTmsCtaDetail`.
pub fn detail_name(event: &EventSpec) -> String {
    let short = event.name.strip_prefix("ktw-").unwrap_or(event.name);
    let pascal = camel_case(&format!("-{short}"));
    format!("KetamineTms{pascal}Detail")
}

/// The TypeScript type of one key of an event's detail, and whether it may be missing. A key
/// added to `src/ui/events.rs` without a type here stops the build, so nothing goes untyped.
fn detail_field(event: &EventSpec, key: &str) -> Result<(String, bool)> {
    let view = Attribute::named("view")
        .map(|attribute| attribute.kind)
        .and_then(|kind| match kind {
            Kind::Choice { choices, .. } => Some(union(choices.iter().copied())),
            _ => None,
        })
        .ok_or("the attribute table lost its `view` choice")?;
    Ok(match key {
        "version" | "question" => ("string".to_string(), false),
        "lang" => ("KetamineTmsLang".to_string(), false),
        "view" => (view, false),
        "step" | "total" => ("number".to_string(), false),
        // Only with `share-answers`.
        "answers" => ("unknown".to_string(), true),
        _ if !event.values.is_empty() && event.detail == [key] => {
            (union(event.values.iter().copied()), false)
        }
        _ => {
            return Err(format!(
                "src/ui/events.rs: the detail key `{key}` of `{}` has no TypeScript type; add one in xtask/src/types.rs",
                event.name
            ))
        }
    })
}

/// The text of `ketamine-tms-widget.d.ts`.
fn main(version: &str) -> Result<String> {
    let mut out = format!(
        "/*! ketamine-tms-widget {version} | TypeScript declarations | MIT OR Apache-2.0 */\n\
         // Written by `cargo xtask dist` from the attribute table (src/config/attributes.rs) and the\n\
         // event list (src/ui/events.rs); do not edit. JSX typings: jsx-react.d.ts, jsx-preact.d.ts\n\
         // and jsx-solid.d.ts (`import type {{}} from \"ketamine-tms-widget/react\"`).\n\n\
         /** An option id, as `offered` takes it. */\n\
         export type KetamineTmsOptionId = {};\n\n\
         /** A language the widget speaks. */\n\
         export type KetamineTmsLang = {};\n\n",
        union(OptionId::ALL.iter().map(|id| id.as_str())),
        union(Lang::ALL.iter().map(|lang| lang.tag())),
    );
    out.push_str(
        "/** The attributes of `<ketamine-tms-widget>` (also `data-<name>` on a\n \
         * `[data-ketamine-tms-widget]` element). Attributes on the element win over mount options. */\n\
         export interface KetamineTmsWidgetAttributes {\n",
    );
    for attribute in ATTRIBUTES {
        out.push_str(&attribute_doc(attribute));
        out.push_str(&format!(
            "  {}?: {};\n",
            quote(attribute.name),
            value_type(attribute.kind, false)
        ));
    }
    for note in notes() {
        out.push_str(
            "  /** The clinic's own note for one option, shown apart from the evidence. */\n",
        );
        out.push_str(&format!("  {}?: string;\n", quote(&note)));
    }
    out.push_str("}\n\n/** The options of `KetamineTmsWidget.mount` and `handle.update`, camelCase (kebab-case works too). */\nexport interface KetamineTmsWidgetOptions {\n");
    for attribute in ATTRIBUTES {
        let kind = value_type(attribute.kind, true);
        out.push_str(&attribute_doc(attribute));
        out.push_str(&format!("  {}?: {kind};\n", camel_case(attribute.name)));
        if attribute.name.contains('-') {
            out.push_str(&format!("  {}?: {kind};\n", quote(attribute.name)));
        }
    }
    for note in notes() {
        out.push_str(&format!(
            "  {}?: string;\n  {}?: string;\n",
            camel_case(&note),
            quote(&note)
        ));
    }
    out.push_str("}\n\n");
    for event in EVENTS {
        out.push_str(&format!(
            "/** The `detail` of `{}`, sent when {}. */\nexport interface {} {{\n",
            event.name,
            event.when,
            detail_name(&event)
        ));
        for key in event.detail {
            let (kind, optional) = detail_field(&event, key)?;
            out.push_str(&format!(
                "  {key}{}: {kind};\n",
                if optional { "?" } else { "" }
            ));
        }
        out.push_str("}\n\n");
    }
    out.push_str("/** Every event the widget sends: a `CustomEvent` that bubbles and is composed. */\nexport interface KetamineTmsWidgetEventMap {\n");
    for event in EVENTS {
        out.push_str(&format!(
            "  {}: CustomEvent<{}>;\n",
            quote(event.name),
            detail_name(&event)
        ));
    }
    out.push_str("}\n\n");
    out.push_str(&element_interface());
    out.push_str(API);
    Ok(out)
}

/// The element's interface, with its theming surface in the doc comment.
fn element_interface() -> String {
    let properties: Vec<String> = CUSTOM_PROPERTIES
        .iter()
        .map(|property| format!(" * - `{}`: {}", property.name, property.sets))
        .collect();
    let parts: Vec<String> = PARTS
        .iter()
        .map(|part| format!(" * - `{}`: {}", part.name, part.element))
        .collect();
    format!(
        "/**\n * The `<ketamine-tms-widget>` element.\n *\n * CSS custom properties:\n{}\n *\n * Parts for `::part()`:\n{}\n */\n{ELEMENT}",
        properties.join("\n"),
        parts.join("\n")
    )
}

/// The element's typed listeners.
const ELEMENT: &str = r#"export interface KetamineTmsWidgetElement extends HTMLElement {
  addEventListener<K extends keyof KetamineTmsWidgetEventMap>(type: K, listener: (this: KetamineTmsWidgetElement, event: KetamineTmsWidgetEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: KetamineTmsWidgetElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof KetamineTmsWidgetEventMap>(type: K, listener: (this: KetamineTmsWidgetElement, event: KetamineTmsWidgetEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(type: K, listener: (this: KetamineTmsWidgetElement, event: HTMLElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

"#;

/// The JavaScript API and the global names.
const API: &str = r#"/** What `KetamineTmsWidget.mount` returns. */
export interface KetamineTmsWidgetHandle {
  /** The element the widget is mounted on. */
  readonly element: Element;
  /** Merges new options and re-renders, keeping the patient's progress. */
  update(options?: KetamineTmsWidgetOptions): void;
  /** Destroys the widget's app. */
  unmount(): void;
}

/** The `window.KetamineTmsWidget` global, once the script has run. */
export interface KetamineTmsWidgetApi {
  /** The widget's version. */
  readonly version: string;
  /** Mounts a widget on `element` (null, with one console error, if it is not an element). */
  mount(element: Element, options?: KetamineTmsWidgetOptions): KetamineTmsWidgetHandle | null;
  /** Destroys the widget on `element`. */
  unmount(element: Element): void;
  /** Mounts every widget element inside `root` (default: the document). */
  scan(root?: Document | Element): void;
}

/** The stub a page may set before the script loads; the script replays its queued calls. */
export interface KetamineTmsWidgetStub {
  q: unknown[][];
  /** When far widgets start: "auto" (default), "near" or "now". */
  startWhen?: "auto" | "near" | "now";
  mount?(element: Element, options?: KetamineTmsWidgetOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "ketamine-tms-widget": KetamineTmsWidgetElement;
  }
  /** The widget's events bubble and are composed, so the document hears them. */
  interface DocumentEventMap extends KetamineTmsWidgetEventMap {}
  /** The JavaScript API, once the script has run. */
  var KetamineTmsWidget: KetamineTmsWidgetApi;
}
"#;

/// One JSX typings file: the element's attributes and typed listeners in `module`'s JSX.
fn jsx(version: &str, module: &str, prefix: &str, base: &str) -> String {
    format!(
        "/*! ketamine-tms-widget {version} | JSX typings for {module} | MIT OR Apache-2.0 */\n\
         // Written by `cargo xtask dist`; do not edit. Use: `import type {{}} from \"ketamine-tms-widget/{short}\"`.\n\
         import type {{ KetamineTmsWidgetAttributes, KetamineTmsWidgetElement, KetamineTmsWidgetEventMap }} from \"./ketamine-tms-widget\";\n\n\
         /** The element's `{prefix}<event>` props, which {module} adds as event listeners. */\n\
         export type KetamineTmsWidgetJsxListeners = {{\n  \
         [K in keyof KetamineTmsWidgetEventMap as `{prefix}${{K}}`]?: (event: KetamineTmsWidgetEventMap[K]) => void;\n}};\n\n\
         declare module {} {{\n  namespace JSX {{\n    interface IntrinsicElements {{\n      \
         \"ketamine-tms-widget\": {base} & KetamineTmsWidgetAttributes & KetamineTmsWidgetJsxListeners;\n    }}\n  }}\n}}\n",
        quote(module),
        short = module.strip_suffix("-js").unwrap_or(module),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_event_and_detail_key_is_declared() {
        let text = main("9.9.9").unwrap();
        for attribute in ATTRIBUTES {
            assert!(text.contains(&quote(attribute.name)), "{}", attribute.name);
            assert!(text.contains(&format!("  {}?:", camel_case(attribute.name))));
        }
        for event in EVENTS {
            assert!(text.contains(&format!("{}: CustomEvent<", quote(event.name))));
            for key in event.detail {
                assert!(text.contains(&format!("  {key}")), "{}: {key}", event.name);
            }
            for value in event.values {
                assert!(text.contains(&quote(value)), "{value}");
            }
        }
    }

    #[test]
    fn names_are_spelled_the_way_the_loader_reads_them() {
        assert_eq!(camel_case("price-iv-ketamine"), "priceIvKetamine");
        assert_eq!(
            ketamine_tms_widget::config::normalize_name("priceIvKetamine"),
            "price-iv-ketamine"
        );
        assert_eq!(detail_name(&EVENTS[3]), "KetamineTmsCtaDetail");
    }
}
