//! A convention's three questionnaires: read, saved as drafts, submitted
//! (read-only afterwards), printed.

use super::*;
use crate::extract::Path;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};

/// The three questionnaires of a convention.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "list_convention_evaluations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "Their status and the caller's rights", body = Vec<EvaluationStatus>),
        NotSignedIn,
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/evaluations")]
pub async fn convention_evaluations(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
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
        NotSignedIn,
        (status = 403, description = "Someone else's questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or questionnaire", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/evaluations/{kind}")]
pub async fn get_evaluation(
    state: web::Data<AppState>,
    caller: Caller,
    path: Path<(i64, EvaluationKind)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let today = state.today();
    let sheet = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            permissions::may_read_evaluation(relation, kind).map_err(|r| ApiError::refusal(&r))?;
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

/// Saves or submits a questionnaire as a signed-in person.
async fn update_route(
    state: web::Data<AppState>,
    caller: Caller,
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
                    .map_err(|r| ApiError::refusal(&r))?;
                save_answers(conn, &loaded, change, &ctx.username)?;
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
        Malformed,
        NotSignedIn,
        (status = 403, description = "Someone else's questionnaire, or before the end of the internship", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated yet, or already submitted", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "An answer does not fit its question", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/evaluations/{kind}")]
pub async fn save_draft(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: Path<(i64, EvaluationKind)>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    update_route(
        state,
        caller,
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
        Malformed,
        NotSignedIn,
        (status = 403, description = "Someone else's questionnaire, or before the end of the internship", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated yet, or already submitted", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Unanswered required questions, or answers that do not fit", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/evaluations/{kind}/submit")]
pub async fn submit_evaluation(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: Path<(i64, EvaluationKind)>,
    body: Json<AnswersInput>,
) -> Result<HttpResponse, ApiError> {
    update_route(
        state,
        caller,
        req,
        path.into_inner(),
        body.into_inner().answers,
        true,
    )
    .await
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
        NotSignedIn,
        (status = 403, description = "Someone else's questionnaire", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention or answers", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/evaluations/{kind}/pdf")]
pub async fn pdf(
    state: web::Data<AppState>,
    caller: Caller,
    path: Path<(i64, EvaluationKind)>,
) -> Result<HttpResponse, ApiError> {
    let (id, kind) = path.into_inner();
    let app = state.clone();
    let doc = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            permissions::may_read_evaluation(relation, kind).map_err(|r| ApiError::refusal(&r))?;
            let row = evaluations::find_answers(conn, id, kind)?.ok_or_else(ApiError::not_found)?;
            let centre = centres::find_row(conn, loaded.row.centre_id)?;
            let number = loaded
                .workflow
                .created_number()
                .map_err(|r| ApiError::refusal(&r))?;
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
