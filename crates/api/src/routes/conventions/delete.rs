//! Deleting a convention.

use crate::app::conventions as app;
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, web};

/// Deletes a convention while nothing is validated (seed §9); refused with
/// the reason once a validation is given or an amendment exists.
#[utoipa::path(
    tag = "conventions",
    operation_id = "delete_convention",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 204, description = "Deleted"),
        NotSignedIn,
        (status = 403, description = "The caller's role may not delete it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated, in validation or amended: the reason", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[delete("/conventions/{id}")]
pub async fn remove(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    state
        .db(move |conn| app::delete(conn, &caller, expected, id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
