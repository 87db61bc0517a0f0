//! The student registry: identity and enrolments, as imported from the
//! student information system and the directory.

use crate::caller::Context;
use crate::db::AnyConnection;
use crate::db::schema::{centre_routes, centres, conventions, enrolments, students};
use crate::error::ApiError;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Clone, Serialize, Queryable, Selectable, ToSchema)]
#[diesel(table_name = enrolments)]
pub struct EnrolmentRow {
    #[serde(skip)]
    pub id: i64,
    #[serde(skip)]
    pub student_id: i64,
    #[schema(example = "2026-2027")]
    pub academic_year: String,
    #[schema(example = "M1-INFO")]
    pub programme_code: String,
    #[schema(example = "Master 1 Informatique")]
    pub programme_label: String,
    #[schema(example = "UFR-ST")]
    pub faculty_code: String,
    #[schema(example = "UFR Sciences et Technologies")]
    pub faculty_label: String,
    /// Teaching hours of the curriculum per year (CONV-04 asks for 200).
    #[schema(example = 420)]
    pub teaching_hours: Option<i32>,
    #[serde(skip)]
    pub created_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = students)]
pub struct StudentRow {
    pub id: i64,
    pub student_number: String,
    pub ine: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub email: Option<String>,
    pub user_id: Option<i64>,
}

/// A student with their enrolments.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Student {
    pub id: i64,
    #[schema(example = "22401234")]
    pub student_number: String,
    pub ine: Option<String>,
    #[schema(example = "Martin")]
    pub last_name: String,
    #[schema(example = "Camille")]
    pub first_name: String,
    #[schema(example = "camille.martin@etu.univ-demo.fr")]
    pub email: Option<String>,
    pub enrolments: Vec<EnrolmentRow>,
}

pub fn find_row(conn: &mut AnyConnection, id: i64) -> Result<Option<StudentRow>, ApiError> {
    Ok(students::table
        .find(id)
        .select(StudentRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn enrolments_of(conn: &mut AnyConnection, id: i64) -> Result<Vec<EnrolmentRow>, ApiError> {
    Ok(enrolments::table
        .filter(enrolments::student_id.eq(id))
        .order((enrolments::academic_year.desc(), enrolments::programme_code))
        .select(EnrolmentRow::as_select())
        .load(conn)?)
}

pub fn with_enrolments(conn: &mut AnyConnection, row: StudentRow) -> Result<Student, ApiError> {
    let enrolments = enrolments_of(conn, row.id)?;
    Ok(Student {
        id: row.id,
        student_number: row.student_number,
        ine: row.ine,
        last_name: row.last_name,
        first_name: row.first_name,
        email: row.email,
        enrolments,
    })
}

type Backend = <AnyConnection as diesel::Connection>::Backend;

/// A condition on the students table.
pub type StudentFilter =
    Box<dyn BoxableExpression<students::table, Backend, SqlType = diesel::sql_types::Bool>>;

/// The students the caller may see, as a filter on `students`: themselves;
/// a supervisor the students they supervise; a manager the students enrolled
/// in what their centres manage (everyone for the fallback centre's
/// managers); an administrator everyone.
pub fn visible(conn: &mut AnyConnection, ctx: &Context) -> Result<Option<StudentFilter>, ApiError> {
    if ctx.is_admin() {
        return Ok(None);
    }
    let manages_fallback: bool = if ctx.centre_ids.is_empty() {
        false
    } else {
        centres::table
            .filter(centres::id.eq_any(&ctx.centre_ids))
            .filter(centres::is_fallback.eq(true))
            .count()
            .get_result::<i64>(conn)?
            > 0
    };
    if manages_fallback {
        return Ok(None);
    }
    let own = ctx.student_id.unwrap_or(-1);
    let mut filter: StudentFilter = Box::new(students::id.eq(own));
    if let Some(supervisor) = ctx.supervisor_id {
        filter = Box::new(
            filter.or(students::id.eq_any(
                conventions::table
                    .filter(conventions::supervisor_id.eq(supervisor))
                    .select(conventions::student_id),
            )),
        );
    }
    if !ctx.centre_ids.is_empty() {
        let routes: Vec<(String, String)> = centre_routes::table
            .filter(centre_routes::centre_id.eq_any(&ctx.centre_ids))
            .select((centre_routes::kind, centre_routes::code))
            .load(conn)?;
        let codes = |kind: &str| -> Vec<String> {
            routes
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, c)| c.clone())
                .collect()
        };
        let (programmes, faculties) = (codes("programme"), codes("faculty"));
        filter = Box::new(
            filter
                .or(students::id.eq_any(
                    enrolments::table
                        .filter(
                            enrolments::programme_code
                                .eq_any(programmes)
                                .or(enrolments::faculty_code.eq_any(faculties)),
                        )
                        .select(enrolments::student_id),
                ))
                .or(students::id.eq_any(
                    conventions::table
                        .filter(conventions::centre_id.eq_any(ctx.centre_ids.clone()))
                        .select(conventions::student_id),
                )),
        );
    }
    Ok(Some(filter))
}
