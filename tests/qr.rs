//! The printout's QR code, checked natively: what `qrcodegen` draws decodes back to the share
//! link with an independent decoder (`rqrr`), and links a phone cannot open get no code.

mod support;

use ketamine_tms_widget::ui::qr::{scannable, QrModules};
use support::qr_reader::read_qr;

/// Reads `modules` the way a camera would: as a grey image, `scale` pixels per module, with a
/// light quiet zone.
fn decode(modules: &QrModules, scale: usize) -> Result<String, String> {
    let quiet = 4;
    let side = (modules.size + 2 * quiet) * scale;
    read_qr(side, |x, y| {
        let (x, y) = (x / scale, y / scale);
        let inside = x >= quiet && y >= quiet;
        if inside && modules.dark(x - quiet, y - quiet) {
            0
        } else {
            255
        }
    })
}

#[test]
fn the_code_decodes_to_the_share_link() {
    let answers = "ktw=".to_string() + &"v1.q3-2.q4-0.mood-1.pri-7".repeat(12);
    for link in [
        "https://clinic.example/depression#ktw=v1",
        &format!("https://www.example-clinic.org/treatments/depression-options/#{answers}"),
    ] {
        let modules = QrModules::encode(link).expect("fits in a QR code");
        assert_eq!(decode(&modules, 4).as_deref(), Ok(link));
    }
}

#[test]
fn the_path_draws_every_dark_module_and_nothing_else() {
    let modules = QrModules::encode("https://clinic.example/#ktw=v1").expect("encodes");
    let dark = (0..modules.size)
        .flat_map(|y| (0..modules.size).map(move |x| (x, y)))
        .filter(|&(x, y)| modules.dark(x, y))
        .count();
    let path = modules.path();
    assert_eq!(path.matches('M').count(), dark);
    assert!(
        path.starts_with("M4 4h1v1h-1z"),
        "the finder's corner sits inside the quiet zone"
    );
    assert_eq!(modules.side(), modules.size as i32 + 8);
}

#[test]
fn only_web_links_get_a_code() {
    for (link, expected) in [
        ("https://clinic.example/#ktw=v1", true),
        ("http://localhost:8080/#ktw=v1", true),
        ("file:///home/pat/offline.html#ktw=v1", false),
        ("#ktw=v1", false),
        ("", false),
    ] {
        assert_eq!(scannable(link), expected, "{link}");
    }
}

#[test]
fn a_link_too_long_for_any_code_gets_none() {
    let long = format!("https://clinic.example/#{}", "x".repeat(5000));
    assert_eq!(QrModules::encode(&long), None);
}
