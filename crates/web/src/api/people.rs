//! The people a convention names from the university's records: students
//! of the registry (step 1) and teachers of the directory (step 6).

use super::ApiError;
use super::client::{Call, Page, query};
use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EnrolmentRow {
    pub academic_year: String,
    pub programme_code: String,
    pub programme_label: String,
    pub faculty_code: String,
    pub faculty_label: String,
    pub teaching_hours: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Student {
    pub id: i64,
    pub student_number: String,
    pub ine: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub email: Option<String>,
    pub enrolments: Vec<EnrolmentRow>,
}

/// Students the caller may see (a student sees only themself), by number
/// or words of the name.
pub async fn students(q: &str) -> Result<Page<Student>, ApiError> {
    Call::get(format!("/api/students{}", query(&[("q", q.to_owned())])))
        .fetch()
        .await
}

/// A member of the teaching staff, from the directory.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Person {
    pub uid: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub department: Option<String>,
}

/// Fewest characters of a name the directory search takes.
pub const SUPERVISOR_QUERY_MIN_CHARS: usize = 2;

pub async fn supervisors(q: &str) -> Result<Vec<Person>, ApiError> {
    Call::get(format!("/api/supervisors{}", query(&[("q", q.to_owned())])))
        .fetch()
        .await
}
