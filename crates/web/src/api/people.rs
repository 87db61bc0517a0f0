//! The people a convention names from the university's records: students
//! of the registry (step 1) and teachers of the directory (step 6).

use super::ApiError;
use super::client::{Call, Page, query};

pub use stages_api_types::people::{EnrolmentRow, Person, Student};

/// Students the caller may see (a student sees only themself), by number
/// or words of the name.
pub async fn students(q: &str) -> Result<Page<Student>, ApiError> {
    Call::get(format!("/api/students{}", query(&[("q", q.to_owned())])))
        .fetch()
        .await
}

/// Fewest characters of a name the directory search takes.
pub const SUPERVISOR_QUERY_MIN_CHARS: usize = 2;

pub async fn supervisors(q: &str) -> Result<Vec<Person>, ApiError> {
    Call::get(format!("/api/supervisors{}", query(&[("q", q.to_owned())])))
        .fetch()
        .await
}
