//! The built-in directory: the users table (embedded default and demo).

use super::{MAX_RESULTS, Person};
use crate::db::schema::users;
use crate::db::search::{self, Kind};
use crate::error::ApiError;
use crate::state::AppState;
use crate::text;
use diesel::prelude::*;

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
pub(super) async fn search_supervisors(
    state: &AppState,
    query: &str,
) -> Result<Vec<Person>, ApiError> {
    let words = text::query_terms(query);
    state
        .search(move |conn| {
            let mut q = users::table
                .filter(users::affiliation.eq("faculty"))
                .filter(users::active.eq(true))
                .into_boxed();
            if let Some(m) = search::matching(conn, "users.id", Kind::User, &words) {
                q = q.filter(m);
            }
            let rows: Vec<PersonRow> = q
                .order((users::last_name, users::first_name))
                .limit(i64::from(MAX_RESULTS))
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
pub(super) async fn find_supervisor(
    state: &AppState,
    uid: String,
) -> Result<Option<Person>, ApiError> {
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
