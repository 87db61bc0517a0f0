//! Host services (steps 3 and 7) and their contacts (steps 4 and 7): the
//! tutor and the signatory are contacts of a service.

use crate::audit::{self, Entity};
use crate::auth::Caller;
use crate::concurrency;
use crate::db::schema::{contacts, conventions, host_services};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::organisations::{
    self as repo, ContactInput, ContactRecord, ContactRow, HostServiceInput, HostServiceRecord,
    HostServiceRow,
};
use crate::search::{self, Kind};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use diesel::prelude::*;
use stages_domain::access;

/// Lists an organisation's services.
#[utoipa::path(
    tag = "organisations",
    operation_id = "list_host_services",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "Its services, by name", body = Vec<HostServiceRow>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
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
            Ok(host_services::table
                .filter(host_services::organisation_id.eq(id))
                .order((host_services::name, host_services::id))
                .select(HostServiceRecord::as_select())
                .load::<HostServiceRecord>(conn)?
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
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
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
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to change this record", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
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
                let written = diesel::update(
                    host_services::table
                        .find(id)
                        .filter(host_services::version.eq(before.version)),
                )
                .set((
                    host_services::name.eq(&c.name),
                    host_services::street.eq(&c.street),
                    host_services::postal_code.eq(&c.postal_code),
                    host_services::city.eq(&c.city),
                    host_services::country_code.eq(&c.country_code),
                    host_services::phone.eq(&c.phone),
                    host_services::version.eq(before.version + 1),
                    host_services::updated_at.eq(chrono::Utc::now().naive_utc()),
                ))
                .execute(conn)?;
                crate::db::check_written(written)?;
                let after = repo::find_service(conn, id)?;
                search::index(conn, Kind::HostService, id, &[&after.name])?;
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
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
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
                let contacts: i64 = contacts::table
                    .filter(contacts::host_service_id.eq(id))
                    .count()
                    .get_result(conn)?;
                if contacts > 0 {
                    return Err(ApiError::conflict(
                        "SRV-01",
                        format!("The service has {contacts} contact(s): it cannot be deleted."),
                    ));
                }
                let used: i64 = conventions::table
                    .filter(conventions::host_service_id.eq(id))
                    .count()
                    .get_result(conn)?;
                if used > 0 {
                    return Err(ApiError::conflict(
                        "SRV-02",
                        format!("{used} convention(s) name this service: it cannot be deleted."),
                    ));
                }
                search::index(conn, Kind::HostService, id, &[])?;
                diesel::delete(host_services::table.find(id)).execute(conn)?;
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
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
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
            Ok(contacts::table
                .filter(contacts::host_service_id.eq(id))
                .order((contacts::last_name, contacts::first_name, contacts::id))
                .select(ContactRecord::as_select())
                .load::<ContactRecord>(conn)?
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
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
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
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to change this record", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact", body = Problem, content_type = "application/problem+json"),
        (status = 412, description = "Stale version", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
        (status = 428, description = "If-Match missing", body = Problem, content_type = "application/problem+json"),
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
                let written = diesel::update(
                    contacts::table
                        .find(id)
                        .filter(contacts::version.eq(before.version)),
                )
                .set((
                    contacts::civility.eq(&c.civility),
                    contacts::last_name.eq(&c.last_name),
                    contacts::first_name.eq(&c.first_name),
                    contacts::position.eq(&c.position),
                    contacts::email.eq(&c.email),
                    contacts::phone.eq(&c.phone),
                    contacts::version.eq(before.version + 1),
                    contacts::updated_at.eq(chrono::Utc::now().naive_utc()),
                ))
                .execute(conn)?;
                crate::db::check_written(written)?;
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
