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
use actix_web::ResponseError;
use chrono::{DateTime, Utc};
use diesel::Connection;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use stages_api_types::signatures::SignatureReport;

/// Longest text field of a report.
const MAX_FIELD_CHARS: usize = 200;

/// How far from this server's clock a report's timestamp may be, either
/// way, in minutes: a copy of a report replayed later is refused for its
/// age, one replayed sooner for its delivery kept
/// ([`crate::db::platform_deliveries`]).
pub const REPORT_TOLERANCE_MINUTES: i64 = 5;

/// A signature platform that reports to Stages.
pub trait SignaturePlatform: Send + Sync {
    /// Its name in the webhook's path and in the evidence.
    fn name(&self) -> &str;
    /// Authenticates a call of the webhook received at `now` and reads the
    /// signature it reports; 401 when the call is not the platform's, or
    /// not fresh.
    fn read_report(
        &self,
        headers: &actix_web::http::header::HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Delivery, ApiError>;
}

/// A report as its platform delivered it.
#[derive(Debug)]
pub struct Delivery {
    /// Tells this delivery from the platform's others: a copy of it has
    /// the same.
    pub id: String,
    pub report: SignatureReport,
}

/// A platform that signs its reports with a shared secret, as Stripe
/// signs its webhooks: the header `X-Stages-Signature:
/// t=<Unix seconds>,sha256=<hex HMAC-SHA256 of "<t>.<body>">` and a JSON
/// [`SignatureReport`] body. The timestamp is signed with the body, so
/// that a report taken from the wire cannot be sent again later: one
/// whose `t` is more than [`REPORT_TOLERANCE_MINUTES`] from this
/// server's clock is refused, and within them its signature (the
/// delivery's id) counts once, even when the report was refused (not the
/// party's turn yet, SIG-07).
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

    /// The header value a platform sends for `body` at `timestamp` (Unix
    /// seconds).
    pub fn signature_of(&self, timestamp: i64, body: &[u8]) -> String {
        let Some(mac) = self.mac(timestamp, body) else {
            return String::new();
        };
        format!(
            "t={timestamp},sha256={}",
            hex::encode(mac.finalize().into_bytes())
        )
    }

    /// The HMAC of `<timestamp>.<body>`, fed.
    fn mac(&self, timestamp: i64, body: &[u8]) -> Option<Hmac<Sha256>> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.secret).ok()?;
        mac.update(format!("{timestamp}.").as_bytes());
        mac.update(body);
        Some(mac)
    }
}

/// The timestamp and the signature of the header's value
/// (`t=…,sha256=…`, in any order, spaces allowed around the parts).
fn read_signature_header(value: &str) -> Option<(i64, Vec<u8>)> {
    let mut timestamp = None;
    let mut signature = None;
    for part in value.split(',') {
        match part.trim().split_once('=') {
            Some(("t", t)) => timestamp = Some(t.trim().parse().ok()?),
            Some(("sha256", digits)) => signature = Some(hex::decode(digits.trim()).ok()?),
            _ => {}
        }
    }
    Some((timestamp?, signature?))
}

impl SignaturePlatform for HmacPlatform {
    fn name(&self) -> &str {
        &self.name
    }

    fn read_report(
        &self,
        headers: &actix_web::http::header::HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Delivery, ApiError> {
        let refused = || ApiError::unauthorized(Text::SigningLinkInvalid);
        let (timestamp, given) = headers
            .get("x-stages-signature")
            .and_then(|v| v.to_str().ok())
            .and_then(read_signature_header)
            .ok_or_else(refused)?;
        self.mac(timestamp, body)
            .ok_or_else(refused)?
            .verify_slice(&given)
            .map_err(|_| refused())?;
        // Checked once the signature holds: only the platform learns that
        // its clock is off.
        if now.timestamp().abs_diff(timestamp) > REPORT_TOLERANCE_MINUTES.unsigned_abs() * 60 {
            return Err(ApiError::unauthorized_with(
                Text::PlatformReportStale,
                "minutes",
                REPORT_TOLERANCE_MINUTES,
            ));
        }
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
        let id = hex::encode(&given);
        Ok(Delivery { id, report })
    }
}

/// Records the signature a platform reports to its webhook, once per
/// delivery: a copy is refused (409) whether the first was recorded or
/// refused by the circuit's rules. A failure of the server (5xx) keeps
/// nothing, nor does a clash with another signature saved at the same
/// moment (412), so that the platform may send the same delivery again.
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
    let now = Utc::now();
    let Delivery { id, report } = platform.read_report(&headers, &body, now)?;
    let finish = Finish::of(state);
    state
        .db(move |conn| {
            // A copy is refused for its timestamp once `t` is more than
            // the tolerance behind this clock; `t` may have been as much
            // ahead when the first arrived: its delivery is kept twice the
            // tolerance, and a minute for the seconds rounded off.
            let forget_before = now - chrono::Duration::minutes(2 * REPORT_TOLERANCE_MINUTES + 1);
            // On its own, before the recording's transaction: the rows it
            // deletes are not locked while an agreement is sealed.
            crate::db::platform_deliveries::forget(conn, forget_before.naive_utc())?;
            crate::db::transaction(conn, |conn| {
                let first = crate::db::platform_deliveries::receive(
                    conn,
                    platform.name(),
                    &id,
                    now.naive_utc(),
                )?;
                if !first {
                    return Ok(Err(ApiError::repeated(Text::PlatformReportReceived)));
                }
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
                // In a savepoint: a report the rules refuse (withdrawn,
                // unknown, not the party's turn, signed already, another
                // document) undoes its own writes and keeps its delivery.
                // Another signature of the circuit saved at the same moment
                // (412) keeps nothing: the same delivery may come again.
                match conn.transaction(|conn| record_electronic(conn, &reported, None, &finish)) {
                    Err(refused) if keeps_delivery(refused.status_code()) => Ok(Err(refused)),
                    recorded => recorded.map(Ok),
                }
            })
        })
        .await?
}

