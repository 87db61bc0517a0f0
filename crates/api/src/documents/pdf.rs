//! Finishing the PDF genpdf wrote: fonts, footers, title, compression.
//!
//! * genpdf embeds every font of its cache, used or not, and printpdf names
//!   them `F0`, `F1`…: fonts no page uses are removed, and the others are
//!   named as PDF names subsets (`ABCDEF+DejaVuSans`, the tag derived from
//!   the subset) with the `CIDToGIDMap` archival profiles require.
//! * The footer needs the number of pages, known only once laid out; it is
//!   stamped here on every page, centred, in the regular subset (whose
//!   glyphs the layout included).
//! * printpdf writes the title as raw UTF-8, which viewers show garbled
//!   when it has accents; it is set here in UTF-16, as PDF expects.
//! * printpdf leaves page contents uncompressed (and everything, in debug
//!   builds); all streams are deflated here, which divides the size by
//!   about ten.

use std::collections::{BTreeMap, BTreeSet};

use allsorts::binary::read::ReadScope;
use allsorts::font::read_cmap_subtable;
use allsorts::tables::cmap::Cmap;
use allsorts::tables::{FontTableProvider, NameTable};
use allsorts::tag;
use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use super::DocumentError;
use super::fonts::Measure;
use super::layout::MARGIN_BOTTOM;

/// The regular font's resource name: the first font genpdf loads.
const REGULAR_FONT: &[u8] = b"F0";
/// Footer text size, in points.
const FOOTER_SIZE: u8 = 8;
/// A4 width, in points.
const PAGE_WIDTH_PT: f64 = 210.0 / 25.4 * 72.0;
/// Footer baseline, in points above the bottom edge: halfway down the
/// bottom margin.
const FOOTER_BASELINE_PT: f64 = MARGIN_BOTTOM / 2.0 / 25.4 * 72.0;

fn broken(error: lopdf::Error) -> DocumentError {
    DocumentError::Pdf(error.to_string())
}

/// Finishes the raw PDF. `footer(page, pages)` gives each page's footer
/// text, already drawable; `measure` its glyphs and width.
pub(super) fn finish(
    raw: &[u8],
    title: &str,
    footer: impl Fn(usize, usize) -> String,
    measure: &Measure,
) -> Result<Vec<u8>, DocumentError> {
    let mut pdf = Document::load_mem(raw).map_err(broken)?;
    let pages = pdf.get_pages();
    let count = pages.len();
    let mut used = BTreeSet::from([REGULAR_FONT.to_vec()]);
    let mut font_dicts = BTreeSet::new();
    for (number, page) in pages {
        font_dicts.insert(page_fonts(&pdf, page)?);
        let page_number = usize::try_from(number).unwrap_or(usize::MAX);
        let text = footer(page_number, count);
        let x = (PAGE_WIDTH_PT - measure.width_pt(&text, FOOTER_SIZE)) / 2.0;
        let stamp = footer_operations(&measure.glyphs(&text), x);
        let contents = pdf.get_page_contents(page);
        let last = contents.len().saturating_sub(1);
        for (i, id) in contents.into_iter().enumerate() {
            let stream = pdf
                .get_object_mut(id)
                .and_then(Object::as_stream_mut)
                .map_err(broken)?;
            let mut content = if stream.dict.has(b"Filter") {
                stream.decompressed_content().map_err(broken)?
            } else {
                std::mem::take(&mut stream.content)
            };
            used.extend(fonts_set(&content));
            if i == last {
                content.extend_from_slice(&stamp);
            }
            stream.set_plain_content(content);
        }
    }
    for fonts in font_dicts {
        keep_fonts(&mut pdf, fonts, &used)?;
    }
    pdf.prune_objects();
    set_title(&mut pdf, title)?;
    pdf.compress();
    let mut out = Vec::new();
    pdf.save_to(&mut out)
        .map_err(|e| DocumentError::Pdf(e.to_string()))?;
    Ok(out)
}

/// The font resources of a page. printpdf shares one font dictionary
/// between pages, referenced from each page's resources; anything else
/// means printpdf changed and is reported.
fn page_fonts(pdf: &Document, page: ObjectId) -> Result<ObjectId, DocumentError> {
    let reference = |holder: ObjectId, key: &[u8]| {
        pdf.get_dictionary(holder)
            .and_then(|dict| dict.get(key))
            .and_then(Object::as_reference)
            .ok()
    };
    reference(page, b"Resources")
        .and_then(|resources| reference(resources, b"Font"))
        .ok_or_else(|| DocumentError::Pdf("page fonts are not where printpdf puts them".into()))
}

