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
//! quiet one once per request after a pause. When some work fails, its
//! connection is pinged at once: if it no longer answers, it leaves the
//! pool and no connection is trusted any more (the database most likely
//! restarted and closed them all), so each is pinged at its next use. A
//! restart thus fails the requests that were using the database at that
//! moment, or the next one, not one per pooled connection.

use super::{AnyConnection, DbConn, DbPool};
use diesel::r2d2::{PoolError, PooledConnection, R2D2Connection};
use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long a connection that just served some work is taken as alive
/// without a ping.
pub const TRUSTED_FOR: Duration = Duration::from_secs(1);

/// Bumped each time a connection is found dead after its work failed:
/// trust given before then is void.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// When the connection last served work successfully, and the
/// [`GENERATION`] then (kept in the pool's extensions of each connection).
struct Proven {
    at: Instant,
    generation: u64,
}

impl Proven {
    fn now() -> Self {
        Self {
            at: Instant::now(),
            generation: GENERATION.load(Ordering::Acquire),
        }
    }

    fn holds(&self) -> bool {
        self.at.elapsed() < TRUSTED_FOR && self.generation == GENERATION.load(Ordering::Acquire)
    }
}

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

/// Gives a dead connection back so that the pool drops it.
fn condemn(conn: DbConn) {
    CONDEMNED.set(true);
    drop(conn);
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

/// Runs `work` on a pooled connection that answers. If the work succeeds,
/// the connection is trusted for [`TRUSTED_FOR`]; if it fails, the
/// connection is pinged: trusted again if it answers, dropped with every
/// other connection's trust if not.
pub fn with_connection<T, E, F>(pool: &DbPool, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<ConnectionError>,
{
    let mut conn = checkout(pool)?;
    let done = work(&mut conn);
    if done.is_err()
        && let Err(err) = conn.ping()
    {
        tracing::warn!(%err, "a database connection died during its work: every connection will be pinged");
        GENERATION.fetch_add(1, Ordering::AcqRel);
        condemn(conn);
        return done;
    }
    PooledConnection::extensions_mut(&mut conn).insert(Proven::now());
    done
}

/// A connection of the pool that served work within [`TRUSTED_FOR`] or
/// answers a ping now. Dead ones are dropped: at most every connection of
/// the pool is tried, then one more (a new one once the dead are gone),
/// all within the pool's one wait for a connection.
fn checkout(pool: &DbPool) -> Result<DbConn, ConnectionError> {
    let until = Instant::now() + pool.connection_timeout();
    let mut tries = pool.max_size().saturating_add(1);
    loop {
        let mut conn = pool.get_timeout(until.saturating_duration_since(Instant::now()))?;
        let trusted = PooledConnection::extensions(&conn)
            .get::<Proven>()
            .is_some_and(Proven::holds);
        if trusted {
            return Ok(conn);
        }
        match conn.ping() {
            Ok(()) => return Ok(conn),
            Err(err) => {
                tracing::warn!(%err, "a pooled database connection no longer answers: dropped");
                condemn(conn);
                tries -= 1;
                if tries == 0 {
                    return Err(ConnectionError::Lost(err));
                }
            }
        }
    }
}
