//! Taking a connection from the pool, and knowing it still answers.
//!
//! A connection that sat idle in the pool may have been closed under us:
//! the database restarted, a firewall dropped the quiet TCP connection, an
//! administrator ended its backend. r2d2 can ping every connection as it is
//! taken (`test_on_check_out`), but that is one more round trip to the
//! database on every request, on pages the database answers in 1–3 ms.
//!
//! Here a connection is pinged only when it has not served any work
//! successfully for [`TRUSTED_FOR`]: a busy server pings almost never, a
//! quiet one once per request after a pause. A connection whose work failed
//! is not trusted, so it is pinged when next taken; one whose ping fails
//! leaves the pool and the next one is tried.

use super::{AnyConnection, DbConn, DbPool};
use diesel::r2d2::{PoolError, PooledConnection, R2D2Connection};
use std::cell::Cell;
use std::time::{Duration, Instant};

/// How long a connection that just served some work is taken as alive
/// without a ping. A connection broken within this time fails one request
/// (503, the database connection was lost) and is pinged at its next use.
pub const TRUSTED_FOR: Duration = Duration::from_secs(1);

/// When the connection last served work successfully (kept in the pool's
/// extensions of each connection).
struct Proven(Instant);

thread_local! {
    /// Set just before a dead connection is given back, on the thread that
    /// gives it back: r2d2 asks [`super::Manager`]'s `has_broken` on that
    /// same thread and in that same call, so this is how the pool learns to
    /// drop it rather than keep it.
    static CONDEMNED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the connection being given back on this thread was found dead
/// (and forgets it: each condemnation is for one connection).
pub(super) fn take_condemned() -> bool {
    CONDEMNED.take()
}

/// No connection that answers.
#[derive(Debug, thiserror::Error)]
pub enum ConnectionError {
    /// The pool could not hand one out within its wait (the database is
    /// down, or every connection is busy).
    #[error(transparent)]
    Pool(#[from] PoolError),
    /// Every idle connection failed its ping, and so did a new one.
    #[error("the database does not answer: {0}")]
    Lost(diesel::result::Error),
}

/// For callers that report database failures as text (the mail worker).
impl From<ConnectionError> for String {
    fn from(err: ConnectionError) -> Self {
        err.to_string()
    }
}

/// Runs `work` on a pooled connection that answers; if the work succeeds,
/// the connection is trusted for [`TRUSTED_FOR`].
pub fn with_connection<T, E, F>(pool: &DbPool, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<ConnectionError>,
{
    let mut conn = checkout(pool)?;
    let done = work(&mut conn)?;
    PooledConnection::extensions_mut(&mut conn).insert(Proven(Instant::now()));
    Ok(done)
}

/// A connection of the pool that served work within [`TRUSTED_FOR`] or
/// answers a ping now. Dead ones are dropped: at most every connection of
/// the pool is tried, then one more (a new one once the dead are gone).
fn checkout(pool: &DbPool) -> Result<DbConn, ConnectionError> {
    let mut tries = pool.max_size() + 1;
    loop {
        let mut conn = pool.get()?;
        let trusted = PooledConnection::extensions(&conn)
            .get::<Proven>()
            .is_some_and(|proven| proven.0.elapsed() < TRUSTED_FOR);
        if trusted {
            return Ok(conn);
        }
        match conn.ping() {
            Ok(()) => return Ok(conn),
            Err(err) => {
                tracing::warn!(%err, "a pooled database connection no longer answers: dropped");
                CONDEMNED.set(true);
                drop(conn);
                tries -= 1;
                if tries == 0 {
                    return Err(ConnectionError::Lost(err));
                }
            }
        }
    }
}
