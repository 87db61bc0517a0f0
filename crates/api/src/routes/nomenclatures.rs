//! Reference tables (Tables de nomenclature): read by everyone, changed by
//! administrators. A value is never deleted, only deactivated: conventions
//! keep the label they were signed with, and old records keep resolving.

use crate::auth::Caller;
use crate::concurrency;
use crate::db::audit::{self, Entity};
use crate::db::nomenclatures::{self as repo, ValueTexts};
use crate::db::reference;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::{self, Lang};
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use serde::Deserialize;
use stages_domain::{access, references, requests};
use utoipa::IntoParams;

/// Longest code and label accepted.
const MAX_CODE: usize = 32;
const MAX_LABEL: usize = 255;

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
    let counts: Vec<(String, i64)> = state.db(|conn| Ok(repo::counts(conn)?)).await?;
    let kinds: Vec<NomenclatureKind> = reference::KINDS
        .iter()
        .map(|k| NomenclatureKind {
            kind: k.code.to_owned(),
            title: i18n::text(lang, k.title),
            system: k.system,
            values: counts
                .iter()
                .find(|(kind, _)| kind == k.code)
                .map_or(0, |(_, n)| *n),
        })
        .collect();
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

fn known_kind(kind: &str) -> Result<&'static reference::Kind, ApiError> {
    reference::kind(kind).ok_or_else(ApiError::not_found)
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
    kind: web::Path<String>,
    query: crate::extract::Query<ValuesQuery>,
) -> Result<HttpResponse, ApiError> {
    let kind = known_kind(&kind)?.code;
    let query = query.into_inner();
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor.clone(),
    };
    let limit = page.limit()?;
    let after: Option<(i32, String)> = page.after()?;
    let words = crate::fields::search_words("q", query.q.as_deref())?;
    let rows = state
        .db(move |conn| {
            let rows: Vec<NomenclatureValue> = if words.is_empty() {
                repo::values(conn, kind, query.include_inactive, after, Some(limit + 1))?
            } else {
                // Reference tables are small (at most a few thousand rows):
                // filter the words in memory, after accent folding.
                repo::values(conn, kind, query.include_inactive, after, None)?
                    .into_iter()
                    .filter(|v| {
                        let haystack = crate::text::normalise(&format!(
                            "{} {} {}",
                            v.code,
                            v.label,
                            v.label_en.as_deref().unwrap_or("")
                        ));
                        words.iter().all(|w| haystack.contains(w.as_str()))
                    })
                    .take(usize::try_from(limit + 1).unwrap_or(usize::MAX))
                    .collect()
            };
            Ok(rows)
        })
        .await?;
    Ok(
        HttpResponse::Ok().json(crate::pagination::from_rows(rows, limit, |v| {
            (v.position, v.code.clone())
        })),
    )
}

pub use stages_api_types::nomenclatures::NewValue;

fn check_text(field: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.trim().is_empty() || value.chars().count() > max {
        Err(ApiError::bad_request(requests::length(field, max)))
    } else {
        Ok(())
    }
}

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
    kind: web::Path<String>,
    body: Json<NewValue>,
) -> Result<HttpResponse, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let kind = known_kind(&kind)?;
    references::may_add_value(kind.system).map_err(|r| ApiError::refusal(&r))?;
    let value = body.into_inner();
    let code = value.code.trim().to_owned();
    check_text("code", &code, MAX_CODE)?;
    check_text("label", &value.label, MAX_LABEL)?;
    if let Some(en) = &value.label_en {
        check_text("label_en", en, MAX_LABEL)?;
    }
    let kind_code = kind.code;
    let created = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let texts = ValueTexts {
                    label: value.label.trim(),
                    label_en: value.label_en.as_deref().map(str::trim),
                };
                let created = repo::insert(conn, kind_code, &code, &texts)?;
                audit::record(
                    conn,
                    Entity::Nomenclature,
                    0,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&created),
                )?;
                Ok::<_, ApiError>(created)
            })
        })
        .await?;
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
    path: web::Path<(String, String)>,
    body: Json<ValueUpdate>,
) -> Result<HttpResponse, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let expected = concurrency::expected_version(&req)?;
    let (kind, code) = path.into_inner();
    let kind = known_kind(&kind)?.code;
    let update = body.into_inner();
    check_text("label", &update.label, MAX_LABEL)?;
    if let Some(en) = &update.label_en {
        check_text("label_en", en, MAX_LABEL)?;
    }
    let updated = state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let before = repo::find(conn, kind, &code)?;
                concurrency::check_version(expected, before.version)?;
                let texts = ValueTexts {
                    label: update.label.trim(),
                    label_en: update.label_en.as_deref().map(str::trim),
                };
                repo::update_at_version(conn, kind, &code, before.version, &texts, update.active)?;
                let after = repo::find(conn, kind, &code)?;
                audit::record(
                    conn,
                    Entity::Nomenclature,
                    0,
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
        .insert_header(concurrency::etag(updated.version))
        .json(updated))
}
