//! The archival profile of the signed agreement: PDF/A-2b (ISO 19005-2,
//! level B, "visual appearance preserved").
//!
//! What the level asks of our files, and where it is met:
//!
//! * every font embedded — [`super::fonts`] subsets, [`super::pdf`] drops
//!   the unused standard-font placeholders genpdf loads;
//! * an output intent with an ICC profile, for the device colours the pages
//!   use (`DeviceRGB`, `DeviceGray`): the sRGB profile of Little CMS
//!   (`crates/api/icc/`);
//! * XMP metadata, unfiltered, naming the part and level (`pdfaid`), and
//!   agreeing with the document information dictionary, which is rewritten
//!   here so that both say the same thing;
//! * a file identifier in the trailer;
//! * after the `%PDF-1.7` header, a comment of four bytes above 127, which
//!   lopdf does not write: [`mark_binary`] inserts it and moves the cross-
//!   reference offsets after it;
//! * optional content configurations named (printpdf draws in layers);
//! * the seal's signature widget printable and zero-sized.
//!
//! No validator such as veraPDF runs here (it is not in the registries this
//! project installs from); the tests check each of these parts.

use chrono::{DateTime, Utc};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat};
use sha2::{Digest, Sha256};

use super::DocumentError;

/// The sRGB IEC61966-2.1 profile (ICC v2) of Little CMS, zlib licence.
const SRGB: &[u8] = include_bytes!("../../icc/sRGB.icc");
/// Written in the information dictionary and the XMP packet.
const PRODUCER: &str = "Stages";
/// The comment after the header: four bytes above 127 tell file-transfer
/// tools the file is binary.
const BINARY_COMMENT: &[u8] = b"%\xE2\xE3\xCF\xD3\n";

fn broken(error: impl std::fmt::Display) -> DocumentError {
    DocumentError::Pdf(format!("archival profile: {error}"))
}

/// Makes `doc` PDF/A-2b but for the header comment, which [`mark_binary`]
/// adds to the saved file. `at` dates the document.
pub(super) fn prepare(doc: &mut Document, at: DateTime<Utc>) -> Result<(), DocumentError> {
    doc.version = "1.7".into();
    let title = title(doc);
    let info = doc.add_object(Dictionary::from_iter(vec![
        ("Title", utf16(&title)),
        ("Producer", Object::string_literal(PRODUCER)),
        ("Creator", Object::string_literal(PRODUCER)),
        ("CreationDate", pdf_date(at)),
        ("ModDate", pdf_date(at)),
    ]));
    doc.trailer.set("Info", Object::Reference(info));
    let metadata = doc.add_object(
        Stream::new(
            Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Metadata".to_vec())),
                ("Subtype", Object::Name(b"XML".to_vec())),
            ]),
            xmp(&title, at).into_bytes(),
        )
        .with_compression(false),
    );
    let mut profile = Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        SRGB.to_vec(),
    );
    // Deflating the profile cannot fail; if it did, it stays plain.
    profile.compress().ok();
    let profile = doc.add_object(profile);
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal("sRGB IEC61966-2.1"),
        ),
        ("Info", Object::string_literal("sRGB IEC61966-2.1")),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(broken)?;
    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?;
    catalog.set("Metadata", Object::Reference(metadata));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    name_layers(doc, catalog_id)?;
    let id = Sha256::digest(format!("{title}{}{}", at.timestamp_micros(), doc.max_id));
    let id = Object::String(id[..16].to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(())
}

/// The title [`super::pdf::finish`] set, as text.
fn title(doc: &Document) -> String {
    let bytes = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|info| doc.get_dictionary(info))
        .and_then(|info| info.get(b"Title"))
        .and_then(Object::as_str)
        .unwrap_or_default();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// A text string in UTF-16BE with its byte-order mark.
fn utf16(text: &str) -> Object {
    let mut encoded = vec![0xFE, 0xFF];
    encoded.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(encoded, StringFormat::Hexadecimal)
}

fn pdf_date(at: DateTime<Utc>) -> Object {
    Object::string_literal(at.format("D:%Y%m%d%H%M%S+00'00'").to_string())
}

