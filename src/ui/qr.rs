//! The printout's QR code: the share link drawn as one SVG path, so a clinician can scan the
//! paper and open the same results on a phone, with no server in between.
//!
//! The code comes from `qrcodegen`, Project Nayuki's small encoder, because a QR encoder's
//! error correction is exacting work that a well-tested library does better than we would.

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

/// Blank modules around the code, as the QR standard asks, so that scanners find its edges.
const QUIET_ZONE: i32 = 4;

/// The modules of a QR code: `size` × `size` squares, dark where `dark(x, y)` is true.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrModules {
    pub size: usize,
    dark: Vec<bool>,
}

impl QrModules {
    /// Encodes `text` at medium error correction; `None` when it is too long for any QR code.
    pub fn encode(text: &str) -> Option<QrModules> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
        let size = code.size();
        let dark = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| code.get_module(x, y))
            .collect();
        Some(QrModules {
            size: usize::try_from(size).ok()?,
            dark,
        })
    }

    /// Whether the module at column `x`, row `y` is dark; outside the code it is light.
    pub fn dark(&self, x: usize, y: usize) -> bool {
        x < self.size && self.dark.get(y * self.size + x).copied().unwrap_or(false)
    }

    /// The SVG path that fills every dark module, one `h1v1h-1z` square each, offset by the
    /// quiet zone.
    pub fn path(&self) -> String {
        let mut path = String::with_capacity(self.dark.len() * 6);
        for y in 0..self.size {
            for x in 0..self.size {
                if self.dark(x, y) {
                    let left = x as i32 + QUIET_ZONE;
                    let top = y as i32 + QUIET_ZONE;
                    path.push_str(&format!("M{left} {top}h1v1h-1z"));
                }
            }
        }
        path
    }

    /// The side of the drawing in modules, quiet zone included.
    pub fn side(&self) -> i32 {
        self.size as i32 + 2 * QUIET_ZONE
    }
}

/// Whether `link` is worth a QR code: a web address a phone can open (a `file:` page or an
/// address without a scheme cannot be opened from paper).
pub fn scannable(link: &str) -> bool {
    link.starts_with("https://") || link.starts_with("http://")
}

/// The QR code of `link` as an SVG image named `label`, or nothing when it cannot be drawn.
pub fn qr_code(link: &str, label: &str) -> Html {
    if !scannable(link) {
        return Html::default();
    }
    let Some(modules) = QrModules::encode(link) else {
        return Html::default();
    };
    let side = modules.side();
    html! {
        <svg class="ktw-qr" viewBox={format!("0 0 {side} {side}")} role="img" aria-label={label.to_string()}
             shape-rendering="crispEdges">
            <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
            <path d={modules.path()} fill="#000" />
        </svg>
    }
}
