//! Electronic signatures (issue 17), the built-in way to sign: each party
//! asked to sign gets by mail a personal link (a signed token naming a
//! stored request: it expires, is revoked with the circuit, and is spent by
//! the signature) to a page that shows the agreement sent; the party asks
//! for a one-time code, mailed to the same address, and signs with it. The
//! signature keeps its evidence: the day, the network address, the browser
//! and the SHA-256 of the exact PDF shown.
//!
//! The code is never stored: it is an HMAC of the server's secret and a
//! random nonce kept with the request, so neither the database nor the
//! outbox (which holds a placeholder, filled by the mail worker) holds a
//! usable link or code.

use crate::app::signatures as circuits;
use crate::db::conventions::{self as conventions, Loaded};
use crate::db::signatures::{self as repo, NewRequest, NewSignature, RequestRow};
use crate::db::{AnyConnection, codec};
use crate::error::ApiError;
use crate::mail;
use crate::state::AppState;
use crate::texts::Text;
use chrono::{Duration, NaiveDateTime, Timelike};
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use stages_api_types::signatures::{SigningState, SigningView};
use stages_domain::lifecycle::Refusal;
use stages_domain::signature::{self, Method, Party, Signature};
use subtle::ConstantTimeEq;

const AUDIENCE: &str = "stages-signature";
const ISSUER: &str = "stages";
/// How long a signing link works.
pub const LIFETIME_DAYS: i64 = 30;
/// How long a code works.
pub const CODE_MINUTES: i64 = 10;
/// Least time between two codes of one link.
pub const CODE_SPACING_SECONDS: i64 = 60;
/// Wrong codes a link allows over its life (whatever the number of codes
/// asked): then the link is locked, and staff record the signature on
/// paper. Ten tries against a million codes: one chance in 100,000.
pub const MAX_CODE_ATTEMPTS: i32 = 10;
/// Longest browser description kept as evidence.
const MAX_USER_AGENT_CHARS: usize = 512;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Claims {
    /// The request (signature_requests.id).
    sub: String,
    jti: String,
    aud: String,
    iss: String,
    iat: i64,
    exp: i64,
}

/// Signs and checks signing links, and derives their codes.
#[derive(Clone)]
pub struct SigningKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    code_key: Vec<u8>,
}

impl SigningKeys {
    pub fn new(secret: &[u8]) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "aud", "iss"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret)?,
            decoding: DecodingKey::from_secret(secret)?,
            validation,
            code_key: secret.to_vec(),
        })
    }

    /// The link's token for `request`.
    pub fn token(&self, request: &RequestRow) -> Result<String, ApiError> {
        let claims = Claims {
            sub: request.id.to_string(),
            jti: request.jti.clone(),
            aud: AUDIENCE.into(),
            iss: ISSUER.into(),
            iat: request.created_at.and_utc().timestamp(),
            exp: request.expires_at.and_utc().timestamp(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(ApiError::internal)
    }

    fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }

    /// The six digits of the code of `request`'s current nonce.
    pub fn code(&self, jti: &str, nonce: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.code_key) else {
            return String::new();
        };
        mac.update(b"stages-signing-code\0");
        mac.update(jti.as_bytes());
        mac.update(b"\0");
        mac.update(nonce.as_bytes());
        let digest = mac.finalize().into_bytes();
        let n = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]);
        format!("{:06}", n % 1_000_000)
    }
}

/// What a queued mail holds in place of the link's token.
pub fn link_placeholder(request: i64) -> String {
    format!("[[signature-link:{request}]]")
}

/// What a queued mail holds in place of the code.
pub fn code_placeholder(request: i64) -> String {
    format!("[[signature-code:{request}]]")
}

/// `text` with the placeholders of `request` filled, just before sending.
pub fn fill_placeholders(
    conn: &mut AnyConnection,
    keys: &SigningKeys,
    text: &str,
    request: i64,
) -> Result<String, ApiError> {
    let row = repo::find_request(conn, request)?;
    let mut filled = text.replace(&link_placeholder(request), &keys.token(&row)?);
    if let Some(nonce) = &row.code_nonce {
        filled = filled.replace(&code_placeholder(request), &keys.code(&row.jti, nonce));
    }
    Ok(filled)
}

