//! Which person of an OpenID provider each account is: the provider's
//! `sub`, bound at the account's first sign-in through it. Usernames
//! (`preferred_username`) can be reassigned by a provider; `sub` cannot.

use crate::db::AnyConnection;
use crate::db::schema::sso_identities;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

/// The account bound to `subject` of `issuer`, if any.
pub fn bound_account(
    conn: &mut AnyConnection,
    issuer: &str,
    subject: &str,
) -> QueryResult<Option<i64>> {
    sso_identities::table
        .filter(sso_identities::issuer.eq(issuer))
        .filter(sso_identities::subject.eq(subject))
        .select(sso_identities::user_id)
        .first(conn)
        .optional()
}

/// Whether the account is bound to some subject of `issuer`.
pub fn is_bound(conn: &mut AnyConnection, issuer: &str, user_id: i64) -> QueryResult<bool> {
    let n: i64 = sso_identities::table
        .filter(sso_identities::issuer.eq(issuer))
        .filter(sso_identities::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Binds `subject` of `issuer` to the account. `false` when either was
/// bound meanwhile (a sign-in of the same person at the same moment): the
/// unique keys decide, and the caller refuses rather than guess.
pub fn bind(
    conn: &mut AnyConnection,
    issuer: &str,
    subject: &str,
    user_id: i64,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let inserted = diesel::insert_into(sso_identities::table)
        .values((
            sso_identities::issuer.eq(issuer),
            sso_identities::subject.eq(subject),
            sso_identities::user_id.eq(user_id),
            sso_identities::created_at.eq(now),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}
