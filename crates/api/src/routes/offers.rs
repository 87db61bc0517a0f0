//! Offers (Offres de stage et d'emploi, seed §1): the centres' staff write,
//! publish, take back and close offers; students search the published
//! ones by keywords, place, kind and dates, and link one in the wizard.

use crate::audit::{self, Entity};
use crate::auth::Caller;
use crate::caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::codec;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::offers::{self as repo, OfferRow, OfferView};
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use serde::Deserialize;
use stages_domain::model::{Offer, OfferAction, OfferKind, OfferStatus};
use stages_domain::offer;
use stages_domain::offer::{check_editable, check_offer, is_visible_to_students, transition};
use stages_domain::rules::CheckMode;
use stages_domain::{access, requests};
use utoipa::IntoParams;

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OfferQuery {
    /// Words of the title, the description or the host's name.
    pub q: Option<String>,
    /// Town, postcode, department ("25") or country code ("DE").
    pub place: Option<String>,
    /// `internship`, `apprenticeship`, `job` or `volunteering`.
    pub kind: Option<String>,
    /// Offers still running on or after this day (those without an end
    /// date included).
    pub from: Option<NaiveDate>,
    /// Offers starting on or before this day (those without a start date
    /// included).
    pub until: Option<NaiveDate>,
    /// The offer's number, as students type it in the wizard.
    pub number: Option<String>,
    /// Staff only: `draft`, `published`, `filled` or `withdrawn` (students
    /// only ever see published offers).
    pub status: Option<String>,
    /// Staff only: the offers of one centre.
    pub centre_id: Option<i64>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Searches offers, newest first; every criterion given must match.
#[utoipa::path(
    tag = "offers",
    operation_id = "search_offers",
    security(("bearer" = [])),
    params(OfferQuery),
    responses(
        (status = 200, description = "One page of offers", body = Page<OfferView>),
        (status = 400, description = "Malformed criterion", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/offers")]
pub async fn search_offers(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    query: crate::extract::Query<OfferQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let params = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = params.limit()?;
    let after: Option<i64> = params.after()?;
    let kind = match query.kind.as_deref().filter(|k| !k.is_empty()) {
        Some(k) => Some(crate::db::codec::from_query::<OfferKind>(k).ok_or_else(|| {
            ApiError::bad_request(requests::query_one_of(
                "kind",
                &["internship", "apprenticeship", "job", "volunteering"],
            ))
        })?),
        None => None,
    };
    let asked = match query.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => Some(
            crate::db::codec::from_query::<OfferStatus>(s).ok_or_else(|| {
                ApiError::bad_request(requests::query_one_of(
                    "status",
                    &["draft", "published", "filled", "withdrawn"],
                ))
            })?,
        ),
        None => None,
    };
    let staff = access::is_staff(&caller.roles);
    let status = offer::listed_status(staff, asked, "status").map_err(ApiError::bad_request)?;
    let keywords = crate::search::words("q", query.q.as_deref())?;
    let place = crate::search::words("place", query.place.as_deref())?;
    let criteria = repo::OfferSearch {
        status,
        kind,
        keywords,
        place,
        from: query.from,
        until: query.until,
        number: query
            .number
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .map(|n| {
                n.chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_uppercase()
            }),
        centre_id: query.centre_id.filter(|_| staff),
        after,
        limit: limit + 1,
    };
    let page = state
        .search(move |conn| {
            let rows = repo::search(conn, criteria)?;
            let page = crate::pagination::from_rows(rows, limit, |r| r.id);
            let mut items = Vec::with_capacity(page.items.len());
            for row in &page.items {
                items.push(repo::view(conn, row, staff, lang)?);
            }
            Ok(Page {
                items,
                next_cursor: page.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

pub use stages_api_types::offers::OfferInput;

fn ensure_host(conn: &mut AnyConnection, id: i64, lang: Lang) -> Result<(), ApiError> {
    let active = repo::organisation_active(conn, id)?;
    stages_domain::references::organisation(active, |active| *active, "organisation_id")
        .map(|_| ())
        .map_err(|v| ApiError::violation(&v, lang))
}

/// Refuses an offer with errors (a draft may miss fields, not be wrong).
fn check_draft(offer: &Offer, lang: Lang) -> Result<(), ApiError> {
    let found = check_offer(offer, CheckMode::Draft);
    if stages_domain::violation::has_errors(&found) {
        Err(ApiError::from_violations(&found, lang))
    } else {
        Ok(())
    }
}

/// Writes a new offer as a draft, with its number (staff).
#[utoipa::path(
    tag = "offers",
    operation_id = "create_offer",
    security(("bearer" = [])),
    request_body = OfferInput,
    responses(
        (status = 201, description = "Created as a draft", body = OfferView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Staff only, of the chosen centre", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Incoherent offer, or no such host", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/offers")]
pub async fn create_offer(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    body: Json<OfferInput>,
) -> Result<HttpResponse, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let input = body.into_inner();
    check_draft(&input.offer, lang)?;
    let today = state.today();
    let view = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let centre = match input.centre_id {
                Some(c) => {
                    crate::db::centres::find_row(conn, c)?;
                    Some(c)
                }
                None => ctx.centre_ids.first().copied(),
            };
            access::may_manage_offer(&ctx.roles, centre.is_some_and(|c| ctx.manages(c)))
                .map_err(|r| ApiError::refused(&r, lang))?;
            crate::db::transaction(conn, |conn| {
                ensure_host(conn, input.organisation_id, lang)?;
                let row = repo::insert(
                    conn,
                    &input.offer,
                    input.organisation_id,
                    centre,
                    ctx.user_id,
                    today,
                )?;
                audit::record(
                    conn,
                    Entity::Offer,
                    row.id,
                    "create",
                    Some(ctx.user_id),
                    None::<&()>,
                    Some(&row),
                )?;
                repo::view(conn, &row, true, lang)
            })
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// One offer: students see published ones only.
#[utoipa::path(
    tag = "offers",
    operation_id = "get_offer",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Offer id")),
    responses(
        (status = 200, description = "The offer", body = OfferView, headers(("ETag" = String, description = "Version"))),
        NotSignedIn,
        (status = 404, description = "No such offer, or not published", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/offers/{id}")]
pub async fn get_offer(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let staff = access::is_staff(&caller.roles);
    let view = state
        .db(move |conn| {
            let row = repo::find(conn, id)?;
            if !staff && !is_visible_to_students(row.status()?) {
                return Err(ApiError::not_found());
            }
            repo::view(conn, &row, staff, lang)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// The offer and the caller's right to manage it.
fn managed(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
    lang: Lang,
) -> Result<(caller::Context, OfferRow), ApiError> {
    let ctx = caller::load(conn, caller)?;
    let row = repo::find(conn, id)?;
    access::may_manage_offer(&ctx.roles, row.centre_id.is_some_and(|c| ctx.manages(c)))
        .map_err(|r| ApiError::refused(&r, lang))?;
    Ok((ctx, row))
}

/// Corrects an offer (its managers); a published one must stay complete.
#[utoipa::path(
    tag = "offers",
    operation_id = "update_offer",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Offer id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = OfferInput,
    responses(
        (status = 200, description = "Updated", body = OfferView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not a manager of its centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Incoherent offer, or incomplete while published", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/offers/{id}")]
pub async fn update_offer(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<OfferInput>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let input = body.into_inner();
    check_draft(&input.offer, lang)?;
    let view = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, before) = managed(conn, &caller, id, lang)?;
                concurrency::check_version(expected, before.version)?;
                let status = before.status()?;
                check_editable(status).map_err(|r| ApiError::refused(&r, lang))?;
                if status == OfferStatus::Published {
                    let found = check_offer(&input.offer, CheckMode::Complete);
                    if stages_domain::violation::has_errors(&found) {
                        return Err(ApiError::from_violations(&found, lang));
                    }
                }
                ensure_host(conn, input.organisation_id, lang)?;
                let after = repo::update(conn, &before, &input.offer, input.organisation_id)?;
                audit::record(
                    conn,
                    Entity::Offer,
                    id,
                    "update",
                    Some(ctx.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                repo::view(conn, &after, true, lang)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// Applies a status change: the domain decides whether it may happen, and
/// publishing needs the offer complete.
async fn change_status(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: i64,
    action: OfferAction,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (ctx, before) = managed(conn, &caller, id, lang)?;
                concurrency::check_version(expected, before.version)?;
                let next = transition(before.status()?, action)
                    .map_err(|r| ApiError::refused(&r, lang))?;
                if next == OfferStatus::Published {
                    let found = check_offer(&before.to_domain()?, CheckMode::Complete);
                    if stages_domain::violation::has_errors(&found) {
                        return Err(ApiError::from_violations(&found, lang));
                    }
                }
                let after = repo::set_status(conn, &before, next)?;
                audit::record(
                    conn,
                    Entity::Offer,
                    id,
                    &codec::to_code(action),
                    Some(ctx.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                repo::view(conn, &after, true, lang)
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// Publishes a draft: students see it (it must be complete).
#[utoipa::path(
    tag = "offers",
    operation_id = "publish_offer",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Offer id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Published", body = OfferView),
        NotSignedIn,
        (status = 403, description = "Not a manager of its centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already published, or closed (OFR-02)", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Incomplete", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/offers/{id}/publish")]
pub async fn publish_offer(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change_status(
        state,
        caller,
        lang,
        req,
        id.into_inner(),
        OfferAction::Publish,
    )
    .await
}

/// Takes a published offer back to draft: students no longer see it.
#[utoipa::path(
    tag = "offers",
    operation_id = "unpublish_offer",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Offer id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Back to draft", body = OfferView),
        NotSignedIn,
        (status = 403, description = "Not a manager of its centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published, or closed (OFR-02)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/offers/{id}/unpublish")]
pub async fn unpublish_offer(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    change_status(
        state,
        caller,
        lang,
        req,
        id.into_inner(),
        OfferAction::Unpublish,
    )
    .await
}

pub use stages_api_types::offers::CloseInput;

/// Closes an offer for good: filled, or withdrawn.
#[utoipa::path(
    tag = "offers",
    operation_id = "close_offer",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Offer id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = CloseInput,
    responses(
        (status = 200, description = "Closed", body = OfferView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Not a manager of its centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such offer", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already closed, or a draft marked filled (OFR-02)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/offers/{id}/close")]
pub async fn close_offer(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<CloseInput>,
) -> Result<HttpResponse, ApiError> {
    let action = if body.into_inner().filled {
        OfferAction::CloseFilled
    } else {
        OfferAction::CloseWithdrawn
    };
    change_status(state, caller, lang, req, id.into_inner(), action).await
}
