//! Sealing a PDF with the institution's key: a PAdES baseline B-B
//! signature (`ETSI.CAdES.detached`: a CMS SignedData over the file's byte
//! range, its certificate bound by the ESS `signing-certificate-v2`
//! attribute, the time in the signature dictionary's `/M` and not in a
//! CMS `signing-time`, as ETSI EN 319 142-1 asks)
//! that any reader (`pdfsig`, Acrobat) checks, and that breaks when one
//! byte of the file changes.
//!
//! How: the signature dictionary is written with a fixed-size zero
//! `/Contents` and a placeholder `/ByteRange`; once the file is laid out,
//! the byte range (everything but the `/Contents` string) is patched in
//! place, hashed with SHA-256, signed, and the DER signature written into
//! the zeros. Nothing else moves, so the cross-reference table stays right.
//!
//! The sealed file is also made archival (PDF/A-2b, [`super::archive`]):
//! the seal is the last step before the agreement is kept.
//!
//! The key is ECDSA P-256 (generated for a demo, with a self-signed
//! certificate) or RSA, read from PEM files an installation configures.

use chrono::{DateTime, Utc};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::SetOfVec;
use der::{Decode, DecodePem, Encode, EncodePem};
use lopdf::{Dictionary, Document, Object, StringFormat};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use sha2::{Digest, Sha256};
use std::str::FromStr;
use std::time::Duration;
use x509_cert::Certificate;
use x509_cert::attr::Attribute;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_cert::time::Validity;

use super::DocumentError;

/// Room for the DER signature: the certificate plus the signature and its
/// attributes, with margin for a long RSA chain.
const SIGNATURE_ROOM: usize = 16 * 1024;
/// The `/ByteRange` is first written as this name, then replaced in place,
/// once the offsets are known, by the array padded with spaces: its 44
/// bytes hold four numbers of ten digits.
const RANGE_MARKER: &[u8] = b"/StagesByteRange____________________________";

/// The institution's signing key.
enum Key {
    Ecdsa(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>),
}

/// The institution's key and certificate.
pub struct Seal {
    key: Key,
    certificate: Certificate,
}

fn failed(cause: impl std::fmt::Display) -> DocumentError {
    DocumentError::Pdf(format!("seal: {cause}"))
}

impl Seal {
    /// A new P-256 key with a self-signed certificate naming `institution`,
    /// valid ten years: for a demo or a test, never for production.
    pub fn generate(institution: &str) -> Result<Self, DocumentError> {
        // A random scalar; the rare value out of the curve's range is drawn
        // again.
        let key = loop {
            if let Ok(key) = p256::ecdsa::SigningKey::from_slice(&rand::random::<[u8; 32]>()) {
                break key;
            }
        };
        let subject =
            Name::from_str(&format!("CN={},O=Stages", dn_value(institution))).map_err(failed)?;
        let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(failed)?;
        let serial = SerialNumber::new(&rand::random::<[u8; 8]>()).map_err(failed)?;
        let validity =
            Validity::from_now(Duration::from_secs(10 * 365 * 24 * 3600)).map_err(failed)?;
        let builder = CertificateBuilder::new(Profile::Root, serial, validity, subject, spki, &key)
            .map_err(failed)?;
        let certificate = builder
            .build::<p256::ecdsa::DerSignature>()
            .map_err(failed)?;
        Ok(Self {
            key: Key::Ecdsa(key),
            certificate,
        })
    }

