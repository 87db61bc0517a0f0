//! Personal API tokens as stored: the hash of the secret (never the
//! secret), its scopes, its lifetime and whether it was revoked.

use crate::auth::api_tokens::{decode_scopes, encode_scopes};
use crate::db::schema::{api_tokens, users};
use crate::db::{AnyConnection, RepoError, RepoResult};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_api_types::auth::{ApiToken, Scope};

type Row = (
    i64,
    i64,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

fn to_api(row: Row) -> ApiToken {
    let (id, user_id, name, scopes, created_at, expires_at, last_used_at, revoked_at) = row;
    ApiToken {
        id,
        user_id,
        name,
        scopes: decode_scopes(&scopes),
        created_at: created_at.and_utc(),
        expires_at: expires_at.map(|at| at.and_utc()),
        last_used_at: last_used_at.map(|at| at.and_utc()),
        revoked_at: revoked_at.map(|at| at.and_utc()),
    }
}

fn columns() -> (
    api_tokens::id,
    api_tokens::user_id,
    api_tokens::name,
    api_tokens::scopes,
    api_tokens::created_at,
    api_tokens::expires_at,
    api_tokens::last_used_at,
    api_tokens::revoked_at,
) {
    (
        api_tokens::id,
        api_tokens::user_id,
        api_tokens::name,
        api_tokens::scopes,
        api_tokens::created_at,
        api_tokens::expires_at,
        api_tokens::last_used_at,
        api_tokens::revoked_at,
    )
}

/// Whether a user with this id exists.
pub fn user_exists(conn: &mut AnyConnection, user_id: i64) -> RepoResult<bool> {
    Ok(users::table
        .find(user_id)
        .select(users::id)
        .first::<i64>(conn)
        .optional()?
        .is_some())
}

/// A token to store: its secret's hash, never the secret.
pub struct NewToken<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub token_hash: String,
    pub scopes: &'a [Scope],
    pub created_by: i64,
    pub expires_at: NaiveDateTime,
}

/// Stores a token; what the API shows of it.
pub fn insert(conn: &mut AnyConnection, t: NewToken<'_>) -> RepoResult<ApiToken> {
    let id: i64 = diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::user_id.eq(t.user_id),
            api_tokens::name.eq(t.name),
            api_tokens::token_hash.eq(t.token_hash),
            api_tokens::scopes.eq(encode_scopes(t.scopes)),
            api_tokens::created_by.eq(t.created_by),
            api_tokens::created_at.eq(chrono::Utc::now().naive_utc()),
            api_tokens::expires_at.eq(Some(t.expires_at)),
        ))
        .returning(api_tokens::id)
        .get_result(conn)?;
    Ok(to_api(
        api_tokens::table.find(id).select(columns()).first(conn)?,
    ))
}

/// Every token, newest first.
pub fn list(conn: &mut AnyConnection) -> RepoResult<Vec<ApiToken>> {
    let rows: Vec<Row> = api_tokens::table
        .order(api_tokens::id.desc())
        .select(columns())
        .load(conn)?;
    Ok(rows.into_iter().map(to_api).collect())
}

/// Revokes a token from now on; the user it belonged to.
pub fn revoke(conn: &mut AnyConnection, id: i64) -> RepoResult<i64> {
    diesel::update(api_tokens::table.find(id))
        .set(api_tokens::revoked_at.eq(chrono::Utc::now().naive_utc()))
        .returning(api_tokens::user_id)
        .get_result(conn)
        .optional()?
        .ok_or(RepoError::NotFound)
}
