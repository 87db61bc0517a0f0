//! The outbox: mails are rows written in the same transaction as the change
//! they report, then sent by a worker. A failed send is retried with a
//! growing delay; a claimed row is leased to one worker at a time.

use crate::db::AnyConnection;
use crate::db::schema::outbox;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

/// How long a worker may hold a claimed mail before another may take it.
pub const LEASE: Duration = Duration::seconds(60);
/// Mails claimed at once.
pub const BATCH: i64 = 20;

/// A mail to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub event: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub convention_id: Option<i64>,
    /// Queued at most once under this key (scheduled mails).
    pub dedupe_key: Option<String>,
    /// The tutor's link whose [`crate::app::evaluations::links::placeholder`]
    /// the body holds; the worker fills in that one only.
    pub link_id: Option<i64>,
    /// The signing request whose link and code placeholders the worker
    /// fills ([`crate::app::signing::link_placeholder`]).
    pub signature_request: Option<i64>,
}

/// Queues a mail; `false` when its dedupe key was already queued (another
/// replica's scheduler got there first).
pub fn enqueue(conn: &mut AnyConnection, mail: &Mail) -> QueryResult<bool> {
    let now = chrono::Utc::now().naive_utc();
    // A savepoint: a duplicate key must not abort the caller's transaction.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(outbox::table)
            .values((
                outbox::event.eq(mail.event),
                outbox::recipient.eq(&mail.recipient),
                outbox::subject.eq(&mail.subject),
                outbox::body.eq(&mail.body),
                outbox::convention_id.eq(mail.convention_id),
                outbox::dedupe_key.eq(&mail.dedupe_key),
                outbox::link_id.eq(mail.link_id),
                outbox::signature_request_id.eq(mail.signature_request),
                outbox::attempts.eq(0),
                outbox::next_attempt_at.eq(now),
                outbox::created_at.eq(now),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(other) => Err(other),
    }
}

/// A mail a worker holds.
#[derive(Debug, Clone, QueryableByName, PartialEq, Eq)]
pub struct Claimed {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub recipient: String,
    #[diesel(sql_type = Text)]
    pub subject: String,
    #[diesel(sql_type = Text)]
    pub body: String,
    #[diesel(sql_type = Integer)]
    pub attempts: i32,
    #[diesel(sql_type = Timestamp)]
    pub created_at: NaiveDateTime,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    pub link_id: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Nullable<BigInt>)]
    pub signature_request_id: Option<i64>,
}

/// Leases up to `limit` due mails to `worker`. On PostgreSQL rows locked
/// by another worker's claim are skipped (`FOR UPDATE SKIP LOCKED`); SQLite
/// runs one writer at a time, so the update is atomic there too.
pub fn claim(
    conn: &mut AnyConnection,
    worker: &str,
    now: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Claimed>> {
    let until = now + LEASE;
    match conn {
        AnyConnection::Postgresql(pg) => diesel::sql_query(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2 WHERE id IN (\
               SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $3 \
               AND (claimed_until IS NULL OR claimed_until < $3) \
               ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED) \
             RETURNING id, recipient, subject, body, attempts, created_at, link_id, signature_request_id",
        )
        .bind::<Text, _>(worker)
        .bind::<Timestamp, _>(until)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load(pg),
        AnyConnection::Sqlite(sqlite) => diesel::sql_query(
            "UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id IN (\
               SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? \
               AND (claimed_until IS NULL OR claimed_until < ?) \
               ORDER BY id LIMIT ?) \
             RETURNING id, recipient, subject, body, attempts, created_at, link_id, signature_request_id",
        )
        .bind::<Text, _>(worker)
        .bind::<Timestamp, _>(until)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load(sqlite),
    }
}

/// Records a send, if the lease is still this worker's.
pub fn sent(
    conn: &mut AnyConnection,
    id: i64,
    worker: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claimed_by.eq(worker)),
    )
    .set((
        outbox::sent_at.eq(now),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)
}

/// Gives back mails a worker claimed but will not send in its lease.
pub fn release(conn: &mut AnyConnection, ids: &[i64], worker: &str) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::claimed_by.eq(worker))
            .filter(outbox::sent_at.is_null()),
    )
    .set(outbox::claimed_until.eq(None::<NaiveDateTime>))
    .execute(conn)
}

/// Delay before the next try: 30 s, 1 min, 2 min… up to an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exponent = u32::try_from(attempts.clamp(0, 7)).unwrap_or(0);
    Duration::seconds((30 * 2_i64.pow(exponent)).min(3600))
}

/// Records a failed send and when to try again.
pub fn failed(
    conn: &mut AnyConnection,
    id: i64,
    worker: &str,
    attempts: i32,
    error: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claimed_by.eq(worker)),
    )
    .set((
        outbox::attempts.eq(attempts + 1),
        outbox::next_attempt_at.eq(now + backoff(attempts)),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(Some(error.chars().take(500).collect::<String>())),
    ))
    .execute(conn)
}

/// How the last error of a mail refused for itself (bad address, a
/// relay's permanent refusal) starts, as opposed to the relay's trouble.
pub const REFUSED: &str = "refused: ";

/// Makes every mail waiting out a back-off because of the relay due now
/// (the relay sends again); returns how many. Mails refused for
/// themselves keep their back-off.
pub fn retry_now(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::attempts.gt(0))
            .filter(outbox::next_attempt_at.gt(now))
            .filter(outbox::last_error.not_like(format!("{REFUSED}%"))),
    )
    .set(outbox::next_attempt_at.eq(now))
    .execute(conn)
}

/// Mails not sent yet.
pub fn pending(conn: &mut AnyConnection) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_slow_down_up_to_an_hour() {
        assert_eq!(backoff(0), Duration::seconds(30));
        assert_eq!(backoff(1), Duration::seconds(60));
        assert_eq!(backoff(6), Duration::seconds(1920));
        assert_eq!(backoff(20), Duration::seconds(3600));
    }
}
