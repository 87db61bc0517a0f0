//! The extension point for external signature platforms (issue 17), such
//! as ESUP-Signature or a commercial service: a platform fetches the
//! agreement sent (`GET /api/conventions/{id}/signature/document`, with an
//! API token), runs its own signing, and reports each signature to
//! `POST /api/signature-platforms/{name}/reports`. What a report must
//! carry and how it is authenticated is each platform's
//! [`SignaturePlatform`]; the signature is then recorded as the built-in
//! signing page records one ([`crate::app::signing::record_electronic`]):
//! the circuit's rules, the document's hash, the evidence (the platform
//! and its reference), the next parties, the seal.

use crate::app::signing::{Finish, Reported, record_electronic};
use crate::error::ApiError;
use crate::state::AppState;
use crate::texts::Text;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use stages_api_types::signatures::SignatureReport;

/// Longest text field of a report.
const MAX_FIELD_CHARS: usize = 200;

/// A signature platform that reports to Stages.
pub trait SignaturePlatform: Send + Sync {
    /// Its name in the webhook's path and in the evidence.
    fn name(&self) -> &str;
    /// Authenticates a call of the webhook and reads the signature it
    /// reports; 401 when the call is not the platform's.
    fn read_report(
        &self,
        headers: &actix_web::http::header::HeaderMap,
        body: &[u8],
    ) -> Result<SignatureReport, ApiError>;
}

/// A platform that signs its reports with a shared secret: the header
/// `X-Stages-Signature: sha256=<hex HMAC-SHA256 of the body>` (the scheme
/// GitHub's and many platforms' webhooks use), and a JSON
/// [`SignatureReport`] body. Replaying a report is harmless: each party
/// signs once (SIG-06).
pub struct HmacPlatform {
    name: String,
    secret: Vec<u8>,
}

impl HmacPlatform {
    pub fn new(name: &str, secret: &str) -> Self {
        Self {
            name: name.to_owned(),
            secret: secret.as_bytes().to_vec(),
        }
    }

    /// The header value a platform sends for `body`.
    pub fn signature_of(&self, body: &[u8]) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.secret) else {
            return String::new();
        };
        mac.update(body);
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("sha256={hex}")
    }
}

impl SignaturePlatform for HmacPlatform {
    fn name(&self) -> &str {
        &self.name
    }

    fn read_report(
        &self,
        headers: &actix_web::http::header::HeaderMap,
        body: &[u8],
    ) -> Result<SignatureReport, ApiError> {
        let refused = || ApiError::unauthorized(Text::SigningLinkInvalid);
        let given = headers
            .get("x-stages-signature")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("sha256="))
            .and_then(|hex| decode_hex(hex.trim()))
            .ok_or_else(refused)?;
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret).map_err(|_| refused())?;
        mac.update(body);
        mac.verify_slice(&given).map_err(|_| refused())?;
        let report: SignatureReport = serde_json::from_slice(body).map_err(|e| {
            ApiError::bad_request(stages_domain::requests::body_unreadable(e.to_string()))
        })?;
        for (field, value) in [
            ("signer_name", &report.signer_name),
            ("reference", &report.reference),
            ("document_sha256", &report.document_sha256),
        ] {
            if value.chars().count() > MAX_FIELD_CHARS {
                return Err(ApiError::bad_request(stages_domain::requests::too_long(
                    field,
                    MAX_FIELD_CHARS,
                )));
            }
        }
        Ok(report)
    }
}

fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Records the signature a platform reports to its webhook.
pub async fn report(
    state: &AppState,
    name: String,
    headers: actix_web::http::header::HeaderMap,
    body: Vec<u8>,
) -> Result<(), ApiError> {
    let platform = state
        .platforms
        .iter()
        .find(|p| p.name() == name)
        .cloned()
        .ok_or_else(ApiError::not_found)?;
    let report = platform.read_report(&headers, &body)?;
    let finish = Finish::of(state);
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let reported = Reported {
                    circuit: report.circuit_id,
                    party: report.party,
                    // Printed on the sealed page: no control characters.
                    signer_name: report
                        .signer_name
                        .chars()
                        .filter(|c| !c.is_control())
                        .collect::<String>()
                        .trim()
                        .to_owned(),
                    document_sha256: report.document_sha256.trim().to_owned(),
                    address: format!("platform:{}", platform.name()),
                    user_agent: report.reference.clone(),
                };
                record_electronic(conn, &reported, None, &finish)
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_read_only_with_the_platforms_signature() {
        let platform = HmacPlatform::new("esup-signature", "a shared secret");
        let body = br#"{"circuit_id":1,"party":"student","signer_name":"A B","document_sha256":"00","reference":"r-1"}"#;
        let mut headers = actix_web::http::header::HeaderMap::new();
        assert!(platform.read_report(&headers, body).is_err());
        headers.insert(
            actix_web::http::header::HeaderName::from_static("x-stages-signature"),
            platform.signature_of(body).parse().expect("header"),
        );
        let report = platform.read_report(&headers, body).expect("read");
        assert_eq!(report.reference, "r-1");
        let other = HmacPlatform::new("esup-signature", "another secret");
        assert!(other.read_report(&headers, body).is_err());
        let mut tampered = body.to_vec();
        tampered[20] ^= 1;
        assert!(platform.read_report(&headers, &tampered).is_err());
    }
}
