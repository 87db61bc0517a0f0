//! Host organisations (Établissements d'accueil, seed §4.2): search by name
//! and department, SIRET, activity, phone, address or service; create with
//! the mandatory fields; correct with an audit trail.

use crate::app::organisations as cases;
use crate::auth::{Caller, Credentials};
use crate::concurrency;
use crate::db::audit::AuditEntry;
use crate::db::organisations::{OrganisationOrder, OrganisationSearch};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use serde::{Deserialize, Serialize};
use stages_api_types::organisations::{OrganisationInput, OrganisationRow};
use stages_domain::ids::{NafCode, Phone, Siret};
use stages_domain::requests;
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

/// Where a page of organisations starts, as its cursor holds it.
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
enum Position {
    /// The previous page's last (name, id), when listing by name.
    Name(String, i64),
    /// The previous page's last id, when words are searched (newest first).
    Newest(i64),
}

/// Searches host organisations; every criterion given must match. Words of
/// the name, address or a service list the newest first; other criteria
/// list by name.
#[utoipa::path(
    tag = "organisations",
    operation_id = "search_organisations",
    security(("bearer" = [])),
    params(OrganisationQuery),
    responses(
        (status = 200, description = "One page of organisations: newest first when words are searched, else by name", body = Page<OrganisationRow>),
        (status = 400, description = "Malformed criterion", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/organisations")]
pub async fn search(
    state: web::Data<AppState>,
    credentials: Credentials,
    query: crate::extract::Query<OrganisationQuery>,
) -> Result<HttpResponse, ApiError> {
    let (credentials, (criteria, limit, newest)) = state
        .search_query(credentials, asked(query.into_inner()))
        .await?;
    let rows = cases::search(&state, credentials, criteria).await?;
    let organisations = crate::pagination::from_rows(rows, limit, |o| {
        if newest {
            Position::Newest(o.id)
        } else {
            Position::Name(o.name.clone(), o.id)
        }
    })
    .map(|o| o.wire());
    Ok(HttpResponse::Ok().json(organisations))
}

/// Reads the query: the criteria, the page's size, and whether words are
/// searched (newest first) rather than listed by name.
fn asked(query: OrganisationQuery) -> Result<(OrganisationSearch, i64, bool), ApiError> {
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = page.limit()?;
    let after: Option<Position> = page.after()?;
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
    let name = crate::fields::search_words("name", query.name.as_deref())?;
    let address = crate::fields::search_words("address", query.address.as_deref())?;
    let service = crate::fields::search_words("service", query.service.as_deref())?;
    let newest = !(name.is_empty() && address.is_empty() && service.is_empty());
    let order = match (newest, after) {
        (false, None) => OrganisationOrder::Name(None),
        (false, Some(Position::Name(name, id))) => OrganisationOrder::Name(Some((name, id))),
        (true, None) => OrganisationOrder::Newest(None),
        (true, Some(Position::Newest(id))) => OrganisationOrder::Newest(Some(id)),
        _ => return Err(ApiError::bad_request(requests::page_cursor())),
    };
    let criteria = OrganisationSearch {
        // Only staff see inactive hosts: decided once the caller is known.
        include_inactive: query.include_inactive,
        name,
        address,
        service,
        department: query
            .department
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_uppercase),
        siret,
        naf,
        phone,
        order,
        limit: limit + 1,
    };
    Ok((criteria, limit, newest))
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
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = cases::get(&state, id).await?;
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
    query: crate::extract::Query<CreateQuery>,
    body: Json<OrganisationInput>,
) -> Result<HttpResponse, ApiError> {
    match cases::create(&state, caller, body.into_inner(), query.dry_run).await? {
        None => Ok(HttpResponse::NoContent().finish()),
        Some(row) => Ok(HttpResponse::Created()
            .insert_header(concurrency::etag(row.version))
            .json(row.wire())),
    }
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
    req: HttpRequest,
    id: Path<i64>,
    body: Json<OrganisationInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let row = cases::update(&state, caller, id.into_inner(), expected, body.into_inner()).await?;
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
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    cases::deactivate(&state, caller, id.into_inner(), expected).await?;
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
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(cases::history(&state, caller, id.into_inner()).await?))
}
