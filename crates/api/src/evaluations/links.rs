//! The workplace tutor's link to the evaluation form: a signed JWT (its
//! own audience, so it never opens the API) naming the convention and the
//! tutor, recorded in the database so that it can be revoked, and spent by
//! the final submission.

use crate::db::AnyConnection;
use crate::db::schema::evaluation_links;
use crate::error::ApiError;
use crate::texts::Text;
use chrono::{Duration, NaiveDateTime, Timelike};
use diesel::prelude::*;
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

/// What the database keeps of a link: enough to check it and to sign it
/// again, never the token itself (see [`placeholder`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRecord {
    pub id: i64,
    pub convention: i64,
    pub contact: Option<i64>,
    pub jti: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

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
    let jti = crate::auth::refresh::random_secret();
    let expires_at = now + Duration::days(LIFETIME_DAYS);
    let id = diesel::insert_into(evaluation_links::table)
        .values((
            evaluation_links::convention_id.eq(convention),
            evaluation_links::contact_id.eq(contact),
            evaluation_links::jti.eq(&jti),
            evaluation_links::expires_at.eq(expires_at),
            evaluation_links::created_by.eq(created_by),
            evaluation_links::created_at.eq(now),
        ))
        .returning(evaluation_links::id)
        .get_result(conn)?;
    Ok(LinkRecord {
        id,
        convention,
        contact,
        jti,
        created_at: now,
        expires_at,
    })
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
    let token = token(signer, &find_record(conn, link)?)?;
    Ok(text.replace(&placeholder(link), &token))
}

fn find_record(conn: &mut AnyConnection, id: i64) -> Result<LinkRecord, ApiError> {
    let (convention, contact, jti, created_at, expires_at) = evaluation_links::table
        .find(id)
        .select((
            evaluation_links::convention_id,
            evaluation_links::contact_id,
            evaluation_links::jti,
            evaluation_links::created_at,
            evaluation_links::expires_at,
        ))
        .first::<(i64, Option<i64>, String, NaiveDateTime, NaiveDateTime)>(conn)?;
    Ok(LinkRecord {
        id,
        convention,
        contact,
        jti,
        created_at,
        expires_at,
    })
}

/// A link that works: its record and convention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenLink {
    pub id: i64,
    pub convention: i64,
    pub used: bool,
}

/// Id, convention, expiry, revocation, use.
type LinkRow = (
    i64,
    i64,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

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
    let row: Option<LinkRow> = evaluation_links::table
        .filter(evaluation_links::jti.eq(&claims.jti))
        .select((
            evaluation_links::id,
            evaluation_links::convention_id,
            evaluation_links::expires_at,
            evaluation_links::revoked_at,
            evaluation_links::used_at,
        ))
        .first(conn)
        .optional()?;
    match row {
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

/// The final submission spends the link, once: the check that it is
/// unspent is part of the write, so of two submissions at once only one
/// spends it (`false` for the other).
pub fn spend(conn: &mut AnyConnection, link: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        evaluation_links::table
            .find(link)
            .filter(evaluation_links::used_at.is_null()),
    )
    .set(evaluation_links::used_at.eq(now))
    .execute(conn)
    .map(|rows| rows == 1)
}

/// Withdraws every link of a convention (e.g. sent to the wrong person).
pub fn revoke_all(
    conn: &mut AnyConnection,
    convention: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        evaluation_links::table
            .filter(evaluation_links::convention_id.eq(convention))
            .filter(evaluation_links::revoked_at.is_null()),
    )
    .set(evaluation_links::revoked_at.eq(now))
    .execute(conn)
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
        let api_token = access.issue(1, vec![], now).expect("access");
        assert!(signer.verify(&api_token).is_none());
    }
}
