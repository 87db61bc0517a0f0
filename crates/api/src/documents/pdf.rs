//! Finishing the PDF genpdf wrote: one-byte text, footers, title,
//! compression.
//!
//! * printpdf 0.3 writes every character as two bytes (`<00E9>`) even for
//!   the standard fonts, whose encoding has one byte per character: viewers
//!   then draw an undefined glyph before each letter (poppler hides it,
//!   others may not). The hex strings are rewritten with one byte each.
//! * The footer needs the number of pages, known only once laid out; it is
//!   stamped here on every page, centred, in Helvetica.
//! * printpdf writes the title as raw UTF-8, which viewers show garbled
//!   when it has accents; it is set here in UTF-16, as PDF expects.
//! * printpdf leaves page contents uncompressed (and everything, in debug
//!   builds); all streams are deflated here, which divides the size by
//!   about ten.

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::DocumentError;
use super::fonts::win_ansi;
use super::layout::MARGIN_BOTTOM;

/// The footer's font resource name, added next to printpdf's.
const FOOTER_FONT: &[u8] = b"StagesFooter";
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
/// text, already drawable; `width(text)` its width in points.
pub(super) fn finish(
    raw: &[u8],
    title: &str,
    footer: impl Fn(usize, usize) -> String,
    width: impl Fn(&str, u8) -> f64,
) -> Result<Vec<u8>, DocumentError> {
    let mut pdf = Document::load_mem(raw).map_err(broken)?;
    let font = pdf.add_object(Dictionary::from_iter(vec![
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
        ("Encoding", Object::Name(b"WinAnsiEncoding".to_vec())),
    ]));
    let pages = pdf.get_pages();
    let count = pages.len();
    for (number, page) in pages {
        add_footer_font(&mut pdf, page, font)?;
        let page_number = usize::try_from(number).unwrap_or(usize::MAX);
        let text = footer(page_number, count);
        let x = (PAGE_WIDTH_PT - width(&text, FOOTER_SIZE)) / 2.0;
        let stamp = footer_operations(&text, x);
        let contents = pdf.get_page_contents(page);
        let last = contents.len().saturating_sub(1);
        for (i, id) in contents.into_iter().enumerate() {
            let stream = pdf
                .get_object_mut(id)
                .and_then(Object::as_stream_mut)
                .map_err(broken)?;
            let plain = if stream.dict.has(b"Filter") {
                stream.decompressed_content().map_err(broken)?
            } else {
                std::mem::take(&mut stream.content)
            };
            let mut content = one_byte_strings(&plain);
            if i == last {
                content.extend_from_slice(&stamp);
            }
            stream.set_plain_content(content);
        }
    }
    set_title(&mut pdf, title)?;
    pdf.compress();
    let mut out = Vec::new();
    pdf.save_to(&mut out)
        .map_err(|e| DocumentError::Pdf(e.to_string()))?;
    Ok(out)
}

/// Registers the footer font in the page's font resources. printpdf shares
/// one font dictionary between pages, referenced from each page's
/// resources; anything else means printpdf changed and is reported.
fn add_footer_font(
    pdf: &mut Document,
    page: ObjectId,
    font: ObjectId,
) -> Result<(), DocumentError> {
    let reference = |pdf: &Document, holder: ObjectId, key: &[u8]| {
        pdf.get_dictionary(holder)
            .and_then(|dict| dict.get(key))
            .and_then(Object::as_reference)
            .ok()
    };
    let fonts = reference(pdf, page, b"Resources")
        .and_then(|resources| reference(pdf, resources, b"Font"))
        .ok_or_else(|| DocumentError::Pdf("page fonts are not where printpdf puts them".into()))?;
    pdf.get_object_mut(fonts)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?
        .set(FOOTER_FONT, Object::Reference(font));
    Ok(())
}

/// The content operations that print `text` at `x` on the footer line.
fn footer_operations(text: &str, x: f64) -> Vec<u8> {
    let bytes: Vec<u8> = text.chars().filter_map(win_ansi).collect();
    let operations = vec![
        Operation::new("BT", vec![]),
        Operation::new(
            "Tf",
            vec![
                Object::Name(FOOTER_FONT.to_vec()),
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

/// Rewrites the hex strings of a content stream (`<00E9>` → `<E9>`).
///
/// printpdf writes hex strings only as text operands, and with the standard
/// fonts every code fits one byte, so every group of four hex digits starts
/// with `00`. Anything else (a dictionary `<<`, a string that is not in
/// groups of `00xx`) is copied unchanged. Scanning bytes is linear; decoding
/// the content with lopdf's parser took forty times longer.
fn one_byte_strings(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() / 2);
    let mut rest = content;
    while let Some(start) = rest.iter().position(|&b| b == b'<') {
        out.extend_from_slice(&rest[..start]);
        rest = &rest[start..];
        let hex_end = rest[1..].iter().position(|&b| b == b'>').map(|i| i + 1);
        match hex_end.map(|end| (end, &rest[1..end])) {
            Some((end, hex)) if is_two_byte_text(hex) => {
                out.push(b'<');
                for group in hex.chunks(4) {
                    out.extend_from_slice(&group[2..]);
                }
                out.push(b'>');
                rest = &rest[end + 1..];
            }
            _ => {
                out.push(b'<');
                rest = &rest[1..];
            }
        }
    }
    out.extend_from_slice(rest);
    out
}

fn is_two_byte_text(hex: &[u8]) -> bool {
    !hex.is_empty()
        && hex.len().is_multiple_of(4)
        && hex.iter().all(u8::is_ascii_hexdigit)
        && hex.chunks(4).all(|group| group.starts_with(b"00"))
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
    fn text_strings_lose_their_zero_bytes() {
        let content = b"/OC /MC0 BDC\n[<00E90020> -12 <0041>] TJ\n<< /A 1 >> <0102> <> <00G1>";
        assert_eq!(
            one_byte_strings(content),
            b"/OC /MC0 BDC\n[<E920> -12 <41>] TJ\n<< /A 1 >> <0102> <> <00G1>".to_vec()
        );
        assert_eq!(one_byte_strings(b"a < b"), b"a < b".to_vec());
    }

    #[test]
    fn the_footer_is_one_text_object() {
        let operations =
            String::from_utf8(footer_operations("Page 1 / 2", 100.0)).unwrap_or_default();
        assert!(operations.contains("/StagesFooter 8 Tf"), "{operations}");
        assert!(
            operations.contains("<506167652031202F2032> Tj"),
            "{operations}"
        );
    }
}
