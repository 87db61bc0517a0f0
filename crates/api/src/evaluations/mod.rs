//! Evaluations: each centre's questionnaires (the national sheets, kept,
//! reordered or extended), the answers of each convention as a draft then
//! submitted, the workplace tutor's signed links, and the scheduler that
//! asks for evaluations when internships end.

pub mod defaults;
pub mod export;
pub mod links;
pub mod scheduler;

use crate::db::AnyConnection;
use crate::db::codec;
use crate::db::conventions::ConventionFilter;
use crate::db::schema::{conventions, evaluation_answers, evaluation_forms};
use crate::error::ApiError;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use stages_domain::lifecycle::Status;
use stages_domain::model::{EvaluationAnswers, EvaluationForm, EvaluationKind, EvaluationProgress};

/// The stored code of a questionnaire's kind.
pub fn kind_code(kind: EvaluationKind) -> String {
    crate::db::codec::to_code(kind)
}

pub use stages_api_types::evaluations::CentreForm;

/// The centre's questionnaire, or the national one.
pub fn centre_form(
    conn: &mut AnyConnection,
    centre: i64,
    kind: EvaluationKind,
) -> Result<CentreForm, ApiError> {
    let row: Option<(bool, String, i32)> = evaluation_forms::table
        .find((centre, kind_code(kind)))
        .select((
            evaluation_forms::enabled,
            evaluation_forms::form,
            evaluation_forms::version,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((enabled, form, version)) => CentreForm {
            kind,
            enabled,
            form: serde_json::from_str(&form).map_err(ApiError::internal)?,
            version,
        },
        None => CentreForm {
            kind,
            enabled: true,
            form: defaults::form(kind),
            version: 0,
        },
    })
}

/// Stores a centre's questionnaire (`expected` is the version it replaces).
pub fn set_centre_form(
    conn: &mut AnyConnection,
    centre: i64,
    enabled: bool,
    form: &EvaluationForm,
    expected: i32,
) -> Result<CentreForm, ApiError> {
    let current = centre_form(conn, centre, form.kind)?;
    crate::concurrency::check_version(expected, current.version)?;
    let json = serde_json::to_string(form).map_err(ApiError::internal)?;
    let now = chrono::Utc::now().naive_utc();
    if current.version == 0 {
        let inserted = diesel::insert_into(evaluation_forms::table)
            .values((
                evaluation_forms::centre_id.eq(centre),
                evaluation_forms::kind.eq(kind_code(form.kind)),
                evaluation_forms::enabled.eq(enabled),
                evaluation_forms::form.eq(&json),
                evaluation_forms::version.eq(1),
                evaluation_forms::updated_at.eq(now),
            ))
            .execute(conn);
        crate::concurrency::check_created(inserted)?;
    } else {
        let written = diesel::update(
            evaluation_forms::table
                .find((centre, kind_code(form.kind)))
                .filter(evaluation_forms::version.eq(current.version)),
        )
        .set((
            evaluation_forms::enabled.eq(enabled),
            evaluation_forms::form.eq(&json),
            evaluation_forms::version.eq(current.version + 1),
            evaluation_forms::updated_at.eq(now),
        ))
        .execute(conn)?;
        crate::db::check_written(written)?;
    }
    centre_form(conn, centre, form.kind)
}

/// A convention a search of evaluations lists: id, number, student id,
/// academic year, end date.
pub type SearchRow = (i64, Option<String>, i64, String, Option<NaiveDate>);

/// What a search of evaluations asks: validated (or terminated)
/// conventions the caller sees, of a centre, a year, and whose
/// questionnaire of a kind stands where asked.
pub struct EvaluationSearch {
    pub centre_id: Option<i64>,
    pub academic_year: Option<String>,
    pub progress: Option<(EvaluationKind, EvaluationProgress)>,
    pub after: Option<i64>,
    pub limit: i64,
}

