//! Host organisations (Établissements d'accueil, seed §4.2): search by name
//! and department, SIRET, activity, phone, address or service; create with
//! the mandatory fields; correct with an audit trail.

use crate::audit::{self, AuditEntry, Entity};
use crate::auth::Caller;
use crate::concurrency;
use crate::db::schema::{host_services, organisations};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::organisations::{self as repo, OrganisationInput, OrganisationRecord, OrganisationRow};
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::search::Kind;
use crate::state::AppState;
use crate::text;
use crate::word_ids;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use diesel::prelude::*;
use serde::Deserialize;
use stages_domain::ids::{NafCode, Phone, Siret};
use stages_domain::{access, requests};
use utoipa::IntoParams;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// Words of the name (raison sociale), case- and accent-insensitive.
    pub name: Option<String>,
    /// French department number, to narrow a name search ("25", "2A", "974").
    pub department: Option<String>,
    /// SIRET (14 digits) or SIREN (9 digits).
    pub siret: Option<String>,
    /// NAF code ("62.01Z") or its beginning ("62").
    pub naf: Option<String>,
    pub phone: Option<String>,
    /// Words of the street, postal code or city.
    pub address: Option<String>,
    /// Words of the name of one of its services.
    pub service: Option<String>,
    /// Include deactivated organisations (staff only).
    #[serde(default)]
    pub include_inactive: bool,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Searches host organisations; every criterion given must match.
#[utoipa::path(
    tag = "organisations",
    operation_id = "search_organisations",
    security(("bearer" = [])),
    params(OrganisationQuery),
    responses(
        (status = 200, description = "One page of organisations, by name", body = Page<OrganisationRow>),
        (status = 400, description = "Malformed criterion", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/organisations")]
pub async fn search(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<OrganisationQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = page.limit()?;
    let after: Option<(String, i64)> = page.after()?;
    let siret = query
        .siret
        .as_deref()
        .map(|s| s.chars().filter(char::is_ascii_digit).collect::<String>());
    if let Some(digits) = &siret {
        match digits.len() {
            14 => {
                Siret::parse(digits)
                    .map_err(|_| ApiError::bad_request(requests::criterion_siret("siret")))?;
            }
            9 => {}
            _ => {
                return Err(ApiError::bad_request(requests::criterion_siret("siret")));
            }
        }
    }
    let naf = match query
        .naf
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(n) if n.len() >= 5 => Some(
            NafCode::parse(n)
                .map_err(|_| ApiError::bad_request(requests::criterion_naf("naf")))?
                .as_str()
                .to_owned(),
        ),
        Some(n) if n.chars().all(|c| c.is_ascii_digit() || c == '.') => Some(n.to_owned()),
        Some(_) => {
            return Err(ApiError::bad_request(requests::criterion_naf("naf")));
        }
        None => None,
    };
    let phone = match query
        .phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        Some(p) => Some(
            Phone::parse(p)
                .map_err(|_| ApiError::bad_request(requests::criterion_phone("phone")))?
                .as_str()
                .to_owned(),
        ),
        None => None,
    };
    let name = crate::search::words("name", query.name.as_deref())?;
    let address = crate::search::words("address", query.address.as_deref())?;
    let service = crate::search::words("service", query.service.as_deref())?;
    let staff = access::is_staff(&caller.roles);
    let organisations = state
        .search(move |conn| {
            let mut q = organisations::table
                .select(OrganisationRecord::as_select())
                .into_boxed();
            if !(query.include_inactive && staff) {
                q = q.filter(organisations::active.eq(true));
            }
            for word in &name {
                q = q.filter(organisations::id.eq_any(word_ids!(Kind::Organisation, word)));
            }
            for word in &address {
                q = q.filter(organisations::id.eq_any(word_ids!(Kind::OrganisationAddress, word)));
            }
            for word in &service {
                q = q.filter(
                    organisations::id.eq_any(
                        host_services::table
                            .filter(host_services::id.eq_any(word_ids!(Kind::HostService, word)))
                            .select(host_services::organisation_id),
                    ),
                );
            }
            if let Some(d) = query
                .department
                .as_deref()
                .map(str::trim)
                .filter(|d| !d.is_empty())
            {
                q = q.filter(organisations::department.eq(d.to_uppercase()));
            }
            match siret.as_deref() {
                Some(s) if s.len() == 14 => q = q.filter(organisations::siret.eq(s.to_owned())),
                Some(s) => q = q.filter(organisations::siren.eq(s.to_owned())),
                None => {}
            }
            if let Some(naf) = naf {
                q = q.filter(
                    organisations::naf_code
                        .ge(naf.clone())
                        .and(organisations::naf_code.lt(text::prefix_end(&naf))),
                );
            }
            if let Some(phone) = phone {
                q = q.filter(organisations::phone.eq(phone));
            }
            if let Some((name, id)) = after {
                q = q.filter(
                    organisations::name
                        .gt(name.clone())
                        .or(organisations::name.eq(name).and(organisations::id.gt(id))),
                );
            }
            let rows: Vec<OrganisationRecord> = q
                .order((organisations::name, organisations::id))
                .limit(limit + 1)
                .load(conn)?;
            Ok(
                crate::pagination::from_rows(rows, limit, |o| (o.name.clone(), o.id))
                    .map(|o| o.wire()),
            )
        })
        .await?;
    Ok(HttpResponse::Ok().json(organisations))
}

/// Returns one organisation.
#[utoipa::path(
    tag = "organisations",
    operation_id = "get_organisation",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The organisation", body = OrganisationRow, headers(("ETag" = String, description = "Version"))),
        NotSignedIn,
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    _caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state.db(move |conn| repo::find(conn, id)).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(row.version))
        .json(row.wire()))
}

