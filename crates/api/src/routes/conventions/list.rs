//! Searching conventions.

use crate::app::conventions::{self as app, SearchInput};
use crate::auth::Credentials;
use crate::error::{ApiError, Problem};
use crate::pagination::{Page, PageParams};
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use stages_api_types::conventions::ConventionSummary;
use stages_domain::lifecycle::Status;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ConventionQuery {
    /// Convention number (`2026-000123`), student number, or words of the
    /// student's name.
    pub q: Option<String>,
    pub centre_id: Option<i64>,
    /// `2026-2027`
    pub academic_year: Option<String>,
    pub status: Option<Status>,
    pub organisation_id: Option<i64>,
    pub student_id: Option<i64>,
    /// Only conventions not signed by every party before the first day
    /// (CONV-03).
    pub unsigned_at_start: Option<bool>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Searches conventions (seed §8) by number, student number or name, with
/// staff filters; newest first.
#[utoipa::path(
    tag = "conventions",
    operation_id = "search_conventions",
    security(("bearer" = [])),
    params(ConventionQuery),
    responses(
        (status = 200, description = "One page of conventions the caller may see", body = Page<ConventionSummary>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/conventions")]
pub async fn search(
    state: web::Data<AppState>,
    credentials: Credentials,
    query: crate::extract::Query<ConventionQuery>,
) -> Result<HttpResponse, ApiError> {
    let today = state.today();
    let (credentials, (input, after, limit)) = state
        .search_query(credentials, asked(query.into_inner(), today))
        .await?;
    let page = state
        .search_as(credentials, move |conn, caller| {
            app::search(conn, caller, input, after, limit)
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Reads the query: the criteria, where the page starts and its size.
fn asked(
    query: ConventionQuery,
    today: chrono::NaiveDate,
) -> Result<(SearchInput, Option<i64>, i64), ApiError> {
    let page = PageParams {
        limit: query.limit,
        cursor: query.cursor,
    };
    let limit = page.limit()?;
    let after: Option<i64> = page.after()?;
    let input = SearchInput {
        text: query.q,
        centre: query.centre_id,
        academic_year: query.academic_year,
        status: query.status,
        organisation: query.organisation_id,
        student: query.student_id,
        unsigned_at_start: query.unsigned_at_start.unwrap_or(false),
        today,
    };
    Ok((input, after, limit))
}
