//! Offers of internship, apprenticeship and job: students search the
//! published ones; staff write, publish, take back and close them.

use super::ApiError;
use super::client::{Call, Page, query};

pub use stages_api_types::offers::{CloseInput, OfferInput, OfferView};

/// The search form as typed; empty criteria are left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferQuery {
    pub text: String,
    pub place: String,
    pub kind: String,
    pub from: String,
    pub until: String,
    pub number: String,
    pub status: String,
}

pub async fn search(q: &OfferQuery, cursor: Option<String>) -> Result<Page<OfferView>, ApiError> {
    let params = query(&[
        ("q", q.text.clone()),
        ("place", q.place.clone()),
        ("kind", q.kind.clone()),
        ("from", q.from.clone()),
        ("until", q.until.clone()),
        ("number", q.number.clone()),
        ("status", q.status.clone()),
        ("cursor", cursor.unwrap_or_default()),
    ]);
    Call::get(format!("/api/offers{params}")).fetch().await
}

pub async fn get(id: i64) -> Result<OfferView, ApiError> {
    Call::get(format!("/api/offers/{id}")).fetch().await
}

/// Writes a new offer as a draft; the server gives its number.
pub async fn create(input: &OfferInput) -> Result<OfferView, ApiError> {
    Call::post("/api/offers").json(input).fetch().await
}

pub async fn update(id: i64, version: i32, input: &OfferInput) -> Result<OfferView, ApiError> {
    Call::put(format!("/api/offers/{id}"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}

pub async fn publish(id: i64, version: i32) -> Result<OfferView, ApiError> {
    Call::post(format!("/api/offers/{id}/publish"))
        .if_match(version)
        .fetch()
        .await
}

pub async fn unpublish(id: i64, version: i32) -> Result<OfferView, ApiError> {
    Call::post(format!("/api/offers/{id}/unpublish"))
        .if_match(version)
        .fetch()
        .await
}

/// Closes the offer for good: `filled` when someone was taken, else
/// withdrawn.
pub async fn close(id: i64, version: i32, filled: bool) -> Result<OfferView, ApiError> {
    Call::post(format!("/api/offers/{id}/close"))
        .if_match(version)
        .json(&CloseInput { filled })
        .fetch()
        .await
}