/// Options of the creation.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CreateQuery {
    /// Check only: the same answers as a creation (422, 409…), but 204
    /// instead of 201 and nothing recorded. Imports check every line before
    /// creating any.
    #[serde(default)]
    pub dry_run: bool,
}

/// Records a host organisation. A second active organisation with the same
/// SIRET is refused (409).
#[utoipa::path(
    tag = "organisations",
    operation_id = "create_organisation",
    security(("bearer" = [])),
    params(CreateQuery),
    request_body = OrganisationInput,
    responses(
        (status = 201, description = "Created", body = OrganisationRow),
        (status = 204, description = "`dry_run`: it would be created"),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The account has no role", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An active organisation has this SIRET", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing or invalid fields, with their rules", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    query: crate::extract::Query<CreateQuery>,
    body: Json<OrganisationInput>,
) -> Result<HttpResponse, ApiError> {
    access::may_create_host_record(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let input = body.into_inner();
    let c = repo::check(&input, lang)?;
    if query.dry_run {
        state
            .db(move |conn| {
                repo::legal_status_label(conn, c.legal_status_code.as_deref(), lang)?;
                repo::ensure_siret_free(conn, c.siret.as_deref(), None)
            })
            .await?;
        return Ok(HttpResponse::NoContent().finish());
    }
    let row = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let label = repo::legal_status_label(conn, c.legal_status_code.as_deref(), lang)?;
                repo::ensure_siret_free(conn, c.siret.as_deref(), None)?;
                let row = repo::insert(conn, &c, label.as_deref(), caller.user_id)?;
                audit::record(
                    conn,
                    Entity::Organisation,
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

/// Corrects an organisation. Staff may correct any; others only one they
/// created and nobody else changed since (they report errors by ticket).
#[utoipa::path(
    tag = "organisations",
    operation_id = "update_organisation",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Organisation id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = OrganisationInput,
    responses(
        (status = 200, description = "Updated", body = OrganisationRow),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not allowed to change this record", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "An active organisation has this SIRET", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Missing or invalid fields", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/organisations/{id}")]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<OrganisationInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let input = body.into_inner();
    let row = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find(conn, id)?;
                let facts = repo::host_record_facts(
                    conn,
                    Entity::Organisation,
                    id,
                    before.created_by,
                    caller.user_id,
                )?;
                access::may_edit_host_record(&caller.roles, facts)
                    .map_err(|r| ApiError::refused(&r, lang))?;
                concurrency::check_version(expected, before.version)?;
                let c = repo::check(&input, lang)?;
                let label = repo::legal_status_label(conn, c.legal_status_code.as_deref(), lang)?;
                if before.active {
                    repo::ensure_siret_free(conn, c.siret.as_deref(), Some(id))?;
                }
                let written = diesel::update(
                    organisations::table
                        .find(id)
                        .filter(organisations::version.eq(before.version)),
                )
                .set((
                    organisations::name.eq(&c.name),
                    organisations::siret.eq(&c.siret),
                    organisations::siren.eq(&c.siren),
                    organisations::naf_code.eq(&c.naf_code),
                    organisations::activity.eq(&c.activity),
                    organisations::headcount.eq(c.headcount),
                    organisations::kind.eq(&c.kind),
                    organisations::legal_status_code.eq(&c.legal_status_code),
                    organisations::legal_status_label.eq(&label),
                    organisations::street.eq(&c.street),
                    organisations::street2.eq(&c.street2),
                    organisations::postal_code.eq(&c.postal_code),
                    organisations::city.eq(&c.city),
                    organisations::country_code.eq(&c.country_code),
                    organisations::department.eq(&c.department),
                    organisations::phone.eq(&c.phone),
                    organisations::email.eq(&c.email),
                    organisations::website.eq(&c.website),
                    organisations::version.eq(before.version + 1),
                    organisations::updated_at.eq(chrono::Utc::now().naive_utc()),
                ))
                .execute(conn)?;
                crate::db::check_written(written)?;
                let after = repo::find(conn, id)?;
                repo::reindex(conn, &after)?;
                audit::record(
                    conn,
                    Entity::Organisation,
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

/// Deactivates an organisation (staff): it is no longer offered, and the
/// conventions that name it keep it.
#[utoipa::path(
    tag = "organisations",
    operation_id = "deactivate_organisation",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Organisation id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 204, description = "Deactivated"),
        NotSignedIn,
        (status = 403, description = "Staff only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[delete("/organisations/{id}")]
pub async fn deactivate(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find(conn, id)?;
                concurrency::check_version(expected, before.version)?;
                let written = diesel::update(
                    organisations::table
                        .find(id)
                        .filter(organisations::version.eq(before.version)),
                )
                .set((
                    organisations::active.eq(false),
                    organisations::version.eq(before.version + 1),
                    organisations::updated_at.eq(chrono::Utc::now().naive_utc()),
                ))
                .execute(conn)?;
                crate::db::check_written(written)?;
                let after = repo::find(conn, id)?;
                audit::record(
                    conn,
                    Entity::Organisation,
                    id,
                    "deactivate",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok::<_, ApiError>(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The changes made to an organisation, oldest first (staff).
#[utoipa::path(
    tag = "organisations",
    operation_id = "get_organisation_history",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The audit trail", body = Vec<AuditEntry>),
        NotSignedIn,
        (status = 403, description = "Staff only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/history")]
pub async fn history(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let id = id.into_inner();
    let entries = state
        .db(move |conn| {
            repo::find(conn, id)?;
            Ok(audit::history(conn, Entity::Organisation, id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(entries))
}
