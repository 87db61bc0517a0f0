//! Storage: one connection type for SQLite (embedded default) and PostgreSQL
//! (production), a pool, and the embedded migrations of each backend.

pub mod schema;

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool, PooledConnection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use std::time::Duration;

/// Either backend behind one type, so repositories are written once.
///
/// `Postgresql` comes first: r2d2 tries the variants in order, and SQLite
/// would otherwise happily create a file named `postgres://…`.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<ConnectionManager<AnyConnection>>;
pub type DbConn = PooledConnection<ConnectionManager<AnyConnection>>;

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

    fn connection_string(&self) -> &str {
        match self {
            Self::Sqlite(path) | Self::Postgres(path) => path,
        }
    }
}

/// Per-connection settings SQLite needs to behave like a server database:
/// enforced foreign keys, WAL for concurrent readers, and waiting on locks
/// instead of failing at once.
#[derive(Debug)]
struct SqlitePragmas;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for SqlitePragmas {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        if let AnyConnection::Sqlite(conn) = conn {
            // busy_timeout first: the pool opens several connections at once
            // and switching to WAL needs a moment of exclusive access.
            conn.batch_execute(
                "PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; \
                 PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
            )
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
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
    use diesel::Connection;
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

/// Opens a pool on the database named by `url`, creating the SQLite file's
/// directory when needed.
pub fn connect(url: &str, max_size: u32) -> Result<DbPool, DbError> {
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
    let manager = ConnectionManager::<AnyConnection>::new(parsed.connection_string());
    let pool = Pool::builder()
        .max_size(max_size)
        .connection_timeout(Duration::from_secs(5))
        .connection_customizer(Box::new(SqlitePragmas))
        .build(manager)?;
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
}
