//! Management centres and their settings (staff administration).

use super::ApiError;
use super::client::{Call, File};

pub use stages_api_types::centres::{
    Centre, CentreInput, CentreOrganisation, CentreRoute, StaffAssignment, StaffMember,
};
pub use stages_domain::staff::StaffRights;

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