/// The conventions that match, newest first; `limit` rows at most.
pub fn search(
    conn: &mut AnyConnection,
    visible: Option<ConventionFilter>,
    s: EvaluationSearch,
) -> QueryResult<Vec<SearchRow>> {
    let mut q = conventions::table
        .filter(conventions::status.eq_any([
            codec::to_code(Status::Validated),
            codec::to_code(Status::TerminatedEarly),
        ]))
        .select((
            conventions::id,
            conventions::number,
            conventions::student_id,
            conventions::academic_year,
            conventions::end_date,
        ))
        .into_boxed();
    if let Some(visible) = visible {
        q = q.filter(visible);
    }
    if let Some(centre) = s.centre_id {
        q = q.filter(conventions::centre_id.eq(centre));
    }
    if let Some(year) = s.academic_year {
        q = q.filter(conventions::academic_year.eq(year));
    }
    if let Some((kind, progress)) = s.progress {
        let of_kind =
            evaluation_answers::table.filter(evaluation_answers::kind.eq(kind_code(kind)));
        q = match progress {
            EvaluationProgress::Submitted => q.filter(
                conventions::id.eq_any(
                    of_kind
                        .filter(evaluation_answers::submitted_at.is_not_null())
                        .select(evaluation_answers::convention_id),
                ),
            ),
            EvaluationProgress::Draft => q.filter(
                conventions::id.eq_any(
                    of_kind
                        .filter(evaluation_answers::submitted_at.is_null())
                        .filter(evaluation_answers::version.gt(UNTOUCHED_VERSION))
                        .select(evaluation_answers::convention_id),
                ),
            ),
            EvaluationProgress::NotStarted => q.filter(
                conventions::id.ne_all(
                    of_kind
                        .filter(evaluation_answers::version.gt(UNTOUCHED_VERSION))
                        .select(evaluation_answers::convention_id),
                ),
            ),
        };
    }
    if let Some(after) = s.after {
        q = q.filter(conventions::id.lt(after));
    }
    q.order(conventions::id.desc()).limit(s.limit).load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = evaluation_answers)]
pub struct AnswersRow {
    pub id: i64,
    pub convention_id: i64,
    pub kind: String,
    pub form: String,
    pub answers: String,
    pub submitted_at: Option<NaiveDateTime>,
    pub submitted_by: Option<String>,
    pub requested_at: Option<NaiveDateTime>,
    pub reminders: i32,
    pub last_reminder_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl AnswersRow {
    pub fn form(&self) -> Result<EvaluationForm, ApiError> {
        serde_json::from_str(&self.form).map_err(ApiError::internal)
    }

    pub fn answers(&self) -> Result<EvaluationAnswers, ApiError> {
        serde_json::from_str(&self.answers).map_err(ApiError::internal)
    }
}

pub fn find_answers(
    conn: &mut AnyConnection,
    convention: i64,
    kind: EvaluationKind,
) -> QueryResult<Option<AnswersRow>> {
    evaluation_answers::table
        .filter(evaluation_answers::convention_id.eq(convention))
        .filter(evaluation_answers::kind.eq(kind_code(kind)))
        .select(AnswersRow::as_select())
        .first(conn)
        .optional()
}

/// The version of answers started (by a request) but never saved.
pub const UNTOUCHED_VERSION: i32 = stages_domain::model::EvaluationProgress::UNTOUCHED_VERSION;

/// Starts the answers of a convention's questionnaire with the centre's
/// form as it is now (later changes of the form do not alter it).
pub fn start(
    conn: &mut AnyConnection,
    convention: i64,
    form: &EvaluationForm,
    requested: bool,
) -> Result<AnswersRow, ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let empty = EvaluationAnswers {
        kind: form.kind,
        answers: Default::default(),
        submitted: false,
    };
    let inserted = diesel::insert_into(evaluation_answers::table)
        .values((
            evaluation_answers::convention_id.eq(convention),
            evaluation_answers::kind.eq(kind_code(form.kind)),
            evaluation_answers::form.eq(serde_json::to_string(form).map_err(ApiError::internal)?),
            evaluation_answers::answers
                .eq(serde_json::to_string(&empty).map_err(ApiError::internal)?),
            evaluation_answers::requested_at.eq(requested.then_some(now)),
            evaluation_answers::reminders.eq(0),
            evaluation_answers::version.eq(UNTOUCHED_VERSION),
            evaluation_answers::created_at.eq(now),
            evaluation_answers::updated_at.eq(now),
        ))
        .execute(conn);
    crate::concurrency::check_created(inserted)?;
    find_answers(conn, convention, form.kind)?.ok_or_else(|| ApiError::internal("answers vanished"))
}

/// Saves answers (a draft, or the submission) at the version read.
pub fn save(
    conn: &mut AnyConnection,
    row: &AnswersRow,
    answers: &EvaluationAnswers,
    submitted_by: Option<&str>,
) -> Result<(), ApiError> {
    let now = chrono::Utc::now().naive_utc();
    let written = diesel::update(
        evaluation_answers::table
            .find(row.id)
            .filter(evaluation_answers::version.eq(row.version)),
    )
    .set((
        evaluation_answers::answers.eq(serde_json::to_string(answers).map_err(ApiError::internal)?),
        evaluation_answers::submitted_at.eq(answers.submitted.then_some(now)),
        evaluation_answers::submitted_by.eq(submitted_by),
        evaluation_answers::version.eq(row.version + 1),
        evaluation_answers::updated_at.eq(now),
    ))
    .execute(conn)?;
    crate::db::check_written(written)?;
    Ok(())
}
