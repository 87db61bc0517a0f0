//! The university directory: who the academic supervisors are (step 6).
//! With the built-in source the users table is the directory; the LDAP
//! source asks the university's server.

use crate::db::AnyConnection;
use crate::db::schema::{supervisors, users};
use crate::error::ApiError;
use crate::search::Kind;
use crate::state::AppState;
use crate::text;
use crate::word_ids;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

/// Longest result list of a supervisor search.
pub const MAX_RESULTS: i64 = 50;
/// Shortest name searched: fewer characters match half the directory.
pub const MIN_QUERY_CHARS: usize = 2;

/// A person of the directory.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq, Eq)]
pub struct Person {
    /// Directory identifier (uid), also the sign-in name.
    #[schema(example = "enseignant")]
    pub uid: String,
    #[schema(example = "Paul")]
    pub first_name: String,
    #[schema(example = "Durand")]
    pub last_name: String,
    #[schema(example = "paul.durand@univ-demo.fr")]
    pub email: Option<String>,
    #[schema(example = "UFR Sciences et Technologies")]
    pub department: Option<String>,
}

type PersonRow = (String, String, String, Option<String>, Option<String>);

fn person((uid, first_name, last_name, email, department): PersonRow) -> Person {
    Person {
        uid,
        first_name,
        last_name,
        email,
        department,
    }
}

/// Teaching staff whose name matches every word of `query`, by name.
pub async fn search_supervisors(state: &AppState, query: &str) -> Result<Vec<Person>, ApiError> {
    let words = text::query_terms(query);
    state
        .db(move |conn| {
            let mut q = users::table
                .filter(users::affiliation.eq("faculty"))
                .filter(users::active.eq(true))
                .into_boxed();
            for word in &words {
                q = q.filter(users::id.eq_any(word_ids!(Kind::User, word)));
            }
            let rows: Vec<PersonRow> = q
                .order((users::last_name, users::first_name))
                .limit(MAX_RESULTS)
                .select((
                    users::username,
                    users::first_name,
                    users::last_name,
                    users::email,
                    users::department,
                ))
                .load(conn)?;
            Ok(rows.into_iter().map(person).collect())
        })
        .await
}

/// One member of the teaching staff, by uid.
pub async fn find_supervisor(state: &AppState, uid: String) -> Result<Option<Person>, ApiError> {
    state
        .db(move |conn| {
            let row: Option<PersonRow> = users::table
                .filter(users::affiliation.eq("faculty"))
                .filter(users::active.eq(true))
                .filter(users::username.eq(uid))
                .select((
                    users::username,
                    users::first_name,
                    users::last_name,
                    users::email,
                    users::department,
                ))
                .first(conn)
                .optional()?;
            Ok(row.map(person))
        })
        .await
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
