//! A convention's answers to one questionnaire: what the person sees (the
//! stored answers, or the centre's form with none yet), whether they may
//! change them now (the domain's decision), and saving a draft or the
//! submission at the version read, checked by the domain.

use super::centre_form;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::conventions::Loaded;
use crate::db::evaluations::{self as store, AnswersRow};
use crate::error::ApiError;
use chrono::NaiveDate;
use stages_api_types::evaluations::EvaluationSheet;
use stages_domain::model::{Answer, EvaluationAnswers, EvaluationKind, EvaluationProgress};
use stages_domain::permissions::{Decision, Relation};
use std::collections::BTreeMap;

/// Where a questionnaire stands.
pub fn status_of(row: Option<&AnswersRow>) -> EvaluationProgress {
    EvaluationProgress::of(row.map(|r| (r.version, r.submitted_at.is_some())))
}

/// Whether the caller may change the questionnaire now: the workflow's
/// rule (validated, the student's after the end), and not once submitted.
pub fn fill_decision(
    loaded: &Loaded,
    relation: Relation,
    kind: EvaluationKind,
    end: Option<NaiveDate>,
    today: NaiveDate,
    submitted: bool,
) -> Decision {
    match stages_domain::rules::check_still_open(submitted) {
        Err(reason) => Decision::Denied { reason },
        Ok(()) => loaded
            .workflow
            .check_evaluation(relation, kind, end, today, &loaded.settings)
            .into(),
    }
}

pub fn is_submitted(
    conn: &mut AnyConnection,
    convention: i64,
    kind: EvaluationKind,
) -> Result<bool, ApiError> {
    Ok(store::find_answers(conn, convention, kind)?.is_some_and(|r| r.submitted_at.is_some()))
}

/// The sheet of one questionnaire: the stored answers, or the centre's
/// form with no answer yet.
pub fn sheet(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    kind: EvaluationKind,
    fill: Decision,
) -> Result<EvaluationSheet, ApiError> {
    let row = store::find_answers(conn, loaded.row.id, kind)?;
    Ok(match row {
        Some(row) => {
            let answers = row.answers()?;
            EvaluationSheet {
                convention_id: loaded.row.id,
                kind,
                form: row.form()?,
                submitted: answers.submitted,
                answers: answers.answers,
                submitted_at: row.submitted_at.map(|at| at.and_utc()),
                version: row.version,
                fill,
            }
        }
        None => {
            let form = centre_form(conn, loaded.row.centre_id, kind)?;
            if !form.enabled {
                return Err(ApiError::not_found());
            }
            EvaluationSheet {
                convention_id: loaded.row.id,
                kind,
                form: form.form,
                answers: BTreeMap::new(),
                submitted: false,
                submitted_at: None,
                version: 0,
                fill,
            }
        }
    })
}

/// What a save carries: the answers, as a draft or the submission, at the
/// version the person read.
pub struct Change {
    pub kind: EvaluationKind,
    pub answers: BTreeMap<String, Answer>,
    pub expected: i32,
    pub submit: bool,
}

/// Saves answers as a draft or submits them: the domain checks every answer
/// against its question, and on submission that every required question is
/// answered. Submitted answers are read-only.
pub fn save_answers(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    change: Change,
    by: &str,
) -> Result<(), ApiError> {
    let row = match store::find_answers(conn, loaded.row.id, change.kind)? {
        Some(row) => row,
        None => {
            let form = centre_form(conn, loaded.row.centre_id, change.kind)?;
            if !form.enabled {
                return Err(ApiError::not_found());
            }
            concurrency::check_version(change.expected, 0)?;
            let row = store::start(conn, loaded.row.id, &form.form, false)?;
            let change = Change {
                expected: row.version,
                ..change
            };
            return save_answers_to(conn, &row, change, by);
        }
    };
    save_answers_to(conn, &row, change, by)
}

pub fn save_answers_to(
    conn: &mut AnyConnection,
    row: &AnswersRow,
    change: Change,
    by: &str,
) -> Result<(), ApiError> {
    concurrency::check_version(change.expected, row.version)?;
    stages_domain::rules::check_still_open(row.submitted_at.is_some())
        .map_err(|r| ApiError::refusal(&r))?;
    let form = row.form()?;
    let proposed = EvaluationAnswers {
        kind: change.kind,
        answers: change.answers,
        submitted: change.submit,
    };
    let violations = stages_domain::rules::check_answers(&form, &proposed);
    if stages_domain::violation::has_errors(&violations) {
        return Err(ApiError::invalid(violations));
    }
    Ok(store::save(
        conn,
        row,
        &proposed,
        change.submit.then_some(by),
    )?)
}