/// Mails a link to each party the circuit now awaits that has an address
/// and no working link yet. Parties without an address sign on paper.
pub fn ask_awaited(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    circuit: i64,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let stored = repo::find(conn, circuit)?;
    let now = now.with_nanosecond(0).unwrap_or(now);
    for party in stored.circuit.awaited() {
        if repo::has_open_request(conn, circuit, party, now)? {
            continue;
        }
        // A party no link may go to (SIG-16, SIG-17) signs on paper, or
        // is asked once staff vouched for their address.
        if let Err(refusal) = ask(conn, loaded, circuit, party, public_url, now)? {
            tracing::debug!(rule = %refusal.rule, ?party, "no signing link mailed");
        }
    }
    Ok(())
}

/// Mails `party` a new link; the refusal when none may go: no address
/// (SIG-16), or one that staff have not vouched for (SIG-17).
pub fn ask(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    circuit: i64,
    party: Party,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<Result<(), Refusal>, ApiError> {
    let now = now.with_nanosecond(0).unwrap_or(now);
    let signer = circuits::signer(conn, loaded, party)?;
    let email = match signer.link_address(party) {
        Ok(email) => email.to_owned(),
        Err(refusal) => return Ok(Err(refusal)),
    };
    let expires_at = now + Duration::days(LIFETIME_DAYS);
    let id = repo::insert_request(
        conn,
        &NewRequest {
            circuit,
            party,
            email: &email,
            signer_name: &signer.name,
            jti: &crate::auth::refresh::random_secret(),
            expires_at,
            now,
        },
    )?;
    let link = format!(
        "{}/signer/{}",
        public_url.trim_end_matches('/'),
        link_placeholder(id)
    );
    mail::events::signature_requested(
        conn,
        &crate::app::conventions::mail_context(loaded, public_url),
        id,
        &email,
        &signer.name,
        &link,
    )?;
    Ok(Ok(()))
}

/// Reminds each party asked to sign who has not, as their centre's circuit
/// says (SIG-14): the same link, mailed again. Every replica may run it:
/// the reminder is counted by one conditional write, and the mail has a
/// dedupe key. Returns the reminders queued.
pub fn remind_due(
    conn: &mut AnyConnection,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<usize, ApiError> {
    let mut queued = 0;
    for (row, convention) in repo::pending_requests(conn, now)? {
        let loaded = conventions::load(conn, convention)?;
        let reminders = u32::try_from(row.reminders).unwrap_or(u32::MAX);
        if !loaded
            .settings
            .signature
            .reminder_due(row.created_at, reminders, row.reminded_at, now)
        {
            continue;
        }
        queued += crate::db::transaction(conn, |conn| {
            if !repo::claim_reminder(conn, row.id, row.reminders, now)? {
                return Ok::<_, ApiError>(0);
            }
            let link = format!(
                "{}/signer/{}",
                public_url.trim_end_matches('/'),
                link_placeholder(row.id)
            );
            mail::events::signature_reminder(
                conn,
                &crate::app::conventions::mail_context(&loaded, public_url),
                row.id,
                &row.email,
                &row.signer_name,
                &link,
                &format!("sig-reminder:{}:{}", row.id, row.reminders + 1),
            )?;
            Ok(1)
        })?;
    }
    Ok(queued)
}

/// A link that works: its request, not revoked, not expired.
fn open_request(
    conn: &mut AnyConnection,
    keys: &SigningKeys,
    token: &str,
    now: NaiveDateTime,
) -> Result<RequestRow, ApiError> {
    let refused = || ApiError::unauthorized(Text::SigningLinkInvalid);
    let claims = keys.verify(token).ok_or_else(refused)?;
    match repo::request_by_jti(conn, &claims.jti)? {
        Some(row)
            if row.id.to_string() == claims.sub
                && row.revoked_at.is_none()
                && row.expires_at > now =>
        {
            Ok(row)
        }
        _ => Err(refused()),
    }
}

/// What the signing page shows.
fn signing_view(
    conn: &mut AnyConnection,
    row: &RequestRow,
    now: NaiveDateTime,
) -> Result<SigningView, ApiError> {
    let stored = repo::find(conn, row.circuit_id)?;
    let loaded = conventions::load(conn, stored.convention_id)?;
    let loaded = circuits::signing_parties(conn, &loaded, &stored)?;
    let party: Party = codec::from_code(&row.party)?;
    let state =
        if row.used_at.is_some() || stored.signatures.iter().any(|s| s.signature.party == party) {
            SigningState::Signed
        } else if !stored.open {
            SigningState::Closed
        } else if stored.circuit.awaited().contains(&party) {
            SigningState::Awaiting
        } else {
            SigningState::NotYourTurn
        };
    let c = &loaded.content;
    Ok(SigningView {
        number: loaded
            .workflow
            .number()
            .map(|n| n.to_string())
            .unwrap_or_default(),
        amendment: stored
            .amendment_id
            .map(|id| circuits::amendment_ref(conn, id))
            .transpose()?,
        party,
        signer_name: row.signer_name.clone(),
        student: format!(
            "{} {}",
            c.student.student.first_name, c.student.student.last_name
        ),
        host: c
            .organisation
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        document_sha256: stored.document_sha256.clone().unwrap_or_default(),
        state,
        email: mask(&row.email),
        code_sent: row
            .code_expires_at
            .is_some_and(|until| until > now && row.code_attempts < MAX_CODE_ATTEMPTS),
    })
}

/// `c***@host`: the page says where the code goes without telling a
/// passer-by the whole address.
fn mask(email: &str) -> String {
    match email.split_once('@') {
        Some((local, host)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{host}")
        }
        None => "***".to_owned(),
    }
}

/// The signing page of a link.
pub async fn open(state: &AppState, token: String) -> Result<SigningView, ApiError> {
    let keys = state.links.signing.clone();
    state
        .db(move |conn| {
            let now = chrono::Utc::now().naive_utc();
            let row = open_request(conn, &keys, &token, now)?;
            signing_view(conn, &row, now)
        })
        .await
}

/// The agreement sent, as the link's holder sees it.
pub async fn document(state: &AppState, token: String) -> Result<(Vec<u8>, String), ApiError> {
    let keys = state.links.signing.clone();
    state
        .db(move |conn| {
            let now = chrono::Utc::now().naive_utc();
            let row = open_request(conn, &keys, &token, now)?;
            let stored = repo::find(conn, row.circuit_id)?;
            // A withdrawn circuit's text is no longer to be signed.
            if !stored.open {
                return Err(ApiError::unauthorized(Text::SigningLinkInvalid));
            }
            let loaded = conventions::load(conn, stored.convention_id)?;
            let number = loaded
                .workflow
                .number()
                .map(|n| n.to_string())
                .unwrap_or_default();
            let name = match stored.amendment_id {
                None => format!("convention-{number}.pdf"),
                Some(id) => format!(
                    "avenant-{number}-{}.pdf",
                    circuits::amendment_ref(conn, id)?.position
                ),
            };
            Ok((repo::document(conn, row.circuit_id)?, name))
        })
        .await
}

/// Mails a new one-time code to the link's address: at most one a minute
/// (429 otherwise), each valid ten minutes.
pub async fn send_code(state: &AppState, token: String) -> Result<SigningView, ApiError> {
    let keys = state.links.signing.clone();
    let public_url = state.config.public_url.clone();
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let now = chrono::Utc::now().naive_utc();
                let row = open_request(conn, &keys, &token, now)?;
                if signing_view(conn, &row, now)?.state != SigningState::Awaiting {
                    return Err(ApiError::refusal(&signature::wrong_code()));
                }
                if row.code_attempts >= MAX_CODE_ATTEMPTS {
                    return Err(ApiError::refusal(&signature::link_locked()));
                }
                let nonce = crate::auth::refresh::random_secret();
                let sent = repo::set_code(
                    conn,
                    row.id,
                    &nonce,
                    now,
                    now + Duration::minutes(CODE_MINUTES),
                    now - Duration::seconds(CODE_SPACING_SECONDS),
                )?;
                if !sent {
                    let wait = row
                        .code_sent_at
                        .map(|at| {
                            (at + Duration::seconds(CODE_SPACING_SECONDS) - now).num_seconds()
                        })
                        .unwrap_or(CODE_SPACING_SECONDS);
                    return Err(ApiError::too_many_requests(
                        u64::try_from(wait.max(1)).unwrap_or(1),
                    ));
                }
                let stored = repo::find(conn, row.circuit_id)?;
                let loaded = conventions::load(conn, stored.convention_id)?;
                mail::events::signature_code(
                    conn,
                    &crate::app::conventions::mail_context(&loaded, &public_url),
                    row.id,
                    &row.email,
                    &code_placeholder(row.id),
                )?;
                let row = repo::find_request(conn, row.id)?;
                signing_view(conn, &row, now)
            })
        })
        .await
}

