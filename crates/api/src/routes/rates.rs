//! The minimum hourly stipend of each calendar year (GRAT-02), a reference
//! table of its own: read by everyone signed in, kept by administrators.

use crate::app::rates as cases;
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};

pub use stages_api_types::nomenclatures::{HourlyRate, HourlyRateInput};

/// Lists the minimum hourly stipend of each year, oldest first. A year
/// after the last one is checked against the last rate as a floor.
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "list_hourly_rates",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The rates, by year", body = Vec<HourlyRate>),
        NotSignedIn,
    )
)]
#[get("/hourly-rates")]
pub async fn list(state: web::Data<AppState>, _caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(cases::list(&state).await?))
}

/// Enters a year's rate (administrators): the year after the last one
/// (or before the first), at or above the previous year's rate.
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "create_hourly_rate",
    security(("bearer" = [])),
    params(("year" = i32, Path, description = "The calendar year")),
    request_body = HourlyRateInput,
    responses(
        (status = 201, description = "Entered", body = HourlyRate),
        (status = 400, description = "Malformed input", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The year is already entered", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A gap in the years, a rate below an earlier year's or above a later one's, or out of range (GRAT-02)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/hourly-rates/{year}")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    year: Path<i32>,
    body: Json<HourlyRateInput>,
) -> Result<HttpResponse, ApiError> {
    let created = cases::create(&state, caller, year.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(created.version))
        .json(created))
}

/// Corrects a year's rate (administrators).
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "update_hourly_rate",
    security(("bearer" = [])),
    params(
        ("year" = i32, Path, description = "The calendar year"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = HourlyRateInput,
    responses(
        (status = 200, description = "Corrected", body = HourlyRate),
        (status = 400, description = "Malformed input", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No rate for that year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A rate below an earlier year's or above a later one's, or out of range (GRAT-02)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[put("/hourly-rates/{year}")]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    year: Path<i32>,
    body: Json<HourlyRateInput>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let updated = cases::update(
        &state,
        caller,
        year.into_inner(),
        expected,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(updated.version))
        .json(updated))
}

/// Removes the last year's rate (administrators): a year
/// entered by mistake.
#[utoipa::path(
    tag = "nomenclatures",
    operation_id = "delete_hourly_rate",
    security(("bearer" = [])),
    params(
        ("year" = i32, Path, description = "The calendar year"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 204, description = "Removed"),
        NotSignedIn,
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No rate for that year", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not the last year, or the only one (GRAT-02)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[delete("/hourly-rates/{year}")]
pub async fn remove(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    year: Path<i32>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    cases::delete(&state, caller, year.into_inner(), expected).await?;
    Ok(HttpResponse::NoContent().finish())
}
