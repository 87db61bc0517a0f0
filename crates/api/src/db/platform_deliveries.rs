//! The reports of signature platforms received lately (migration 27), so
//! that each counts once.

use crate::db::AnyConnection;
use crate::db::schema::platform_deliveries;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error};

/// Forgets the deliveries received before `before`: a copy of one of them
/// is refused for its timestamp.
pub fn forget(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(platform_deliveries::table.filter(platform_deliveries::received_at.lt(before)))
        .execute(conn)
}

/// Keeps the delivery `id` of `platform`, received at `now`. `false` when
/// it was kept already: the report is a copy.
///
/// The primary key decides: of two copies sent at once, PostgreSQL makes
/// the second insert wait for the first's transaction and then refuses it;
/// the insert runs in a savepoint so that the refusal leaves the caller's
/// transaction usable.
pub fn receive(
    conn: &mut AnyConnection,
    platform: &str,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let kept = conn.transaction(|conn| {
        diesel::insert_into(platform_deliveries::table)
            .values((
                platform_deliveries::platform.eq(platform),
                platform_deliveries::delivery.eq(id),
                platform_deliveries::received_at.eq(now),
            ))
            .execute(conn)
    });
    match kept {
        Ok(_) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}
