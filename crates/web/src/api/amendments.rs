//! Amendments (avenants) of a validated convention.

use super::ApiError;
use super::client::{Call, File};
use super::conventions::ConventionView;

pub use stages_api_types::amendments::{AmendmentInput, AmendmentView, ChangeInput};

pub async fn list(convention: i64) -> Result<Vec<AmendmentView>, ApiError> {
    Call::get(format!("/api/conventions/{convention}/amendments"))
        .fetch()
        .await
}

/// Writes an amendment at the convention's version.
pub async fn create(
    convention: i64,
    version: i32,
    input: &AmendmentInput,
) -> Result<ConventionView, ApiError> {
    Call::post(format!("/api/conventions/{convention}/amendments"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}

pub async fn validate(id: i64, version: i32) -> Result<AmendmentView, ApiError> {
    Call::post(format!("/api/amendments/{id}/validate"))
        .if_match(version)
        .fetch()
        .await
}

pub async fn delete(id: i64, version: i32) -> Result<(), ApiError> {
    Call::delete(format!("/api/amendments/{id}"))
        .if_match(version)
        .run()
        .await
}

/// The amendment as a PDF, once validated.
pub async fn pdf(id: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/amendments/{id}/pdf"))
        .file("avenant.pdf")
        .await
}
