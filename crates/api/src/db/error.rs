//! What a repository can fail with. Repositories know rows, not HTTP: the
//! route layer turns these into problems (`impl From<RepoError> for
//! ApiError` in `crate::error`), so a repository can be called from the
//! command line, the scheduler or a test without an HTTP type in sight.

/// A repository's failure.
#[derive(Debug, thiserror::Error)]
pub enum RepoError {
    /// The record asked for does not exist.
    #[error("no such record")]
    NotFound,
    /// A write conditioned on the version read found another version: a
    /// concurrent request saved first.
    #[error("the record changed while it was being saved")]
    Stale,
    /// The first version of a record was created by a concurrent request
    /// between our read ("none yet") and our insert: the unique key
    /// refused ours, which lost the race as a stale update does.
    #[error("the record was created while it was being saved")]
    CreatedConcurrently,
    /// A record kept changing under a loop of conditional writes.
    #[error("a record keeps changing")]
    Busy,
    /// A stored value the program cannot read back (a JSON column, a code):
    /// a defect or a hand-edited database.
    #[error("stored data unreadable: {0}")]
    Corrupt(String),
    /// The database refused or failed the statement.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

impl RepoError {
    /// A stored value that does not decode.
    pub fn corrupt(cause: impl std::fmt::Display) -> Self {
        Self::Corrupt(cause.to_string())
    }
}

/// What repositories return.
pub type RepoResult<T> = Result<T, RepoError>;

/// Checks a write conditioned on the version read (`UPDATE … WHERE id = ?
/// AND version = ?`): no row written means another request saved a new
/// version between our read and our write. The check and the write are one
/// statement, so it holds on PostgreSQL, where two transactions read the
/// same version side by side: the second one's `UPDATE` waits for the
/// first to commit, then finds the version moved on and writes nothing.
pub fn check_written(rows: usize) -> RepoResult<()> {
    if rows == 0 {
        Err(RepoError::Stale)
    } else {
        Ok(())
    }
}

/// Checks the insert of a record's first version (the caller read "no
/// record yet"): when two requests create it at once, the unique key
/// refuses the second ([`RepoError::CreatedConcurrently`]).
pub fn check_created(result: diesel::QueryResult<usize>) -> RepoResult<()> {
    use diesel::result::{DatabaseErrorKind, Error};
    match result {
        Ok(_) => Ok(()),
        Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            Err(RepoError::CreatedConcurrently)
        }
        Err(other) => Err(other.into()),
    }
}

/// Decodes a JSON column.
pub fn decode<T: serde::de::DeserializeOwned>(json: &str) -> RepoResult<T> {
    serde_json::from_str(json).map_err(RepoError::corrupt)
}

/// Encodes a value for a JSON column.
pub fn encode<T: serde::Serialize>(value: &T) -> RepoResult<String> {
    serde_json::to_string(value).map_err(RepoError::corrupt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_that_missed_its_version_is_stale() {
        assert!(matches!(check_written(0), Err(RepoError::Stale)));
        assert!(check_written(1).is_ok());
        assert!(matches!(
            decode::<i32>("not json"),
            Err(RepoError::Corrupt(_))
        ));
    }
}
