//! The workplace tutor's link to the evaluation form: a signed JWT (its
//! own audience, so it never opens the API) naming the convention and the
//! tutor, recorded in the database so that it can be revoked, and spent by
//! the final submission.

use crate::db::AnyConnection;
use crate::db::evaluations as store;
use crate::error::ApiError;
use crate::texts::Text;
use chrono::{Duration, NaiveDateTime, Timelike};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

pub const AUDIENCE: &str = "stages-evaluation";
const ISSUER: &str = "stages";
/// How long a link works.
pub const LIFETIME_DAYS: i64 = 60;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LinkClaims {
    /// The tutor (contact id).
    pub sub: String,
    /// The convention.
    pub conv: i64,
    pub jti: String,
    pub aud: String,
    pub iss: String,
    pub iat: i64,
    pub exp: i64,
}

#[derive(Clone)]
pub struct LinkSigner {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    /// The signing links and codes (issue 17), from the same secret with
    /// their own audience.
    pub signing: crate::app::signing::SigningKeys,
}

impl LinkSigner {
    pub fn new(secret: &[u8]) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[ISSUER]);
        validation.set_required_spec_claims(&["exp", "iat", "sub", "aud", "iss"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret)?,
            decoding: DecodingKey::from_secret(secret)?,
            validation,
            signing: crate::app::signing::SigningKeys::new(secret)?,
        })
    }

    fn sign(&self, claims: &LinkClaims) -> Result<String, ApiError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(ApiError::internal)
    }

    pub fn verify(&self, token: &str) -> Option<LinkClaims> {
        jsonwebtoken::decode::<LinkClaims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}

pub use crate::db::evaluations::LinkRecord;

/// The link's token: the signed claims of its record. Signing is
/// deterministic, so the same record always gives the same token.
pub fn token(signer: &LinkSigner, link: &LinkRecord) -> Result<String, ApiError> {
    signer.sign(&LinkClaims {
        sub: link.contact.map(|c| c.to_string()).unwrap_or_default(),
        conv: link.convention,
        jti: link.jti.clone(),
        aud: AUDIENCE.into(),
        iss: ISSUER.into(),
        iat: link.created_at.and_utc().timestamp(),
        exp: link.expires_at.and_utc().timestamp(),
    })
}

/// Records a new link for the tutor `contact` of `convention`.
pub fn record(
    conn: &mut AnyConnection,
    convention: i64,
    contact: Option<i64>,
    created_by: Option<i64>,
    now: NaiveDateTime,
) -> Result<LinkRecord, ApiError> {
    // Whole seconds: the token carries its times in seconds.
    let now = now.with_nanosecond(0).unwrap_or(now);
    let mut link = LinkRecord {
        id: 0,
        convention,
        contact,
        jti: crate::auth::refresh::random_secret(),
        created_at: now,
        expires_at: now + Duration::days(LIFETIME_DAYS),
    };
    link.id = store::insert_link(conn, &link, created_by)?;
    Ok(link)
}

/// A new link for the tutor `contact` of `convention`, and its token.
pub fn create(
    conn: &mut AnyConnection,
    signer: &LinkSigner,
    convention: i64,
    contact: Option<i64>,
    created_by: Option<i64>,
    now: NaiveDateTime,
) -> Result<(String, NaiveDateTime), ApiError> {
    let link = record(conn, convention, contact, created_by, now)?;
    Ok((token(signer, &link)?, link.expires_at))
}

/// What a queued mail holds in place of a link's token: the outbox (and
/// so the database and its backups) never holds a usable link; the mail
/// worker signs it again when it sends ([`fill_placeholder`]).
pub fn placeholder(link: i64) -> String {
    format!("[[evaluation-link:{link}]]")
}

/// `text` with the placeholder of `link`, the link the mail was queued
/// with, replaced by its token. Only that link: a placeholder someone
/// typed into a name the mail quotes stays as typed, and yields nothing.
pub fn fill_placeholder(
    conn: &mut AnyConnection,
    signer: &LinkSigner,
    text: &str,
    link: i64,
) -> Result<String, ApiError> {
    let token = token(signer, &store::find_link(conn, link)?)?;
    Ok(text.replace(&placeholder(link), &token))
}

/// A link that works: its record and convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenLink {
    pub id: i64,
    pub convention: i64,
    pub used: bool,
}

/// Checks a link: signature, audience and expiry, then that it was not
/// revoked. 401 otherwise, without saying which (a guessed token learns
/// nothing).
pub fn open(
    conn: &mut AnyConnection,
    signer: &LinkSigner,
    token: &str,
    now: NaiveDateTime,
) -> Result<OpenLink, ApiError> {
    let refused = || ApiError::unauthorized(Text::EvaluationLinkInvalid);
    let claims = signer.verify(token).ok_or_else(refused)?;
    match store::link_by_jti(conn, &claims.jti)? {
        Some((id, convention, expires, None, used))
            if convention == claims.conv && expires > now =>
        {
            Ok(OpenLink {
                id,
                convention,
                used: used.is_some(),
            })
        }
        _ => Err(refused()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_not_an_access_token_and_vice_versa() {
        let signer = LinkSigner::new(b"secret").expect("signer");
        let now = chrono::Utc::now().timestamp();
        let claims = LinkClaims {
            sub: "4".into(),
            conv: 9,
            jti: "j".into(),
            aud: AUDIENCE.into(),
            iss: ISSUER.into(),
            iat: now,
            exp: now + 60,
        };
        let token = signer.sign(&claims).expect("token");
        assert_eq!(signer.verify(&token), Some(claims));
        let access = crate::auth::token::TokenService::new(b"secret", 15).expect("tokens");
        assert!(access.verify(&token).is_none());
        let api_token = access.issue(1, vec![], None, now).expect("access");
        assert!(signer.verify(&api_token).is_none());
    }
}
