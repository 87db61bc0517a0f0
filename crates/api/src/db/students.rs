//! The student registry: identity and enrolments, as imported from the
//! student information system and the directory.

use crate::app::caller::Context;
use crate::db::AnyConnection;
use crate::db::RepoResult;
use crate::db::schema::{centre_routes, centres, conventions, enrolments, students};
use crate::db::search::{self, Kind};
use chrono::NaiveDate;
use diesel::prelude::*;

/// An enrolment as the table holds it; the wire shape is
/// [`EnrolmentRow`], without the ids and the import time.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = enrolments)]
pub struct EnrolmentRecord {
    pub id: i64,
    pub student_id: i64,
    pub academic_year: String,
    pub programme_code: String,
    pub programme_label: String,
    pub faculty_code: String,
    pub faculty_label: String,
    pub teaching_hours: Option<i32>,
    pub created_at: chrono::NaiveDateTime,
}

impl EnrolmentRecord {
    /// The enrolment as the API sends it.
    pub fn wire(&self) -> EnrolmentRow {
        EnrolmentRow {
            academic_year: self.academic_year.clone(),
            programme_code: self.programme_code.clone(),
            programme_label: self.programme_label.clone(),
            faculty_code: self.faculty_code.clone(),
            faculty_label: self.faculty_label.clone(),
            teaching_hours: self.teaching_hours,
        }
    }
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
    pub birth_date: Option<NaiveDate>,
}

pub use stages_api_types::people::{EnrolmentRow, Student};

