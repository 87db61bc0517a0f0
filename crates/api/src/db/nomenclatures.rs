//! The reference tables' values (Tables de nomenclature). A value is never
//! deleted, only deactivated.

use crate::db::schema::nomenclatures;
use crate::db::{AnyConnection, RepoResult};
use diesel::prelude::*;
use stages_api_types::nomenclatures::NomenclatureValue;

/// A value as the table holds it.
#[derive(Queryable, Selectable)]
#[diesel(table_name = nomenclatures)]
struct ValueRecord {
    kind: String,
    code: String,
    label: String,
    label_en: Option<String>,
    position: i32,
    active: bool,
    system: bool,
    version: i32,
}

impl From<ValueRecord> for NomenclatureValue {
    fn from(r: ValueRecord) -> Self {
        Self {
            kind: r.kind,
            code: r.code,
            label: r.label,
            label_en: r.label_en,
            position: r.position,
            active: r.active,
            system: r.system,
            version: r.version,
        }
    }
}

/// How many values each table holds.
pub fn counts(conn: &mut AnyConnection) -> RepoResult<Vec<(String, i64)>> {
    Ok(nomenclatures::table
        .group_by(nomenclatures::kind)
        .select((nomenclatures::kind, diesel::dsl::count_star()))
        .load(conn)?)
}

/// The values of `kind` in their order (position, code), from after the
/// value `after` names; at most `limit` of them when given.
pub fn values(
    conn: &mut AnyConnection,
    kind: &str,
    include_inactive: bool,
    after: Option<(i32, String)>,
    limit: Option<i64>,
) -> RepoResult<Vec<NomenclatureValue>> {
    let mut q = nomenclatures::table
        .filter(nomenclatures::kind.eq(kind))
        .select(ValueRecord::as_select())
        .into_boxed();
    if !include_inactive {
        q = q.filter(nomenclatures::active.eq(true));
    }
    if let Some((position, code)) = after {
        q = q.filter(
            nomenclatures::position
                .gt(position)
                .or(nomenclatures::position
                    .eq(position)
                    .and(nomenclatures::code.gt(code))),
        );
    }
    q = q.order((nomenclatures::position, nomenclatures::code));
    if let Some(limit) = limit {
        q = q.limit(limit);
    }
    Ok(q.load::<ValueRecord>(conn)?
        .into_iter()
        .map(NomenclatureValue::from)
        .collect())
}

/// One value.
pub fn find(conn: &mut AnyConnection, kind: &str, code: &str) -> RepoResult<NomenclatureValue> {
    Ok(nomenclatures::table
        .find((kind, code))
        .select(ValueRecord::as_select())
        .first::<ValueRecord>(conn)?
        .into())
}

/// A new value's texts.
pub struct ValueTexts<'a> {
    pub label: &'a str,
    pub label_en: Option<&'a str>,
}

/// Adds an active value at the end of its table; returns it.
pub fn insert(
    conn: &mut AnyConnection,
    kind: &str,
    code: &str,
    texts: &ValueTexts<'_>,
) -> RepoResult<NomenclatureValue> {
    let position: Option<i32> = nomenclatures::table
        .filter(nomenclatures::kind.eq(kind))
        .select(diesel::dsl::max(nomenclatures::position))
        .first(conn)?;
    diesel::insert_into(nomenclatures::table)
        .values((
            nomenclatures::kind.eq(kind),
            nomenclatures::code.eq(code),
            nomenclatures::label.eq(texts.label),
            nomenclatures::label_en.eq(texts.label_en),
            nomenclatures::position.eq(position.unwrap_or(0) + 1),
            nomenclatures::active.eq(true),
            nomenclatures::system.eq(false),
            nomenclatures::version.eq(1),
            nomenclatures::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    find(conn, kind, code)
}

/// Renames or (de)activates a value if it is still at `version`
/// ([`crate::db::RepoError::Stale`] otherwise), bumping the version.
pub fn update_at_version(
    conn: &mut AnyConnection,
    kind: &str,
    code: &str,
    version: i32,
    texts: &ValueTexts<'_>,
    active: bool,
) -> RepoResult<()> {
    let written = diesel::update(
        nomenclatures::table
            .find((kind, code))
            .filter(nomenclatures::version.eq(version)),
    )
    .set((
        nomenclatures::label.eq(texts.label),
        nomenclatures::label_en.eq(texts.label_en),
        nomenclatures::active.eq(active),
        nomenclatures::version.eq(version + 1),
        nomenclatures::updated_at.eq(chrono::Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    crate::db::check_written(written)
}

/// The label of an active value, if it exists: a record naming a value of a
/// reference table stores its label too.
pub fn label(conn: &mut AnyConnection, kind: &str, code: &str) -> RepoResult<Option<String>> {
    Ok(nomenclatures::table
        .filter(nomenclatures::kind.eq(kind))
        .filter(nomenclatures::code.eq(code))
        .filter(nomenclatures::active.eq(true))
        .select(nomenclatures::label)
        .first(conn)
        .optional()?)
}
