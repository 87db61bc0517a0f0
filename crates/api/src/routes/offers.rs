//! Offers (Offres de stage et d'emploi, seed §1): the centres' staff write,
//! publish, take back and close offers; students search the published
//! ones by keywords, place, kind and dates, and link one in the wizard.

use crate::app::offers as cases;
use crate::auth::{Caller, Credentials};
use crate::concurrency;
use crate::db::offers::OfferSearch;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::i18n::Lang;
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use serde::Deserialize;
use stages_api_types::offers::{CloseInput, OfferInput, OfferView};
use stages_domain::model::{OfferAction, OfferKind, OfferStatus};
use stages_domain::requests;
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
    credentials: Credentials,
    lang: Lang,
    query: crate::extract::Query<OfferQuery>,
) -> Result<HttpResponse, ApiError> {
    let (credentials, (asked, criteria)) = state
        .search_query(credentials, asked(query.into_inner()))
        .await?;
    let page = cases::search(&state, credentials, asked, criteria, lang).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Reads the query: the status asked (decided once the caller is known)
/// and the other criteria.
fn asked(query: OfferQuery) -> Result<(Option<OfferStatus>, OfferSearch), ApiError> {
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
    let keywords = crate::fields::search_words("q", query.q.as_deref())?;
    let place = crate::fields::search_words("place", query.place.as_deref())?;
    let criteria = OfferSearch {
        // Decided once the caller is known (`cases::search`).
        status: None,
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
        centre_id: query.centre_id,
        after,
        limit: limit + 1,
    };
    Ok((asked, criteria))
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
    let view = cases::create(&state, caller, lang, body.into_inner()).await?;
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
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let view = cases::get(&state, caller, lang, id.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
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
    id: Path<i64>,
    body: Json<OfferInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = cases::update(
        &state,
        caller,
        lang,
        id.into_inner(),
        expected,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(view.version))
        .json(view))
}

/// Applies a status change: the domain decides whether it may happen, and
/// publishing needs the offer complete.
/// The offer after a change of status, with its new version.
async fn change_status(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: i64,
    action: OfferAction,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view: OfferView = cases::change_status(&state, caller, lang, id, expected, action).await?;
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
    id: Path<i64>,
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
    id: Path<i64>,
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
    id: Path<i64>,
    body: Json<CloseInput>,
) -> Result<HttpResponse, ApiError> {
    let action = if body.into_inner().filled {
        OfferAction::CloseFilled
    } else {
        OfferAction::CloseWithdrawn
    };
    change_status(state, caller, lang, req, id.into_inner(), action).await
}
