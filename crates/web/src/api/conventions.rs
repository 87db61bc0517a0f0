//! Conventions: search, the read model of one convention, the wizard's
//! steps, creation, deletion, validation and the printed documents.

use super::ApiError;
use super::client::{Call, File, Page, query};
use serde::Serialize;
use stages_domain::model::{ValidationLevel, WizardStep};

pub use stages_api_types::conventions::{
    ConventionSummary, ConventionView, NewConvention, PostReviewInput, RejectionInput,
};
pub use stages_api_types::steps::{
    ContactChoice, EnrolmentChoice, HostServiceChoice, OrganisationChoice, StudentStepInput,
    SupervisorChoice,
};

/// The search form: a number or a name, and the staff filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub centre_id: String,
    pub academic_year: String,
    pub status: String,
    /// Only those not signed by every party before the first day.
    pub unsigned_at_start: bool,
}

pub async fn search(
    q: &SearchQuery,
    cursor: Option<String>,
) -> Result<Page<ConventionSummary>, ApiError> {
    let params = query(&[
        ("q", q.text.clone()),
        ("centre_id", q.centre_id.clone()),
        ("academic_year", q.academic_year.clone()),
        ("status", q.status.clone()),
        (
            "unsigned_at_start",
            if q.unsigned_at_start { "true" } else { "" }.to_owned(),
        ),
        ("cursor", cursor.unwrap_or_default()),
    ]);
    Call::get(format!("/api/conventions{params}")).fetch().await
}

pub async fn get(id: i64) -> Result<ConventionView, ApiError> {
    Call::get(format!("/api/conventions/{id}")).fetch().await
}

/// Starts a draft for one of the student's enrolments (`student_id` only
/// when staff create it for a student).
pub async fn create_draft(
    academic_year: &str,
    programme_code: &str,
    student_id: Option<i64>,
) -> Result<ConventionView, ApiError> {
    Call::post("/api/conventions")
        .json(&NewConvention {
            academic_year: academic_year.to_owned(),
            programme_code: programme_code.to_owned(),
            student_id,
        })
        .fetch()
        .await
}

/// The path segment of a step's endpoint.
fn step_path(step: WizardStep) -> &'static str {
    match step {
        WizardStep::Student => "student",
        WizardStep::Organisation => "organisation",
        WizardStep::HostService => "host-service",
        WizardStep::Tutor => "tutor",
        WizardStep::Internship => "internship",
        WizardStep::Supervisor => "supervisor",
        WizardStep::Signatory | WizardStep::Summary => "signatory",
    }
}

/// Saves one wizard step at the version read.
pub async fn save_step<B: Serialize + ?Sized>(
    id: i64,
    version: i32,
    step: WizardStep,
    body: &B,
) -> Result<ConventionView, ApiError> {
    Call::put(format!("/api/conventions/{id}/{}", step_path(step)))
        .if_match(version)
        .json(body)
        .fetch()
        .await
}

/// Creates the convention from its draft: it gets its number.
pub async fn submit(id: i64, version: i32) -> Result<ConventionView, ApiError> {
    Call::post(format!("/api/conventions/{id}/submit"))
        .if_match(version)
        .fetch()
        .await
}

pub async fn delete(id: i64, version: i32) -> Result<(), ApiError> {
    Call::delete(format!("/api/conventions/{id}"))
        .if_match(version)
        .run()
        .await
}

pub async fn validate(
    id: i64,
    version: i32,
    level: ValidationLevel,
) -> Result<ConventionView, ApiError> {
    Call::post(format!(
        "/api/conventions/{id}/validations/{}",
        level.as_str()
    ))
    .if_match(version)
    .fetch()
    .await
}

pub async fn unvalidate(
    id: i64,
    version: i32,
    level: ValidationLevel,
) -> Result<ConventionView, ApiError> {
    Call::delete(format!(
        "/api/conventions/{id}/validations/{}",
        level.as_str()
    ))
    .if_match(version)
    .fetch()
    .await
}

pub async fn reject(id: i64, version: i32, reason: &str) -> Result<ConventionView, ApiError> {
    Call::post(format!("/api/conventions/{id}/reject"))
        .if_match(version)
        .json(&RejectionInput {
            reason: reason.to_owned(),
        })
        .fetch()
        .await
}

/// Staff's answer to DUR-03: whether the internship takes an earlier
/// intern's post, and why.
pub async fn review_post(
    id: i64,
    version: i32,
    same_post: bool,
    reason: &str,
) -> Result<ConventionView, ApiError> {
    Call::put(format!("/api/conventions/{id}/post-review"))
        .if_match(version)
        .json(&PostReviewInput {
            same_post,
            reason: reason.to_owned(),
        })
        .fetch()
        .await
}

/// The agreement as a PDF (403 with the reason when the centre's print
/// condition is not met).
pub async fn agreement_pdf(id: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/conventions/{id}/pdf"))
        .file("convention.pdf")
        .await
}

/// The end-of-internship certificate (409 with the reason before the end).
pub async fn certificate_pdf(id: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/conventions/{id}/certificate"))
        .file("attestation.pdf")
        .await
}
