//! Personal API tokens as stored: the hash of the secret (never the
//! secret), its scopes, its lifetime and whether it was revoked.

use crate::auth::api_tokens::{decode_scopes, encode_scopes};
use crate::db::schema::{api_tokens, users};
use crate::db::{AnyConnection, RepoError, RepoResult};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_api_types::auth::{ApiToken, Scope};

/// A token as the API shows it (never its hash).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct TokenRow {
    id: i64,
    user_id: i64,
    name: String,
    scopes: String,
    created_at: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
    last_used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
}

impl TokenRow {
    fn into_api(self) -> ApiToken {
        ApiToken {
            id: self.id,
            user_id: self.user_id,
            name: self.name,
            scopes: decode_scopes(&self.scopes),
            created_at: self.created_at.and_utc(),
            expires_at: self.expires_at.map(|at| at.and_utc()),
            last_used_at: self.last_used_at.map(|at| at.and_utc()),
            revoked_at: self.revoked_at.map(|at| at.and_utc()),
        }
    }
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
    Ok(api_tokens::table
        .find(id)
        .select(TokenRow::as_select())
        .first(conn)?
        .into_api())
}

/// Every token, newest first.
pub fn list(conn: &mut AnyConnection) -> RepoResult<Vec<ApiToken>> {
    let rows: Vec<TokenRow> = api_tokens::table
        .order(api_tokens::id.desc())
        .select(TokenRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(TokenRow::into_api).collect())
}

/// The tokens that act for `user_id`, newest first.
pub fn list_of(conn: &mut AnyConnection, user_id: i64) -> RepoResult<Vec<ApiToken>> {
    let rows: Vec<TokenRow> = api_tokens::table
        .filter(api_tokens::user_id.eq(user_id))
        .order(api_tokens::id.desc())
        .select(TokenRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(TokenRow::into_api).collect())
}

/// Revokes a token of `user_id` from now on; another's is not found (its
/// existence is not told).
pub fn revoke_own(conn: &mut AnyConnection, id: i64, user_id: i64) -> RepoResult<()> {
    diesel::update(
        api_tokens::table
            .find(id)
            .filter(api_tokens::user_id.eq(user_id)),
    )
    .set(api_tokens::revoked_at.eq(chrono::Utc::now().naive_utc()))
    .returning(api_tokens::id)
    .get_result::<i64>(conn)
    .optional()?
    .ok_or(RepoError::NotFound)?;
    Ok(())
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