    /// A key (PKCS#8 PEM: P-256 or RSA) and its certificate (PEM).
    pub fn from_pem(key_pem: &str, certificate_pem: &str) -> Result<Self, DocumentError> {
        let certificate = Certificate::from_pem(certificate_pem).map_err(failed)?;
        let key = if let Ok(key) = p256::ecdsa::SigningKey::from_pkcs8_pem(key_pem) {
            Key::Ecdsa(key)
        } else {
            let key = rsa::RsaPrivateKey::from_pkcs8_pem(key_pem).map_err(failed)?;
            Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(key)))
        };
        Ok(Self { key, certificate })
    }

    /// The key (PKCS#8) and certificate as PEM, to keep a generated seal.
    pub fn to_pem(&self) -> Result<(String, String), DocumentError> {
        let key = match &self.key {
            Key::Ecdsa(key) => key.to_pkcs8_pem(der::pem::LineEnding::LF),
            Key::Rsa(_) => return Err(failed("an RSA seal comes from its files")),
        }
        .map_err(failed)?;
        let certificate = self
            .certificate
            .to_pem(der::pem::LineEnding::LF)
            .map_err(failed)?;
        Ok((key.to_string(), certificate))
    }

    /// The certificate's subject, as printed.
    pub fn subject(&self) -> String {
        self.certificate.tbs_certificate.subject.to_string()
    }

    /// `pdf` sealed: a signature field on its last page whose value signs
    /// every byte of the file but the signature itself.
    pub fn seal(
        &self,
        pdf: &[u8],
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<Vec<u8>, DocumentError> {
        let prepared = self.prepare(pdf, reason, at)?;
        self.sign_in_place(prepared)
    }

    /// The file with its signature dictionary, `/Contents` still zeros.
    fn prepare(
        &self,
        pdf: &[u8],
        reason: &str,
        at: DateTime<Utc>,
    ) -> Result<Vec<u8>, DocumentError> {
        let mut doc = Document::load_mem(pdf).map_err(failed)?;
        let pages = doc.get_pages();
        let last = *pages.values().last().ok_or_else(|| failed("no page"))?;
        let signature = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Sig".to_vec())),
            ("Filter", Object::Name(b"Adobe.PPKLite".to_vec())),
            ("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec())),
            ("Name", text(&self.subject())),
            ("Reason", text(reason)),
            (
                "M",
                Object::String(
                    at.format("D:%Y%m%d%H%M%S+00'00'").to_string().into_bytes(),
                    StringFormat::Literal,
                ),
            ),
            ("ByteRange", Object::Name(RANGE_MARKER[1..].to_vec())),
            (
                "Contents",
                Object::String(vec![0; SIGNATURE_ROOM], StringFormat::Hexadecimal),
            ),
        ]));
        let field = doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Annot".to_vec())),
            ("Subtype", Object::Name(b"Widget".to_vec())),
            ("FT", Object::Name(b"Sig".to_vec())),
            ("T", text("Stages seal")),
            ("V", Object::Reference(signature)),
            ("F", Object::Integer(132)),
            (
                "Rect",
                Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
            ),
            ("P", Object::Reference(last)),
        ]));
        let page = doc
            .get_object_mut(last)
            .and_then(Object::as_dict_mut)
            .map_err(failed)?;
        let mut annotations = page
            .get(b"Annots")
            .and_then(Object::as_array)
            .cloned()
            .unwrap_or_default();
        annotations.push(Object::Reference(field));
        page.set("Annots", Object::Array(annotations));
        let catalog_id = doc
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(failed)?;
        doc.get_object_mut(catalog_id)
            .and_then(Object::as_dict_mut)
            .map_err(failed)?
            .set(
                "AcroForm",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("Fields", Object::Array(vec![Object::Reference(field)])),
                    ("SigFlags", Object::Integer(3)),
                ])),
            );
        super::archive::prepare(&mut doc, at)?;
        let mut out = Vec::new();
        doc.save_to(&mut out).map_err(failed)?;
        super::archive::mark_binary(&out)
    }

    /// Patches the byte range, signs it and writes the signature.
    fn sign_in_place(&self, mut pdf: Vec<u8>) -> Result<Vec<u8>, DocumentError> {
        let range_at = find(&pdf, RANGE_MARKER).ok_or_else(|| failed("no byte range"))?;
        // `<` then the zeros then `>`.
        let mut zeros = Vec::with_capacity(SIGNATURE_ROOM * 2 + 1);
        zeros.push(b'<');
        zeros.resize(SIGNATURE_ROOM * 2 + 1, b'0');
        let contents_at = find(&pdf, &zeros).ok_or_else(|| failed("no contents"))?;
        let contents_end = contents_at + zeros.len() + 1;
        if pdf.get(contents_end - 1) != Some(&b'>') {
            return Err(failed("contents not where written"));
        }
        let after = pdf.len() - contents_end;
        let range = format!("[0 {contents_at} {contents_end} {after}]");
        let padded = format!("{range:<width$}", width = RANGE_MARKER.len());
        if padded.len() != RANGE_MARKER.len() {
            return Err(failed("file too large to seal"));
        }
        pdf.splice(range_at..range_at + RANGE_MARKER.len(), padded.bytes());
        let mut hasher = Sha256::new();
        hasher.update(&pdf[..contents_at]);
        hasher.update(&pdf[contents_end..]);
        let digest = hasher.finalize();
        let signature = self.sign(&digest)?;
        if signature.len() > SIGNATURE_ROOM {
            return Err(failed("signature larger than its room"));
        }
        let hex: String = signature.iter().map(|b| format!("{b:02X}")).collect();
        pdf[contents_at + 1..contents_at + 1 + hex.len()].copy_from_slice(hex.as_bytes());
        Ok(pdf)
    }

    /// The detached CMS SignedData over `digest`, with the certificate.
    fn sign(&self, digest: &[u8]) -> Result<Vec<u8>, DocumentError> {
        let content = EncapsulatedContentInfo {
            econtent_type: const_oid::db::rfc5911::ID_DATA,
            econtent: None,
        };
        let sha256 = AlgorithmIdentifierOwned {
            oid: const_oid::db::rfc5912::ID_SHA_256,
            parameters: None,
        };
        let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: self.certificate.tbs_certificate.issuer.clone(),
            serial_number: self.certificate.tbs_certificate.serial_number.clone(),
        });
        let certificate_attribute = signing_certificate_v2(&self.certificate)?;
        let mut builder = SignedDataBuilder::new(&content);
        builder
            .add_digest_algorithm(sha256.clone())
            .map_err(failed)?
            .add_certificate(CertificateChoices::Certificate(self.certificate.clone()))
            .map_err(failed)?;
        match &self.key {
            Key::Ecdsa(key) => {
                let mut signer = SignerInfoBuilder::new(key, sid, sha256, &content, Some(digest))
                    .map_err(failed)?;
                signer
                    .add_signed_attribute(certificate_attribute.clone())
                    .map_err(failed)?;
                builder
                    .add_signer_info::<_, p256::ecdsa::DerSignature>(signer)
                    .map_err(failed)?;
            }
            Key::Rsa(key) => {
                let mut signer =
                    SignerInfoBuilder::new(key.as_ref(), sid, sha256, &content, Some(digest))
                        .map_err(failed)?;
                signer
                    .add_signed_attribute(certificate_attribute)
                    .map_err(failed)?;
                builder
                    .add_signer_info::<_, rsa::pkcs1v15::Signature>(signer)
                    .map_err(failed)?;
            }
        }
        builder.build().map_err(failed)?.to_der().map_err(failed)
    }
}

