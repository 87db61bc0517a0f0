//! The addresses staff vouched for as those of the people they name
//! (migration 28, SIG-17): a signing link goes to the host's signatory,
//! the tutor or a minor's legal representative only at one of them.

use crate::db::AnyConnection;
use crate::db::schema::vouched_addresses;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The key of `address`: one mailbox whatever the case it is written in.
fn key(address: &str) -> String {
    address.trim().to_ascii_lowercase()
}

/// Whether staff vouched for `address`.
pub fn is_vouched(conn: &mut AnyConnection, address: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        vouched_addresses::table.filter(vouched_addresses::address.eq(key(address))),
    ))
    .get_result(conn)
}

/// Records that `by` vouched for `address` at `now` (nothing for an empty
/// address); an address vouched for already keeps who did it first
/// ([`crate::db::insert_once`]: two staff vouching at once both go on).
pub fn vouch(
    conn: &mut AnyConnection,
    address: &str,
    by: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let address = key(address);
    if address.is_empty() {
        return Ok(());
    }
    crate::db::insert_once(conn, |conn| {
        diesel::insert_into(vouched_addresses::table)
            .values((
                vouched_addresses::address.eq(&address),
                vouched_addresses::vouched_by.eq(by),
                vouched_addresses::vouched_at.eq(now),
            ))
            .execute(conn)
    })
    .map(|_| ())
}
