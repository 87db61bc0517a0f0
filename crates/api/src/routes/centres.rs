//! Management centres (Centres de gestion): read by every signed-in user;
//! created by administrators; details and settings changed by the centre's
//! managers too; staff and routing by administrators.

use crate::app::caller;
use crate::auth::Caller;
use crate::concurrency;
use crate::db::audit::{self, Entity};
use crate::db::centres::{self as repo, Centre, CentreRecord};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::fields::Fields;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use stages_domain::access;
use stages_domain::ids::{Country, Email, Phone, PostalCode};
use stages_domain::requests;

const MAX_NAME: usize = 255;
/// A logo is printed small on the agreement; larger files are refused.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

pub use stages_api_types::centres::CentreInput;

fn check(input: &CentreInput) -> Result<CentreRecord, ApiError> {
    let mut f = Fields::new();
    let name = f.text("name", &input.name, MAX_NAME);
    let street = f.text("street", &input.street, MAX_NAME);
    let city = f.text("city", &input.city, MAX_NAME);
    let country = f.id("country_code", &input.country_code, Country::parse);
    let postal_code = if country.as_ref().is_some_and(Country::is_french_territory) {
        f.id("postal_code", &input.postal_code, PostalCode::parse)
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default()
    } else {
        f.text("postal_code", &input.postal_code, 16)
    };
    let email = f
        .optional_id("email", input.email.as_deref(), Email::parse)
        .map(|e| e.as_str().to_owned());
    let phone = f
        .optional_id("phone", input.phone.as_deref(), Phone::parse)
        .map(|p| p.as_str().to_owned());
    let signatory_name =
        f.optional_text("signatory_name", input.signatory_name.as_deref(), MAX_NAME);
    let signatory_position = f.optional_text(
        "signatory_position",
        input.signatory_position.as_deref(),
        MAX_NAME,
    );
    f.finish()?;
    Ok(CentreRecord {
        name,
        level: input.level,
        is_fallback: input.is_fallback,
        street,
        postal_code,
        city,
        country_code: country.map(|c| c.as_str().to_owned()).unwrap_or_default(),
        email,
        phone,
        signatory_name,
        signatory_position,
        settings: input.settings.clone(),
    })
}

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
    id: web::Path<i64>,
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
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let input = body.into_inner();
    let c = check(&input)?;
    let centre = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let id = repo::insert(conn, &c)?;
                let centre = repo::load(conn, id)?;
                audit::record(
                    conn,
                    Entity::Centre,
                    id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&centre),
                )?;
                Ok::<_, ApiError>(centre)
            })
        })
        .await?;
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
    id: web::Path<i64>,
    body: Json<CentreInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let input = body.into_inner();
    let c = check(&input)?;
    let centre = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            crate::db::transaction(conn, |conn| {
                let before = repo::load(conn, id)?;
                access::may_edit_centre(&ctx.roles, ctx.manages(id))
                    .map_err(|r| ApiError::refusal(&r))?;
                if input.is_fallback != before.is_fallback {
                    access::may_manage_reference_data(&ctx.roles)
                        .map_err(|r| ApiError::refusal(&r))?;
                }
                concurrency::check_version(expected, before.version)?;
                repo::update_at_version(conn, id, before.version, &c)?;
                if input.settings.validation_levels != before.settings.validation_levels {
                    let changed =
                        crate::db::conventions::restatus_centre(conn, id, &input.settings)?;
                    tracing::info!(centre = id, changed, "validation levels changed");
                }
                let after = repo::load(conn, id)?;
                audit::record(
                    conn,
                    Entity::Centre,
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
    id: web::Path<i64>,
    body: Json<CentreOrganisation>,
) -> Result<HttpResponse, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let body = body.into_inner();
    for (i, route) in body.routes.iter().enumerate() {
        if route.code.trim().is_empty() || route.code.len() > 64 {
            return Err(ApiError::bad_request(requests::length(
                &format!("routes[{i}].code"),
                64,
            )));
        }
    }
    let centre = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::load(conn, id)?;
                concurrency::check_version(expected, before.version)?;
                // The version moves first: a concurrent save of the same
                // version then waits here and gets its 412 before it
                // rewrites the staff and the routes.
                repo::claim(conn, id, before.version)?;
                let mut wanted = body.staff.clone();
                wanted.sort_unstable();
                wanted.dedup();
                if repo::known_users(conn, &wanted)? != wanted.len() {
                    return Err(ApiError::invalid(vec![requests::unknown_user_in_list(
                        "staff",
                    )]));
                }
                repo::replace_staff(conn, id, &wanted)?;
                let routes: Vec<_> = body
                    .routes
                    .iter()
                    .map(|r| (r.kind, r.code.trim().to_owned()))
                    .collect();
                repo::replace_routes(conn, id, &routes)?
                    .map_err(|code| ApiError::refusal(&access::route_taken(&code)))?;
                let after = repo::load(conn, id)?;
                audit::record(
                    conn,
                    Entity::Centre,
                    id,
                    "organisation",
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok(after)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(centre.version))
        .json(centre))
}

/// The media type of an uploaded logo, told by its content (never by its
/// name or the declared type), once the whole file decodes as that image.
fn logo_media_type(bytes: &[u8]) -> Option<&'static str> {
    use crate::documents::{LogoType, logo_is_printable};
    let (kind, name) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (LogoType::Png, "image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (LogoType::Jpeg, "image/jpeg")
    } else {
        return None;
    };
    logo_is_printable(bytes, kind).then_some(name)
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
    id: web::Path<i64>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    if body.len() > MAX_LOGO_BYTES {
        return Err(ApiError::payload_too_large(MAX_LOGO_BYTES));
    }
    // Decoding takes a while: off the async workers.
    let image = body.clone();
    let media_type = web::block(move || logo_media_type(&image))
        .await?
        .ok_or_else(|| ApiError::invalid(vec![requests::image_format("logo")]))?;
    state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            repo::find_row(conn, id)?;
            access::may_edit_centre(&ctx.roles, ctx.manages(id))
                .map_err(|r| ApiError::refusal(&r))?;
            repo::set_logo(conn, id, &body, media_type)?;
            audit::record(
                conn,
                Entity::Centre,
                id,
                "logo",
                Some(caller.user_id),
                None::<&()>,
                Some(&media_type),
            )?;
            Ok(())
        })
        .await?;
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
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (bytes, media_type) = state.db(move |conn| Ok(repo::logo(conn, id)?)).await?;
    Ok(HttpResponse::Ok().content_type(media_type).body(bytes))
}
