//! A time limit for SQLite statements.
//!
//! PostgreSQL cuts a statement after `statement_timeout`; SQLite has no such
//! setting, so a pathological query would run for as long as it likes,
//! holding its connection and a blocking thread. After [`install`], every
//! SQLite connection this process opens gets a progress handler: SQLite
//! calls it every [`STEPS`] virtual-machine steps of a statement (counted
//! over the statement's runs, so a short statement run after the deadline
//! may be stopped too), and the statement stops with `SQLITE_INTERRUPT`
//! (message `interrupted`) once the deadline of the thread running it has
//! passed. What is not a step is not cut: a wait for a lock
//! (`busy_timeout`), one long step such as a sort.
//!
//! The deadline belongs to a thread and is set around one piece of work with
//! [`until`]: SQLite runs a statement on the thread that steps it, and the
//! server runs each request's database work on one blocking thread. Work
//! without a deadline (the command line, migrations) is never cut.

use libsqlite3_sys as ffi;
use std::cell::Cell;
use std::ffi::{c_char, c_int, c_void};
use std::sync::OnceLock;
use std::time::Instant;

/// Virtual-machine steps between two looks at the clock: well under a
/// millisecond of simple steps, while the look itself (a thread-local and
/// the monotonic clock) costs nothing measurable.
pub const STEPS: c_int = 10_000;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// SQLite refused to register the handler (`sqlite3_auto_extension`'s
/// result code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotInstalled(pub i32);

impl std::fmt::Display for NotInstalled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "SQLite refused the statement time limit (code {})",
            self.0
        )
    }
}

impl std::error::Error for NotInstalled {}

/// Gives every SQLite connection opened from now on the time limit. Call it
/// before opening connections; calling it again does nothing.
pub fn install() -> Result<(), NotInstalled> {
    static RESULT: OnceLock<c_int> = OnceLock::new();
    let code = *RESULT.get_or_init(|| {
        #[allow(unsafe_code)]
        // SAFETY: `on_open` has the signature of an SQLite auto-extension
        // and, a plain function, stays valid for the whole process.
        unsafe {
            ffi::sqlite3_auto_extension(Some(on_open))
        }
    });
    if code == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(NotInstalled(code))
    }
}

/// Runs `work` with the statements this thread runs cut once `deadline` has
/// passed. Within another `until`, the earlier deadline holds; the thread's
/// previous deadline comes back after, even if `work` panics.
pub fn until<T>(deadline: Instant, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Instant>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.set(self.0);
        }
    }
    let previous = DEADLINE.get();
    let _restore = Restore(previous);
    DEADLINE.set(Some(previous.map_or(deadline, |p| p.min(deadline))));
    work()
}

/// Whether the deadline of the work this thread runs has passed: an error
/// of that work is then most likely its interruption, or what followed
/// from it (SQLite rolls back a write transaction it interrupts, and the
/// caller's own rollback then fails).
pub fn passed() -> bool {
    DEADLINE
        .try_with(|deadline| deadline.get().is_some_and(|d| Instant::now() >= d))
        .unwrap_or(false)
}

/// The auto-extension: SQLite calls it as each connection opens.
#[allow(unsafe_code)]
unsafe extern "C" fn on_open(
    db: *mut ffi::sqlite3,
    _error: *mut *mut c_char,
    _api: *const ffi::sqlite3_api_routines,
) -> c_int {
    // SAFETY: SQLite hands the connection it is opening; the handler takes
    // no argument, so the null pointer is never read.
    unsafe { ffi::sqlite3_progress_handler(db, STEPS, Some(on_progress), std::ptr::null_mut()) };
    ffi::SQLITE_OK
}

/// The progress handler: non-zero interrupts the running statement.
extern "C" fn on_progress(_: *mut c_void) -> c_int {
    c_int::from(passed())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use diesel::prelude::*;
    use diesel::sql_types::BigInt;
    use std::time::Duration;

    #[derive(QueryableByName)]
    struct Counted {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }

    /// Counts to `limit` (or for tens of seconds without one) in SQLite's
    /// VM.
    fn count(conn: &mut SqliteConnection, limit: Option<u32>) -> QueryResult<i64> {
        // "Forever" is 100 million steps of the recursion, tens of seconds:
        // a regression fails rather than hangs.
        let bound = format!(" WHERE x < {}", limit.unwrap_or(100_000_000));
        diesel::sql_query(format!(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c{bound}) \
             SELECT count(*) AS n FROM c"
        ))
        .get_result::<Counted>(conn)
        .map(|c| c.n)
    }

    fn open() -> SqliteConnection {
        install().unwrap();
        SqliteConnection::establish(":memory:").unwrap()
    }

    #[test]
    fn an_endless_statement_stops_at_the_deadline() {
        let mut conn = open();
        let start = Instant::now();
        let err = until(start + Duration::from_millis(200), || {
            count(&mut conn, None)
        })
        .unwrap_err();
        assert!(err.to_string().contains("interrupted"), "{err}");
        let took = start.elapsed();
        assert!(took >= Duration::from_millis(200), "{took:?}");
        assert!(took < Duration::from_secs(2), "{took:?}");
        // The connection is fine after, and work without a deadline is not cut.
        assert_eq!(count(&mut conn, Some(1_000_000)).unwrap(), 1_000_000);
    }

    #[test]
    fn work_within_its_deadline_is_untouched() {
        let mut conn = open();
        let far = Instant::now() + Duration::from_secs(60);
        assert_eq!(
            until(far, || count(&mut conn, Some(100_000))).unwrap(),
            100_000
        );
    }

    #[test]
    fn the_earlier_deadline_holds_and_the_outer_one_comes_back() {
        let mut conn = open();
        let now = Instant::now();
        let outer = now + Duration::from_secs(60);
        until(outer, || {
            let inner = until(now + Duration::from_secs(3600), || DEADLINE.get());
            assert_eq!(inner, Some(outer));
            let err = until(now, || count(&mut conn, Some(1_000_000))).unwrap_err();
            assert!(err.to_string().contains("interrupted"), "{err}");
            assert_eq!(DEADLINE.get(), Some(outer));
        });
        assert_eq!(DEADLINE.get(), None);
    }

    #[test]
    fn a_deadline_is_its_thread_s_own() {
        let mut conn = open();
        let now = Instant::now();
        until(now, || {
            let other = std::thread::spawn(|| count(&mut open(), Some(1_000_000)));
            assert_eq!(other.join().unwrap().unwrap(), 1_000_000);
        });
        assert_eq!(count(&mut conn, Some(10)).unwrap(), 10);
    }
}