/// Optional content configurations need a name (ISO 19005-2 6.9) and no
/// automatic state changes.
fn name_layers(doc: &mut Document, catalog_id: lopdf::ObjectId) -> Result<(), DocumentError> {
    let catalog = doc.get_dictionary(catalog_id).map_err(broken)?;
    let Ok(properties) = catalog.get(b"OCProperties").cloned() else {
        return Ok(());
    };
    let mut properties = match properties {
        Object::Reference(id) => doc.get_dictionary(id).map_err(broken)?.clone(),
        Object::Dictionary(dict) => dict,
        _ => return Ok(()),
    };
    let name = |config: &mut Dictionary| {
        config.set("Name", Object::string_literal("Stages"));
        config.remove(b"AS");
    };
    if let Ok(Object::Dictionary(default)) = properties.get_mut(b"D") {
        name(default);
    }
    if let Ok(Object::Array(configs)) = properties.get_mut(b"Configs") {
        for config in configs {
            if let Object::Dictionary(config) = config {
                name(config);
            }
        }
    }
    doc.get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?
        .set("OCProperties", Object::Dictionary(properties));
    Ok(())
}

/// `text` escaped for XML character data.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Opens an XMP packet (its byte-order mark, in UTF-8).
const BOM: char = '\u{FEFF}';

/// The XMP packet: PDF/A identification and the same title, tool and dates
/// as the information dictionary.
fn xmp(title: &str, at: DateTime<Utc>) -> String {
    let date = at.format("%Y-%m-%dT%H:%M:%S+00:00");
    let title = xml(title);
    format!(
        r#"<?xpacket begin="{BOM}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreatorTool>{PRODUCER}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#
    )
}

/// The saved file with [`BINARY_COMMENT`] after its header line, every
/// cross-reference offset moved by its length.
///
/// lopdf writes one classic cross-reference table: `xref`, then
/// subsections of `first count` and twenty-byte entries `oooooooooo
/// ggggg n` whose first ten digits are byte offsets; `startxref` gives the
/// table's own offset.
pub(super) fn mark_binary(pdf: &[u8]) -> Result<Vec<u8>, DocumentError> {
    let shift = BINARY_COMMENT.len();
    let header_end = pdf
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| i + 1)
        .filter(|_| pdf.starts_with(b"%PDF-"))
        .ok_or_else(|| broken("no header"))?;
    let start_at = rfind(pdf, b"startxref\n").ok_or_else(|| broken("no startxref"))?;
    let digits_at = start_at + b"startxref\n".len();
    let digits_end = pdf[digits_at..]
        .iter()
        .position(|b| !b.is_ascii_digit())
        .map_or(pdf.len(), |i| digits_at + i);
    let xref_at: usize = std::str::from_utf8(&pdf[digits_at..digits_end])
        .ok()
        .and_then(|digits| digits.parse().ok())
        .ok_or_else(|| broken("startxref is not a number"))?;
    if !pdf[xref_at..].starts_with(b"xref") {
        return Err(broken("no cross-reference table at startxref"));
    }
    let mut out = Vec::with_capacity(pdf.len() + shift + 4);
    out.extend_from_slice(&pdf[..header_end]);
    out.extend_from_slice(BINARY_COMMENT);
    out.extend_from_slice(&pdf[header_end..xref_at]);
    let trailer_at =
        xref_at + find(&pdf[xref_at..], b"trailer").ok_or_else(|| broken("no trailer"))?;
    out.extend_from_slice(&shift_table(&pdf[xref_at..trailer_at], shift)?);
    out.extend_from_slice(&pdf[trailer_at..digits_at]);
    out.extend_from_slice((xref_at + shift).to_string().as_bytes());
    out.extend_from_slice(&pdf[digits_end..]);
    Ok(out)
}

