//! The addresses staff vouched for as those of the people they name
//! (migration 28, SIG-17): a signing link goes to the host's signatory,
//! the tutor or a minor's legal representative only at one of them.

use crate::db::AnyConnection;
use crate::db::schema::vouched_addresses;
use chrono::NaiveDateTime;
use diesel::prelude::*;

diesel::define_sql_function! {
    /// SQL's `lower`: addresses are compared as their keys are kept.
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

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

/// A vouched address as listed: the address, who vouched for it first
/// (their user name) and when.
pub type Listed = (String, Option<String>, NaiveDateTime);

/// The vouched addresses containing `part` (any case), in address order,
/// after `after`; at most `limit`.
pub fn list(
    conn: &mut AnyConnection,
    part: &str,
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<Listed>> {
    use crate::db::schema::users;
    // LIKE's wildcards and its escape character, read as themselves.
    let escaped = key(part)
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let mut query = vouched_addresses::table
        .left_join(users::table.on(users::id.nullable().eq(vouched_addresses::vouched_by)))
        .filter(
            vouched_addresses::address
                .like(format!("%{escaped}%"))
                .escape('\\'),
        )
        .select((
            vouched_addresses::address,
            users::username.nullable(),
            vouched_addresses::vouched_at,
        ))
        .order(vouched_addresses::address)
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(vouched_addresses::address.gt(after.to_owned()));
    }
    query.load(conn)
}

/// Withdraws the vouch for `address` at `now`: `None` when nobody had
/// vouched for it; otherwise the listing it had, and from then on no link
/// goes there. The links that went already stop working: the unspent
/// signing links of `revoked` parties at that address (those whose links
/// need a vouched address, as the domain says), and the unspent
/// evaluation links mailed there (not those staff handed over).
///
/// On PostgreSQL the conventions of those signing links are locked first,
/// in id order, as staff's actions on a circuit take them (convention,
/// then circuit, then links), and before the vouched row: a staff vouching
/// holds its convention, then inserts that row.
pub fn withdraw(
    conn: &mut AnyConnection,
    address: &str,
    now: NaiveDateTime,
    revoked: impl Fn(&str) -> bool,
) -> QueryResult<Option<Listed>> {
    use crate::db::schema::outbox;
    use crate::db::schema::{
        conventions, evaluation_links, signature_circuits, signature_requests,
    };
    let address = key(address);
    let open = || {
        signature_requests::table
            .filter(lower(signature_requests::email).eq(address.clone()))
            .filter(signature_requests::revoked_at.is_null())
            .filter(signature_requests::used_at.is_null())
    };
    if let AnyConnection::Postgresql(pg) = conn {
        let ids: Vec<i64> = open()
            .inner_join(signature_circuits::table)
            .select(signature_circuits::convention_id)
            .load(pg)?;
        conventions::table
            .filter(conventions::id.eq_any(ids))
            .select(conventions::id)
            .order(conventions::id)
            .for_update()
            .load::<i64>(pg)?;
    }
    // The delete decides: of two withdrawals at once, PostgreSQL makes the
    // second wait for the first's transaction, and it then deletes nothing.
    let Some((address, by, at)) = diesel::delete(vouched_addresses::table.find(&address))
        .returning((
            vouched_addresses::address,
            vouched_addresses::vouched_by,
            vouched_addresses::vouched_at,
        ))
        .get_result::<(String, Option<i64>, NaiveDateTime)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let by = match by {
        Some(id) => crate::db::schema::users::table
            .find(id)
            .select(crate::db::schema::users::username)
            .first(conn)
            .optional()?,
        None => None,
    };
    let ids: Vec<i64> = open()
        .select((signature_requests::id, signature_requests::party))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .filter(|(_, party)| revoked(party))
        .map(|(id, _)| id)
        .collect();
    diesel::update(
        signature_requests::table
            .filter(signature_requests::id.eq_any(ids))
            .filter(signature_requests::revoked_at.is_null()),
    )
    .set(signature_requests::revoked_at.eq(now))
    .execute(conn)?;
    let mailed = outbox::table
        .filter(lower(outbox::recipient).eq(address.clone()))
        .filter(outbox::link_id.is_not_null())
        .select(outbox::link_id);
    diesel::update(
        evaluation_links::table
            .filter(evaluation_links::id.nullable().eq_any(mailed))
            .filter(evaluation_links::revoked_at.is_null())
            .filter(evaluation_links::used_at.is_null()),
    )
    .set(evaluation_links::revoked_at.eq(now))
    .execute(conn)?;
    Ok(Some((address, by, at)))
}
