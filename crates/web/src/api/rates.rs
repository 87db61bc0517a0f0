//! The minimum hourly stipend of each year (GRAT-02): read by the live
//! figures and checks, kept by administrators.

use super::ApiError;
use super::client::Call;
use stages_domain::stipend::RateTable;
use std::cell::RefCell;

pub use stages_api_types::nomenclatures::{HourlyRate, HourlyRateInput};

pub async fn list() -> Result<Vec<HourlyRate>, ApiError> {
    Call::get("/api/hourly-rates").fetch().await
}

thread_local! {
    /// The table, fetched once per page load.
    static CACHE: RefCell<Option<RateTable>> = const { RefCell::new(None) };
}

/// The installation's rates as the domain reads them (cached). Until
/// they arrive, or if they cannot be read, the rates this release knows.
pub async fn table() -> RateTable {
    if let Some(cached) = CACHE.with(|c| c.borrow().clone()) {
        return cached;
    }
    match list().await {
        Ok(rates) => {
            let table = RateTable::new(rates.into_iter().map(|r| (r.year, r.cents)));
            CACHE.with(|c| *c.borrow_mut() = Some(table.clone()));
            table
        }
        Err(_) => RateTable::compiled(),
    }
}

/// Forgets the table after an administrator changed it.
pub fn forget() {
    CACHE.with(|c| *c.borrow_mut() = None);
}

pub async fn create(year: i32, rate: &HourlyRateInput) -> Result<HourlyRate, ApiError> {
    Call::post(format!("/api/hourly-rates/{year}"))
        .json(rate)
        .fetch()
        .await
}

pub async fn update(
    year: i32,
    version: i32,
    rate: &HourlyRateInput,
) -> Result<HourlyRate, ApiError> {
    Call::put(format!("/api/hourly-rates/{year}"))
        .if_match(version)
        .json(rate)
        .fetch()
        .await
}

pub async fn remove(year: i32, version: i32) -> Result<(), ApiError> {
    Call::delete(format!("/api/hourly-rates/{year}"))
        .if_match(version)
        .run()
        .await
}
