//! Evaluations as stored: each centre's questionnaires, the answers of
//! each convention (started when requested or first opened, then saved at
//! a version), the workplace tutors' links, and the queries of the
//! scheduler and the export. The use cases are [`crate::app::evaluations`].

use crate::db::codec;
use crate::db::conventions::ConventionFilter;
use crate::db::error::{decode, encode};
use crate::db::schema::{
    contacts, conventions, evaluation_answers, evaluation_forms, evaluation_links, organisations,
    students, supervisors,
};
use crate::db::{AnyConnection, RepoError, RepoResult, check_created, check_written};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use stages_api_types::evaluations::CentreForm;
use stages_domain::lifecycle::Status;
use stages_domain::model::{EvaluationAnswers, EvaluationForm, EvaluationKind, EvaluationProgress};

/// The stored code of a questionnaire's kind.
pub fn kind_code(kind: EvaluationKind) -> String {
    codec::to_code(kind)
}

/// The centre's own questionnaire of `kind`, if it has one.
pub fn stored_form(
    conn: &mut AnyConnection,
    centre: i64,
    kind: EvaluationKind,
) -> RepoResult<Option<CentreForm>> {
    let row: Option<(bool, String, i32)> = evaluation_forms::table
        .find((centre, kind_code(kind)))
        .select((
            evaluation_forms::enabled,
            evaluation_forms::form,
            evaluation_forms::version,
        ))
        .first(conn)
        .optional()?;
    row.map(|(enabled, form, version)| {
        Ok(CentreForm {
            kind,
            enabled,
            form: decode(&form)?,
            version,
        })
    })
    .transpose()
}

/// Stores a centre's first questionnaire of its kind (version 1); a
/// concurrent first save loses ([`RepoError::CreatedConcurrently`]).
pub fn insert_form(
    conn: &mut AnyConnection,
    centre: i64,
    enabled: bool,
    form: &EvaluationForm,
) -> RepoResult<()> {
    let inserted = diesel::insert_into(evaluation_forms::table)
        .values((
            evaluation_forms::centre_id.eq(centre),
            evaluation_forms::kind.eq(kind_code(form.kind)),
            evaluation_forms::enabled.eq(enabled),
            evaluation_forms::form.eq(encode(form)?),
            evaluation_forms::version.eq(1),
            evaluation_forms::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn);
    check_created(inserted)
}

/// Rewrites the centre's questionnaire read at `version`.
pub fn update_form_at_version(
    conn: &mut AnyConnection,
    centre: i64,
    enabled: bool,
    form: &EvaluationForm,
    version: i32,
) -> RepoResult<()> {
    let written = diesel::update(
        evaluation_forms::table
            .find((centre, kind_code(form.kind)))
            .filter(evaluation_forms::version.eq(version)),
    )
    .set((
        evaluation_forms::enabled.eq(enabled),
        evaluation_forms::form.eq(encode(form)?),
        evaluation_forms::version.eq(version + 1),
        evaluation_forms::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    check_written(written)
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

/// A convention's answers to one questionnaire, as stored.
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
    /// The form these answers were started with.
    pub fn form(&self) -> RepoResult<EvaluationForm> {
        decode(&self.form)
    }

    pub fn answers(&self) -> RepoResult<EvaluationAnswers> {
        decode(&self.answers)
    }

    /// The questionnaire's kind.
    pub fn kind(&self) -> RepoResult<EvaluationKind> {
        codec::from_code(&self.kind)
    }
}

/// The convention's answers of `kind`, if started.
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
) -> RepoResult<AnswersRow> {
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
            evaluation_answers::form.eq(encode(form)?),
            evaluation_answers::answers.eq(encode(&empty)?),
            evaluation_answers::requested_at.eq(requested.then_some(now)),
            evaluation_answers::reminders.eq(0),
            evaluation_answers::version.eq(UNTOUCHED_VERSION),
            evaluation_answers::created_at.eq(now),
            evaluation_answers::updated_at.eq(now),
        ))
        .execute(conn);
    check_created(inserted)?;
    find_answers(conn, convention, form.kind)?.ok_or(RepoError::NotFound)
}

