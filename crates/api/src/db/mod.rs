//! Storage: one connection type for SQLite (embedded default) and PostgreSQL
//! (production), a pool, and the embedded migrations of each backend.

pub mod amendments;
pub mod api_tokens;
pub mod audit;
pub mod centres;
pub mod checkout;
pub mod codec;
pub mod conventions;
pub mod error;
pub mod evaluations;
pub mod nomenclatures;
pub mod offers;
pub mod oidc_logins;
pub mod organisations;
pub mod platform_deliveries;
pub mod rates;
pub mod reference;
pub mod schema;
pub mod search;
pub mod signatures;
pub mod sso_identities;
pub mod sso_sessions;
pub mod statistics;
pub mod students;
pub mod tickets;
pub mod users;
pub mod vouched_addresses;

pub use error::{RepoError, RepoResult, check_created, check_written};

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ManageConnection, Pool, PooledConnection, R2D2Connection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::time::Duration;

/// The cheapest statement the database must answer (`SELECT 1`): whether
/// it is there at all.
pub fn ping(conn: &mut AnyConnection) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    diesel::sql_query("SELECT 1").execute(conn).map(|_| ())
}

/// Either backend behind one type, so repositories are written once.
///
/// `Postgresql` comes first: r2d2 tries the variants in order, and SQLite
/// would otherwise happily create a file named `postgres://…`.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// The backend of [`AnyConnection`], for boxed queries and filters that
/// repositories build once for both databases.
pub type Backend = <AnyConnection as diesel::Connection>::Backend;

pub type DbPool = Pool<Manager>;
pub type DbConn = PooledConnection<Manager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://…")]
    UnsupportedUrl(String),
    #[error("cannot create the directory of the SQLite database {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot open the database: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("migration failed: {0}")]
    Migration(String),
}

/// Which backend a URL names; the connection string diesel expects for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, DbError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            Ok(Self::Sqlite(path.to_owned()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err(DbError::UnsupportedUrl(url.to_owned()))
        }
    }

    /// The PostgreSQL URL with the client-side bounds a server in
    /// production needs, unless the URL sets them itself: a connection
    /// attempt gives up after a few seconds, and TCP keepalives and
    /// `tcp_user_timeout` notice a peer that went away, so that a hung or
    /// unreachable database gives errors, not requests that wait forever.
    fn postgres_with_bounds(url: &str) -> String {
        const BOUNDS: [(&str, &str); 6] = [
            ("connect_timeout", "3"),
            ("keepalives", "1"),
            ("keepalives_idle", "10"),
            ("keepalives_interval", "5"),
            ("keepalives_count", "3"),
            ("tcp_user_timeout", "15000"),
        ];
        let mut url = url.to_owned();
        for (key, value) in BOUNDS {
            let present = url
                .split_once('?')
                .is_some_and(|(_, q)| q.split('&').any(|kv| kv.split('=').next() == Some(key)));
            if !present {
                url.push(if url.contains('?') { '&' } else { '?' });
                url.push_str(&format!("{key}={value}"));
            }
        }
        url
    }
}

/// Limits of every connection the server uses.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Longest statement: PostgreSQL cancels it after this
    /// (`statement_timeout`), and the request answers 503. `None` for the
    /// command line (migrations, seeding a million rows).
    pub statement_timeout: Option<Duration>,
    /// Longest wait for a free connection of the pool before a 503.
    pub pool_wait: Duration,
}

impl Limits {
    /// The server's: a statement is cut after 5 s; a request waits for a
    /// connection 2 s at most (the pool is exhausted only when the
    /// database hangs or is swamped: failing fast tells the client so).
    pub const SERVER: Self = Self {
        statement_timeout: Some(Duration::from_secs(5)),
        pool_wait: Duration::from_secs(2),
    };
    /// The command line's: no statement limit.
    pub const COMMAND: Self = Self {
        statement_timeout: None,
        pool_wait: Duration::from_secs(10),
    };
}

/// Opens connections of the backend the URL names, with the per-connection
/// settings each needs. Each backend is opened directly, so a refused
/// connection is reported as PostgreSQL said it (diesel's multi-backend
/// manager tries every backend in turn and reports the last one's
/// complaint about the URL).
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
    limits: Limits,
}