/// Whether a report refused with `status` is refused for what it says,
/// so that a copy of it must not count later.
fn keeps_delivery(status: actix_web::http::StatusCode) -> bool {
    use actix_web::http::StatusCode;
    matches!(
        status,
        StatusCode::BAD_REQUEST
            | StatusCode::UNAUTHORIZED
            | StatusCode::FORBIDDEN
            | StatusCode::NOT_FOUND
            | StatusCode::CONFLICT
            | StatusCode::UNPROCESSABLE_ENTITY
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderMap, HeaderName};

    const BODY: &[u8] = br#"{"circuit_id":1,"party":"student","signer_name":"A B","document_sha256":"00","reference":"r-1"}"#;

    fn signed(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            HeaderName::from_static("x-stages-signature"),
            value.parse().expect("header"),
        );
        headers
    }

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).expect("a time")
    }

    fn status(result: Result<Delivery, ApiError>) -> u16 {
        result.expect_err("refused").status_code().as_u16()
    }

    #[test]
    fn a_report_is_read_only_with_the_platforms_signature() {
        let platform = HmacPlatform::new("esup-signature", "a shared secret");
        let now = at(1_800_000_000);
        assert_eq!(
            status(platform.read_report(&HeaderMap::new(), BODY, now)),
            401
        );
        let headers = signed(&platform.signature_of(now.timestamp(), BODY));
        let delivery = platform.read_report(&headers, BODY, now).expect("read");
        assert_eq!(delivery.report.reference, "r-1");
        assert_eq!(delivery.id.len(), 64, "the HMAC, in hex");
        let other = HmacPlatform::new("esup-signature", "another secret");
        assert_eq!(status(other.read_report(&headers, BODY, now)), 401);
        let mut tampered = BODY.to_vec();
        tampered[20] ^= 1;
        assert_eq!(status(platform.read_report(&headers, &tampered, now)), 401);
        // The body's signature alone, as before timestamps were signed.
        let mut mac = Hmac::<Sha256>::new_from_slice(b"a shared secret").expect("key");
        mac.update(BODY);
        let unstamped = signed(&format!(
            "sha256={}",
            hex::encode(mac.finalize().into_bytes())
        ));
        assert_eq!(status(platform.read_report(&unstamped, BODY, now)), 401);
        // Another timestamp with the same signature.
        let value = platform.signature_of(now.timestamp(), BODY);
        let moved = value.replace(
            &format!("t={}", now.timestamp()),
            &format!("t={}", now.timestamp() + 1),
        );
        assert_eq!(
            status(platform.read_report(&signed(&moved), BODY, now)),
            401
        );
    }

    #[test]
    fn a_report_is_fresh_for_five_minutes_either_way() {
        let platform = HmacPlatform::new("esup-signature", "a shared secret");
        let sent = 1_800_000_000;
        let headers = signed(&platform.signature_of(sent, BODY));
        for late in [0, 299, 300, -300] {
            let read = platform.read_report(&headers, BODY, at(sent + late));
            assert!(read.is_ok(), "{late} s: {read:?}");
        }
        for late in [301, -301, 86_400] {
            assert_eq!(
                status(platform.read_report(&headers, BODY, at(sent + late))),
                401,
                "{late} s"
            );
        }
        // The same delivery at another moment has the same id.
        let first = platform
            .read_report(&headers, BODY, at(sent))
            .expect("read");
        let again = platform
            .read_report(&headers, BODY, at(sent + 60))
            .expect("read");
        assert_eq!(first.id, again.id);
        let resent = signed(&platform.signature_of(sent + 60, BODY));
        let other = platform
            .read_report(&resent, BODY, at(sent + 60))
            .expect("read");
        assert_ne!(first.id, other.id, "signed again: another delivery");
    }

    #[test]
    fn only_a_report_refused_for_what_it_says_keeps_its_delivery() {
        use actix_web::http::StatusCode;
        assert!(
            keeps_delivery(StatusCode::CONFLICT),
            "SIG-06, SIG-07, SIG-13"
        );
        assert!(keeps_delivery(StatusCode::UNAUTHORIZED), "withdrawn");
        assert!(keeps_delivery(StatusCode::NOT_FOUND), "no such circuit");
        assert!(!keeps_delivery(StatusCode::PRECONDITION_FAILED), "a clash");
        assert!(!keeps_delivery(StatusCode::SERVICE_UNAVAILABLE));
        assert!(!keeps_delivery(StatusCode::INTERNAL_SERVER_ERROR));
    }

    #[test]
    fn the_signature_header_is_read_in_any_order() {
        assert_eq!(
            read_signature_header("t=12,sha256=0aff"),
            Some((12, vec![10, 255]))
        );
        assert_eq!(
            read_signature_header(" sha256=0aff , t=12 "),
            Some((12, vec![10, 255]))
        );
        assert_eq!(read_signature_header("t=12"), None);
        assert_eq!(read_signature_header("sha256=0aff"), None);
        assert_eq!(read_signature_header("t=soon,sha256=0aff"), None);
        assert_eq!(read_signature_header("t=12,sha256=0af"), None);
    }
}