pub fn find_row(conn: &mut AnyConnection, id: i64) -> RepoResult<Option<StudentRow>> {
    Ok(students::table
        .find(id)
        .select(StudentRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn enrolments_of(conn: &mut AnyConnection, id: i64) -> RepoResult<Vec<EnrolmentRecord>> {
    Ok(enrolments::table
        .filter(enrolments::student_id.eq(id))
        .order((enrolments::academic_year.desc(), enrolments::programme_code))
        .select(EnrolmentRecord::as_select())
        .load(conn)?)
}

pub fn with_enrolments(conn: &mut AnyConnection, row: StudentRow) -> RepoResult<Student> {
    let enrolments = enrolments_of(conn, row.id)?
        .iter()
        .map(EnrolmentRecord::wire)
        .collect();
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
pub fn visible(conn: &mut AnyConnection, ctx: &Context) -> RepoResult<Option<StudentFilter>> {
    if ctx.is_admin() {
        return Ok(None);
    }
    let manages_fallback: bool = if ctx.centres.is_empty() {
        false
    } else {
        centres::table
            .filter(centres::id.eq_any(ctx.centre_keys()))
            .filter(centres::is_fallback.eq(true))
            .count()
            .get_result::<i64>(conn)?
            > 0
    };
    if manages_fallback {
        return Ok(None);
    }
    let own = ctx.student_key();
    let mut filter: StudentFilter = Box::new(students::id.eq(own));
    if let Some(supervisor) = ctx.supervisor_id.map(|s| s.get()) {
        filter = Box::new(
            filter.or(students::id.eq_any(
                conventions::table
                    .filter(conventions::supervisor_id.eq(supervisor))
                    .select(conventions::student_id),
            )),
        );
    }
    if !ctx.centres.is_empty() {
        let routes: Vec<(String, String)> = centre_routes::table
            .filter(centre_routes::centre_id.eq_any(ctx.centre_keys()))
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
                        .filter(conventions::centre_id.eq_any(ctx.centre_keys()))
                        .select(conventions::student_id),
                )),
        );
    }
    Ok(Some(filter))
}

/// The student's enrolment in `programme` in `academic_year` (`2026-2027`).
pub fn find_enrolment(
    conn: &mut AnyConnection,
    student: i64,
    academic_year: &str,
    programme: &str,
) -> RepoResult<Option<EnrolmentRecord>> {
    Ok(enrolments::table
        .filter(enrolments::student_id.eq(student))
        .filter(enrolments::academic_year.eq(academic_year))
        .filter(enrolments::programme_code.eq(programme))
        .select(EnrolmentRecord::as_select())
        .first(conn)
        .optional()?)
}

/// A student as a list shows them.
pub struct StudentName {
    pub id: i64,
    pub student_number: String,
    pub last_name: String,
    pub first_name: String,
}

/// The names of the students `ids` names (any order; unknown ids are
/// left out).
pub fn names_of(conn: &mut AnyConnection, ids: Vec<i64>) -> RepoResult<Vec<StudentName>> {
    Ok(students::table
        .filter(students::id.eq_any(ids))
        .select((
            students::id,
            students::student_number,
            students::last_name,
            students::first_name,
        ))
        .load::<(i64, String, String, String)>(conn)?
        .into_iter()
        .map(|(id, student_number, last_name, first_name)| StudentName {
            id,
            student_number,
            last_name,
            first_name,
        })
        .collect())
}

/// What a search of the registry asks: a student number, or words of the
/// name, after the (last name, first name, id) of the previous page.
pub struct Search {
    pub number: Option<String>,
    pub words: Vec<String>,
    pub after: Option<(String, String, i64)>,
    pub limit: i64,
}

/// The students `ctx` may see that match `search`, by name; `limit` rows
/// at most (ask one more to know whether a page follows).
pub fn search(
    conn: &mut AnyConnection,
    ctx: &Context,
    search: Search,
) -> RepoResult<Vec<StudentRow>> {
    let mut q = students::table.select(StudentRow::as_select()).into_boxed();
    if let Some(visible) = visible(conn, ctx)? {
        q = q.filter(visible);
    }
    if let Some(number) = search.number {
        q = q.filter(students::student_number.eq(number));
    }
    if let Some(m) = search::matching(conn, "students.id", Kind::Student, &search.words, None) {
        q = q.filter(m);
    }
    if let Some((last, first, id)) = search.after {
        q = q.filter(
            students::last_name
                .gt(last.clone())
                .or(students::last_name.eq(last).and(
                    students::first_name
                        .gt(first.clone())
                        .or(students::first_name.eq(first).and(students::id.gt(id))),
                )),
        );
    }
    Ok(
        q.order((students::last_name, students::first_name, students::id))
            .limit(search.limit)
            .load(conn)?,
    )
}

/// The student with this id, if `ctx` may see them.
pub fn find_visible(
    conn: &mut AnyConnection,
    ctx: &Context,
    id: i64,
) -> RepoResult<Option<StudentRow>> {
    let mut q = students::table
        .filter(students::id.eq(id))
        .select(StudentRow::as_select())
        .into_boxed();
    if let Some(visible) = visible(conn, ctx)? {
        q = q.filter(visible);
    }
    Ok(q.first(conn).optional()?)
}

/// One line of the student registry, checked ([`crate::app::registry`]).
pub struct RegistryLine {
    pub student_number: String,
    pub last_name: String,
    pub first_name: String,
    pub email: Option<String>,
    pub ine: Option<String>,
    pub academic_year: String,
    pub programme_code: String,
    pub programme_label: String,
    pub faculty_code: String,
    pub faculty_label: String,
    pub teaching_hours: Option<i32>,
    /// `None`: the line does not say; the stored one stays.
    pub birth_date: Option<NaiveDate>,
}

/// A stored student as a registry line compares it.
type StudentState = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<NaiveDate>,
);

/// What writing a registry line did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RegistryWrite {
    pub student_created: bool,
    pub student_updated: bool,
    pub enrolment_created: bool,
    pub enrolment_updated: bool,
}

