//! Fonts: DejaVu Sans for every alphabet, Droid Sans Fallback for CJK,
//! each subsetted to the characters of the document it prints.
//!
//! # Why embedded subsets
//!
//! An agreement prints the names of the people who sign it. The standard
//! PDF fonts only know `WinAnsiEncoding`: a Polish `Ł`, a Vietnamese `ễ`,
//! Greek, Cyrillic or Chinese came out transliterated or as `?`. The
//! documents are therefore set in embedded TrueType fonts that cover them:
//!
//! * DejaVu Sans (regular and bold): Latin with every European and
//!   Vietnamese letter, Greek, Cyrillic, Armenian, Georgian and many
//!   symbols;
//! * Droid Sans Fallback: Chinese, Japanese and Korean, for the characters
//!   DejaVu lacks (it has no bold: bold CJK prints regular).
//!
//! genpdf embeds every font of its cache whole, and printpdf then probes
//! every Unicode scalar against each font to build its width and
//! `ToUnicode` tables: with the whole fonts an agreement weighed 1.8 MB and
//! took 53 ms (Liberation Sans, measured before this module). So each
//! document first collects the characters it prints ([`Charset`]), and
//! genpdf receives fonts subsetted to those glyphs by `allsorts` (the
//! subsetter printpdf's later versions use): a few kilobytes each, with a
//! `cmap` so that genpdf measures and printpdf encodes them as usual.
//! Glyph ids in the PDF are the subset's.
//!
//! The font files are in `crates/api/fonts/` with their licences.
//!
//! # What cannot be drawn
//!
//! Text is normalised to NFC first, so that a letter typed as a base and
//! combining accents prints as the precomposed glyph. Scripts that need
//! shaping or right-to-left ordering (Arabic, Hebrew, Indic…) are refused
//! at input (TEXT-02, `stages_domain::requests`); where such text reached
//! the database another way (a directory, an import), it prints as the
//! visible replacement character `�`, like a character neither font has
//! (a rare ideograph): never silently as something else.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use allsorts::binary::read::ReadScope;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use genpdf::fonts::{Font, FontData, FontFamily};
use printpdf::BuiltinFont;
use stages_domain::requests;
use unicode_normalization::UnicodeNormalization;

use super::DocumentError;

const SANS: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");
const FALLBACK: &[u8] = include_bytes!("../../fonts/DroidSansFallback.ttf");

/// Printed for a character no embedded font has.
const REPLACEMENT: char = '\u{FFFD}';

/// One embedded font: its file and its parsed character map.
struct Face {
    bytes: &'static [u8],
    font: rusttype::Font<'static>,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Result<Self, String> {
        let font = rusttype::Font::from_bytes(bytes).map_err(|e| e.to_string())?;
        Ok(Self { bytes, font })
    }

    /// The glyph of `c`, if the font has one.
    fn glyph(&self, c: char) -> Option<u16> {
        match self.font.glyph(c).id().0 {
            0 => None,
            id => u16::try_from(id).ok(),
        }
    }

    /// The font cut down to the glyphs of `chars` (and `.notdef`).
    fn subset(&self, chars: impl Iterator<Item = char>) -> Result<Vec<u8>, DocumentError> {
        let mut glyphs: BTreeSet<u16> = chars.filter_map(|c| self.glyph(c)).collect();
        glyphs.insert(0);
        let glyphs: Vec<u16> = glyphs.into_iter().collect();
        let broken = |e: &dyn std::fmt::Display| DocumentError::Font(e.to_string());
        let file = ReadScope::new(self.bytes)
            .read::<allsorts::font_data::FontData<'_>>()
            .map_err(|e| broken(&e))?;
        let provider = file.table_provider(0).map_err(|e| broken(&e))?;
        subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| broken(&e))
    }
}

/// The three embedded fonts, parsed once.
struct Faces {
    sans: Face,
    bold: Face,
    fallback: Face,
}

