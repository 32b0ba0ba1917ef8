//! Mistyped attribute names: the nearest name the widget reads, for one warning.
//!
//! An element carries attributes that are the page's own (`id`, `class`, a framework's
//! `v-cloak`), so a name the widget does not read warns only when it is close to one it does
//! (`clinicname`, `booking-link`); the others are not the widget's business.

use super::attributes::{ATTRIBUTES, NOTE_PREFIXES};

/// How alike (Jaro-Winkler, 0 to 1) an unknown name must be to a known one to warn: 0.85
/// catches `booking-link` (0.91) and `clinicname` (0.98) and leaves `hidden` (0.81) and
/// `part` (0.78) alone.
const NEAR: f64 = 0.85;

/// HTML's own attributes, which are never a typo of the widget's.
const HTML_ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "style",
    "title",
    "hidden",
    "slot",
    "part",
    "tabindex",
    "role",
    "dir",
    "is",
    "nonce",
    "translate",
    "inert",
    "popover",
    "autofocus",
    "draggable",
    "spellcheck",
    "accesskey",
    "contenteditable",
    "enterkeyhint",
    "exportparts",
    "inputmode",
];

/// The attribute the widget reads that `name` (kebab-case, without `data-`) most looks like a
/// typo of, when it reads no attribute of that name itself.
pub fn nearest_known(name: &str) -> Option<&'static str> {
    let is_own = ATTRIBUTES.iter().any(|attribute| attribute.name == name)
        || NOTE_PREFIXES.iter().any(|prefix| name.starts_with(prefix));
    let is_page_own = HTML_ATTRIBUTES.contains(&name)
        || ["aria-", "on", "ketamine-tms-widget"]
            .iter()
            .any(|prefix| name.starts_with(prefix));
    if is_own || is_page_own {
        return None;
    }
    ATTRIBUTES
        .iter()
        .map(|attribute| (attribute.name, strsim::jaro_winkler(name, attribute.name)))
        .filter(|(_, likeness)| *likeness >= NEAR)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(known, _)| known)
}

#[cfg(test)]
mod tests {
    use super::nearest_known;

    #[test]
    fn typos_find_their_attribute_and_the_pages_own_names_do_not_warn() {
        for (typo, meant) in [
            ("booking-link", Some("booking-url")),
            ("clinicname", Some("clinic-name")),
            ("phone-number", Some("phone")),
            ("them", Some("theme")),
            ("clinic-name", None),
            ("price-tms", None),
            ("hidden", None),
            ("class", None),
            ("part", None),
            ("aria-label", None),
            ("v-cloak", None),
        ] {
            assert_eq!(nearest_known(typo), meant, "{typo}");
        }
    }
}
