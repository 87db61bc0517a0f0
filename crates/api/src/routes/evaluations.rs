//! Evaluations (Évaluations des stages, seed §11): each centre's
//! questionnaires; a convention's three questionnaires, saved as drafts
//! then submitted (read-only afterwards); the workplace tutor's link; the
//! list of evaluations by completion (Rechercher une évaluation); exports.

use super::conventions::{load_visible, visible_filter};
use crate::auth::Caller;
use crate::caller;
use crate::centres;
use crate::concurrency;
use crate::conventions::{self as repo, Loaded};
use crate::db::AnyConnection;
use crate::db::schema::{conventions, evaluation_answers, students};
use crate::documents::{self, EvaluationDocument, Letterhead};
use crate::error::{ApiError, Problem};
use crate::evaluations::{self, CentreForm, defaults, kind_code, links};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::pagination::{Page, PageParams};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Deserialize;
use stages_domain::access;
use stages_domain::lifecycle::Status;
use stages_domain::model::{
    AgreementLanguage, Answer, EvaluationAnswers, EvaluationKind, EvaluationProgress,
};
use stages_domain::permissions::{self, Decision, Relation};
use std::collections::BTreeMap;
use utoipa::IntoParams;

fn refused(r: &stages_domain::Refusal, lang: Lang) -> ApiError {
    ApiError::refused(r, lang)
}