static FACES: LazyLock<Result<Faces, String>> = LazyLock::new(|| {
    Ok(Faces {
        sans: Face::load(SANS)?,
        bold: Face::load(SANS_BOLD)?,
        fallback: Face::load(FALLBACK)?,
    })
});

fn faces() -> Result<&'static Faces, DocumentError> {
    FACES.as_ref().map_err(|e| DocumentError::Font(e.clone()))
}

/// Whether `c` is printed with the CJK font: DejaVu lacks it, Droid has it.
pub(super) fn needs_fallback(c: char) -> bool {
    faces().is_ok_and(|faces| faces.sans.glyph(c).is_none() && faces.fallback.glyph(c).is_some())
}

/// Whether an embedded font can print `c` as it is.
pub(super) fn printable(c: char) -> bool {
    c == ' '
        || faces()
            .is_ok_and(|faces| faces.sans.glyph(c).is_some() || faces.fallback.glyph(c).is_some())
}

/// `text` as the documents print it: NFC, spaces of any width as a plain
/// space, invisible formatting marks (soft hyphen, zero-width and
/// bidirectional controls) removed, control characters as spaces, and a
/// character no font has as `�`. Callers split lines before: a line break
/// here is just a space.
pub(super) fn drawable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            '\u{AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => {}
            c if c.is_whitespace() || c.is_control() => out.push(' '),
            // Refused at input (TEXT-02); older data or a directory may
            // still hold it, and unshaped it would print altered.
            c if requests::needs_shaping(c) => out.push(REPLACEMENT),
            c if printable(c) => out.push(c),
            _ => out.push(REPLACEMENT),
        }
    }
    out
}

/// The characters a document prints, collected while it is built.
#[derive(Debug, Default)]
pub(super) struct Charset {
    chars: BTreeSet<char>,
}

impl Charset {
    /// Adds the characters of `text`, already [`drawable`].
    pub(super) fn add(&mut self, text: &str) {
        self.chars.extend(text.chars());
    }

    pub(super) fn merge(&mut self, other: Charset) {
        self.chars.extend(other.chars);
    }
}

/// The fonts of one document.
pub(super) struct Subsets {
    /// DejaVu Sans regular and bold; the italic styles, never used, are
    /// standard-font placeholders that [`super::pdf`] removes.
    pub(super) family: FontFamily<FontData>,
    /// Droid Sans Fallback, when the document has CJK characters.
    pub(super) fallback: Option<FontFamily<FontData>>,
    /// The regular subset, for the footer stamped after layout.
    pub(super) regular: Vec<u8>,
}

/// Subsets the fonts to `charset`.
pub(super) fn subsets(charset: &Charset) -> Result<Subsets, DocumentError> {
    let faces = faces()?;
    let chars = || charset.chars.iter().copied().chain([' ', REPLACEMENT]);
    let data = |bytes: Vec<u8>, builtin| {
        FontData::new(bytes, builtin).map_err(|e| DocumentError::Font(e.to_string()))
    };
    let regular = faces.sans.subset(chars())?;
    let bold = faces.bold.subset(chars())?;
    let family = FontFamily {
        regular: data(regular.clone(), None)?,
        bold: data(bold.clone(), None)?,
        italic: data(regular.clone(), Some(BuiltinFont::HelveticaOblique))?,
        bold_italic: data(bold, Some(BuiltinFont::HelveticaBoldOblique))?,
    };
    let cjk: Vec<char> = chars().filter(|&c| needs_fallback(c)).collect();
    let fallback = if cjk.is_empty() {
        None
    } else {
        let bytes = faces.fallback.subset(cjk.into_iter())?;
        Some(FontFamily {
            regular: data(bytes.clone(), None)?,
            bold: data(bytes.clone(), None)?,
            italic: data(bytes.clone(), None)?,
            bold_italic: data(bytes, None)?,
        })
    };
    Ok(Subsets {
        family,
        fallback,
        regular,
    })
}