/// The font names a content stream selects (`/F0 10 Tf`).
fn fonts_set(content: &[u8]) -> BTreeSet<Vec<u8>> {
    let tokens: Vec<&[u8]> = content
        .split(|b| b.is_ascii_whitespace())
        .filter(|token| !token.is_empty())
        .collect();
    tokens
        .windows(3)
        .filter(|window| window[2] == b"Tf" && window[0].starts_with(b"/"))
        .map(|window| window[0][1..].to_vec())
        .collect()
}

/// Removes from the font dictionary `fonts` those not `used`, and names the
/// others as subsets.
fn keep_fonts(
    pdf: &mut Document,
    fonts: ObjectId,
    used: &BTreeSet<Vec<u8>>,
) -> Result<(), DocumentError> {
    let entries: Vec<(Vec<u8>, Object)> = pdf
        .get_dictionary(fonts)
        .map_err(broken)?
        .iter()
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let mut kept = Dictionary::new();
    for (key, value) in entries {
        if !used.contains(&key) {
            continue;
        }
        if let Ok(font) = value.as_reference() {
            name_subset(pdf, font)?;
        }
        kept.set(key, value);
    }
    *pdf.get_object_mut(fonts).map_err(broken)? = Object::Dictionary(kept);
    Ok(())
}

/// Names an embedded Type 0 font `TAG+PostScriptName` (PDF 32000 9.6.4),
/// in the font, its descendant and its descriptor, maps CIDs to glyphs by
/// identity, which is how printpdf numbers them, and writes its
/// `ToUnicode` map from the font's own `cmap`.
///
/// printpdf's map takes, for a glyph several characters share, whichever
/// its hash map kept: Droid Sans Fallback draws `北` and the compatibility
/// ideograph U+F963 with one glyph, and copying the name from the PDF gave
/// the latter. Here the character chosen is the canonical one.
fn name_subset(pdf: &mut Document, font: ObjectId) -> Result<(), DocumentError> {
    let dict = pdf.get_dictionary(font).map_err(broken)?;
    if dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0".as_slice()) {
        return Ok(());
    }
    let mut descendant = dict
        .get(b"DescendantFonts")
        .and_then(Object::as_array)
        .ok()
        .and_then(|array| array.first())
        .and_then(|first| first.as_dict().ok())
        .cloned()
        .ok_or_else(|| DocumentError::Pdf("a Type 0 font without its descendant".into()))?;
    let descriptor = descendant
        .get(b"FontDescriptor")
        .and_then(Object::as_reference)
        .map_err(broken)?;
    let program = pdf
        .get_dictionary(descriptor)
        .and_then(|d| d.get(b"FontFile2"))
        .and_then(Object::as_reference)
        .and_then(|id| pdf.get_object(id))
        .and_then(Object::as_stream)
        .map_err(broken)?;
    let bytes = if program.dict.has(b"Filter") {
        program.decompressed_content().map_err(broken)?
    } else {
        program.content.clone()
    };
    let program = Program::read(&bytes)?;
    let name = format!("{}+{}", subset_tag(&bytes), program.name).into_bytes();
    let to_unicode = pdf.add_object(lopdf::Stream::new(
        Dictionary::new(),
        to_unicode_cmap(&program.characters).into_bytes(),
    ));
    descendant.set("BaseFont", Object::Name(name.clone()));
    descendant.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
    let dict = pdf
        .get_object_mut(font)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?;
    dict.set("BaseFont", Object::Name(name.clone()));
    dict.set(
        "DescendantFonts",
        Object::Array(vec![Object::Dictionary(descendant)]),
    );
    dict.set("ToUnicode", Object::Reference(to_unicode));
    pdf.get_object_mut(descriptor)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?
        .set("FontName", Object::Name(name));
    Ok(())
}

/// What the finishing pass reads from an embedded font program.
struct Program {
    /// Its PostScript name, or `Font`.
    name: String,
    /// For each glyph, the character it is copied as.
    characters: BTreeMap<u16, char>,
}

impl Program {
    fn read(bytes: &[u8]) -> Result<Self, DocumentError> {
        let fail = |e: &dyn std::fmt::Display| DocumentError::Pdf(format!("embedded font: {e}"));
        let file = ReadScope::new(bytes)
            .read::<allsorts::font_data::FontData<'_>>()
            .map_err(|e| fail(&e))?;
        let provider = file.table_provider(0).map_err(|e| fail(&e))?;
        let name = provider
            .read_table_data(tag::NAME)
            .ok()
            .and_then(|data| {
                ReadScope::new(&data)
                    .read::<NameTable<'_>>()
                    .ok()
                    .and_then(|table| table.string_for_id(NameTable::POSTSCRIPT_NAME))
            })
            .filter(|name| {
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            })
            .unwrap_or_else(|| "Font".to_owned());
        let cmap_data = provider.read_table_data(tag::CMAP).map_err(|e| fail(&e))?;
        let cmap = ReadScope::new(&cmap_data)
            .read::<Cmap<'_>>()
            .map_err(|e| fail(&e))?;
        let mut characters = BTreeMap::new();
        if let Some((_, subtable)) = read_cmap_subtable(&cmap).map_err(|e| fail(&e))? {
            subtable
                .mappings_fn(|code, glyph| {
                    let Some(c) = char::from_u32(code) else {
                        return;
                    };
                    characters
                        .entry(glyph)
                        .and_modify(|kept: &mut char| {
                            if preferred(c, *kept) {
                                *kept = c;
                            }
                        })
                        .or_insert(c);
                })
                .map_err(|e| fail(&e))?;
        }
        characters.remove(&0);
        Ok(Self { name, characters })
    }
}