/// Saves answers (a draft, or the submission) at the version read.
pub fn save(
    conn: &mut AnyConnection,
    row: &AnswersRow,
    answers: &EvaluationAnswers,
    submitted_by: Option<&str>,
) -> RepoResult<()> {
    let now = chrono::Utc::now().naive_utc();
    let written = diesel::update(
        evaluation_answers::table
            .find(row.id)
            .filter(evaluation_answers::version.eq(row.version)),
    )
    .set((
        evaluation_answers::answers.eq(encode(answers)?),
        evaluation_answers::submitted_at.eq(answers.submitted.then_some(now)),
        evaluation_answers::submitted_by.eq(submitted_by),
        evaluation_answers::version.eq(row.version + 1),
        evaluation_answers::updated_at.eq(now),
    ))
    .execute(conn)?;
    check_written(written)
}

/// Marks started answers requested, once: of two schedulers only the one
/// whose write finds them unrequested gets `true`.
pub fn mark_requested(conn: &mut AnyConnection, id: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        evaluation_answers::table
            .filter(evaluation_answers::id.eq(id))
            .filter(evaluation_answers::requested_at.is_null()),
    )
    .set(evaluation_answers::requested_at.eq(now))
    .execute(conn)
    .map(|rows| rows == 1)
}

/// Validated (or terminated) conventions that ended in `[from, today)`.
pub fn ended_between(
    conn: &mut AnyConnection,
    from: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<i64>> {
    conventions::table
        .filter(conventions::status.eq_any([
            codec::to_code(Status::Validated),
            codec::to_code(Status::TerminatedEarly),
        ]))
        .filter(conventions::end_date.lt(today))
        .filter(conventions::end_date.ge(from))
        .order(conventions::id)
        .select(conventions::id)
        .load(conn)
}

/// Answers requested (or last reminded) before `before`, not submitted,
/// reminded fewer than `max_reminders` times.
pub fn reminders_due(
    conn: &mut AnyConnection,
    before: NaiveDateTime,
    max_reminders: i32,
) -> QueryResult<Vec<AnswersRow>> {
    evaluation_answers::table
        .filter(evaluation_answers::submitted_at.is_null())
        .filter(evaluation_answers::requested_at.le(before))
        .filter(
            evaluation_answers::last_reminder_at
                .is_null()
                .or(evaluation_answers::last_reminder_at.le(before)),
        )
        .filter(evaluation_answers::reminders.lt(max_reminders))
        .select(AnswersRow::as_select())
        .load(conn)
}

/// Counts one more reminder of answers reminded `reminders` times so far;
/// of two schedulers only one gets `true`.
pub fn claim_reminder(
    conn: &mut AnyConnection,
    id: i64,
    reminders: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        evaluation_answers::table
            .filter(evaluation_answers::id.eq(id))
            .filter(evaluation_answers::reminders.eq(reminders)),
    )
    .set((
        evaluation_answers::reminders.eq(reminders + 1),
        evaluation_answers::last_reminder_at.eq(now),
    ))
    .execute(conn)
    .map(|rows| rows == 1)
}