/// What the signer sends: the code and the hash of the PDF they were shown.
pub struct Confirmation {
    pub code: String,
    pub document_sha256: String,
    pub address: String,
    pub user_agent: String,
}

/// What recording a signature needs besides the signature: where links
/// point, who seals and with what, and the day.
pub struct Finish {
    pub public_url: String,
    pub institution: String,
    pub seal: std::sync::Arc<crate::documents::seal::Seal>,
    pub today: chrono::NaiveDate,
}

impl Finish {
    pub fn of(state: &AppState) -> Self {
        Self {
            public_url: state.config.public_url.clone(),
            institution: state.config.institution_name.clone(),
            seal: state.seal.clone(),
            today: state.today(),
        }
    }
}

/// An electronic signature, given on the signing page or reported by a
/// signature platform.
pub struct Reported {
    pub circuit: i64,
    pub party: Party,
    pub signer_name: String,
    /// SHA-256 of the PDF the signer was shown.
    pub document_sha256: String,
    /// The signer's network address, or the platform that reports it.
    pub address: String,
    /// The signer's browser, or the platform's reference of the signature.
    pub user_agent: String,
}

/// Records an electronic signature in its circuit: the circuit open, the
/// document the one sent (SIG-13), the party's turn (SIG-07), the host's
/// side at an address staff vouched for (SIG-16, SIG-17), once (SIG-06);
/// `request`, the link it came through, is spent. The convention's version
/// moves on, the next parties are asked, and the last signature seals the
/// signed agreement.
pub fn record_electronic(
    conn: &mut AnyConnection,
    reported: &Reported,
    request: Option<i64>,
    finish: &Finish,
) -> Result<(), ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let stored = repo::find(conn, reported.circuit)?;
    if !stored.open {
        return Err(ApiError::unauthorized(Text::SigningLinkInvalid));
    }
    if stored.document_sha256.as_deref() != Some(reported.document_sha256.as_str()) {
        return Err(ApiError::refusal(&signature::other_document()));
    }
    stored
        .circuit
        .record(
            reported.party,
            Method::Electronic,
            finish.today,
            finish.today,
        )
        .map_err(|r| ApiError::refusal(&r))?;
    // The host's side signs only where a link may go (SIG-16, SIG-17): a
    // platform signs whoever it was told the party is, and an address a
    // student typed in, not yet vouched for by staff, would let them sign
    // for the host or their parent through it.
    let convention = conventions::load(conn, stored.convention_id)?;
    let named = circuits::signing_parties(conn, &convention, &stored)?;
    let signer = circuits::signer(conn, &named, reported.party)?;
    signature::check_electronic_signer(reported.party, signer.email.is_some(), signer.vouched)
        .map_err(|r| ApiError::refusal(&r))?;
    // The convention's row is locked before the circuit's, in the order
    // staff's actions on the circuit take them (`conventions::transition`):
    // the other order lets PostgreSQL deadlock one of the two.
    conventions::touch(conn, stored.convention_id)?;
    repo::claim(conn, stored.id, stored.version)?;
    if let Some(request) = request
        && !repo::spend(conn, request, now)?
    {
        return Err(ApiError::unauthorized(Text::SigningLinkInvalid));
    }
    let agent: String = reported
        .user_agent
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_USER_AGENT_CHARS)
        .collect();
    circuits::insert_signature(
        conn,
        stored.id,
        &NewSignature {
            signature: Signature {
                party: reported.party,
                signed_on: finish.today,
                method: Method::Electronic,
            },
            signer_name: &reported.signer_name,
            recorded_by: None,
            address: Some(&reported.address),
            user_agent: Some(&agent),
            document_sha256: stored.document_sha256.as_deref(),
            scan: None,
            now,
        },
    )?;
    let loaded = conventions::load(conn, stored.convention_id)?;
    let parties = circuits::signing_parties(conn, &loaded, &stored)?;
    ask_awaited(conn, &parties, stored.id, &finish.public_url, now)?;
    circuits::finish_if_signed(
        conn,
        &finish.seal,
        &finish.institution,
        &loaded,
        stored.id,
        finish.today,
    )
}

