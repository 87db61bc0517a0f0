//! The minimum hourly stipend of each calendar year (GRAT-02): read by
//! everyone signed in (the wizard's live figures use it), kept by
//! administrators, audited. The domain decides which changes keep the
//! table trustworthy (years in sequence, never a lower rate).

use crate::auth::Caller;
use crate::concurrency;
use crate::db::audit::{self, Entity};
use crate::db::rates as repo;
use crate::error::ApiError;
use crate::state::AppState;
use stages_api_types::nomenclatures::{HourlyRate, HourlyRateInput};
use stages_domain::{access, requests};

/// Longest source text accepted.
const MAX_SOURCE: usize = 255;

/// Every year's rate, oldest first.
pub async fn list(state: &AppState) -> Result<Vec<HourlyRate>, ApiError> {
    state.db(|conn| Ok(repo::list(conn)?)).await
}

fn check_source(source: &str) -> Result<(), ApiError> {
    if source.trim().is_empty() || source.chars().count() > MAX_SOURCE {
        Err(ApiError::bad_request(requests::length(
            "source", MAX_SOURCE,
        )))
    } else {
        Ok(())
    }
}

/// Enters a year's rate (administrators).
pub async fn create(
    state: &AppState,
    caller: Caller,
    year: i32,
    input: HourlyRateInput,
) -> Result<HourlyRate, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    check_source(&input.source)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::lock(conn)?;
                let table = repo::table(conn)?;
                table.may_add(year).map_err(|r| ApiError::refusal(&r))?;
                table
                    .check_change(year, Some(input.cents))
                    .map_err(|v| ApiError::invalid(vec![v]))?;
                let created = repo::insert(conn, year, input.cents, input.source.trim())?;
                audit::record(
                    conn,
                    Entity::HourlyRate,
                    i64::from(year),
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&created),
                )?;
                Ok::<_, ApiError>(created)
            })
        })
        .await
}

/// Corrects the year's rate read at version `expected` (administrators).
/// Conventions already checked keep their violations until saved again.
pub async fn update(
    state: &AppState,
    caller: Caller,
    year: i32,
    expected: i32,
    input: HourlyRateInput,
) -> Result<HourlyRate, ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    check_source(&input.source)?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::lock(conn)?;
                let before = repo::find(conn, year)?;
                concurrency::check_version(expected, before.version)?;
                repo::table(conn)?
                    .check_change(year, Some(input.cents))
                    .map_err(|v| ApiError::invalid(vec![v]))?;
                repo::update_at_version(
                    conn,
                    year,
                    before.version,
                    input.cents,
                    input.source.trim(),
                )?;
                let after = repo::find(conn, year)?;
                audit::record(
                    conn,
                    Entity::HourlyRate,
                    i64::from(year),
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

/// Removes the last year's rate read at version `expected`
/// (administrators): a year entered by mistake.
pub async fn delete(
    state: &AppState,
    caller: Caller,
    year: i32,
    expected: i32,
) -> Result<(), ApiError> {
    access::may_manage_reference_data(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                repo::lock(conn)?;
                let before = repo::find(conn, year)?;
                concurrency::check_version(expected, before.version)?;
                repo::table(conn)?
                    .check_change(year, None)
                    .map_err(|v| ApiError::invalid(vec![v]))?;
                repo::delete_at_version(conn, year, before.version)?;
                audit::record(
                    conn,
                    Entity::HourlyRate,
                    i64::from(year),
                    "delete",
                    Some(caller.user_id),
                    Some(&before),
                    None::<&()>,
                )?;
                Ok::<_, ApiError>(())
            })
        })
        .await
}
