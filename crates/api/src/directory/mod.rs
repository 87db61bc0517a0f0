//! The university directory: who people are (sign-in, roles) and who the
//! academic supervisors are (step 6). The built-in source is the users
//! table; the LDAP source asks the university's server, with every piece of
//! user input escaped.

mod builtin;
pub mod ldap;

use crate::config::Directory;
use crate::db::AnyConnection;
use crate::db::schema::supervisors;
use crate::error::ApiError;
use crate::state::AppState;
use crate::texts::Text;
use diesel::prelude::*;

/// Longest result list of a supervisor search.
pub const MAX_RESULTS: i32 = 50;
/// Shortest name searched: fewer characters match half the directory.
pub const MIN_QUERY_CHARS: usize = 2;

pub use stages_api_types::people::Person;

/// The directory does not answer: sign-in through it is impossible for
/// now, everything else keeps working.
pub fn unavailable(cause: impl std::fmt::Display) -> ApiError {
    tracing::warn!(%cause, "directory unavailable");
    ApiError::unavailable(Text::DirectoryDown)
}

/// Teaching staff whose name matches every word of `query`, by name.
pub async fn search_supervisors(state: &AppState, query: &str) -> Result<Vec<Person>, ApiError> {
    match &state.config.directory {
        Directory::Builtin => builtin::search_supervisors(state, query).await,
        Directory::Ldap(config) => ldap::search_supervisors(config, query)
            .await
            .map_err(unavailable),
    }
}

/// One member of the teaching staff, by uid.
pub async fn find_supervisor(state: &AppState, uid: String) -> Result<Option<Person>, ApiError> {
    match &state.config.directory {
        Directory::Builtin => builtin::find_supervisor(state, uid).await,
        Directory::Ldap(config) => ldap::find_supervisor(config, &uid)
            .await
            .map_err(unavailable),
    }
}

/// Keeps the selected supervisor in the supervisors table (refreshed from
/// the directory each time); returns its id.
pub fn upsert_supervisor(conn: &mut AnyConnection, p: &Person) -> Result<i64, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let existing: Option<i64> = supervisors::table
        .filter(supervisors::uid.eq(&p.uid))
        .select(supervisors::id)
        .first(conn)
        .optional()?;
    match existing {
        Some(id) => {
            diesel::update(supervisors::table.find(id))
                .set((
                    supervisors::first_name.eq(&p.first_name),
                    supervisors::last_name.eq(&p.last_name),
                    supervisors::email.eq(&p.email),
                    supervisors::department.eq(&p.department),
                    supervisors::updated_at.eq(now),
                ))
                .execute(conn)?;
            Ok(id)
        }
        None => Ok(diesel::insert_into(supervisors::table)
            .values((
                supervisors::uid.eq(&p.uid),
                supervisors::first_name.eq(&p.first_name),
                supervisors::last_name.eq(&p.last_name),
                supervisors::email.eq(&p.email),
                supervisors::department.eq(&p.department),
                supervisors::updated_at.eq(now),
            ))
            .returning(supervisors::id)
            .get_result(conn)?),
    }
}