impl ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, Self::Error> {
        match &self.url {
            DatabaseUrl::Postgres(url) => {
                let mut conn = PgConnection::establish(&DatabaseUrl::postgres_with_bounds(url))
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // Cut runaway statements and transactions left open by a
                // client that went away; the server does the timing, so it
                // also stops work nobody waits for any more.
                let settings = match self.limits.statement_timeout {
                    Some(limit) => format!(
                        "SET statement_timeout = {}; SET idle_in_transaction_session_timeout = 60000;",
                        limit.as_millis()
                    ),
                    None => "SET idle_in_transaction_session_timeout = 0;".to_owned(),
                };
                conn.batch_execute(&settings)
                    .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(AnyConnection::Postgresql(conn))
            }
            DatabaseUrl::Sqlite(path) => {
                // Before the first connection opens: each gets the time
                // limit that `statement_timeout` gives PostgreSQL's.
                stages_sqlite_deadline::install().map_err(|e| {
                    diesel::r2d2::Error::ConnectionError(diesel::ConnectionError::BadConnection(
                        e.to_string(),
                    ))
                })?;
                let mut conn = SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // Enforced foreign keys, WAL for concurrent readers, and
                // waiting on locks instead of failing at once (the busy
                // timeout first: switching to WAL needs a moment of
                // exclusive access while the pool opens connections).
                conn.batch_execute(
                    "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; \
                     PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                     PRAGMA cache_size = -1024;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(AnyConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    /// Asked as each connection comes back: one left in a transaction, or
    /// found dead by `checkout`, leaves the pool.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        checkout::take_condemned() || conn.is_broken()
    }
}

/// A transaction that reads then writes. On SQLite a deferred transaction
/// that has read cannot become the writer once another connection has
/// committed since (`SQLITE_BUSY_SNAPSHOT`, which the busy timeout does not
/// cover), so two such requests at once would fail one of them. SQLite has a
/// single writer anyway: this process's write transactions take turns on a
/// lock before they begin. PostgreSQL runs them side by side under its own
/// row locks. Never nest it (the lock is not reentrant): inner scopes use
/// `conn.transaction`, a savepoint.
pub fn transaction<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = match conn {
        AnyConnection::Sqlite(_) => Some(
            SQLITE_WRITER
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        ),
        AnyConnection::Postgresql(_) => None,
    };
    conn.transaction(f)
}

/// Runs `insert` in a savepoint and tells whether it added its row: a
/// unique violation means the row is there already. On PostgreSQL a second
/// insert of one key made at once waits for the first's transaction, then
/// is refused; the savepoint leaves the caller's transaction usable after
/// that refusal, so the key decides once, under real parallelism.
pub fn insert_once<F>(conn: &mut AnyConnection, insert: F) -> diesel::QueryResult<bool>
where
    F: FnOnce(&mut AnyConnection) -> diesel::QueryResult<usize>,
{
    use diesel::result::{DatabaseErrorKind, Error};
    match conn.transaction(insert) {
        Ok(_) => Ok(true),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Opens a pool on the database named by `url`, creating the SQLite file's
/// directory when needed.
pub fn connect(url: &str, max_size: u32, limits: Limits) -> Result<DbPool, DbError> {
    let parsed = DatabaseUrl::parse(url)?;
    if let DatabaseUrl::Sqlite(path) = &parsed
        && let Some(dir) = std::path::Path::new(path).parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|source| DbError::CreateDir {
            path: path.clone(),
            source,
        })?;
    }
    let pool = Pool::builder()
        .max_size(max_size)
        .connection_timeout(limits.pool_wait)
        // Not pinged at every checkout: `checkout::with_connection` pings
        // only the connections that have been idle a while.
        .test_on_check_out(false)
        .build(Manager {
            url: parsed,
            limits,
        })?;
    Ok(pool)
}

/// Applies the pending migrations of the connection's backend; returns how
/// many ran.
pub fn run_migrations(conn: &mut AnyConnection) -> Result<usize, DbError> {
    let applied = match conn {
        AnyConnection::Postgresql(conn) => conn.run_pending_migrations(POSTGRES_MIGRATIONS),
        AnyConnection::Sqlite(conn) => conn.run_pending_migrations(SQLITE_MIGRATIONS),
    }
    .map_err(|e| DbError::Migration(e.to_string()))?;
    Ok(applied.len())
}

/// Whether the database lacks migrations this binary knows; the server
/// refuses to start on an outdated schema.
pub fn has_pending_migrations(conn: &mut AnyConnection) -> Result<bool, DbError> {
    match conn {
        AnyConnection::Postgresql(conn) => conn.has_pending_migration(POSTGRES_MIGRATIONS),
        AnyConnection::Sqlite(conn) => conn.has_pending_migration(SQLITE_MIGRATIONS),
    }
    .map_err(|e| DbError::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(m: &EmbeddedMigrations) -> Vec<String> {
        diesel::migration::MigrationSource::<diesel::sqlite::Sqlite>::migrations(m)
            .expect("embedded migrations")
            .iter()
            .map(|m| m.name().to_string())
            .collect()
    }

    #[test]
    fn both_backends_have_the_same_migrations() {
        let (sqlite, postgres) = (names(&SQLITE_MIGRATIONS), names(&POSTGRES_MIGRATIONS));
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, postgres);
    }

    #[test]
    fn postgres_connections_are_bounded_unless_the_url_says_otherwise() {
        let url = DatabaseUrl::postgres_with_bounds("postgres://stages@db/stages");
        assert!(url.starts_with("postgres://stages@db/stages?connect_timeout=3&"));
        assert!(url.contains("&keepalives=1&") && url.contains("tcp_user_timeout="));
        let url = DatabaseUrl::postgres_with_bounds(
            "postgres://db/stages?sslmode=require&connect_timeout=9",
        );
        assert!(url.contains("?sslmode=require&connect_timeout=9&keepalives=1"));
        assert_eq!(url.matches("connect_timeout").count(), 1);
    }

    #[test]
    fn database_urls_are_recognised() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/stages.sqlite").ok(),
            Some(DatabaseUrl::Sqlite("data/stages.sqlite".into()))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgres://postgres@127.0.0.1/stages"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        assert!(DatabaseUrl::parse("mysql://x").is_err());
    }

    #[derive(diesel::QueryableByName)]
    struct Used {
        #[diesel(sql_type = diesel::sql_types::Integer)]
        used: i32,
    }

    /// `.cargo/config.toml` builds SQLite with its planner's stability
    /// guarantee; a build that lost the flag (`LIBSQLITE3_FLAGS` set
    /// otherwise in the environment) would prepare statements again at
    /// each run, slower and silent.
    #[test]
    fn sqlite_keeps_the_plan_a_statement_was_prepared_with() {
        use diesel::RunQueryDsl;
        let mut conn = SqliteConnection::establish(":memory:").expect("in-memory SQLite");
        let used: Used =
            diesel::sql_query("SELECT sqlite_compileoption_used('ENABLE_QPSG') AS used")
                .get_result(&mut conn)
                .expect("compile options");
        assert_eq!(used.used, 1);
    }
}