/// Whether the check of the code let the signature go on; a wrong code is
/// counted in its own transaction, so the count survives the refusal.
enum Checked {
    Signed(SigningView),
    WrongCode,
}

/// Signs: the code last mailed (SIG-12), for the document sent (SIG-13),
/// in the circuit's turn (SIG-07); the link is spent. The next parties are
/// asked, and the last signature seals the signed agreement.
pub async fn sign(
    state: &AppState,
    token: String,
    confirmation: Confirmation,
) -> Result<SigningView, ApiError> {
    let keys = state.links.signing.clone();
    let finish = Finish::of(state);
    let checked = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let now = chrono::Utc::now().naive_utc();
                let row = open_request(conn, &keys, &token, now)?;
                if row.used_at.is_some() {
                    return Err(ApiError::unauthorized(Text::SigningLinkInvalid));
                }
                if row.code_attempts >= MAX_CODE_ATTEMPTS {
                    return Err(ApiError::refusal(&signature::link_locked()));
                }
                let expected = match (&row.code_nonce, row.code_expires_at) {
                    (Some(nonce), Some(until))
                        if until > now && row.code_attempts < MAX_CODE_ATTEMPTS =>
                    {
                        keys.code(&row.jti, nonce)
                    }
                    _ => return Err(ApiError::refusal(&signature::wrong_code())),
                };
                // The convention's row before the link's, in the order of
                // every write on the circuit (see `record_electronic`).
                repo::lock_convention(conn, row.circuit_id)?;
                // The try is counted before the comparison, by a write
                // that refuses past the limit (SIG-12 under concurrency).
                if !repo::take_try(conn, row.id, MAX_CODE_ATTEMPTS)? {
                    return Err(ApiError::refusal(&signature::link_locked()));
                }
                let given = confirmation.code.trim();
                if !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
                    return Ok(Checked::WrongCode);
                }
                let party: Party = codec::from_code(&row.party)?;
                let reported = Reported {
                    circuit: row.circuit_id,
                    party,
                    signer_name: row.signer_name.clone(),
                    document_sha256: confirmation.document_sha256.trim().to_owned(),
                    address: confirmation.address.clone(),
                    user_agent: confirmation.user_agent.clone(),
                };
                record_electronic(conn, &reported, Some(row.id), &finish)?;
                let row = repo::find_request(conn, row.id)?;
                Ok(Checked::Signed(signing_view(conn, &row, now)?))
            })
        })
        .await?;
    match checked {
        Checked::Signed(view) => Ok(view),
        Checked::WrongCode => Err(ApiError::refusal(&signature::wrong_code())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_change_with_the_nonce() {
        let keys = SigningKeys::new(b"a test secret of at least 32 bytes").expect("keys");
        let a = keys.code("jti", "n1");
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(a, keys.code("jti", "n1"));
        assert_ne!(a, keys.code("jti", "n2"));
        let other = SigningKeys::new(b"another secret of at least 32 bytes").expect("keys");
        assert_ne!(a, other.code("jti", "n1"));
    }

    #[test]
    fn addresses_are_masked() {
        assert_eq!(mask("camille.martin@etu.univ.fr"), "c***@etu.univ.fr");
        assert_eq!(mask("nope"), "***");
    }
}
