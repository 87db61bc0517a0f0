//! The signed agreement: the agreement as sent for signature, byte for
//! byte in its pages, followed by a page listing each signature with its
//! evidence. [`super::seal`] then seals the whole.

use chrono::{NaiveDate, NaiveDateTime};
use lopdf::{Document, Object, ObjectId};
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::AgreementLanguage;
use stages_domain::signature::{Method, Party};

use super::i18n::{Key, Words};
use super::layout::Sheet;
use super::shared::render;
use super::{DocumentError, Letterhead};

/// One signature as the page prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureLine {
    pub party: Party,
    pub signer_name: String,
    pub signed_on: NaiveDate,
    pub method: Method,
    pub recorded_by: Option<String>,
    pub address: Option<String>,
    pub user_agent: Option<String>,
    pub scan_sha256: Option<String>,
    pub recorded_at: NaiveDateTime,
}

/// Everything the signature page prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignaturePage {
    pub number: ConventionNumber,
    pub letterhead: Letterhead,
    pub language: AgreementLanguage,
    /// SHA-256 (hex) of the agreement every party signed.
    pub document_sha256: String,
    pub signatures: Vec<SignatureLine>,
    /// Who seals, and when.
    pub institution: String,
    pub sealed_on: NaiveDate,
}

fn party_key(party: Party) -> Key {
    match party {
        Party::Student => Key::SignaturesPartyStudent,
        Party::LegalRepresentative => Key::SignaturesPartyLegalRepresentative,
        Party::HostSignatory => Key::SignaturesPartyHostSignatory,
        Party::Tutor => Key::SignaturesPartyTutor,
        Party::Supervisor => Key::SignaturesPartySupervisor,
        Party::School => Key::SignaturesPartySchool,
    }
}

/// Renders the signature page alone.
pub fn render_signature_page(page: &SignaturePage) -> Result<Vec<u8>, DocumentError> {
    let words = Words::new(page.language);
    let mut sheet = Sheet::new();
    sheet.letterhead(&page.letterhead, &words);
    let title = words.get(Key::SignaturePageTitle);
    sheet.title(&title);
    sheet.paragraphs(&words.with(
        Key::SignaturesIntro,
        vec![("number", page.number.to_string().into())],
    ));
    sheet.paragraphs(&page.document_sha256);
    for line in &page.signatures {
        sheet.subheading(&words.get(party_key(line.party)));
        sheet.field(&words.get(Key::LabelSigner), &line.signer_name);
        sheet.field(&words.get(Key::LabelSignedOn), &words.date(line.signed_on));
        let method = match line.method {
            Method::Electronic => Key::SignaturesMethodElectronic,
            Method::Paper => Key::SignaturesMethodPaper,
        };
        sheet.field(&words.get(Key::LabelMethod), &words.get(method));
        if let Some(by) = &line.recorded_by {
            sheet.field(&words.get(Key::LabelRecordedBy), by);
        }
        if let Some(address) = &line.address {
            sheet.field(&words.get(Key::LabelNetworkAddress), address);
        }
        if let Some(agent) = &line.user_agent {
            sheet.field(&words.get(Key::LabelUserAgent), agent);
        }
        if let Some(scan) = &line.scan_sha256 {
            sheet.field(&words.get(Key::LabelScanHash), scan);
        }
        sheet.field(
            &words.get(Key::LabelRecordedAt),
            &format!("{} UTC", line.recorded_at.format("%Y-%m-%d %H:%M:%S")),
        );
    }
    sheet.space(0.5);
    sheet.paragraphs(&words.with(
        Key::SignaturesSeal,
        vec![
            ("institution", page.institution.as_str().into()),
            ("date", words.date(page.sealed_on).into()),
        ],
    ));
    render(
        sheet,
        &words,
        &page.letterhead,
        page.number,
        &format!("{title} {}", page.number),
    )
}

fn broken(error: lopdf::Error) -> DocumentError {
    DocumentError::Pdf(error.to_string())
}

/// The pages of `appendix` added after those of `agreement`: the
/// agreement's objects are kept as they are (its pages are the ones
/// signed), the appendix's renumbered after them.
pub fn append(agreement: &[u8], appendix: &[u8]) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::load_mem(agreement).map_err(broken)?;
    let mut extra = Document::load_mem(appendix).map_err(broken)?;
    extra.renumber_objects_with(doc.max_id + 1);
    let pages_root: ObjectId = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(broken)?;
    let added: Vec<ObjectId> = extra.get_pages().into_values().collect();
    let extra_root = extra
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(broken)?;
    let extra_catalog = extra
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(broken)?;
    let extra_info = extra
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .ok();
    for (id, object) in std::mem::take(&mut extra.objects) {
        // The appendix's own catalog, page tree and info are replaced by the
        // agreement's.
        if id == extra_catalog || id == extra_root || Some(id) == extra_info {
            continue;
        }
        doc.objects.insert(id, object);
    }
    for page in &added {
        doc.get_object_mut(*page)
            .and_then(Object::as_dict_mut)
            .map_err(broken)?
            .set("Parent", Object::Reference(pages_root));
    }
    let root = doc
        .get_object_mut(pages_root)
        .and_then(Object::as_dict_mut)
        .map_err(broken)?;
    let mut kids = root
        .get(b"Kids")
        .and_then(Object::as_array)
        .map_err(broken)?
        .clone();
    kids.extend(added.iter().map(|id| Object::Reference(*id)));
    let count = i64::try_from(kids.len()).unwrap_or(i64::MAX);
    root.set("Kids", Object::Array(kids));
    root.set("Count", Object::Integer(count));
    doc.max_id = doc.objects.keys().map(|(id, _)| *id).max().unwrap_or(0);
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| DocumentError::Pdf(e.to_string()))?;
    Ok(out)
}
