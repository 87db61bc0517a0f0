//! Management centres (Centres de gestion): read by every signed-in user;
//! created by administrators; details and settings changed by the centre's
//! managers too; staff and routing by administrators.

use crate::app::centres as cases;
use crate::auth::Caller;
use crate::concurrency;
use crate::db::centres::{self as repo, Centre};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};

/// A logo is printed small on the agreement; larger files are refused.
pub use crate::app::centres::MAX_LOGO_BYTES;

pub use stages_api_types::centres::CentreInput;

/// Lists the management centres.
#[utoipa::path(
    tag = "centres",
    operation_id = "list_centres",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every centre", body = Vec<Centre>),
        NotSignedIn,
    )
)]
#[get("/centres")]
pub async fn list(state: web::Data<AppState>, _caller: Caller) -> Result<HttpResponse, ApiError> {
    let list = state.db(|conn| Ok(repo::load_all(conn)?)).await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Returns one centre.
#[utoipa::path(
    tag = "centres",
    operation_id = "get_centre",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The centre", body = Centre, headers(("ETag" = String, description = "Version"))),
        NotSignedIn,
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/centres/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    _caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let centre = state.db(move |conn| Ok(repo::load(conn, id)?)).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(centre.version))
        .json(centre))
}

/// Creates a centre (administrators).
#[utoipa::path(
    tag = "centres",
    operation_id = "create_centre",
    security(("bearer" = [])),
    request_body = CentreInput,
    responses(
        (status = 201, description = "Created", body = Centre),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A centre has this name", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/centres")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CentreInput>,
) -> Result<HttpResponse, ApiError> {
    let centre = cases::create(&state, caller, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(centre.version))
        .json(centre))
}

/// Updates a centre's details and settings (administrators, or the
/// centre's managers). Only an administrator may make it the fallback.
#[utoipa::path(
    tag = "centres",
    operation_id = "update_centre",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Centre id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = CentreInput,
    responses(
        (status = 200, description = "Updated", body = Centre),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Invalid fields", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/centres/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<CentreInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let centre =
        cases::update(&state, caller, id.into_inner(), expected, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(centre.version))
        .json(centre))
}

pub use stages_api_types::centres::CentreOrganisation;

/// Replaces a centre's staff and routing rules (administrators). A
/// programme or faculty belongs to one centre only.
#[utoipa::path(
    tag = "centres",
    operation_id = "set_centre_organisation",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Centre id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = CentreOrganisation,
    responses(
        (status = 200, description = "Updated", body = Centre),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A route belongs to another centre", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Unknown user", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/centres/{id}/organisation")]
pub async fn set_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<CentreOrganisation>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let centre =
        cases::set_organisation(&state, caller, id.into_inner(), expected, body.into_inner())
            .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(centre.version))
        .json(centre))
}

/// Uploads the centre's logo, printed on its agreements (PNG or JPEG, at
/// most 512 KB; the body is the image itself).
#[utoipa::path(
    tag = "centres",
    operation_id = "upload_centre_logo",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Centre id")),
    request_body(content = Vec<u8>, content_type = "image/png", description = "PNG or JPEG image"),
    responses(
        (status = 204, description = "Stored"),
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Image too large", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a PNG or JPEG image", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/centres/{id}/logo")]
pub async fn upload_logo(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    cases::upload_logo(&state, caller, id.into_inner(), body).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Returns the centre's logo.
#[utoipa::path(
    tag = "centres",
    operation_id = "get_centre_logo",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Centre id")),
    responses(
        (status = 200, description = "The image", content_type = "image/png", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such centre, or no logo", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/centres/{id}/logo")]
pub async fn get_logo(
    state: web::Data<AppState>,
    _caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (bytes, media_type) = state.db(move |conn| Ok(repo::logo(conn, id)?)).await?;
    Ok(HttpResponse::Ok().content_type(media_type).body(bytes))
}
