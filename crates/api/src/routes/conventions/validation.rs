//! Creating a convention with its number, and its validation levels:
//! given, withdrawn, or all sent back with a reason.

use super::respond;
use crate::app::conventions as app;
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::i18n::Lang;
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, post, put, web};
use stages_api_types::conventions::{ConventionView, PostReviewInput, RejectionInput};
use stages_domain::lifecycle::check_rejection_reason;
use stages_domain::model::ValidationLevel;
use stages_domain::rules::PostReview;

/// Creates the convention from its draft (step 8, "Créer"): every step
/// must be complete; a unique number is assigned.
#[utoipa::path(
    tag = "conventions",
    operation_id = "submit_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Created, with its number", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "The caller's role may not create it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already created", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Steps incomplete: every blocking violation", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/submit")]
pub async fn submit(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = app::submit(&state, caller, lang, expected, id.into_inner()).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Gives a validation level (seed §6): in the centre's order, by a role
/// allowed to give it, on a convention without blocking violations.
#[utoipa::path(
    tag = "conventions",
    operation_id = "validate_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("level" = ValidationLevel, Path, description = "Level to give"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Given", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "The caller's role may not give this level", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Out of order, already given, not enabled, or blocking violations", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/validations/{level}")]
pub async fn validate(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, ValidationLevel)>,
) -> Result<HttpResponse, ApiError> {
    let (id, level) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view = app::validate(&state, caller, lang, expected, id, level).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Withdraws a validation level: only the last one given, never once an
/// amendment exists.
#[utoipa::path(
    tag = "conventions",
    operation_id = "unvalidate_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("level" = ValidationLevel, Path, description = "Level to withdraw"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Withdrawn", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "The caller's role may not withdraw this level", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not the last level given, not given, or amended", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[delete("/conventions/{id}/validations/{level}")]
pub async fn unvalidate(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, ValidationLevel)>,
) -> Result<HttpResponse, ApiError> {
    let (id, level) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view = app::unvalidate(&state, caller, lang, expected, id, level).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Sends a convention back to the student with a reason (levels given so
/// far are withdrawn); the student reads the reason and corrects it.
#[utoipa::path(
    tag = "conventions",
    operation_id = "reject_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = RejectionInput,
    responses(
        (status = 200, description = "Sent back", body = ConventionView),
        (status = 400, description = "Reason too long", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "The caller's role may not reject", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not created yet, validated, or no reason", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/reject")]
pub async fn reject(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<RejectionInput>,
) -> Result<HttpResponse, ApiError> {
    let reason = body.into_inner().reason;
    // A malformed request (400), with the domain's rule and wording.
    check_rejection_reason(&reason).map_err(ApiError::bad_request)?;
    let expected = concurrency::expected_version(&req)?;
    let view = app::reject(&state, caller, lang, expected, id.into_inner(), reason).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Says whether the internship takes the post of an earlier intern at the
/// same service or with the same tutor (DUR-03; the centre's staff, until
/// validated). Another post lets validation go ahead; the same post makes
/// the waiting period apply.
#[utoipa::path(
    tag = "conventions",
    operation_id = "review_convention_post",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = PostReviewInput,
    responses(
        (status = 200, description = "Recorded", body = ConventionView),
        (status = 400, description = "No reason, or too long", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A draft, or already validated", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/post-review")]
pub async fn review_post(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<PostReviewInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let review = PostReview {
        same_post: input.same_post,
        reason: input.reason,
        earlier: Vec::new(),
    };
    review.check().map_err(ApiError::bad_request)?;
    let expected = concurrency::expected_version(&req)?;
    let view = app::review_post(&state, caller, lang, expected, id.into_inner(), review).await?;
    Ok(respond(StatusCode::OK, &view))
}
