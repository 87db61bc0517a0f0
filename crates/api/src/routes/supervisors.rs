//! Searching the directory for an academic supervisor (step 6).

use crate::auth::Caller;
use crate::directory::{self, MIN_QUERY_CHARS, Person};
use crate::error::{ApiError, Problem};
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use stages_domain::requests;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SupervisorQuery {
    /// Name, or its beginning (at least 2 characters).
    pub q: String,
}

/// Searches the teaching staff by name (at most 50 results).
#[utoipa::path(
    tag = "supervisors",
    operation_id = "search_supervisors",
    security(("bearer" = [])),
    params(SupervisorQuery),
    responses(
        (status = 200, description = "Matching teaching staff, by name", body = Vec<Person>),
        (status = 400, description = "Query shorter than 2 characters", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 503, description = "The directory does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/supervisors")]
pub async fn search(
    state: web::Data<AppState>,
    _caller: Caller,
    query: crate::extract::Query<SupervisorQuery>,
) -> Result<HttpResponse, ApiError> {
    let q = query.into_inner().q;
    if q.trim().chars().count() < MIN_QUERY_CHARS {
        return Err(ApiError::bad_request(requests::search_too_short(
            "q",
            MIN_QUERY_CHARS,
        )));
    }
    crate::fields::search_words("q", Some(&q))?;
    let people = directory::search_supervisors(&state, q.trim()).await?;
    Ok(HttpResponse::Ok().json(people))
}
