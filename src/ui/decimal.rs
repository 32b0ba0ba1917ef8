//! Numbers with at most one decimal, written from integers instead of through the standard
//! library's float formatting, which the charts and labels do not need (core still links it
//! for others, so this saved only about 1 KB gzip; see the README's size notes).

use crate::content::Lang;
use std::fmt;

/// A number rounded to tenths (halves away from zero), for writing. A value that is not a
/// number, or is too large, saturates instead of failing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tenths(i64);

impl Tenths {
    /// `value` rounded to tenths.
    pub fn of(value: impl Into<f64>) -> Self {
        Self((value.into() * 10.0).round() as i64)
    }

    /// The digits before the decimal mark, the one after it, and whether a minus sign goes
    /// first (never for zero).
    fn parts(self) -> (u64, u64, bool) {
        let size = self.0.unsigned_abs();
        (size / 10, size % 10, self.0 < 0)
    }

    /// The number with at most one decimal and no trailing zero, with the decimal mark of
    /// `lang` (2.5 in English, 2,5 in Spanish), for text a person reads.
    pub fn short(self, lang: Lang) -> String {
        let (whole, tenth, negative) = self.parts();
        let sign = if negative { "-" } else { "" };
        let mark = match lang {
            Lang::En => '.',
            Lang::Es => ',',
        };
        if tenth == 0 {
            format!("{sign}{whole}")
        } else {
            format!("{sign}{whole}{mark}{tenth}")
        }
    }
}

/// Always one decimal with a point (`12.3`, `7.0`, `-0.5`), as `{:.1}` writes it: for SVG
/// coordinates.
impl fmt::Display for Tenths {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, tenth, negative) = self.parts();
        let sign = if negative { "-" } else { "" };
        write!(formatter, "{sign}{whole}.{tenth}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tenths_write_as_one_decimal_and_short_numbers_drop_a_trailing_zero() {
        // (value, for SVG, short in English, short in Spanish)
        let cases = [
            (0.0, "0.0", "0", "0"),
            (7.0, "7.0", "7", "7"),
            (2.46, "2.5", "2.5", "2,5"),
            (2.44, "2.4", "2.4", "2,4"),
            (0.25, "0.3", "0.3", "0,3"),
            (101.95, "102.0", "102", "102"),
            (-0.5, "-0.5", "-0.5", "-0,5"),
            (-0.04, "0.0", "0", "0"),
            (f64::NAN, "0.0", "0", "0"),
        ];
        for (value, svg, english, spanish) in cases {
            let tenths = Tenths::of(value);
            assert_eq!(tenths.to_string(), svg, "{value}");
            assert_eq!(tenths.short(Lang::En), english, "{value}");
            assert_eq!(tenths.short(Lang::Es), spanish, "{value}");
        }
    }
}
