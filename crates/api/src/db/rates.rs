//! The minimum hourly stipend of each calendar year (GRAT-02), as the
//! installation's administrators keep it.

use crate::db::schema::hourly_rates;
use crate::db::{AnyConnection, RepoResult};
use diesel::prelude::*;
use stages_api_types::nomenclatures::HourlyRate;
use stages_domain::stipend::RateTable;

#[derive(Queryable, Selectable)]
#[diesel(table_name = hourly_rates)]
struct RateRecord {
    year: i32,
    cents: i64,
    source: String,
    version: i32,
}

impl From<RateRecord> for HourlyRate {
    fn from(r: RateRecord) -> Self {
        Self {
            year: r.year,
            cents: r.cents,
            source: r.source,
            version: r.version,
        }
    }
}

/// Every year's rate, oldest first.
pub fn list(conn: &mut AnyConnection) -> RepoResult<Vec<HourlyRate>> {
    Ok(hourly_rates::table
        .order(hourly_rates::year)
        .select(RateRecord::as_select())
        .load::<RateRecord>(conn)?
        .into_iter()
        .map(HourlyRate::from)
        .collect())
}

/// The rates as the rules read them.
pub fn table(conn: &mut AnyConnection) -> RepoResult<RateTable> {
    let rates: Vec<(i32, i64)> = hourly_rates::table
        .select((hourly_rates::year, hourly_rates::cents))
        .load(conn)?;
    Ok(RateTable::new(rates))
}

/// Serialises the changes to the table on PostgreSQL until the end of the
/// transaction, so that two administrators' changes are each checked
/// against the other's (the years follow one another, rates never go
/// down). SQLite writes one transaction at a time already.
pub fn lock(conn: &mut AnyConnection) -> RepoResult<()> {
    if let AnyConnection::Postgresql(pg) = conn {
        diesel::sql_query("LOCK TABLE hourly_rates IN SHARE ROW EXCLUSIVE MODE").execute(pg)?;
    }
    Ok(())
}

/// One year's rate.
pub fn find(conn: &mut AnyConnection, year: i32) -> RepoResult<HourlyRate> {
    Ok(hourly_rates::table
        .find(year)
        .select(RateRecord::as_select())
        .first::<RateRecord>(conn)?
        .into())
}

/// Adds a year's rate; returns it.
pub fn insert(
    conn: &mut AnyConnection,
    year: i32,
    cents: i64,
    source: &str,
) -> RepoResult<HourlyRate> {
    diesel::insert_into(hourly_rates::table)
        .values((
            hourly_rates::year.eq(year),
            hourly_rates::cents.eq(cents),
            hourly_rates::source.eq(source),
            hourly_rates::version.eq(1),
            hourly_rates::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    find(conn, year)
}

/// Corrects a year's rate if it is still at `version`
/// ([`crate::db::RepoError::Stale`] otherwise), bumping the version.
pub fn update_at_version(
    conn: &mut AnyConnection,
    year: i32,
    version: i32,
    cents: i64,
    source: &str,
) -> RepoResult<()> {
    let written = diesel::update(
        hourly_rates::table
            .find(year)
            .filter(hourly_rates::version.eq(version)),
    )
    .set((
        hourly_rates::cents.eq(cents),
        hourly_rates::source.eq(source),
        hourly_rates::version.eq(version + 1),
        hourly_rates::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    crate::db::check_written(written)
}

/// Removes a year's rate if it is still at `version`.
pub fn delete_at_version(conn: &mut AnyConnection, year: i32, version: i32) -> RepoResult<()> {
    let deleted = diesel::delete(
        hourly_rates::table
            .find(year)
            .filter(hourly_rates::version.eq(version)),
    )
    .execute(conn)?;
    crate::db::check_written(deleted)
}
