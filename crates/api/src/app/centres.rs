//! Management centres (Centres de gestion): created by administrators;
//! details and settings changed by the centre's managers too; staff and
//! routing by administrators; the logo printed on their agreements. Each
//! change is audited in the same transaction.

use crate::app::caller;
use crate::auth::Caller;
use crate::concurrency;
use crate::db::audit::{self, Entity};
use crate::db::centres::{self as repo, Centre, CentreRecord};
use crate::error::ApiError;
use crate::fields::Fields;
use crate::state::AppState;
use stages_api_types::centres::{CentreInput, CentreOrganisation};
use stages_domain::access;
use stages_domain::ids::{Country, Email, Phone, PostalCode};
use stages_domain::requests;
use stages_domain::staff::StaffRights;

const MAX_NAME: usize = 255;
/// Managers of one centre, and programmes or faculties it routes: far
/// above a real centre's, low enough to bound one request's work.
const MAX_STAFF: usize = 500;
const MAX_ROUTES: usize = 2000;
/// A logo is printed small on the agreement; larger files are refused.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// Parses and checks a centre's details.
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
    f.extend(input.settings.signature.check());
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

/// Records a centre (administrators).
pub async fn create(
    state: &AppState,
    caller: Caller,
    input: CentreInput,
) -> Result<Centre, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let c = check(&input)?;
    state
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
        .await
}

/// Updates the centre read at version `expected` (administrators, or the
/// centre's managers); only an administrator makes it the fallback. New
/// validation levels re-state its conventions in the same transaction.
pub async fn update(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
    input: CentreInput,
) -> Result<Centre, ApiError> {
    let c = check(&input)?;
    let today = state.today();
    let public_url = state.config.public_url.clone();
    state
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
                if input.settings.validation_levels != before.settings.validation_levels
                    || input.settings.print_condition != before.settings.print_condition
                    || input.settings.signature != before.settings.signature
                {
                    access::may_change_centre_rules(&ctx.roles, ctx.rights_in(id))
                        .map_err(|r| ApiError::refusal(&r))?;
                }
                concurrency::check_version(expected, before.version)?;
                repo::update_at_version(conn, id, before.version, &c)?;
                if input.settings.validation_levels != before.settings.validation_levels {
                    let changed =
                        crate::db::conventions::restatus_centre(conn, id, &input.settings)?;
                    let now = chrono::Utc::now().naive_utc();
                    for convention in &changed {
                        let loaded = crate::db::conventions::load(conn, *convention)?;
                        crate::app::signatures::follow_status(
                            conn,
                            &loaded,
                            &public_url,
                            today,
                            now,
                        )?;
                    }
                    tracing::info!(
                        centre = id,
                        changed = changed.len(),
                        "validation levels changed"
                    );
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
        .await
}

/// Replaces the staff and routing rules of the centre read at version
/// `expected` (administrators); a programme or faculty belongs to one
/// centre only.
pub async fn set_organisation(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
    body: CentreOrganisation,
) -> Result<Centre, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    if body.staff.len() > MAX_STAFF {
        return Err(ApiError::invalid(vec![requests::list_too_long(
            "staff", MAX_STAFF,
        )]));
    }
    if body.routes.len() > MAX_ROUTES {
        return Err(ApiError::invalid(vec![requests::list_too_long(
            "routes", MAX_ROUTES,
        )]));
    }
    for (i, route) in body.routes.iter().enumerate() {
        if route.code.trim().is_empty() || route.code.len() > 64 {
            return Err(ApiError::bad_request(requests::length(
                &format!("routes[{i}].code"),
                64,
            )));
        }
    }
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::load(conn, id)?;
                concurrency::check_version(expected, before.version)?;
                // The version moves first: a concurrent save of the same
                // version then waits here and gets its 412 before it
                // rewrites the staff and the routes.
                repo::claim(conn, id, before.version)?;
                let mut wanted: Vec<(i64, StaffRights)> =
                    body.staff.iter().map(|s| (s.user_id, s.rights)).collect();
                wanted.sort_unstable_by_key(|(user, _)| *user);
                if wanted.windows(2).any(|pair| pair[0].0 == pair[1].0) {
                    return Err(ApiError::invalid(vec![requests::duplicate_in_list(
                        "staff",
                    )]));
                }
                let users: Vec<i64> = wanted.iter().map(|(user, _)| *user).collect();
                if repo::known_users(conn, &users)? != users.len() {
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
        .await
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

/// Stores the centre's logo once its content is a printable PNG or JPEG
/// (decoded off the async workers).
pub async fn upload_logo(
    state: &AppState,
    caller: Caller,
    id: i64,
    body: actix_web::web::Bytes,
) -> Result<(), ApiError> {
    if body.len() > MAX_LOGO_BYTES {
        return Err(ApiError::payload_too_large(MAX_LOGO_BYTES));
    }
    // Decoding takes a while: off the async workers.
    let image = body.clone();
    let media_type = actix_web::web::block(move || logo_media_type(&image))
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
        .await
}
