//! Reads the one QR code in a grey image with `rqrr`, a decoder written apart from the
//! encoder the widget uses, so a test compares what a scanner would read.

/// The text of the one QR code in a `side` × `side` image whose grey level at `(x, y)` is
/// `grey(x, y)` (0 black, 255 white).
pub fn read_qr(side: usize, grey: impl FnMut(usize, usize) -> u8) -> Result<String, String> {
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, grey);
    match image.detect_grids().as_slice() {
        [grid] => grid
            .decode()
            .map(|(_, text)| text)
            .map_err(|err| format!("unreadable: {err}")),
        grids => Err(format!("{} codes found, not 1", grids.len())),
    }
}
