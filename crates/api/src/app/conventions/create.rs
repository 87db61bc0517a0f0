//! Starting a convention (step 1 of the wizard) for one of the student's
//! enrolments; the enrolment decides the management centre.

use super::view;
use crate::app::caller;
use crate::auth::Caller;
use crate::db::audit::{self, Entity};
use crate::db::conventions as repo;
use crate::db::{AnyConnection, centres, students};
use crate::error::ApiError;
use crate::i18n::Lang;
use chrono::NaiveDate;
use stages_api_types::conventions::{ConventionView, NewConvention};
use stages_domain::ids::{CentreId, Email, Ine, StudentId};
use stages_domain::model::{
    AcademicYear, Convention, Enrolment, NomenclatureRef, Student, StudentStep,
};
use stages_domain::{Severity, Violation, permissions, references};

/// Creates the draft for `input`'s enrolment: the caller's own as a
/// student, anyone's as staff.
pub fn create_draft(
    conn: &mut AnyConnection,
    caller: &Caller,
    input: NewConvention,
    today: NaiveDate,
    lang: Lang,
) -> Result<ConventionView, ApiError> {
    let year = AcademicYear::parse(input.academic_year.trim())
        .map_err(|e| ApiError::invalid(vec![e.to_violation("academic_year")]))?;
    let ctx = caller::load(conn, caller)?;
    let student_id = match (input.student_id.map(StudentId), ctx.student_id) {
        (Some(id), _) if ctx.is_staff() => id,
        (None, Some(own)) => own,
        (Some(id), Some(own)) if id == own => own,
        _ => return Err(ApiError::not_found()),
    }
    .get();
    let student = students::find_row(conn, student_id)?.ok_or_else(ApiError::not_found)?;
    let year_code = year.to_string();
    let enrolment =
        students::find_enrolment(conn, student_id, &year_code, input.programme_code.trim())?;
    let enrolment = references::enrolment(enrolment, "programme_code")
        .map_err(|v| ApiError::invalid(vec![v]))?;
    let centre_id = centres::route(conn, &enrolment.programme_code, &enrolment.faculty_code)?
        .map_err(|r| {
            ApiError::invalid(vec![Violation {
                rule: r.rule.clone(),
                field: "programme_code".into(),
                severity: Severity::Error,
                message_key: r.message_key.clone(),
                args: r.args.clone(),
            }])
        })?;
    let settings = centres::find_row(conn, centre_id)?.settings()?;
    let relation = ctx.relation(permissions::Parties {
        centre_id: CentreId(centre_id),
        student_id: StudentId(student_id),
        supervisor_id: None,
    });
    permissions::may_create_convention(relation, &settings)
        .into_result()
        .map_err(|r| ApiError::refusal(&r))?;
    let content = Convention {
        student: StudentStep {
            student: Student {
                student_number: student.student_number.clone(),
                ine: student.ine.as_deref().and_then(|i| Ine::parse(i).ok()),
                last_name: student.last_name.clone(),
                first_name: student.first_name.clone(),
                usage_name: None,
                birth_date: student.birth_date,
                university_email: student.email.as_deref().and_then(|e| Email::parse(e).ok()),
            },
            enrolment: Some(Enrolment {
                academic_year: year,
                programme: NomenclatureRef {
                    code: enrolment.programme_code.clone(),
                    label: enrolment.programme_label.clone(),
                },
                faculty: NomenclatureRef {
                    code: enrolment.faculty_code.clone(),
                    label: enrolment.faculty_label.clone(),
                },
                teaching_hours: enrolment.teaching_hours.and_then(|h| u32::try_from(h).ok()),
                teaching_element: None,
            }),
            ..StudentStep::default()
        },
        ..Convention::default()
    };
    crate::db::transaction(conn, |conn| {
        let id = repo::insert_draft(
            conn,
            centre_id,
            student_id,
            ctx.user_id,
            &year_code,
            &enrolment.programme_code,
            &content,
        )?;
        let loaded = repo::load(conn, id)?;
        audit::record(
            conn,
            Entity::Convention,
            id,
            "create_draft",
            Some(ctx.user_id),
            None::<&()>,
            Some(&loaded.content),
        )?;
        view(conn, &loaded, relation, today, lang)
    })
}