/// Whether `c` names a shared glyph better than `kept`: a character that is
/// its own compatibility normal form (`北`, not U+F963 nor a Kangxi
/// radical), then the lower code point.
fn preferred(c: char, kept: char) -> bool {
    let canonical = |c: char| c.nfkc().eq(std::iter::once(c));
    match (canonical(c), canonical(kept)) {
        (true, false) => true,
        (false, true) => false,
        _ => c < kept,
    }
}

/// A `ToUnicode` CMap (PDF 32000 9.10.3) for two-byte glyph codes.
fn to_unicode_cmap(characters: &BTreeMap<u16, char>) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<(&u16, &char)> = characters.iter().collect();
    for block in entries.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for (glyph, c) in block {
            let mut units = [0u16; 2];
            let utf16: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|unit| format!("{unit:04X}"))
                .collect();
            cmap.push_str(&format!("<{glyph:04X}> <{utf16}>\n"));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    cmap
}

/// Six capital letters drawn from the subset's digest: the same subset gets
/// the same tag, different ones (almost surely) different tags.
fn subset_tag(program: &[u8]) -> String {
    Sha256::digest(program)
        .iter()
        .take(6)
        .map(|byte| char::from(b'A' + byte % 26))
        .collect()
}

/// The content operations that print the glyphs `glyphs` of the regular
/// font at `x` on the footer line.
fn footer_operations(glyphs: &[u16], x: f64) -> Vec<u8> {
    let bytes: Vec<u8> = glyphs
        .iter()
        .flat_map(|glyph| glyph.to_be_bytes())
        .collect();
    let operations = vec![
        Operation::new("BT", vec![]),
        Operation::new(
            "Tf",
            vec![
                Object::Name(REGULAR_FONT.to_vec()),
                Object::Integer(i64::from(FOOTER_SIZE)),
            ],
        ),
        Operation::new("g", vec![Object::Real(0.35)]),
        Operation::new(
            "Td",
            vec![Object::Real(x), Object::Real(FOOTER_BASELINE_PT)],
        ),
        Operation::new("Tj", vec![Object::String(bytes, StringFormat::Hexadecimal)]),
        Operation::new("ET", vec![]),
    ];
    let mut encoded = b"\n".to_vec();
    encoded.extend(
        lopdf::content::Content { operations }
            .encode()
            .unwrap_or_default(),
    );
    encoded
}

/// Sets the document title in UTF-16BE with its byte-order mark.
fn set_title(pdf: &mut Document, title: &str) -> Result<(), DocumentError> {
    let mut encoded = vec![0xFE, 0xFF];
    encoded.extend(title.encode_utf16().flat_map(u16::to_be_bytes));
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(broken)?;
    pdf.get_object_mut(info)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?
        .set("Title", Object::String(encoded, StringFormat::Hexadecimal));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fonts_a_page_selects_are_found() {
        let content = b"BT /F0 10 Tf [<0041> -12 <0042>] TJ ET\nBT\n/F1 8.5 Tf <0043> Tj ET";
        let fonts = fonts_set(content);
        assert_eq!(fonts, BTreeSet::from([b"F0".to_vec(), b"F1".to_vec()]));
    }

    #[test]
    fn the_footer_is_one_text_object_in_the_regular_font() {
        let operations =
            String::from_utf8(footer_operations(&[0x0033, 0x0102], 100.0)).unwrap_or_default();
        assert!(operations.contains("/F0 8 Tf"), "{operations}");
        assert!(operations.contains("<00330102> Tj"), "{operations}");
    }

    #[test]
    fn shared_glyphs_are_copied_as_the_canonical_character() {
        assert!(preferred('北', '\u{F963}'));
        assert!(!preferred('\u{2F00}', '一'));
        assert!(preferred('A', 'B'));
        let cmap = to_unicode_cmap(&BTreeMap::from([(3, 'A'), (4, '\u{1F600}')]));
        assert!(cmap.contains("2 beginbfchar\n<0003> <0041>\n<0004> <D83DDE00>\nendbfchar"));
    }

    #[test]
    fn subset_tags_are_six_capitals() {
        let tag = subset_tag(b"font");
        assert_eq!(tag.len(), 6);
        assert!(tag.bytes().all(|b| b.is_ascii_uppercase()));
    }
}