/// The ESS `signing-certificate-v2` attribute (RFC 5035) that binds the
/// signature to the certificate by its SHA-256, as PAdES baseline B-B asks:
/// `SEQUENCE { SEQUENCE OF { ESSCertIDv2 { certHash } } }`, the hash
/// algorithm being SHA-256, the default, and so left out.
fn signing_certificate_v2(certificate: &Certificate) -> Result<Attribute, DocumentError> {
    let hash = Sha256::digest(certificate.to_der().map_err(failed)?);
    let mut value = vec![0x30, 0x26, 0x30, 0x24, 0x30, 0x22, 0x04, 0x20];
    value.extend_from_slice(&hash);
    let value = der::Any::from_der(&value).map_err(failed)?;
    Ok(Attribute {
        oid: const_oid::db::rfc5911::ID_AA_SIGNING_CERTIFICATE_V_2,
        values: SetOfVec::try_from(vec![value]).map_err(failed)?,
    })
}

/// A PDF text string: UTF-16BE with its byte-order mark.
fn text(value: &str) -> Object {
    let mut encoded = vec![0xFE, 0xFF];
    encoded.extend(value.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(encoded, StringFormat::Hexadecimal)
}

/// A value for a distinguished name: the characters that separate its
/// parts are dropped.
fn dn_value(value: &str) -> String {
    value
        .chars()
        .filter(|c| !matches!(c, ',' | '+' | '=' | '"' | '\\' | '<' | '>' | ';' | '#'))
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF, as lopdf writes it.
    fn one_page() -> Vec<u8> {
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
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("saved");
        out
    }

    #[test]
    fn the_byte_range_covers_all_but_the_signature() {
        let seal = Seal::generate("Université \"de\" test, Paris").expect("seal");
        let sealed = seal
            .seal(&one_page(), "Convention 2027-000001", Utc::now())
            .expect("sealed");
        let text = String::from_utf8_lossy(&sealed);
        let range = text
            .split("/ByteRange[")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .expect("a byte range");
        let numbers: Vec<usize> = range
            .split_whitespace()
            .map(|n| n.parse().expect("a number"))
            .collect();
        assert_eq!(numbers[0], 0);
        assert_eq!(sealed[numbers[1]], b'<');
        assert_eq!(sealed[numbers[2] - 1], b'>');
        assert_eq!(numbers[2] + numbers[3], sealed.len());
        // The signature was written in place of the zeros.
        assert_ne!(&sealed[numbers[1] + 1..numbers[1] + 9], b"00000000");
        assert!(Document::load_mem(&sealed).is_ok());
    }

    #[test]
    fn a_generated_seal_is_kept_and_read_back() {
        let seal = Seal::generate("Université de test").expect("seal");
        let (key, certificate) = seal.to_pem().expect("pem");
        let again = Seal::from_pem(&key, &certificate).expect("read back");
        assert_eq!(again.subject(), seal.subject());
        assert!(Seal::from_pem("not a key", &certificate).is_err());
    }
}
