//! Amendments (Avenants, seed §7): the HTTP face of
//! [`crate::app::amendments`].

use super::conventions::respond;
use crate::app::amendments as app;
use crate::app::conventions::ConventionView;
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::i18n::Lang;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};

pub use stages_api_types::amendments::{AmendmentInput, AmendmentView, ChangeInput};

/// Lists a convention's amendments, in order.
#[utoipa::path(
    tag = "amendments",
    operation_id = "list_amendments",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The amendments", body = Vec<AmendmentView>),
        NotSignedIn,
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/amendments")]
pub async fn list_amendments(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let views = app::list(&state, caller, lang, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(views))
}

/// Writes an amendment on a validated convention (If-Match: the
/// convention's version). Refused with every violation when the amended
/// convention would break a rule.
#[utoipa::path(
    tag = "amendments",
    operation_id = "create_amendment",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the convention read"),
    ),
    request_body = AmendmentInput,
    responses(
        (status = 201, description = "Created; the convention with its new amendment", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller's role may not write amendments", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The convention is not validated, or terminated", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "The amendment or the amended convention breaks rules", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/amendments")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<AmendmentInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = app::create(
        &state,
        caller,
        lang,
        expected,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::CREATED, &view))
}

/// Returns one amendment.
#[utoipa::path(
    tag = "amendments",
    operation_id = "get_amendment",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Amendment id")),
    responses(
        (status = 200, description = "The amendment", body = AmendmentView, headers(("ETag" = String, description = "Version"))),
        NotSignedIn,
        (status = 404, description = "No such amendment, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/amendments/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let view = app::get(&state, caller, lang, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// Changes an amendment that is not validated yet.
#[utoipa::path(
    tag = "amendments",
    operation_id = "update_amendment",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Amendment id"),
        ("If-Match" = String, Header, description = "ETag of the amendment read"),
    ),
    request_body = AmendmentInput,
    responses(
        (status = 200, description = "Updated", body = AmendmentView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller's role may not write amendments", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such amendment, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already validated", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "The amendment or the amended convention breaks rules", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/amendments/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<AmendmentInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = app::update(
        &state,
        caller,
        lang,
        expected,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// Deletes an amendment that is not validated yet.
#[utoipa::path(
    tag = "amendments",
    operation_id = "delete_amendment",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Amendment id"),
        ("If-Match" = String, Header, description = "ETag of the amendment read"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        NotSignedIn,
        (status = 403, description = "The caller's role may not write amendments", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such amendment, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already validated", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[delete("/amendments/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    app::remove(&state, caller, expected, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Validates an amendment (managers and admins): it then applies to the
/// effective convention; a termination ends the internship.
#[utoipa::path(
    tag = "amendments",
    operation_id = "validate_amendment",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Amendment id"),
        ("If-Match" = String, Header, description = "ETag of the amendment read"),
    ),
    responses(
        (status = 200, description = "Validated", body = AmendmentView),
        NotSignedIn,
        (status = 403, description = "The caller's role may not validate amendments", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such amendment, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already validated, convention terminated, or blocking violations", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/amendments/{id}/validate")]
pub async fn validate(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = app::validate(&state, caller, lang, expected, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}
