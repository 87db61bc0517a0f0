//! Host services (steps 3 and 7) and their contacts (steps 4 and 7): the
//! tutor and the signatory are contacts of a service.

use crate::audit::{self, Entity};
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::organisations::{
    self as repo, ContactInput, ContactRecord, ContactRow, HostServiceInput, HostServiceRecord,
    HostServiceRow,
};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use stages_domain::{access, references};

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
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let services = state
        .db(move |conn| {
            repo::find(conn, id)?;
            Ok(repo::services_of(conn, id)?
                .iter()
                .map(HostServiceRecord::wire)
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(services))
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
    lang: Lang,
    id: web::Path<i64>,
    body: Json<HostServiceInput>,
) -> Result<HttpResponse, ApiError> {
    access::may_create_host_record(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let organisation = id.into_inner();
    let c = repo::check_service(&body.into_inner(), lang)?;
    let row = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::find(conn, organisation)?;
                let row = repo::insert_service(conn, organisation, &c, caller.user_id)?;
                audit::record(
                    conn,
                    Entity::HostService,
                    row.id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                Ok::<_, ApiError>(row)
            })
        })
        .await?;
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
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<HostServiceInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let c = repo::check_service(&body.into_inner(), lang)?;
    let row = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find_service(conn, id)?;
                let facts = repo::host_record_facts(
                    conn,
                    Entity::HostService,
                    id,
                    before.created_by,
                    caller.user_id,
                )?;
                access::may_edit_host_record(&caller.roles, facts)
                    .map_err(|r| ApiError::refused(&r, lang))?;
                concurrency::check_version(expected, before.version)?;
                repo::update_service_at_version(conn, id, before.version, &c)?;
                let after = repo::find_service(conn, id)?;
                audit::record(
                    conn,
                    Entity::HostService,
                    id,
                    "update",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok::<_, ApiError>(after)
            })
        })
        .await?;
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
    lang: Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find_service(conn, id)?;
                let facts = repo::host_record_facts(
                    conn,
                    Entity::HostService,
                    id,
                    before.created_by,
                    caller.user_id,
                )?;
                access::may_edit_host_record(&caller.roles, facts)
                    .map_err(|r| ApiError::refused(&r, lang))?;
                let usage = repo::service_usage(conn, id)?;
                references::service_deletion(usage.contacts, usage.conventions)
                    .map_err(|r| ApiError::refused(&r, lang))?;
                repo::delete_service(conn, id)?;
                audit::record(
                    conn,
                    Entity::HostService,
                    id,
                    "delete",
                    Some(caller.user_id),
                    Some(&before),
                    None::<&HostServiceRecord>,
                )?;
                Ok(())
            })
        })
        .await?;
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
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let list = state
        .db(move |conn| {
            repo::find_service(conn, id)?;
            Ok(repo::contacts_of(conn, id)?
                .iter()
                .map(ContactRecord::wire)
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
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
    lang: Lang,
    id: web::Path<i64>,
    body: Json<ContactInput>,
) -> Result<HttpResponse, ApiError> {
    access::may_create_host_record(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let service = id.into_inner();
    let c = repo::check_contact(&body.into_inner(), lang)?;
    let row = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::find_service(conn, service)?;
                let row = repo::insert_contact(conn, service, &c, caller.user_id)?;
                audit::record(
                    conn,
                    Entity::Contact,
                    row.id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                Ok::<_, ApiError>(row)
            })
        })
        .await?;
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
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<ContactInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let c = repo::check_contact(&body.into_inner(), lang)?;
    let row = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find_contact(conn, id)?;
                let facts = repo::host_record_facts(
                    conn,
                    Entity::Contact,
                    id,
                    before.created_by,
                    caller.user_id,
                )?;
                access::may_edit_host_record(&caller.roles, facts)
                    .map_err(|r| ApiError::refused(&r, lang))?;
                concurrency::check_version(expected, before.version)?;
                repo::update_contact_at_version(conn, id, before.version, &c)?;
                let after = repo::find_contact(conn, id)?;
                audit::record(
                    conn,
                    Entity::Contact,
                    id,
                    "update",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok::<_, ApiError>(after)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(row.version))
        .json(row.wire()))
}