thread_local! {
    /// The CJK family of the document being laid out on this thread: genpdf
    /// hands its elements only the default family, and the fallback's
    /// handle exists only once the document does.
    static FALLBACK_FAMILY: Cell<Option<FontFamily<Font>>> = const { Cell::new(None) };
}

/// Makes `family` the fallback of the elements laid out until it is dropped.
pub(super) struct FallbackScope;

impl FallbackScope {
    pub(super) fn enter(family: Option<FontFamily<Font>>) -> Self {
        FALLBACK_FAMILY.with(|slot| slot.set(family));
        Self
    }
}

impl Drop for FallbackScope {
    fn drop(&mut self) {
        FALLBACK_FAMILY.with(|slot| slot.set(None));
    }
}

/// The fallback family of the document being laid out, if it has one.
pub(super) fn fallback_family() -> Option<FontFamily<Font>> {
    FALLBACK_FAMILY.with(Cell::get)
}

/// Glyphs and widths of the regular subset, for text genpdf does not lay
/// out (the footer).
pub(super) struct Measure {
    font: rusttype::Font<'static>,
}

impl Measure {
    pub(super) fn new(regular: Vec<u8>) -> Result<Self, DocumentError> {
        let font =
            rusttype::Font::from_bytes(regular).map_err(|e| DocumentError::Font(e.to_string()))?;
        Ok(Self { font })
    }

    /// The glyph ids of `text` in the subset.
    pub(super) fn glyphs(&self, text: &str) -> Vec<u16> {
        text.chars()
            .map(|c| u16::try_from(self.font.glyph(c).id().0).unwrap_or(0))
            .collect()
    }

    /// The width of `text` in regular type of `size` points, in points.
    pub(super) fn width_pt(&self, text: &str, size: u8) -> f64 {
        let units: f32 = text
            .chars()
            .map(|c| {
                self.font
                    .glyph(c)
                    .standalone()
                    .get_data()
                    .map_or(0.0, |d| d.unit_h_metrics.advance_width)
            })
            .sum();
        f64::from(units) * f64::from(size) / f64::from(self.font.units_per_em())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_every_alphabet_print_as_typed() {
        for text in [
            "é è ê ë à â ç ô û ù ï î œ æ ß ñ ä ö ü « » € ’ Œ Æ ¿ ¡ „ “ ” – — …",
            "Łucja Nguyễn",
            "Dvořák Ğüşİ Ελληνικά Кириллица",
            "北京科技有限公司",
        ] {
            assert_eq!(drawable(text), text);
        }
    }

    #[test]
    fn decomposed_accents_become_one_letter() {
        assert_eq!(drawable("Nguye\u{302}\u{303}n"), "Nguyễn");
    }

    #[test]
    fn formatting_marks_and_unknown_characters_are_never_silent() {
        assert_eq!(drawable("a\u{A0}b\u{202F}c\td\ne"), "a b c d e");
        assert_eq!(drawable("co\u{AD}op\u{200F}\u{202E}"), "coop");
        assert_eq!(drawable("\u{1}\u{7F}"), "  ");
        assert_eq!(drawable("ok \u{1F9FF}"), "ok \u{FFFD}");
        assert_eq!(drawable("Ali مر"), "Ali \u{FFFD}\u{FFFD}");
    }

    #[test]
    fn only_cjk_goes_to_the_fallback() {
        assert!(needs_fallback('北'));
        assert!(!needs_fallback('Ł'));
        assert!(!needs_fallback('ễ'));
    }

    #[test]
    fn subsets_are_small_and_keep_their_characters() {
        let mut charset = Charset::default();
        charset.add("Łucja Nguyễn 北京");
        let subsets = subsets(&charset).expect("subsets");
        assert!(subsets.regular.len() < 40_000, "{}", subsets.regular.len());
        assert!(subsets.fallback.is_some());
        let measure = Measure::new(subsets.regular).expect("measure");
        assert!(measure.glyphs("Łễ").iter().all(|&g| g != 0));
        assert!(measure.width_pt("Łucja", 10) > 20.0);
    }
}
