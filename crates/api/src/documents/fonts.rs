//! Fonts: the standard PDF font Helvetica, measured with Liberation Sans.
//!
//! # Why the standard fonts
//!
//! genpdf embeds every font of its family whole, and printpdf builds the
//! embedded font's tables at each render. The fourteen standard PDF fonts
//! are never embedded: every viewer ships them. Their `WinAnsiEncoding`
//! covers every character French, German, Spanish and Italian need,
//! including `œ`, `€` and `’` (the tests extract them again with
//! `pdftotext`). Measured on the demo agreement's text (release build):
//!
//! | fonts | genpdf's output | layout time |
//! |---|---|---|
//! | Liberation Sans regular and bold, embedded | 1.8 MB | 53 ms |
//! | Helvetica (standard), as here | 80 KB, 12 KB once finished | 5 ms |
//!
//! ("finished": [`super::pdf`] compresses it.) Subsetting the Liberation
//! files would work too, but needs a subsetter and a renamed font (the OFL
//! reserves the name "Liberation" to unmodified files), for characters the
//! standard fonts already have.
//!
//! genpdf still needs glyph metrics to wrap lines. Liberation Sans is
//! metrically compatible with Helvetica (its widths are Arial's, which are
//! Helvetica's), so its files are embedded in the binary for measuring only
//! and never reach a PDF. Helvetica Oblique has the regular widths and
//! Helvetica Bold Oblique the bold ones, so two files serve all four styles.
//! The files are Liberation Sans 2.1.5, unmodified (SIL OFL 1.1), in
//! `crates/api/fonts/` with their licence.
//!
//! # What cannot be drawn
//!
//! A character outside `WinAnsiEncoding` (Polish `ł`, Czech `ř`, Greek,
//! Arabic, emoji…) makes genpdf fail, so [`drawable`] replaces it first: by
//! its ASCII transliteration when there is one (`ł` → `l`), else by `?`.

use std::sync::LazyLock;

use genpdf::fonts::{FontCache, FontData, FontFamily};
use printpdf::BuiltinFont;

use super::DocumentError;

/// Metrics of Helvetica and Helvetica Oblique.
const REGULAR: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
/// Metrics of Helvetica Bold and Helvetica Bold Oblique.
const BOLD: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");

/// Parsed once: rusttype shares the font data, so cloning the family for
/// each document is cheap.
static FAMILY: LazyLock<Result<FontFamily<FontData>, String>> = LazyLock::new(|| {
    let font = |bytes: &[u8], builtin| {
        FontData::new(bytes.to_vec(), Some(builtin)).map_err(|e| e.to_string())
    };
    Ok(FontFamily {
        regular: font(REGULAR, BuiltinFont::Helvetica)?,
        bold: font(BOLD, BuiltinFont::HelveticaBold)?,
        italic: font(REGULAR, BuiltinFont::HelveticaOblique)?,
        bold_italic: font(BOLD, BuiltinFont::HelveticaBoldOblique)?,
    })
});

/// The font family every document is set in.
pub(super) fn family() -> Result<FontFamily<FontData>, DocumentError> {
    FAMILY.clone().map_err(DocumentError::Font)
}

/// Widths of text genpdf does not lay out (the footer).
pub(super) struct Measure {
    cache: FontCache,
}

impl Measure {
    pub(super) fn new() -> Result<Self, DocumentError> {
        Ok(Self {
            cache: FontCache::new(family()?),
        })
    }

    /// The width of `text` in regular type of `size` points, in points.
    pub(super) fn width_pt(&self, text: &str, size: u8) -> f64 {
        let font = self.cache.default_font_family().regular;
        f64::from(font.str_width(&self.cache, text, size)) * 72.0 / 25.4
    }
}

/// The characters `WinAnsiEncoding` assigns to bytes 0x80–0x9F.
const WIN_ANSI_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('‘', 0x91),
    ('’', 0x92),
    ('“', 0x93),
    ('”', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The byte of `c` in `WinAnsiEncoding`, if it has one.
///
/// This is the set genpdf accepts with a standard font (it encodes through
/// lopdf's table). The no-break space and the soft hyphen are left out:
/// lopdf's table maps byte 0xA0 to the plain space and has no soft hyphen,
/// so genpdf refuses both.
pub(super) fn win_ansi(c: char) -> Option<u8> {
    match u32::from(c) {
        code @ (0x20..=0x7E | 0xA1..=0xAC | 0xAE..=0xFF) => u8::try_from(code).ok(),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|(high, _)| *high == c)
            .map(|(_, byte)| *byte),
    }
}

/// `text` with every character the standard fonts cannot draw replaced:
/// spaces of any width become a plain space, invisible formatting marks
/// (soft hyphen, zero-width and bidirectional controls) disappear, control
/// characters become spaces, and anything else is transliterated to ASCII
/// or replaced by `?`. Callers split lines before: a line break here is
/// just a space.
pub(super) fn drawable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if win_ansi(c).is_some() {
            out.push(c);
            continue;
        }
        match c {
            '\u{AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => {}
            '\u{2010}' | '\u{2011}' | '\u{2212}' => out.push('-'),
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            c => match deunicode::deunicode_char(c) {
                Some(ascii)
                    if !ascii.is_empty() && ascii.chars().all(|a| win_ansi(a).is_some()) =>
                {
                    out.push_str(ascii)
                }
                _ => out.push('?'),
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_of_the_agreement_need_no_replacement() {
        let text = "é è ê ë à â ç ô û ù ï î œ æ ß ñ ä ö ü « » € ’ Œ Æ ¿ ¡ „ “ ” – — …";
        assert_eq!(drawable(text), text);
    }

    #[test]
    fn the_rest_is_replaced() {
        assert_eq!(drawable("Łukasz Dvořák"), "Lukasz Dvorák");
        assert_eq!(drawable("a\u{A0}b\u{202F}c\td\ne"), "a b c d e");
        assert_eq!(drawable("co\u{AD}op\u{200F}\u{202E}"), "coop");
        assert_eq!(drawable("\u{1}\u{7F}"), "  ");
        assert!(
            drawable("😀 مرحبا 中文")
                .chars()
                .all(|c| win_ansi(c).is_some())
        );
    }

    #[test]
    fn every_font_loads() {
        assert!(family().is_ok());
    }
}
