//! Amendments as stored: a row per amendment of a convention, in order,
//! its changes as JSON, the service and tutor it names, and its version.
//! Writes are conditioned on the version read (`WHERE version = ?`), so a
//! concurrent save of the same version finds nothing to write and loses.

use crate::db::AnyConnection;
use crate::db::error::{decode, encode};
use crate::db::schema::amendments;
use crate::db::{RepoError, RepoResult, check_written};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_domain::amendment::Amendment;

/// An amendment as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = amendments)]
pub struct AmendmentRow {
    pub id: i64,
    pub convention_id: i64,
    pub position: i32,
    pub title: String,
    pub reason: String,
    pub changes: String,
    pub host_service_id: Option<i64>,
    pub tutor_id: Option<i64>,
    pub validated_at: Option<NaiveDateTime>,
    pub validated_by: Option<i64>,
    pub created_by: i64,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl AmendmentRow {
    pub fn to_domain(&self) -> RepoResult<Amendment> {
        Ok(Amendment {
            title: self.title.clone(),
            reason: self.reason.clone(),
            changes: decode(&self.changes)?,
            validated_on: self.validated_at.map(|at| at.date()),
        })
    }
}

/// The convention's amendments, in order.
pub fn amendments_of(
    conn: &mut AnyConnection,
    convention: i64,
) -> RepoResult<Vec<(AmendmentRow, Amendment)>> {
    let rows: Vec<AmendmentRow> = amendments::table
        .filter(amendments::convention_id.eq(convention))
        .order(amendments::position)
        .select(AmendmentRow::as_select())
        .load(conn)?;
    rows.into_iter()
        .map(|row| {
            let amendment = row.to_domain()?;
            Ok((row, amendment))
        })
        .collect()
}

/// The convention's amendments as the domain reads them, in order.
pub fn amendment_list(conn: &mut AnyConnection, convention: i64) -> RepoResult<Vec<Amendment>> {
    Ok(amendments_of(conn, convention)?
        .into_iter()
        .map(|(_, a)| a)
        .collect())
}

/// The ids of the records an amendment names: the new host service and
/// the new tutor (applied to the convention's parties on validation).
#[derive(Debug, Clone, Copy, Default)]
pub struct NamedRecords {
    pub host_service_id: Option<i64>,
    pub tutor_id: Option<i64>,
}

/// The amendment with this id.
pub fn find(conn: &mut AnyConnection, id: i64) -> RepoResult<AmendmentRow> {
    amendments::table
        .find(id)
        .select(AmendmentRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)
}

/// Stores a new amendment at `position` (its first version); its id.
pub fn insert(
    conn: &mut AnyConnection,
    convention: i64,
    position: i32,
    amendment: &Amendment,
    records: NamedRecords,
    created_by: i64,
) -> RepoResult<i64> {
    let now = chrono::Utc::now().naive_utc();
    Ok(diesel::insert_into(amendments::table)
        .values((
            amendments::convention_id.eq(convention),
            amendments::position.eq(position),
            amendments::title.eq(&amendment.title),
            amendments::reason.eq(&amendment.reason),
            amendments::changes.eq(encode(&amendment.changes)?),
            amendments::host_service_id.eq(records.host_service_id),
            amendments::tutor_id.eq(records.tutor_id),
            amendments::created_by.eq(created_by),
            amendments::version.eq(1),
            amendments::created_at.eq(now),
            amendments::updated_at.eq(now),
        ))
        .returning(amendments::id)
        .get_result(conn)?)
}

/// Rewrites the amendment read at `version`.
pub fn update_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    amendment: &Amendment,
    records: NamedRecords,
) -> RepoResult<()> {
    let written = diesel::update(
        amendments::table
            .find(id)
            .filter(amendments::version.eq(version)),
    )
    .set((
        amendments::title.eq(&amendment.title),
        amendments::reason.eq(&amendment.reason),
        amendments::changes.eq(encode(&amendment.changes)?),
        amendments::host_service_id.eq(records.host_service_id),
        amendments::tutor_id.eq(records.tutor_id),
        amendments::version.eq(version + 1),
        amendments::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    check_written(written)
}

/// Deletes the amendment read at `version`; the later amendments of its
/// convention keep their order without a gap.
pub fn delete_at_version(conn: &mut AnyConnection, row: &AmendmentRow) -> RepoResult<()> {
    let deleted = diesel::delete(
        amendments::table
            .find(row.id)
            .filter(amendments::version.eq(row.version)),
    )
    .execute(conn)?;
    check_written(deleted)?;
    diesel::update(
        amendments::table
            .filter(amendments::convention_id.eq(row.convention_id))
            .filter(amendments::position.gt(row.position)),
    )
    .set(amendments::position.eq(amendments::position - 1))
    .execute(conn)?;
    Ok(())
}

/// Marks the amendment read at `version` validated by `by`.
pub fn mark_validated_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    by: i64,
) -> RepoResult<()> {
    let now = chrono::Utc::now().naive_utc();
    let written = diesel::update(
        amendments::table
            .find(id)
            .filter(amendments::version.eq(version)),
    )
    .set((
        amendments::validated_at.eq(now),
        amendments::validated_by.eq(by),
        amendments::version.eq(version + 1),
        amendments::updated_at.eq(now),
    ))
    .execute(conn)?;
    check_written(written)
}
