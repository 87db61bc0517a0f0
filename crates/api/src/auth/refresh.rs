//! Refresh tokens: long-lived, in an `HttpOnly; Secure; SameSite=Strict`
//! cookie scoped to `/api/auth`, stored hashed, rotated on every use. A
//! token presented twice was copied: the whole sign-in (its family) is
//! revoked, the thief's copy and the owner's alike.

use crate::db::AnyConnection;
use crate::db::schema::refresh_tokens;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

pub const COOKIE: &str = "stages_refresh";
pub const COOKIE_PATH: &str = "/api/auth";
pub const LIFETIME_DAYS: i64 = 30;

/// 256 random bits, URL-safe.
pub fn random_secret() -> String {
    use rand::Rng;
    let bytes: [u8; 32] = rand::rng().random();
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Tokens are stored as their SHA-256: a copy of the database does not
/// hold usable tokens. (They are random, so a plain hash suffices.)
pub fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Records a new refresh token of `family` (a new sign-in when `None`).
pub fn issue(
    conn: &mut AnyConnection,
    user_id: i64,
    family: Option<String>,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let token = random_secret();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::token_hash.eq(hash(&token)),
            refresh_tokens::family.eq(family.unwrap_or_else(random_secret)),
            refresh_tokens::expires_at.eq(now + Duration::days(LIFETIME_DAYS)),
            refresh_tokens::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(token)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Rotation {
    /// The token was valid: here is its successor, of the same sign-in.
    Rotated {
        user_id: i64,
        token: String,
        family: String,
    },
    /// Unknown, expired, revoked or replayed.
    Refused,
}

/// id, user, family, expiry, use, revocation.
type TokenRow = (
    i64,
    i64,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// Exchanges a refresh token for a new one of the same family.
pub fn rotate(conn: &mut AnyConnection, token: &str, now: NaiveDateTime) -> QueryResult<Rotation> {
    let row: Option<TokenRow> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash(token)))
        .select((
            refresh_tokens::id,
            refresh_tokens::user_id,
            refresh_tokens::family,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            refresh_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, user_id, family, expires_at, used_at, revoked_at)) = row else {
        return Ok(Rotation::Refused);
    };
    if revoked_at.is_some() || expires_at <= now {
        return Ok(Rotation::Refused);
    }
    // Spending the token is one conditional write: of several redemptions
    // at once (a copied token), exactly one finds it unspent; the others
    // are a replay, as is a redemption of a token spent earlier.
    let spent = used_at.is_none()
        && diesel::update(
            refresh_tokens::table
                .find(id)
                .filter(refresh_tokens::used_at.is_null()),
        )
        .set(refresh_tokens::used_at.eq(now))
        .execute(conn)?
            == 1;
    if !spent {
        revoke_family(conn, &family, now)?;
        return Ok(Rotation::Refused);
    }
    let token = issue(conn, user_id, Some(family.clone()), now)?;
    Ok(Rotation::Rotated {
        user_id,
        token,
        family,
    })
}

pub fn revoke_family(
    conn: &mut AnyConnection,
    family: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::family.eq(family))
            .filter(refresh_tokens::revoked_at.is_null()),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Signs out every sign-in of a user (their password was replaced), but
/// the sign-in `keep` (a family, the access token's `sid`), if any.
pub fn revoke_user(
    conn: &mut AnyConnection,
    user_id: i64,
    keep: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::user_id.eq(user_id))
            .filter(refresh_tokens::revoked_at.is_null())
            .filter(refresh_tokens::family.ne(keep.unwrap_or_default())),
    )
    .set(refresh_tokens::revoked_at.eq(now))
    .execute(conn)
}

/// Signs out the sign-in this token belongs to.
pub fn revoke(conn: &mut AnyConnection, token: &str, now: NaiveDateTime) -> QueryResult<()> {
    let family: Option<String> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(hash(token)))
        .select(refresh_tokens::family)
        .first(conn)
        .optional()?;
    if let Some(family) = family {
        revoke_family(conn, &family, now)?;
    }
    Ok(())
}

pub fn cookie(token: String) -> Cookie<'static> {
    Cookie::build(COOKIE, token)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::days(LIFETIME_DAYS))
        .finish()
}

/// Tells the browser to forget the cookie.
pub fn cleared() -> Cookie<'static> {
    let mut cookie = cookie(String::new());
    cookie.make_removal();
    cookie
}
