//! Host services (steps 3 and 7) and their contacts (steps 4 and 7): the
//! tutor and the signatory are contacts of a service.

use crate::app::organisations as cases;
use crate::auth::Caller;
use crate::concurrency;
use crate::db::organisations::{ContactRecord, HostServiceRecord};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use stages_api_types::organisations::{ContactInput, ContactRow, HostServiceInput, HostServiceRow};

/// Lists an organisation's services.
#[utoipa::path(
    tag = "organisations",
    operation_id = "list_host_services",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "Its services, by name", body = Vec<HostServiceRow>),
        NotSignedIn,
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/services")]
pub async fn list_services(
    state: web::Data<AppState>,
    _caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let services = cases::services(&state, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(
        services
            .iter()
            .map(HostServiceRecord::wire)
            .collect::<Vec<_>>(),
    ))
}

/// Adds a service (site, department) to an organisation.
#[utoipa::path(
    tag = "organisations",
    operation_id = "create_host_service",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id")),
    request_body = HostServiceInput,
    responses(
        (status = 201, description = "Created", body = HostServiceRow),
        Malformed,
        NotSignedIn,
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/services")]
pub async fn create_service(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
    body: Json<HostServiceInput>,
) -> Result<HttpResponse, ApiError> {
    let row = cases::create_service(&state, caller, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(row.version))
        .json(row.wire()))
}

/// Corrects a service (staff, or its creator while nobody else changed it).
#[utoipa::path(
    tag = "organisations",
    operation_id = "update_host_service",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Service id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = HostServiceInput,
    responses(
        (status = 200, description = "Updated", body = HostServiceRow),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not allowed to change this record", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/services/{id}")]
pub async fn update_service(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<HostServiceInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let row =
        cases::update_service(&state, caller, id.into_inner(), expected, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(row.version))
        .json(row.wire()))
}

/// Deletes a service that has no contact and no convention (409 otherwise:
/// delete or move its contacts first).
#[utoipa::path(
    tag = "organisations",
    operation_id = "delete_host_service",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Service id")),
    responses(
        (status = 204, description = "Deleted"),
        NotSignedIn,
        (status = 403, description = "Not allowed to change this record", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The service has contacts or conventions", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/services/{id}")]
pub async fn delete_service(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    cases::delete_service(&state, caller, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Lists a service's contacts.
#[utoipa::path(
    tag = "organisations",
    operation_id = "list_contacts",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Service id")),
    responses(
        (status = 200, description = "Its contacts, by name", body = Vec<ContactRow>),
        NotSignedIn,
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/services/{id}/contacts")]
pub async fn list_contacts(
    state: web::Data<AppState>,
    _caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let contacts = cases::contacts(&state, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(contacts.iter().map(ContactRecord::wire).collect::<Vec<_>>()))
}

/// Adds a contact (future tutor or signatory) to a service.
#[utoipa::path(
    tag = "organisations",
    operation_id = "create_contact",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Service id")),
    request_body = ContactInput,
    responses(
        (status = 201, description = "Created", body = ContactRow),
        Malformed,
        NotSignedIn,
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/services/{id}/contacts")]
pub async fn create_contact(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
    body: Json<ContactInput>,
) -> Result<HttpResponse, ApiError> {
    let row = cases::create_contact(&state, caller, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(row.version))
        .json(row.wire()))
}

/// Corrects a contact (staff, or its creator while nobody else changed it).
#[utoipa::path(
    tag = "organisations",
    operation_id = "update_contact",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Contact id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = ContactInput,
    responses(
        (status = 200, description = "Updated", body = ContactRow),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not allowed to change this record", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/contacts/{id}")]
pub async fn update_contact(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<ContactInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let row =
        cases::update_contact(&state, caller, id.into_inner(), expected, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(row.version))
        .json(row.wire()))
}