/// Lists a centre's three questionnaires (the national sheets until the
/// centre changes them).
#[utoipa::path(
    tag = "evaluations",
    operation_id = "list_centre_evaluation_forms",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Centre id")),
    responses(
        (status = 200, description = "Student, supervisor and tutor questionnaires", body = Vec<CentreForm>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/centres/{id}/evaluation-forms")]
pub async fn centre_forms(
    state: web::Data<AppState>,
    _caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let centre = id.into_inner();
    let forms = state
        .db(move |conn| {
            centres::find_row(conn, centre)?;
            defaults::KINDS
                .into_iter()
                .map(|kind| evaluations::centre_form(conn, centre, kind))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(HttpResponse::Ok().json(forms))
}

pub use stages_api_types::evaluations::FormInput;

/// Changes a centre's questionnaire (its managers): enable it or not,
/// order its sections, add questions. Conventions already started keep
/// the form they were answered with. `If-Match: "0"` for the national sheet.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "set_centre_evaluation_form",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Centre id"),
        ("kind" = EvaluationKind, Path, description = "Questionnaire"),
        ("If-Match" = String, Header, description = "Version read (\"0\" for the national sheet)"),
    ),
    request_body = FormInput,
    responses(
        (status = 200, description = "Saved", body = CentreForm),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty, duplicated or incomplete questions", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/centres/{id}/evaluation-forms/{kind}")]
pub async fn set_centre_form(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: web::Path<(i64, EvaluationKind)>,
    body: Json<FormInput>,
) -> Result<HttpResponse, ApiError> {
    let (centre, kind) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let input = body.into_inner();
    if input.form.kind != kind {
        return Err(ApiError::bad_request(
            "form.kind",
            "EVAL-02",
            "The form's kind differs from the path's.",
        ));
    }
    evaluations::check_form(&input.form)?;
    let form = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            centres::find_row(conn, centre)?;
            access::may_edit_centre(&ctx.roles, ctx.manages(centre))
                .map_err(|r| refused(&r, lang))?;
            crate::db::transaction(conn, |conn| {
                evaluations::set_centre_form(conn, centre, input.enabled, &input.form, expected)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(form.version))
        .json(form))
}

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

/// The three questionnaires of a convention.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "list_convention_evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "Their status and the caller's rights", body = Vec<EvaluationStatus>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/evaluations")]
pub async fn convention_evaluations(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = state.today();
    let list = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            let end = repo::effective(conn, &loaded)?.convention.internship.end;
            defaults::KINDS
                .into_iter()
                .map(|kind| {
                    let form = evaluations::centre_form(conn, loaded.row.centre_id, kind)?;
                    let row = evaluations::find_answers(conn, id, kind)?;
                    Ok(EvaluationStatus {
                        kind,
                        enabled: form.enabled,
                        status: status_of(row.as_ref()),
                        requested_at: row
                            .as_ref()
                            .and_then(|r| r.requested_at)
                            .map(|at| at.and_utc()),
                        submitted_at: row
                            .as_ref()
                            .and_then(|r| r.submitted_at)
                            .map(|at| at.and_utc()),
                        fill: fill_decision(
                            &loaded,
                            relation,
                            kind,
                            end,
                            today,
                            row.as_ref().is_some_and(|r| r.submitted_at.is_some()),
                        ),
                        read: permissions::may_read_evaluation(relation, kind).into(),
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
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

/// Returns one questionnaire of a convention with its answers.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "get_evaluation",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("kind" = EvaluationKind, Path, description = "Questionnaire"),
    ),
    responses(
        (status = 200, description = "The questionnaire", body = EvaluationSheet, headers(("ETag" = String, description = "Version"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Someone else's questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or questionnaire", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/evaluations/{kind}")]
pub async fn get_evaluation(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    path: web::Path<(i64, EvaluationKind)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let today = state.today();
    let sheet = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            permissions::may_read_evaluation(relation, kind).map_err(|r| refused(&r, lang))?;
            let end = repo::effective(conn, &loaded)?.convention.internship.end;
            let fill = fill_decision(
                &loaded,
                relation,
                kind,
                end,
                today,
                is_submitted(conn, id, kind)?,
            );
            sheet(conn, &loaded, kind, fill)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(sheet.version))
        .json(sheet))
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
    lang: Lang,
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
            return save_answers_to(conn, &row, change, by, lang);
        }
    };
    save_answers_to(conn, &row, change, by, lang)
}

fn save_answers_to(
    conn: &mut AnyConnection,
    row: &evaluations::AnswersRow,
    change: Change,
    by: &str,
    lang: Lang,
) -> Result<(), ApiError> {
    concurrency::check_version(change.expected, row.version)?;
    stages_domain::rules::check_still_open(row.submitted_at.is_some())
        .map_err(|r| refused(&r, lang))?;
    let form = row.form()?;
    let proposed = EvaluationAnswers {
        kind: change.kind,
        answers: change.answers,
        submitted: change.submit,
    };
    let violations = stages_domain::rules::check_answers(&form, &proposed);
    if stages_domain::violation::has_errors(&violations) {
        return Err(ApiError::from_violations(&violations, lang));
    }
    evaluations::save(conn, row, &proposed, change.submit.then_some(by))
}

/// Saves or submits a questionnaire as a signed-in person.
async fn update_route(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: (i64, EvaluationKind),
    answers: BTreeMap<String, Answer>,
    submit: bool,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path;
    let change = Change {
        kind,
        answers,
        expected: concurrency::expected_version(&req)?,
        submit,
    };
    let today = state.today();
    let sheet = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, loaded, relation) = load_visible(conn, &caller, id)?;
                let end = repo::effective(conn, &loaded)?.convention.internship.end;
                loaded
                    .workflow
                    .check_evaluation(relation, kind, end, today, &loaded.settings)
                    .map_err(|r| refused(&r, lang))?;
                save_answers(conn, &loaded, change, &ctx.username, lang)?;
                let fill = fill_decision(
                    &loaded,
                    relation,
                    kind,
                    end,
                    today,
                    is_submitted(conn, id, kind)?,
                );
                sheet(conn, &loaded, kind, fill)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(sheet.version))
        .json(sheet))
}

/// Saves a draft of a questionnaire (`If-Match: "0"` for the first save).
#[utoipa::path(
    tag = "evaluations",
    operation_id = "save_evaluation_draft",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("kind" = EvaluationKind, Path, description = "Questionnaire"),
        ("If-Match" = String, Header, description = "Version read"),
    ),
    request_body = AnswersInput,
    responses(
        (status = 200, description = "Saved", body = EvaluationSheet),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Someone else's questionnaire, or before the end of the internship", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated yet, or already submitted", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An answer does not fit its question", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/conventions/{id}/evaluations/{kind}")]
pub async fn save_draft(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: web::Path<(i64, EvaluationKind)>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    update_route(
        state,
        caller,
        lang,
        req,
        path.into_inner(),
        body.into_inner().answers,
        false,
    )
    .await
}

/// Submits a questionnaire: every required question answered; read-only
/// afterwards.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "submit_evaluation",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("kind" = EvaluationKind, Path, description = "Questionnaire"),
        ("If-Match" = String, Header, description = "Version read"),
    ),
    request_body = AnswersInput,
    responses(
        (status = 200, description = "Submitted", body = EvaluationSheet),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Someone else's questionnaire, or before the end of the internship", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated yet, or already submitted", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unanswered required questions, or answers that do not fit", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions/{id}/evaluations/{kind}/submit")]
pub async fn submit_evaluation(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: web::Path<(i64, EvaluationKind)>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    update_route(
        state,
        caller,
        lang,
        req,
        path.into_inner(),
        body.into_inner().answers,
        true,
    )
    .await
}

pub use stages_api_types::evaluations::TutorLink;

/// Makes a new link for the convention's workplace tutor (staff); the
/// scheduler mails one at the end of the internship by itself.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "create_tutor_link",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 201, description = "The link", body = TutorLink),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/conventions/{id}/evaluation-links")]
pub async fn create_link(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let app = state.clone();
    let link = state
        .db(move |conn| {
            let (ctx, loaded, relation) = load_visible(conn, &caller, id)?;
            access::may_do_staff_work(&ctx.roles).map_err(|r| refused(&r, lang))?;
            if !matches!(relation, Relation::CentreManager | Relation::Admin) {
                return Err(ApiError::not_found());
            }
            loaded
                .workflow
                .check_evaluations_open(&loaded.settings)
                .map_err(|r| refused(&r, lang))?;
            let now = chrono::Utc::now().naive_utc();
            let (token, expires_at) = links::create(
                conn,
                &app.links,
                id,
                loaded.parties.tutor_id,
                Some(ctx.user_id),
                now,
            )?;
            Ok(TutorLink {
                url: format!(
                    "{}/evaluation/tutor/{token}",
                    app.config.public_url.trim_end_matches('/')
                ),
                token,
                expires_at: expires_at.and_utc(),
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(link))
}

/// Withdraws every tutor link of a convention (staff).
#[utoipa::path(
    tag = "evaluations",
    operation_id = "revoke_tutor_links",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/conventions/{id}/evaluation-links")]
pub async fn revoke_links(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db(move |conn| {
            let (ctx, _, relation) = load_visible(conn, &caller, id)?;
            access::may_do_staff_work(&ctx.roles).map_err(|r| refused(&r, lang))?;
            if !matches!(relation, Relation::CentreManager | Relation::Admin) {
                return Err(ApiError::not_found());
            }
            links::revoke_all(conn, id, chrono::Utc::now().naive_utc())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub use stages_api_types::evaluations::TutorSheet;

fn tutor_sheet(
    conn: &mut AnyConnection,
    link: &links::OpenLink,
    today: NaiveDate,
) -> Result<TutorSheet, ApiError> {
    let loaded = repo::load(conn, link.convention)?;
    let effective = repo::effective(conn, &loaded)?;
    let submitted = link.used || is_submitted(conn, link.convention, EvaluationKind::Tutor)?;
    let fill = fill_decision(
        &loaded,
        Relation::Tutor,
        EvaluationKind::Tutor,
        effective.convention.internship.end,
        today,
        submitted,
    );
    let c = &loaded.content;
    Ok(TutorSheet {
        student: format!(
            "{} {}",
            c.student.student.first_name, c.student.student.last_name
        ),
        organisation: c
            .organisation
            .as_ref()
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        start: effective.convention.internship.start,
        end: effective.convention.internship.end,
        sheet: sheet(conn, &loaded, EvaluationKind::Tutor, fill)?,
    })
}

/// The tutor opens the link: the questionnaire and its answers so far. No
/// account: the link is the credential.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "open_tutor_evaluation",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "The questionnaire", body = TutorSheet, headers(("ETag" = String, description = "Version"))),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/tutor-evaluation/{token}")]
pub async fn tutor_open(
    state: web::Data<AppState>,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let token = token.into_inner();
    let today = state.today();
    let app = state.clone();
    let view = state
        .db(move |conn| {
            let link = links::open(conn, &app.links, &token, chrono::Utc::now().naive_utc())?;
            tutor_sheet(conn, &link, today)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.sheet.version))
        .json(view))
}

async fn tutor_save(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    token: String,
    answers: BTreeMap<String, Answer>,
    submit: bool,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let today = state.today();
    let app = state.clone();
    let view = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let now = chrono::Utc::now().naive_utc();
                let link = links::open(conn, &app.links, &token, now)?;
                stages_domain::rules::check_still_open(link.used).map_err(|r| refused(&r, lang))?;
                let loaded = repo::load(conn, link.convention)?;
                let end = repo::effective(conn, &loaded)?.convention.internship.end;
                loaded
                    .workflow
                    .check_evaluation(
                        Relation::Tutor,
                        EvaluationKind::Tutor,
                        end,
                        today,
                        &loaded.settings,
                    )
                    .map_err(|r| refused(&r, lang))?;
                let change = Change {
                    kind: EvaluationKind::Tutor,
                    answers,
                    expected,
                    submit,
                };
                save_answers(conn, &loaded, change, "tutor", lang)?;
                if submit {
                    // Another submission through the same link spent it
                    // first: this one is refused as a closed questionnaire.
                    let spent_by_another = !links::spend(conn, link.id, now)?;
                    stages_domain::rules::check_still_open(spent_by_another)
                        .map_err(|r| refused(&r, lang))?;
                }
                let link = links::OpenLink {
                    used: submit,
                    ..link
                };
                tutor_sheet(conn, &link, today)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.sheet.version))
        .json(view))
}

/// The tutor saves a draft through the link.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "save_tutor_evaluation",
    params(
        ("token" = String, Path, description = "The link's token"),
        ("If-Match" = String, Header, description = "Version read"),
    ),
    request_body = AnswersInput,
    responses(
        (status = 200, description = "Saved", body = TutorSheet),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already submitted, or the convention is not validated", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An answer does not fit its question", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/tutor-evaluation/{token}")]
pub async fn tutor_draft(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    token: web::Path<String>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    tutor_save(
        state,
        lang,
        req,
        token.into_inner(),
        body.into_inner().answers,
        false,
    )
    .await
}

/// The tutor submits; the link is spent.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "submit_tutor_evaluation",
    params(
        ("token" = String, Path, description = "The link's token"),
        ("If-Match" = String, Header, description = "Version read"),
    ),
    request_body = AnswersInput,
    responses(
        (status = 200, description = "Submitted", body = TutorSheet),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already submitted, or the convention is not validated", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unanswered required questions, or answers that do not fit", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/tutor-evaluation/{token}/submit")]
pub async fn tutor_submit(
    state: web::Data<AppState>,
    lang: Lang,
    req: HttpRequest,
    token: web::Path<String>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    tutor_save(
        state,
        lang,
        req,
        token.into_inner(),
        body.into_inner().answers,
        true,
    )
    .await
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EvaluationQuery {
    pub centre_id: Option<i64>,
    /// `2026-2027`
    pub academic_year: Option<String>,
    /// Only conventions whose questionnaire of this kind has this status
    /// (`not_started`, `draft`, `submitted`).
    pub kind: Option<EvaluationKind>,
    pub status: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Convention id, number, student id, academic year, end date.
type SearchRow = (i64, Option<String>, i64, String, Option<NaiveDate>);

pub use stages_api_types::evaluations::EvaluationRow;

/// Rechercher une évaluation: the validated conventions the caller may
/// see, with the completion of their three questionnaires; newest first.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "search_evaluations",
    security(("bearer" = [])),
    params(EvaluationQuery),
    responses(
        (status = 200, description = "One page", body = Page<EvaluationRow>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/evaluations")]
pub async fn search(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<EvaluationQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    if let Some(status) = &query.status
        && !["not_started", "draft", "submitted"].contains(&status.as_str())
    {
        return Err(ApiError::bad_request(
            "status",
            "QUERY-01",
            "status is not_started, draft or submitted.",
        ));
    }
    if query.status.is_some() && query.kind.is_none() {
        return Err(ApiError::bad_request(
            "kind",
            "QUERY-01",
            "Filter on a status needs the questionnaire's kind.",
        ));
    }
    let params = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = params.limit()?;
    let after: Option<i64> = params.after()?;
    let page = state
        .search(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let mut q = conventions::table
                .filter(conventions::status.eq_any([
                    repo::status_code(Status::Validated),
                    repo::status_code(Status::TerminatedEarly),
                ]))
                .select((
                    conventions::id,
                    conventions::number,
                    conventions::student_id,
                    conventions::academic_year,
                    conventions::end_date,
                ))
                .into_boxed();
            if let Some(visible) = visible_filter(&ctx) {
                q = q.filter(visible);
            }
            if let Some(centre) = query.centre_id {
                q = q.filter(conventions::centre_id.eq(centre));
            }
            if let Some(year) = &query.academic_year {
                q = q.filter(conventions::academic_year.eq(year.trim().replace('/', "-")));
            }
            if let (Some(kind), Some(status)) = (query.kind, query.status.as_deref()) {
                let of_kind =
                    evaluation_answers::table.filter(evaluation_answers::kind.eq(kind_code(kind)));
                q = match status {
                    "submitted" => q.filter(
                        conventions::id.eq_any(
                            of_kind
                                .filter(evaluation_answers::submitted_at.is_not_null())
                                .select(evaluation_answers::convention_id),
                        ),
                    ),
                    "draft" => q.filter(
                        conventions::id.eq_any(
                            of_kind
                                .filter(evaluation_answers::submitted_at.is_null())
                                .filter(
                                    evaluation_answers::version.gt(evaluations::UNTOUCHED_VERSION),
                                )
                                .select(evaluation_answers::convention_id),
                        ),
                    ),
                    _ => q.filter(
                        conventions::id.ne_all(
                            of_kind
                                .filter(
                                    evaluation_answers::version.gt(evaluations::UNTOUCHED_VERSION),
                                )
                                .select(evaluation_answers::convention_id),
                        ),
                    ),
                };
            }
            if let Some(after) = after {
                q = q.filter(conventions::id.lt(after));
            }
            let rows: Vec<SearchRow> = q
                .order(conventions::id.desc())
                .limit(limit + 1)
                .load(conn)?;
            let page = crate::pagination::from_rows(rows, limit, |r| r.0);
            let mut items = Vec::with_capacity(page.items.len());
            for (id, number, student, year, end) in page.items {
                let (student_number, last, first): (String, String, String) = students::table
                    .find(student)
                    .select((
                        students::student_number,
                        students::last_name,
                        students::first_name,
                    ))
                    .first(conn)?;
                let status = |conn: &mut AnyConnection, kind| -> Result<_, ApiError> {
                    Ok(status_of(
                        evaluations::find_answers(conn, id, kind)?.as_ref(),
                    ))
                };
                items.push(EvaluationRow {
                    convention_id: id,
                    number,
                    student_number,
                    student_name: format!("{first} {last}"),
                    academic_year: year,
                    end_date: end,
                    student: status(conn, EvaluationKind::Student)?,
                    supervisor: status(conn, EvaluationKind::Supervisor)?,
                    tutor: status(conn, EvaluationKind::Tutor)?,
                });
            }
            Ok(Page {
                items,
                next_cursor: page.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    pub centre_id: i64,
    /// `2026-2027`
    pub academic_year: String,
    pub kind: EvaluationKind,
    /// `csv` (default) or `xlsx`.
    pub format: Option<String>,
}

/// Exports the submitted answers of one questionnaire for a centre's year
/// (its staff): one line per convention, one column per question.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "export_evaluations",
    security(("bearer" = [])),
    params(ExportQuery),
    responses(
        (status = 200, description = "CSV (UTF-8, semicolons) or XLSX", content_type = "text/csv", body = String),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/evaluations/export")]
pub async fn export(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    query: crate::extract::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let format = crate::exports::parse_format(query.format.as_deref())?;
    let year = crate::exports::academic_year(&query.academic_year)?.to_string();
    let name = format!("evaluations-{}-{}", kind_code(query.kind), year);
    let table = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            centres::find_row(conn, query.centre_id)?;
            access::may_edit_centre(&ctx.roles, ctx.manages(query.centre_id))
                .map_err(|r| refused(&r, lang))?;
            evaluations::export::table(conn, query.centre_id, &year, query.kind)
        })
        .await?;
    crate::exports::respond(&[table], format, &name)
}

/// One questionnaire's answers as a printable sheet.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "get_evaluation_pdf",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("kind" = EvaluationKind, Path, description = "Questionnaire"),
    ),
    responses(
        (status = 200, description = "The sheet", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Someone else's questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or answers", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/evaluations/{kind}/pdf")]
pub async fn pdf(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    path: web::Path<(i64, EvaluationKind)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let app = state.clone();
    let doc = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            permissions::may_read_evaluation(relation, kind).map_err(|r| refused(&r, lang))?;
            let row = evaluations::find_answers(conn, id, kind)?.ok_or_else(ApiError::not_found)?;
            let centre = centres::find_row(conn, loaded.row.centre_id)?;
            let number = loaded
                .workflow
                .created_number()
                .map_err(|r| refused(&r, lang))?;
            Ok(EvaluationDocument {
                number,
                convention: loaded.content.clone(),
                form: row.form()?,
                answers: row.answers()?,
                submitted_on: row.submitted_at.map(|at| at.date()),
                letterhead: Letterhead {
                    institution: app.config.institution_name.clone(),
                    centre: centre.name.clone(),
                    address: stages_domain::model::Address {
                        street: centre.street.clone(),
                        building: None,
                        postal_code: centre.postal_code.clone(),
                        city: centre.city.clone(),
                        country: stages_domain::ids::Country::parse(&centre.country_code).ok(),
                    },
                    phone: centre.phone.clone(),
                    email: centre.email.clone(),
                    logo: None,
                },
                language: loaded
                    .content
                    .internship
                    .language
                    .unwrap_or(AgreementLanguage::Fr),
            })
        })
        .await?;
    let filename = format!("evaluation-{}-{}.pdf", kind_code(kind), doc.number);
    let bytes = web::block(move || documents::render_evaluation(&doc))
        .await?
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes))
}