/// The address of a supervisor, if recorded.
pub fn supervisor_email(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<String>> {
    Ok(supervisors::table
        .find(id)
        .select(supervisors::email)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

/// The address of a contact (a tutor), if the contact exists.
pub fn contact_email(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<String>> {
    contacts::table
        .find(id)
        .select(contacts::email)
        .first(conn)
        .optional()
}

/// A submitted questionnaire as exported: number, student's last and
/// first names, organisation, answers.
pub type ExportRow = (Option<String>, String, String, Option<String>, AnswersRow);

/// The submitted answers of `kind` for a centre's conventions of `year`,
/// by convention number.
pub fn submitted(
    conn: &mut AnyConnection,
    centre: i64,
    year: &str,
    kind: EvaluationKind,
) -> QueryResult<Vec<ExportRow>> {
    evaluation_answers::table
        .inner_join(conventions::table.inner_join(students::table))
        .left_join(
            organisations::table.on(conventions::organisation_id.eq(organisations::id.nullable())),
        )
        .filter(conventions::centre_id.eq(centre))
        .filter(conventions::academic_year.eq(year))
        .filter(evaluation_answers::kind.eq(kind_code(kind)))
        .filter(evaluation_answers::submitted_at.is_not_null())
        .order(conventions::number.asc())
        .select((
            conventions::number,
            students::last_name,
            students::first_name,
            organisations::name.nullable(),
            AnswersRow::as_select(),
        ))
        .load(conn)
}

/// A tutor's link as stored: enough to check it and to sign it again,
/// never the token itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRecord {
    pub id: i64,
    pub convention: i64,
    pub contact: Option<i64>,
    pub jti: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

/// Records a new link; returns its id.
pub fn insert_link(
    conn: &mut AnyConnection,
    link: &LinkRecord,
    created_by: Option<i64>,
) -> QueryResult<i64> {
    diesel::insert_into(evaluation_links::table)
        .values((
            evaluation_links::convention_id.eq(link.convention),
            evaluation_links::contact_id.eq(link.contact),
            evaluation_links::jti.eq(&link.jti),
            evaluation_links::expires_at.eq(link.expires_at),
            evaluation_links::created_by.eq(created_by),
            evaluation_links::created_at.eq(link.created_at),
        ))
        .returning(evaluation_links::id)
        .get_result(conn)
}

/// The link; [`RepoError::NotFound`] when there is none.
pub fn find_link(conn: &mut AnyConnection, id: i64) -> RepoResult<LinkRecord> {
    let (convention, contact, jti, created_at, expires_at) = evaluation_links::table
        .find(id)
        .select((
            evaluation_links::convention_id,
            evaluation_links::contact_id,
            evaluation_links::jti,
            evaluation_links::created_at,
            evaluation_links::expires_at,
        ))
        .first::<(i64, Option<i64>, String, NaiveDateTime, NaiveDateTime)>(conn)
        .optional()?
        .ok_or(RepoError::NotFound)?;
    Ok(LinkRecord {
        id,
        convention,
        contact,
        jti,
        created_at,
        expires_at,
    })
}

/// A link's state: id, convention, expiry, revocation, use.
pub type LinkState = (
    i64,
    i64,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// The state of the link with this token id.
pub fn link_by_jti(conn: &mut AnyConnection, jti: &str) -> QueryResult<Option<LinkState>> {
    evaluation_links::table
        .filter(evaluation_links::jti.eq(jti))
        .select((
            evaluation_links::id,
            evaluation_links::convention_id,
            evaluation_links::expires_at,
            evaluation_links::revoked_at,
            evaluation_links::used_at,
        ))
        .first(conn)
        .optional()
}

/// Spends the link, once: the check that it is unspent is part of the
/// write, so of two submissions at once only one spends it (`false` for
/// the other).
pub fn spend_link(conn: &mut AnyConnection, link: i64, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        evaluation_links::table
            .find(link)
            .filter(evaluation_links::used_at.is_null()),
    )
    .set(evaluation_links::used_at.eq(now))
    .execute(conn)
    .map(|rows| rows == 1)
}

/// Withdraws every link of a convention (e.g. sent to the wrong person).
pub fn revoke_links(
    conn: &mut AnyConnection,
    convention: i64,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        evaluation_links::table
            .filter(evaluation_links::convention_id.eq(convention))
            .filter(evaluation_links::revoked_at.is_null()),
    )
    .set(evaluation_links::revoked_at.eq(now))
    .execute(conn)
}
