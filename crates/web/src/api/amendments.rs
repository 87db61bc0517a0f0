//! Amendments (avenants) of a validated convention.

use super::client::{Call, File};
use super::conventions::ConventionView;
use super::{ApiError, ProblemViolation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use stages_domain::amendment::{Amendment, AmendmentChange};
use stages_domain::model::{Period, StipendTerms};
use stages_domain::permissions::AmendmentPermissions;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AmendmentView {
    pub id: i64,
    pub convention_id: i64,
    pub position: i32,
    pub title: String,
    pub reason: String,
    pub changes: Vec<AmendmentChange>,
    pub validated_on: Option<NaiveDate>,
    pub version: i32,
    pub permissions: AmendmentPermissions,
    pub violations: Vec<ProblemViolation>,
}

impl AmendmentView {
    /// The amendment as the domain knows it, for the browser-side checks.
    pub fn to_domain(&self) -> Amendment {
        Amendment {
            title: self.title.clone(),
            reason: self.reason.clone(),
            changes: self.changes.clone(),
            validated_on: self.validated_on,
        }
    }
}

/// One change as the client sends it: records by id, the server takes
/// their current content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeInput {
    Termination { date: NaiveDate, comment: String },
    Dates { start: NaiveDate, end: NaiveDate },
    Interruptions { periods: Vec<Period> },
    HostService { host_service_id: i64 },
    Subject { subject: String },
    Supervisor { uid: String },
    Tutor { contact_id: i64 },
    Stipend { paid: bool, terms: StipendTerms },
    Other { description: String },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmendmentInput {
    pub title: String,
    pub reason: String,
    pub changes: Vec<ChangeInput>,
}

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
