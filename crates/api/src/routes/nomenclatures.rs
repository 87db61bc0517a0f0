//! Reference tables (Tables de nomenclature): read by everyone, changed by
//! administrators. A value is never deleted, only deactivated: conventions
//! keep the label they were signed with, and old records keep resolving.

use crate::app::nomenclatures as cases;
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::i18n::Lang;
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;

pub use stages_api_types::nomenclatures::{NomenclatureKind, NomenclatureValue};

/// Lists the reference tables.
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "list_nomenclature_kinds",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The reference tables", body = Vec<NomenclatureKind>),
        NotSignedIn,
    )
)]
#[get("/nomenclatures")]
pub async fn list_kinds(
    state: web::Data<AppState>,
    _caller: Caller,
    lang: Lang,
) -> Result<HttpResponse, ApiError> {
    let kinds = cases::kinds(&state, lang).await?;
    Ok(HttpResponse::Ok().json(kinds))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ValuesQuery {
    /// Words of the code or label (case- and accent-insensitive).
    pub q: Option<String>,
    /// Include deactivated values (default: only active ones).
    #[serde(default)]
    pub include_inactive: bool,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Lists the values of a reference table, in display order.
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "list_nomenclature_values",
    security(("bearer" = [])),
    params(("kind" = String, Path, description = "The table, e.g. `theme`"), ValuesQuery),
    responses(
        (status = 200, description = "One page of values", body = Page<NomenclatureValue>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 404, description = "No such table", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/nomenclatures/{kind}")]
pub async fn list_values(
    state: web::Data<AppState>,
    _caller: Caller,
    kind: Path<String>,
    query: crate::extract::Query<ValuesQuery>,
) -> Result<HttpResponse, ApiError> {
    let kind = cases::known_kind(&kind)?.code;
    let query = query.into_inner();
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = page.limit()?;
    let after: Option<(i32, String)> = page.after()?;
    let words = crate::fields::search_words("q", query.q.as_deref())?;
    let rows = cases::values(&state, kind, query.include_inactive, words, after, limit).await?;
    Ok(
        HttpResponse::Ok().json(crate::pagination::from_rows(rows, limit, |v| {
            (v.position, v.code.clone())
        })),
    )
}

pub use stages_api_types::nomenclatures::NewValue;

/// Adds a value to a reference table (administrators).
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "create_nomenclature_value",
    security(("bearer" = [])),
    params(("kind" = String, Path, description = "The table, e.g. `theme`")),
    request_body = NewValue,
    responses(
        (status = 201, description = "Created", body = NomenclatureValue),
        (status = 400, description = "Malformed value", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such table", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The code exists, or the table is a system table", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/nomenclatures/{kind}")]
pub async fn create_value(
    state: web::Data<AppState>,
    caller: Caller,
    kind: Path<String>,
    body: Json<NewValue>,
) -> Result<HttpResponse, ApiError> {
    let created = cases::create(&state, caller, &kind, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(created.version))
        .json(created))
}

pub use stages_api_types::nomenclatures::ValueUpdate;

/// Renames or (de)activates a value (administrators). Existing conventions
/// keep the label they were created with.
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "update_nomenclature_value",
    security(("bearer" = [])),
    params(
        ("kind" = String, Path, description = "The table"),
        ("code" = String, Path, description = "The value's code"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = ValueUpdate,
    responses(
        (status = 200, description = "Updated", body = NomenclatureValue),
        (status = 400, description = "Malformed value", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such value", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[put("/nomenclatures/{kind}/{code}")]
pub async fn update_value(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    path: Path<(String, String)>,
    body: Json<ValueUpdate>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let (kind, code) = path.into_inner();
    let updated = cases::update(&state, caller, &kind, code, expected, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(updated.version))
        .json(updated))
}
