//! OpenID Connect sign-ins under way (see migration 15).

use crate::auth::refresh;
use crate::db::AnyConnection;
use crate::db::schema::oidc_logins;
use crate::sso::oidc::{LOGIN_TTL_MINUTES, Pending};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Records a sign-in that leaves for the provider; forgets the stale ones.
/// `false` (nothing recorded) when `MAX_PENDING_OIDC_LOGINS` are under way.
pub fn start(
    conn: &mut AnyConnection,
    pending: &Pending,
    next: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::delete(
        oidc_logins::table
            .filter(oidc_logins::created_at.lt(now - chrono::Duration::minutes(LOGIN_TTL_MINUTES))),
    )
    .execute(conn)?;
    let under_way: i64 = oidc_logins::table.count().get_result(conn)?;
    if under_way >= crate::sso::MAX_PENDING_OIDC_LOGINS {
        return Ok(false);
    }
    diesel::insert_into(oidc_logins::table)
        .values((
            oidc_logins::state_hash.eq(refresh::hash(&pending.state)),
            oidc_logins::nonce.eq(&pending.nonce),
            oidc_logins::pkce_verifier.eq(&pending.pkce_verifier),
            oidc_logins::next_path.eq(next),
            oidc_logins::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}

/// Takes the sign-in of `state` if it is recent: it is deleted in the same
/// statement, so that it finishes once however many callbacks arrive.
pub fn take(
    conn: &mut AnyConnection,
    state: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(Pending, String)>> {
    let taken: Option<(String, String, String, NaiveDateTime)> =
        diesel::delete(oidc_logins::table.filter(oidc_logins::state_hash.eq(refresh::hash(state))))
            .returning((
                oidc_logins::nonce,
                oidc_logins::pkce_verifier,
                oidc_logins::next_path,
                oidc_logins::created_at,
            ))
            .get_result(conn)
            .optional()?;
    Ok(taken
        .filter(|(_, _, _, at)| *at >= now - chrono::Duration::minutes(LOGIN_TTL_MINUTES))
        .map(|(nonce, pkce_verifier, next, _)| {
            (
                Pending {
                    state: state.to_owned(),
                    nonce,
                    pkce_verifier,
                },
                next,
            )
        }))
}
