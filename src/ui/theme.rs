//! The public theming surface, declared once: the CSS custom properties a page may set and
//! the `::part()` names it may style.
//!
//! The stylesheets in `style/` read exactly these properties and the components mark exactly
//! these parts; `tests/public_lists.rs` checks both, and the README's theming tables, against
//! this file.

/// One public CSS custom property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CustomProperty {
    /// The property's name, with its `--ktw-` prefix.
    pub name: &'static str,
    /// What it sets, in a few words.
    pub sets: &'static str,
}

/// One public part, for `::part()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    pub name: &'static str,
    /// Which element carries it.
    pub element: &'static str,
}

/// The clinic's accent colour, which `embed` sets from the `accent` attribute.
pub const ACCENT: &str = "--ktw-accent";

/// Every custom property a page may set on the element or an ancestor, in the README's order.
pub const CUSTOM_PROPERTIES: &[CustomProperty] = &[
    CustomProperty {
        name: ACCENT,
        sets: "buttons, links and the chosen answers",
    },
    CustomProperty {
        name: "--ktw-accent-contrast",
        sets: "text on the accent colour",
    },
    CustomProperty {
        name: "--ktw-text",
        sets: "body text",
    },
    CustomProperty {
        name: "--ktw-muted",
        sets: "secondary text",
    },
    CustomProperty {
        name: "--ktw-surface",
        sets: "the background",
    },
    CustomProperty {
        name: "--ktw-surface-alt",
        sets: "the background of panels and table headers",
    },
    CustomProperty {
        name: "--ktw-border",
        sets: "borders of controls",
    },
    CustomProperty {
        name: "--ktw-border-soft",
        sets: "borders of the widget, cards and tables",
    },
    CustomProperty {
        name: "--ktw-icon-off",
        sets: "the icons of an icon array that did not improve",
    },
    CustomProperty {
        name: "--ktw-comparison",
        sets: "the icons of an icon array's comparison group",
    },
    CustomProperty {
        name: "--ktw-ketamine",
        sets: "the mark of the ketamine family",
    },
    CustomProperty {
        name: "--ktw-tms",
        sets: "the mark of the TMS family",
    },
    CustomProperty {
        name: "--ktw-medication",
        sets: "the mark of antidepressant pills",
    },
    CustomProperty {
        name: "--ktw-ect",
        sets: "the mark of ECT",
    },
    CustomProperty {
        name: "--ktw-note",
        sets: "the background of notes and safety flags",
    },
    CustomProperty {
        name: "--ktw-radius",
        sets: "the widget's corner radius",
    },
    CustomProperty {
        name: "--ktw-focus",
        sets: "the focus ring",
    },
    CustomProperty {
        name: "--ktw-font-family",
        sets: "the font (loaded by the page)",
    },
    CustomProperty {
        name: "--ktw-font-size",
        sets: "the text size (default: the reader's own)",
    },
];

/// Every part a page may style with `::part()`, in the README's order.
pub const PARTS: &[Part] = &[
    Part {
        name: "base",
        element: "the widget's root, and the failure message",
    },
    Part {
        name: "header",
        element: "the header with the clinic's name",
    },
    Part {
        name: "comparison",
        element: "the comparison table",
    },
    Part {
        name: "clinic-note",
        element: "a clinic's own price or insurance note",
    },
    Part {
        name: "questionnaire",
        element: "the questionnaire",
    },
    Part {
        name: "question",
        element: "one question's form",
    },
    Part {
        name: "results",
        element: "the results",
    },
    Part {
        name: "call-to-action",
        element: "the clinic's contact links on the results",
    },
    Part {
        name: "listen",
        element: "a Listen button and its Pause and Stop buttons (read aloud)",
    },
];
