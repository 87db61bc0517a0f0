//! Personal API tokens for integrations and client scripts: created by an
//! administrator for a user, shown once, stored hashed, revocable. A token
//! acts with its user's roles, limited by its scopes: `read` allows GET
//! and HEAD only, `write` everything.

use super::refresh::{hash, random_secret};
use super::{Caller, Role, roles_of};
use crate::db::AnyConnection;
use crate::db::schema::{api_tokens, users};
use crate::error::ApiError;
use crate::texts::Text;
use diesel::prelude::*;
use stages_domain::access;

/// Every API token starts with this, so the extractor knows it is not a
/// JWT and secret scanners recognise it.
pub const PREFIX: &str = "stg_";

/// Longest lifetime of a token, in days; a token made without an expiry
/// (before every token had one) stops working this long after its making.
pub const MAX_DAYS: i64 = 730;
/// Lifetime of a token made without one.
pub const DEFAULT_DAYS: i64 = 365;

pub use stages_api_types::auth::Scope;

pub fn new_token() -> String {
    format!("{PREFIX}{}", random_secret())
}

pub fn encode_scopes(scopes: &[Scope]) -> String {
    let mut names: Vec<&str> = scopes
        .iter()
        .map(|s| match s {
            Scope::Read => "read",
            Scope::Write => "write",
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names.join(",")
}

pub fn decode_scopes(text: &str) -> Vec<Scope> {
    text.split(',')
        .filter_map(|s| match s {
            "read" => Some(Scope::Read),
            "write" => Some(Scope::Write),
            _ => None,
        })
        .collect()
}

/// id, user, scopes, making, expiry, revocation.
type TokenRow = (
    i64,
    i64,
    String,
    chrono::NaiveDateTime,
    Option<chrono::NaiveDateTime>,
    Option<chrono::NaiveDateTime>,
);

/// The caller behind an API token, or 401; 403 when the token may not
/// make this kind of request (`reads_only`: a GET or HEAD). Records the
/// token's use.
pub fn check(
    conn: &mut AnyConnection,
    token: &str,
    reads_only: bool,
    mapping: &[(String, Role)],
) -> Result<Caller, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let found: Option<TokenRow> = api_tokens::table
        .filter(api_tokens::token_hash.eq(hash(token)))
        .select((
            api_tokens::id,
            api_tokens::user_id,
            api_tokens::scopes,
            api_tokens::created_at,
            api_tokens::expires_at,
            api_tokens::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let refused = || ApiError::unauthorized(Text::ApiTokenInvalid);
    let (id, user_id, scopes, created_at, expires_at, revoked_at) = found.ok_or_else(refused)?;
    let expires_at = expires_at.unwrap_or(created_at + chrono::Duration::days(MAX_DAYS));
    if revoked_at.is_some() || expires_at <= now {
        return Err(refused());
    }
    let account: TokenAccount = users::table
        .find(user_id)
        .select((
            users::username,
            users::student_number,
            users::affiliation,
            users::is_admin,
            users::active,
            users::must_change_password,
        ))
        .first(conn)
        .optional()?
        .ok_or_else(refused)?;
    let (username, student_number, affiliation, is_admin, active, must_change) = account;
    if !active {
        return Err(refused());
    }
    // A password reset by an administrator (a compromised account, say)
    // stops the account's tokens too until the owner chose a new one.
    access::may_act_before_changing_password(must_change).map_err(|r| ApiError::refusal(&r))?;
    let scopes = decode_scopes(&scopes);
    if !reads_only {
        access::may_write_with_token(scopes.contains(&Scope::Write))
            .map_err(|r| ApiError::refusal(&r))?;
    }
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::last_used_at.eq(now))
        .execute(conn)?;
    Ok(Caller {
        session: None,
        user_id,
        username,
        student_number,
        roles: roles_of(&affiliation, mapping, is_admin),
    })
}

/// username, student number, affiliation, administrator, active, must
/// change their password.
type TokenAccount = (String, Option<String>, String, bool, bool, bool);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_prefixed_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert!(a.starts_with(PREFIX) && a.len() > 40);
        assert_ne!(a, b);
        assert_eq!(hash(&a).len(), 64);
        assert_ne!(hash(&a), hash(&b));
    }

    #[test]
    fn scopes_round_trip() {
        assert_eq!(
            encode_scopes(&[Scope::Write, Scope::Read, Scope::Read]),
            "read,write"
        );
        assert_eq!(
            decode_scopes("read,write,other"),
            vec![Scope::Read, Scope::Write]
        );
    }
}