/// Writes one checked registry line (student, then enrolment) in one
/// transaction; a line equal to what is stored writes nothing.
pub fn write_registry_line(
    conn: &mut AnyConnection,
    r: &RegistryLine,
) -> QueryResult<RegistryWrite> {
    let now = chrono::Utc::now().naive_utc();
    crate::db::transaction(conn, |conn| {
        let mut write = RegistryWrite::default();
        let existing: Option<StudentState> = students::table
            .filter(students::student_number.eq(&r.student_number))
            .select((
                students::id,
                students::last_name,
                students::first_name,
                students::email,
                students::ine,
                students::birth_date,
            ))
            .first(conn)
            .optional()?;
        let id = match existing {
            Some((id, last, first, email, ine, born)) => {
                let birth_date = r.birth_date.or(born);
                if (
                    last.as_str(),
                    first.as_str(),
                    email.as_deref(),
                    ine.as_deref(),
                    born,
                ) != (
                    r.last_name.as_str(),
                    r.first_name.as_str(),
                    r.email.as_deref(),
                    r.ine.as_deref(),
                    birth_date,
                ) {
                    diesel::update(students::table.find(id))
                        .set((
                            students::last_name.eq(&r.last_name),
                            students::first_name.eq(&r.first_name),
                            students::email.eq(&r.email),
                            students::ine.eq(&r.ine),
                            students::birth_date.eq(birth_date),
                            students::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                    write.student_updated = true;
                }
                id
            }
            None => {
                let id = diesel::insert_into(students::table)
                    .values((
                        students::student_number.eq(&r.student_number),
                        students::last_name.eq(&r.last_name),
                        students::first_name.eq(&r.first_name),
                        students::email.eq(&r.email),
                        students::ine.eq(&r.ine),
                        students::birth_date.eq(r.birth_date),
                        students::created_at.eq(now),
                        students::updated_at.eq(now),
                    ))
                    .returning(students::id)
                    .get_result(conn)?;
                write.student_created = true;
                id
            }
        };
        if write.student_created || write.student_updated {
            search::index(conn, Kind::Student, id, &[&r.last_name, &r.first_name])?;
            crate::db::conventions::reindex_of_student(conn, id)?;
        }
        let enrolment: Option<(i64, String, String, String, Option<i32>)> = enrolments::table
            .filter(enrolments::student_id.eq(id))
            .filter(enrolments::academic_year.eq(&r.academic_year))
            .filter(enrolments::programme_code.eq(&r.programme_code))
            .select((
                enrolments::id,
                enrolments::programme_label,
                enrolments::faculty_code,
                enrolments::faculty_label,
                enrolments::teaching_hours,
            ))
            .first(conn)
            .optional()?;
        match enrolment {
            Some((eid, label, faculty, faculty_label, hours)) => {
                if (
                    label.as_str(),
                    faculty.as_str(),
                    faculty_label.as_str(),
                    hours,
                ) != (
                    r.programme_label.as_str(),
                    r.faculty_code.as_str(),
                    r.faculty_label.as_str(),
                    r.teaching_hours,
                ) {
                    diesel::update(enrolments::table.find(eid))
                        .set((
                            enrolments::programme_label.eq(&r.programme_label),
                            enrolments::faculty_code.eq(&r.faculty_code),
                            enrolments::faculty_label.eq(&r.faculty_label),
                            enrolments::teaching_hours.eq(r.teaching_hours),
                        ))
                        .execute(conn)?;
                    write.enrolment_updated = true;
                }
            }
            None => {
                diesel::insert_into(enrolments::table)
                    .values((
                        enrolments::student_id.eq(id),
                        enrolments::academic_year.eq(&r.academic_year),
                        enrolments::programme_code.eq(&r.programme_code),
                        enrolments::programme_label.eq(&r.programme_label),
                        enrolments::faculty_code.eq(&r.faculty_code),
                        enrolments::faculty_label.eq(&r.faculty_label),
                        enrolments::teaching_hours.eq(r.teaching_hours),
                        enrolments::created_at.eq(now),
                    ))
                    .execute(conn)?;
                write.enrolment_created = true;
            }
        }
        Ok(write)
    })
}
