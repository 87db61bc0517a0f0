//! Management centres and their settings (staff administration).

use super::ApiError;
use super::client::{Call, File};
use serde::{Deserialize, Serialize};
use stages_domain::access::RouteKind;
use stages_domain::model::{CentreLevel, CentreSettings};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StaffMember {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
}

/// A programme or faculty whose conventions the centre manages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentreRoute {
    pub kind: RouteKind,
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Centre {
    pub id: i64,
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
    pub staff: Vec<StaffMember>,
    pub routes: Vec<CentreRoute>,
    pub has_logo: bool,
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentreInput {
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CentreOrganisation {
    pub staff: Vec<i64>,
    pub routes: Vec<CentreRoute>,
}

pub async fn list() -> Result<Vec<Centre>, ApiError> {
    Call::get("/api/centres").fetch().await
}

pub async fn get(id: i64) -> Result<Centre, ApiError> {
    Call::get(format!("/api/centres/{id}")).fetch().await
}

pub async fn update(id: i64, version: i32, input: &CentreInput) -> Result<Centre, ApiError> {
    Call::put(format!("/api/centres/{id}"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}

/// Staff and routing: administrators only.
pub async fn set_organisation(
    id: i64,
    version: i32,
    input: &CentreOrganisation,
) -> Result<Centre, ApiError> {
    Call::put(format!("/api/centres/{id}/organisation"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}

pub async fn upload_logo(id: i64, png: Vec<u8>) -> Result<(), ApiError> {
    Call::put(format!("/api/centres/{id}/logo"))
        .bytes(png, "image/png")
        .run()
        .await
}

pub async fn logo(id: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/centres/{id}/logo"))
        .file("logo.png")
        .await
}
