//! Statistics (Statistiques): the indicators of a centre's year for its
//! managers, of the whole university for administrators; as JSON for the
//! SPA's charts, and as CSV or XLSX.

use crate::app::caller;
use crate::app::statistics::{self, Scope, Statistics};
use crate::auth::Credentials;
use crate::db::centres;
use crate::error::{ApiError, Problem};
use crate::exports::{self, SheetFormat};
use crate::i18n::Lang;
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use stages_domain::access;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// The centre; omitted, the whole university (administrators).
    pub centre_id: Option<i64>,
    /// `2026-2027`
    pub academic_year: String,
    /// Export only: `csv` (default) or `xlsx`.
    pub format: Option<String>,
}

/// Checks the caller's right, then computes, in one of the
/// searches' turns ([`AppState::search_as`], the token checked there
/// too): the indicators of a year read every convention of it and keep a
/// core busy as a search does. Without a turn, eight clients held eight
/// of the pool's ten connections (p95 45 ms at 100k PostgreSQL,
/// BENCHMARKS.md eleventh run).
async fn indicators(
    state: &web::Data<AppState>,
    credentials: Credentials,
    lang: Lang,
    scope: Scope,
) -> Result<Statistics, ApiError> {
    state
        .search_as(credentials, move |conn, caller| {
            let ctx = caller::load(conn, caller)?;
            if let Some(centre) = scope.centre_id {
                centres::find_row(conn, centre)?;
            }
            access::may_view_statistics(&ctx.roles, scope.centre_id.map(|c| ctx.rights_in(c)))
                .map_err(|r| ApiError::refusal(&r))?;
            statistics::compute(conn, &scope, lang)
        })
        .await
}

/// The centre and year a query asks.
fn scope_of(query: &StatisticsQuery) -> Result<Scope, ApiError> {
    Ok(Scope {
        centre_id: query.centre_id,
        academic_year: crate::exports::academic_year(&query.academic_year)?,
    })
}

/// The indicators: conventions by status, host, country, department and
/// programme; durations and stipends in the statutory bands; completion of
/// the evaluations.
#[utoipa::path(
    tag = "statistics",
    operation_id = "get_statistics",
    security(("bearer" = [])),
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The indicators", body = Statistics),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre (or not an administrator, for the university)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics")]
pub async fn get_statistics(
    state: web::Data<AppState>,
    credentials: Credentials,
    lang: Lang,
    query: crate::extract::Query<StatisticsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (credentials, scope) = state.search_query(credentials, scope_of(&query)).await?;
    let stats = indicators(&state, credentials, lang, scope).await?;
    Ok(HttpResponse::Ok().json(stats))
}

/// The same indicators as a spreadsheet: one table per indicator (one
/// sheet each in XLSX).
#[utoipa::path(
    tag = "statistics",
    operation_id = "export_statistics",
    security(("bearer" = [])),
    params(StatisticsQuery),
    responses(
        (status = 200, description = "CSV (UTF-8, semicolons) or XLSX", content_type = "text/csv", body = String),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/export")]
pub async fn export_statistics(
    state: web::Data<AppState>,
    credentials: Credentials,
    lang: Lang,
    query: crate::extract::Query<StatisticsQuery>,
) -> Result<HttpResponse, ApiError> {
    let read = exports::parse_format(query.format.as_deref())
        .and_then(|format: SheetFormat| Ok((format, scope_of(&query)?)));
    let (credentials, (format, scope)) = state.search_query(credentials, read).await?;
    let stats = indicators(&state, credentials, lang, scope).await?;
    let name = match stats.centre_id {
        Some(centre) => format!("statistiques-centre-{centre}-{}", stats.academic_year),
        None => format!("statistiques-{}", stats.academic_year),
    };
    exports::respond(&statistics::tables(&stats, lang), format, &name)
}