/// The cross-reference table with the offsets of objects in use moved.
fn shift_table(table: &[u8], shift: usize) -> Result<Vec<u8>, DocumentError> {
    let mut out = Vec::with_capacity(table.len());
    let mut rest = table;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        let is_entry = line.len() >= 18
            && line[..10].iter().all(u8::is_ascii_digit)
            && line[10] == b' '
            && line[17] == b'n';
        if is_entry {
            let offset: usize = std::str::from_utf8(&line[..10])
                .ok()
                .and_then(|digits| digits.parse().ok())
                .ok_or_else(|| broken("offset"))?;
            out.extend_from_slice(format!("{:010}", offset + shift).as_bytes());
            out.extend_from_slice(&line[10..]);
        } else {
            out.extend_from_slice(line);
        }
        rest = &rest[end..];
    }
    Ok(out)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_page() -> Document {
        let mut doc = Document::with_version("1.5");
        let pages = doc.new_object_id();
        let page = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Page".to_vec())),
            ("Parent", Object::Reference(pages)),
            (
                "MediaBox",
                Object::Array(vec![0.into(), 0.into(), 595.into(), 842.into()]),
            ),
        ]));
        doc.objects.insert(
            pages,
            Object::Dictionary(Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Pages".to_vec())),
                ("Kids", Object::Array(vec![Object::Reference(page)])),
                ("Count", Object::Integer(1)),
            ])),
        );
        let catalog = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Catalog".to_vec())),
            ("Pages", Object::Reference(pages)),
        ]));
        doc.trailer.set("Root", Object::Reference(catalog));
        let info = doc.add_object(Dictionary::from_iter(vec![(
            "Title",
            utf16("Convention n° 1 & <2>"),
        )]));
        doc.trailer.set("Info", Object::Reference(info));
        doc
    }

    #[test]
    fn the_binary_comment_moves_every_offset() {
        let mut doc = one_page();
        let mut saved = Vec::new();
        doc.save_to(&mut saved).expect("saved");
        let marked = mark_binary(&saved).expect("marked");
        assert!(marked.starts_with(b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n"));
        let reread = Document::load_mem(&marked).expect("reads");
        assert_eq!(reread.get_pages().len(), 1);
        let start = rfind(&marked, b"startxref\n").expect("startxref") + 10;
        let xref: usize = std::str::from_utf8(&marked[start..])
            .expect("ascii")
            .lines()
            .next()
            .and_then(|digits| digits.parse().ok())
            .expect("offset");
        assert!(marked[xref..].starts_with(b"xref\n"));
        // lopdf writes one subsection from object 0: entry i is object i.
        let table = String::from_utf8_lossy(&marked[xref..]);
        let entries = table
            .lines()
            .skip(2)
            .take_while(|line| !line.starts_with("trailer"));
        let mut checked = 0;
        for (number, entry) in entries.enumerate() {
            if entry.trim_end().ends_with('n') {
                let offset: usize = entry[..10].parse().expect("offset");
                let expected = format!("{number} 0 obj");
                assert!(
                    marked[offset..].starts_with(expected.as_bytes()),
                    "{expected}"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, reread.objects.len());
    }

    #[test]
    fn metadata_agrees_with_the_information_dictionary() {
        let mut doc = one_page();
        let at = DateTime::parse_from_rfc3339("2026-12-05T10:20:30Z")
            .expect("date")
            .with_timezone(&Utc);
        prepare(&mut doc, at).expect("prepared");
        let catalog = doc.catalog().expect("catalog");
        let metadata = catalog
            .get(b"Metadata")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_object(id))
            .and_then(Object::as_stream)
            .expect("metadata");
        assert!(!metadata.allows_compression);
        let xmp = String::from_utf8(metadata.content.clone()).expect("utf-8");
        assert!(xmp.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(xmp.contains("Convention n° 1 &amp; &lt;2&gt;"));
        assert!(xmp.contains("<xmp:CreateDate>2026-12-05T10:20:30+00:00</xmp:CreateDate>"));
        assert_eq!(title(&doc), "Convention n° 1 & <2>");
        let intents = catalog
            .get(b"OutputIntents")
            .and_then(Object::as_array)
            .expect("intents");
        assert_eq!(intents.len(), 1);
        assert!(doc.trailer.get(b"ID").is_ok());
        assert_eq!(doc.version, "1.7");
    }
}
