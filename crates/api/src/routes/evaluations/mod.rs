//! Evaluations (Évaluations des stages, seed §11): each centre's
//! questionnaires; a convention's three questionnaires, saved as drafts
//! then submitted (read-only afterwards); the workplace tutor's link; the
//! list of evaluations by completion (Rechercher une évaluation); exports.

mod answers;
mod forms;
mod listing;
mod tutor;
mod tutor_links;

pub use answers::*;
pub use forms::*;
pub use listing::*;
pub use tutor::*;
pub use tutor_links::*;

use crate::app::caller;
use crate::app::conventions::load_visible;
use crate::app::evaluations::{self, CentreForm, defaults, kind_code, links};
use crate::auth::Caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::centres;
use crate::db::conventions::visible_filter;
use crate::db::conventions::{self as repo, Loaded};
use crate::documents::{self, EvaluationDocument, Letterhead};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::pagination::{Page, PageParams};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use chrono::NaiveDate;
use serde::Deserialize;
use stages_domain::model::{
    AgreementLanguage, Answer, EvaluationAnswers, EvaluationKind, EvaluationProgress,
};
use stages_domain::permissions::{self, Decision, Relation};
use stages_domain::{access, requests, rules};
use std::collections::BTreeMap;
use utoipa::IntoParams;

pub use stages_api_types::evaluations::FormInput;

pub use stages_api_types::evaluations::EvaluationStatus;

fn status_of(row: Option<&evaluations::AnswersRow>) -> EvaluationProgress {
    EvaluationProgress::of(row.map(|r| (r.version, r.submitted_at.is_some())))
}

/// Whether the caller may change the questionnaire now: the workflow's
/// rule (validated, the student's after the end), and not once submitted.
fn fill_decision(
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

fn is_submitted(
    conn: &mut AnyConnection,
    convention: i64,
    kind: EvaluationKind,
) -> Result<bool, ApiError> {
    Ok(
        evaluations::find_answers(conn, convention, kind)?
            .is_some_and(|r| r.submitted_at.is_some()),
    )
}

pub use stages_api_types::evaluations::EvaluationSheet;

/// The sheet of one questionnaire: the stored answers, or the centre's
/// form with no answer yet.
fn sheet(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    kind: EvaluationKind,
    fill: Decision,
) -> Result<EvaluationSheet, ApiError> {
    let row = evaluations::find_answers(conn, loaded.row.id, kind)?;
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
            let form = evaluations::centre_form(conn, loaded.row.centre_id, kind)?;
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

pub use stages_api_types::evaluations::AnswersInput;

/// What a save carries: the answers, as a draft or the submission, at the
/// version the person read.
struct Change {
    kind: EvaluationKind,
    answers: BTreeMap<String, Answer>,
    expected: i32,
    submit: bool,
}

/// Saves answers as a draft or submits them: the domain checks every answer
/// against its question, and on submission that every required question is
/// answered. Submitted answers are read-only.
fn save_answers(
    conn: &mut AnyConnection,
    loaded: &Loaded,
    change: Change,
    by: &str,
) -> Result<(), ApiError> {
    let row = match evaluations::find_answers(conn, loaded.row.id, change.kind)? {
        Some(row) => row,
        None => {
            let form = evaluations::centre_form(conn, loaded.row.centre_id, change.kind)?;
            if !form.enabled {
                return Err(ApiError::not_found());
            }
            concurrency::check_version(change.expected, 0)?;
            let row = evaluations::start(conn, loaded.row.id, &form.form, false)?;
            let change = Change {
                expected: row.version,
                ..change
            };
            return save_answers_to(conn, &row, change, by);
        }
    };
    save_answers_to(conn, &row, change, by)
}

fn save_answers_to(
    conn: &mut AnyConnection,
    row: &evaluations::AnswersRow,
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
    Ok(crate::db::evaluations::save(
        conn,
        row,
        &proposed,
        change.submit.then_some(by),
    )?)
}

pub use stages_api_types::evaluations::TutorLink;

pub use stages_api_types::evaluations::TutorSheet;

pub use stages_api_types::evaluations::EvaluationRow;
