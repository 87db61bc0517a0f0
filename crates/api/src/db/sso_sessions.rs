//! Sign-ins opened by single sign-on, by the provider's session id (the CAS
//! service ticket), kept hashed like the refresh tokens they lead to.

use crate::auth::refresh;
use crate::db::AnyConnection;
use crate::db::schema::sso_sessions;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

/// Records that `session` of `provider` opened the sign-in `family`.
/// `false` when that session had already opened one: the unique index
/// decides, so of two redemptions at once exactly one succeeds.
pub fn open(
    conn: &mut AnyConnection,
    provider: &str,
    session: &str,
    family: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let inserted = diesel::insert_into(sso_sessions::table)
        .values((
            sso_sessions::provider.eq(provider),
            sso_sessions::session_hash.eq(refresh::hash(session)),
            sso_sessions::family.eq(family),
            sso_sessions::user_id.eq(user_id),
            sso_sessions::created_at.eq(now),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Ends the sign-in `session` opened (the provider's logout): its refresh
/// tokens are revoked. The number of tokens revoked (0 for a session
/// unknown or already ended).
pub fn end(
    conn: &mut AnyConnection,
    provider: &str,
    session: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let family: Option<String> = sso_sessions::table
        .filter(sso_sessions::provider.eq(provider))
        .filter(sso_sessions::session_hash.eq(refresh::hash(session)))
        .select(sso_sessions::family)
        .first(conn)
        .optional()?;
    match family {
        Some(family) => refresh::revoke_family(conn, &family, now),
        None => Ok(0),
    }
}

/// Forgets the sessions whose sign-in is over: none of its refresh tokens
/// is still usable (revoked or expired), so nothing is left for a logout
/// to end. A sign-in in use renews its tokens and keeps its session,
/// however old.
pub fn purge(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    use crate::db::schema::refresh_tokens;
    let oldest = now - chrono::Duration::days(refresh::LIFETIME_DAYS);
    let live = refresh_tokens::table
        .filter(refresh_tokens::revoked_at.is_null())
        .filter(refresh_tokens::expires_at.gt(now))
        .select(refresh_tokens::family);
    diesel::delete(
        sso_sessions::table
            .filter(sso_sessions::created_at.lt(oldest))
            .filter(sso_sessions::family.ne_all(live)),
    )
    .execute(conn)
}
