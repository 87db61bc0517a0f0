//! Management centres: their details, settings, staff and routing rules.

use crate::db::AnyConnection;
use crate::db::schema::{centre_routes, centre_staff, centres, users};
use crate::error::ApiError;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_domain::access::{Route, RouteKind};
use stages_domain::model::{CentreLevel, CentreSettings};

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
    pub fn settings(&self) -> Result<CentreSettings, ApiError> {
        serde_json::from_str(&self.settings).map_err(ApiError::internal)
    }
}

pub use stages_api_types::centres::{Centre, CentreRoute, StaffMember};

fn level_of(code: &str) -> Result<CentreLevel, ApiError> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).map_err(ApiError::internal)
}

pub fn level_code(level: CentreLevel) -> &'static str {
    match level {
        CentreLevel::Establishment => "establishment",
        CentreLevel::Faculty => "faculty",
        CentreLevel::Programme => "programme",
    }
}

pub fn route_kind_code(kind: RouteKind) -> &'static str {
    match kind {
        RouteKind::Programme => "programme",
        RouteKind::Faculty => "faculty",
    }
}

pub fn find_row(conn: &mut AnyConnection, id: i64) -> Result<CentreRow, ApiError> {
    centres::table
        .find(id)
        .select(CentreRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// The whole centre, with its staff and routes.
pub fn load(conn: &mut AnyConnection, id: i64) -> Result<Centre, ApiError> {
    let row = find_row(conn, id)?;
    let staff = centre_staff::table
        .inner_join(users::table)
        .filter(centre_staff::centre_id.eq(id))
        .order(users::display_name)
        .select((users::id, users::username, users::display_name))
        .load::<(i64, String, String)>(conn)?
        .into_iter()
        .map(|(user_id, username, display_name)| StaffMember {
            user_id,
            username,
            display_name,
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
        level: level_of(&row.level)?,
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
pub fn routes_of(
    conn: &mut AnyConnection,
    centre: Option<i64>,
) -> Result<Vec<Route<i64>>, ApiError> {
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
            let kind = match kind.as_str() {
                "programme" => RouteKind::Programme,
                "faculty" => RouteKind::Faculty,
                other => return Err(ApiError::internal(format!("unknown route kind {other}"))),
            };
            Ok(Route { kind, code, centre })
        })
        .collect()
}

/// The centre that manages conventions of this programme (domain routing).
pub fn route(
    conn: &mut AnyConnection,
    programme: &str,
    faculty: &str,
) -> Result<Result<i64, stages_domain::Refusal>, ApiError> {
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
