//! The reports of signature platforms received lately (migration 27), so
//! that each counts once.

use crate::db::AnyConnection;
use crate::db::schema::platform_deliveries;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// Forgets the deliveries received before `before`: a copy of one of them
/// is refused for its timestamp.
pub fn forget(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(platform_deliveries::table.filter(platform_deliveries::received_at.lt(before)))
        .execute(conn)
}

/// Keeps the delivery `id` of `platform`, received at `now`. `false` when
/// it was kept already: the report is a copy.
///
/// The primary key decides ([`crate::db::insert_once`]): of two copies
/// sent at once, one is kept.
pub fn receive(
    conn: &mut AnyConnection,
    platform: &str,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    crate::db::insert_once(conn, |conn| {
        diesel::insert_into(platform_deliveries::table)
            .values((
                platform_deliveries::platform.eq(platform),
                platform_deliveries::delivery.eq(id),
                platform_deliveries::received_at.eq(now),
            ))
            .execute(conn)
    })
}
