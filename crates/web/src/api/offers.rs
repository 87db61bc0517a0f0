//! Offers of internship, apprenticeship and job: students search the
//! published ones; staff write, publish, take back and close them.

use super::client::{Call, Page, query};
use super::{ApiError, ProblemViolation};
use serde::{Deserialize, Serialize};
use stages_domain::model::{Offer, OfferStatus};

/// The host as an offer shows it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OfferHost {
    pub id: i64,
    pub name: String,
    pub city: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OfferView {
    pub id: i64,
    /// What students type in the wizard to link the offer.
    pub number: String,
    pub status: OfferStatus,
    pub centre_id: Option<i64>,
    pub organisation: OfferHost,
    pub offer: Offer,
    pub version: i32,
    /// Conventions that link it (0 for students, who are not told).
    pub conventions: i64,
    /// What publishing still needs (staff).
    pub violations: Vec<ProblemViolation>,
}

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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OfferInput {
    pub organisation_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub centre_id: Option<i64>,
    pub offer: Offer,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
struct CloseInput {
    filled: bool,
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
