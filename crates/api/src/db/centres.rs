//! Management centres: their details, settings, staff and routing rules.

use crate::db::error::encode;
use crate::db::schema::{centre_routes, centre_staff, centres, users};
use crate::db::{AnyConnection, codec};
use crate::db::{RepoError, RepoResult};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_domain::access::{Route, RouteKind};
use stages_domain::model::{CentreLevel, CentreSettings};
use stages_domain::staff::StaffRights;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = centres)]
pub struct CentreRow {
    pub id: i64,
    pub name: String,
    pub level: String,
    pub is_fallback: bool,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub signatory_name: Option<String>,
    pub signatory_position: Option<String>,
    pub settings: String,
    pub logo_media_type: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl CentreRow {
    pub fn settings(&self) -> RepoResult<CentreSettings> {
        serde_json::from_str(&self.settings).map_err(RepoError::corrupt)
    }
}

pub use stages_api_types::centres::{Centre, CentreRoute, StaffMember};

/// A manager's rights in a centre, as `centre_staff` stores them.
#[derive(Debug, Clone, Copy, Queryable, Selectable, Insertable)]
#[diesel(table_name = centre_staff)]
pub struct RightsRow {
    pub validate_pedagogical: bool,
    pub validate_administrative_check: bool,
    pub validate_administrative: bool,
    pub print: bool,
    pub evaluations: bool,
    pub tickets: bool,
    pub statistics: bool,
    pub alerts: bool,
}

impl From<RightsRow> for StaffRights {
    fn from(r: RightsRow) -> Self {
        Self {
            validate_pedagogical: r.validate_pedagogical,
            validate_administrative_check: r.validate_administrative_check,
            validate_administrative: r.validate_administrative,
            print: r.print,
            evaluations: r.evaluations,
            tickets: r.tickets,
            statistics: r.statistics,
            alerts: r.alerts,
        }
    }
}

impl From<StaffRights> for RightsRow {
    fn from(r: StaffRights) -> Self {
        Self {
            validate_pedagogical: r.validate_pedagogical,
            validate_administrative_check: r.validate_administrative_check,
            validate_administrative: r.validate_administrative,
            print: r.print,
            evaluations: r.evaluations,
            tickets: r.tickets,
            statistics: r.statistics,
            alerts: r.alerts,
        }
    }
}

pub fn find_row(conn: &mut AnyConnection, id: i64) -> RepoResult<CentreRow> {
    centres::table
        .find(id)
        .select(CentreRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)
}

/// The whole centre, with its staff and routes.
pub fn load(conn: &mut AnyConnection, id: i64) -> RepoResult<Centre> {
    let row = find_row(conn, id)?;
    let staff = centre_staff::table
        .inner_join(users::table)
        .filter(centre_staff::centre_id.eq(id))
        .order(users::display_name)
        .select((
            users::id,
            users::username,
            users::display_name,
            RightsRow::as_select(),
        ))
        .load::<(i64, String, String, RightsRow)>(conn)?
        .into_iter()
        .map(|(user_id, username, display_name, rights)| StaffMember {
            user_id,
            username,
            display_name,
            rights: rights.into(),
        })
        .collect();
    let routes = routes_of(conn, Some(id))?
        .into_iter()
        .map(|r| CentreRoute {
            kind: r.kind,
            code: r.code,
        })
        .collect();
    let has_logo = row.logo_media_type.is_some();
    Ok(Centre {
        id: row.id,
        level: codec::from_code::<CentreLevel>(&row.level)?,
        settings: row.settings()?,
        name: row.name,
        is_fallback: row.is_fallback,
        street: row.street,
        postal_code: row.postal_code,
        city: row.city,
        country_code: row.country_code,
        email: row.email,
        phone: row.phone,
        signatory_name: row.signatory_name,
        signatory_position: row.signatory_position,
        staff,
        routes,
        has_logo,
        version: row.version,
    })
}

/// Routing rules, of one centre or of all.
pub fn routes_of(conn: &mut AnyConnection, centre: Option<i64>) -> RepoResult<Vec<Route<i64>>> {
    let mut q = centre_routes::table
        .select((
            centre_routes::centre_id,
            centre_routes::kind,
            centre_routes::code,
        ))
        .into_boxed();
    if let Some(id) = centre {
        q = q.filter(centre_routes::centre_id.eq(id));
    }
    let rows: Vec<(i64, String, String)> = q.order(centre_routes::id).load(conn)?;
    rows.into_iter()
        .map(|(centre, kind, code)| {
            Ok(Route {
                kind: codec::from_code::<RouteKind>(&kind)?,
                code,
                centre,
            })
        })
        .collect()
}

/// The centre that manages conventions of this programme (domain routing).
pub fn route(
    conn: &mut AnyConnection,
    programme: &str,
    faculty: &str,
) -> RepoResult<Result<i64, stages_domain::Refusal>> {
    let routes = routes_of(conn, None)?;
    let fallback = centres::table
        .filter(centres::is_fallback.eq(true))
        .select(centres::id)
        .first(conn)
        .optional()?;
    Ok(stages_domain::access::route_convention(
        programme, faculty, &routes, fallback,
    ))
}

/// Every centre, by name, with its staff and routes.
pub fn load_all(conn: &mut AnyConnection) -> RepoResult<Vec<Centre>> {
    let ids: Vec<i64> = centres::table
        .order(centres::name)
        .select(centres::id)
        .load(conn)?;
    ids.into_iter().map(|id| load(conn, id)).collect()
}

/// A centre's own columns, checked, as they are written.
pub struct CentreRecord {
    pub name: String,
    pub level: CentreLevel,
    pub is_fallback: bool,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub signatory_name: Option<String>,
    pub signatory_position: Option<String>,
    pub settings: CentreSettings,
}

/// Inserts a centre at version 1; returns its id. Only one centre is the
/// fallback: naming this one clears the others.
pub fn insert(conn: &mut AnyConnection, c: &CentreRecord) -> RepoResult<i64> {
    let now = chrono::Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(centres::table)
        .values((
            centres::name.eq(&c.name),
            centres::level.eq(codec::to_code(c.level)),
            centres::is_fallback.eq(c.is_fallback),
            centres::street.eq(&c.street),
            centres::postal_code.eq(&c.postal_code),
            centres::city.eq(&c.city),
            centres::country_code.eq(&c.country_code),
            centres::email.eq(&c.email),
            centres::phone.eq(&c.phone),
            centres::signatory_name.eq(&c.signatory_name),
            centres::signatory_position.eq(&c.signatory_position),
            centres::settings.eq(encode(&c.settings)?),
            centres::version.eq(1),
            centres::created_at.eq(now),
            centres::updated_at.eq(now),
        ))
        .returning(centres::id)
        .get_result(conn)?;
    if c.is_fallback {
        clear_other_fallbacks(conn, id)?;
    }
    Ok(id)
}

/// Rewrites a centre's columns if it is still at `version`
/// ([`RepoError::Stale`] otherwise), bumping the version.
pub fn update_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    c: &CentreRecord,
) -> RepoResult<()> {
    let written = diesel::update(centres::table.find(id).filter(centres::version.eq(version)))
        .set((
            centres::name.eq(&c.name),
            centres::level.eq(codec::to_code(c.level)),
            centres::is_fallback.eq(c.is_fallback),
            centres::street.eq(&c.street),
            centres::postal_code.eq(&c.postal_code),
            centres::city.eq(&c.city),
            centres::country_code.eq(&c.country_code),
            centres::email.eq(&c.email),
            centres::phone.eq(&c.phone),
            centres::signatory_name.eq(&c.signatory_name),
            centres::signatory_position.eq(&c.signatory_position),
            centres::settings.eq(encode(&c.settings)?),
            centres::version.eq(version + 1),
            centres::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    crate::db::check_written(written)?;
    if c.is_fallback {
        clear_other_fallbacks(conn, id)?;
    }
    Ok(())
}

/// Only one centre receives the conventions no other centre manages.
fn clear_other_fallbacks(conn: &mut AnyConnection, keep: i64) -> QueryResult<usize> {
    diesel::update(
        centres::table
            .filter(centres::id.ne(keep))
            .filter(centres::is_fallback.eq(true)),
    )
    .set(centres::is_fallback.eq(false))
    .execute(conn)
}

/// Moves the centre to its next version if it is still at `version`:
/// taken first by a change of its staff and routes, so that a concurrent
/// change of the same version waits here and is refused before it
/// rewrites anything.
pub fn claim(conn: &mut AnyConnection, id: i64, version: i32) -> RepoResult<()> {
    let written = diesel::update(centres::table.find(id).filter(centres::version.eq(version)))
        .set((
            centres::version.eq(version + 1),
            centres::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    crate::db::check_written(written)
}

/// How many of `ids` (distinct) are accounts.
pub fn known_users(conn: &mut AnyConnection, ids: &[i64]) -> RepoResult<usize> {
    let n: i64 = users::table
        .filter(users::id.eq_any(ids))
        .count()
        .get_result(conn)?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Makes `staff` (user id, rights) the centre's managers.
pub fn replace_staff(
    conn: &mut AnyConnection,
    centre: i64,
    staff: &[(i64, StaffRights)],
) -> RepoResult<()> {
    diesel::delete(centre_staff::table.filter(centre_staff::centre_id.eq(centre))).execute(conn)?;
    for (user, rights) in staff {
        diesel::insert_into(centre_staff::table)
            .values((
                centre_staff::centre_id.eq(centre),
                centre_staff::user_id.eq(user),
                RightsRow::from(*rights),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Makes `routes` the centre's routing rules. A programme or faculty
/// belongs to one centre only: `Ok(Err(code))` names the first code
/// another centre has.
pub fn replace_routes(
    conn: &mut AnyConnection,
    centre: i64,
    routes: &[(RouteKind, String)],
) -> RepoResult<Result<(), String>> {
    use diesel::result::{DatabaseErrorKind, Error};
    diesel::delete(centre_routes::table.filter(centre_routes::centre_id.eq(centre)))
        .execute(conn)?;
    for (kind, code) in routes {
        let inserted = diesel::insert_into(centre_routes::table)
            .values((
                centre_routes::centre_id.eq(centre),
                centre_routes::kind.eq(codec::to_code(*kind)),
                centre_routes::code.eq(code),
            ))
            .execute(conn);
        match inserted {
            Ok(_) => {}
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                return Ok(Err(code.clone()));
            }
            Err(other) => return Err(other.into()),
        }
    }
    Ok(Ok(()))
}

/// Stores the centre's logo.
pub fn set_logo(
    conn: &mut AnyConnection,
    centre: i64,
    bytes: &[u8],
    media_type: &str,
) -> RepoResult<()> {
    let written = diesel::update(centres::table.find(centre))
        .set((
            centres::logo.eq(Some(bytes)),
            centres::logo_media_type.eq(Some(media_type)),
            centres::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    if written == 0 {
        return Err(RepoError::NotFound);
    }
    Ok(())
}

/// The centre's logo and its media type; [`RepoError::NotFound`] when the
/// centre has none.
pub fn logo(conn: &mut AnyConnection, centre: i64) -> RepoResult<(Vec<u8>, String)> {
    let row: Option<(Option<Vec<u8>>, Option<String>)> = centres::table
        .find(centre)
        .select((centres::logo, centres::logo_media_type))
        .first(conn)
        .optional()?;
    match row {
        Some((Some(bytes), Some(media_type))) => Ok((bytes, media_type)),
        _ => Err(RepoError::NotFound),
    }
}
