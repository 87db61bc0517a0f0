//! The student registry: identity and enrolments, as imported from the
//! student information system and the directory.

use crate::app::caller::Context;
use crate::db::RepoResult;
use crate::db::schema::{centre_routes, centres, conventions, enrolments, students};
use crate::db::search::{self, Kind};
use crate::db::{AnyConnection, Backend};
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

/// The students of `rows`, in their order, each with their enrolments,
/// read in one query for the whole page.
pub fn with_enrolments_all(
    conn: &mut AnyConnection,
    rows: Vec<StudentRow>,
) -> RepoResult<Vec<Student>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut by_student: std::collections::HashMap<i64, Vec<EnrolmentRow>> =
        std::collections::HashMap::new();
    let records: Vec<EnrolmentRecord> = enrolments::table
        .filter(enrolments::student_id.eq_any(ids))
        .order((enrolments::academic_year.desc(), enrolments::programme_code))
        .select(EnrolmentRecord::as_select())
        .load(conn)?;
    for record in &records {
        by_student
            .entry(record.student_id)
            .or_default()
            .push(record.wire());
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let enrolments = by_student.remove(&row.id).unwrap_or_default();
            student(row, enrolments)
        })
        .collect())
}

fn student(row: StudentRow, enrolments: Vec<EnrolmentRow>) -> Student {
    Student {
        id: row.id,
        student_number: row.student_number,
        ine: row.ine,
        last_name: row.last_name,
        first_name: row.first_name,
        email: row.email,
        enrolments,
    }
}

pub fn with_enrolments(conn: &mut AnyConnection, row: StudentRow) -> RepoResult<Student> {
    let enrolments = enrolments_of(conn, row.id)?
        .iter()
        .map(EnrolmentRecord::wire)
        .collect();
    Ok(student(row, enrolments))
}

/// A condition on the students table.
pub type StudentFilter =
    Box<dyn BoxableExpression<students::table, Backend, SqlType = diesel::sql_types::Bool>>;

/// What decides which students a caller may see, read once per request:
/// themselves; a supervisor the students they supervise; a manager the
/// students enrolled in what their centres manage (everyone for the
/// fallback centre's managers); an administrator everyone.
pub struct Visibility {
    /// `None`: everyone.
    scope: Option<Scope>,
}

struct Scope {
    own: i64,
    supervisor: Option<i64>,
    centres: Vec<i64>,
    programmes: Vec<String>,
    faculties: Vec<String>,
}

impl Visibility {
    /// Reads what `ctx`'s centres route to.
    pub fn of(conn: &mut AnyConnection, ctx: &Context) -> RepoResult<Visibility> {
        if ctx.is_admin() {
            return Ok(Visibility { scope: None });
        }
        let centres = ctx.centre_keys();
        let manages_fallback: bool = !centres.is_empty()
            && centres::table
                .filter(centres::id.eq_any(&centres))
                .filter(centres::is_fallback.eq(true))
                .count()
                .get_result::<i64>(conn)?
                > 0;
        if manages_fallback {
            return Ok(Visibility { scope: None });
        }
        let routes: Vec<(String, String)> = if centres.is_empty() {
            Vec::new()
        } else {
            centre_routes::table
                .filter(centre_routes::centre_id.eq_any(&centres))
                .select((centre_routes::kind, centre_routes::code))
                .load(conn)?
        };
        let codes = |kind: &str| -> Vec<String> {
            routes
                .iter()
                .filter(|(k, _)| k == kind)
                .map(|(_, c)| c.clone())
                .collect()
        };
        Ok(Visibility {
            scope: Some(Scope {
                own: ctx.student_key(),
                supervisor: ctx.supervisor_id.map(|s| s.get()),
                programmes: codes("programme"),
                faculties: codes("faculty"),
                centres,
            }),
        })
    }

    /// The students visible, as a filter on `students` (`None`: everyone).
    /// Built anew for each query that needs it: a boxed filter is used up.
    pub fn filter(&self) -> Option<StudentFilter> {
        let scope = self.scope.as_ref()?;
        let mut filter: StudentFilter = Box::new(students::id.eq(scope.own));
        if let Some(supervisor) = scope.supervisor {
            filter = Box::new(
                filter.or(students::id.eq_any(
                    conventions::table
                        .filter(conventions::supervisor_id.eq(supervisor))
                        .select(conventions::student_id),
                )),
            );
        }
        if !scope.centres.is_empty() {
            filter = Box::new(
                filter
                    .or(students::id.eq_any(
                        enrolments::table
                            .filter(
                                enrolments::programme_code
                                    .eq_any(scope.programmes.clone())
                                    .or(enrolments::faculty_code.eq_any(scope.faculties.clone())),
                            )
                            .select(enrolments::student_id),
                    ))
                    .or(students::id.eq_any(
                        conventions::table
                            .filter(conventions::centre_id.eq_any(scope.centres.clone()))
                            .select(conventions::student_id),
                    )),
            );
        }
        Some(filter)
    }
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

/// Where a page of students starts, and in which order they come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StudentOrder {
    /// By name, after the previous page's last (last name, first name, id).
    Name(Option<(String, String, i64)>),
    /// Newest first, below the previous page's last id. A search by words
    /// is ordered so: the engine then hands over its newest matches and
    /// the page is read, where by name every namesake (10,000 for a
    /// common surname among half a million students) would be read and
    /// sorted for the first 25.
    Newest(Option<i64>),
}

/// What a search of the registry asks: a student number, or words of the
/// name.
pub struct Search {
    pub number: Option<String>,
    pub words: Vec<String>,
    pub order: StudentOrder,
    pub limit: i64,
}

/// The students `ctx` may see that match `search`, in its order; `limit`
/// rows at most (ask one more to know whether a page follows). A search
/// by words, newest first, is led by the engine
/// ([`search::newest_first`]).
pub fn search(
    conn: &mut AnyConnection,
    ctx: &Context,
    search: Search,
) -> RepoResult<Vec<StudentRow>> {
    let visibility = Visibility::of(conn, ctx)?;
    let filtered = |conn: &AnyConnection, words: bool| {
        let mut q = students::table.select(StudentRow::as_select()).into_boxed();
        if let Some(visible) = visibility.filter() {
            q = q.filter(visible);
        }
        if let Some(number) = search.number.clone() {
            q = q.filter(students::student_number.eq(number));
        }
        if words
            && let Some(m) = search::matching(conn, "students.id", Kind::Student, &search.words)
        {
            q = q.filter(m);
        }
        q
    };
    match search.order.clone() {
        StudentOrder::Newest(before) if !search.words.is_empty() => {
            let newest = students::table
                .select(diesel::dsl::max(students::id))
                .first(conn)?;
            let walk = search::Walk {
                kind: Kind::Student,
                words: &search.words,
                access: None,
                newest,
                before,
                limit: search.limit,
            };
            Ok(search::newest_first(
                conn,
                walk,
                |s: &StudentRow| s.id,
                |conn, ids| {
                    filtered(conn, false)
                        .filter(students::id.eq_any(ids))
                        .load(conn)
                },
            )?)
        }
        StudentOrder::Newest(before) => {
            let mut q = filtered(conn, true);
            if let Some(id) = before {
                q = q.filter(students::id.lt(id));
            }
            Ok(q.order(students::id.desc())
                .limit(search.limit)
                .load(conn)?)
        }
        StudentOrder::Name(after) => {
            let mut q = filtered(conn, true);
            if let Some((last, first, id)) = after {
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
    }
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
    if let Some(visible) = Visibility::of(conn, ctx)?.filter() {
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
