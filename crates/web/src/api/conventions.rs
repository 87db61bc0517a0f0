//! Conventions: search, the read model of one convention, the wizard's
//! steps, creation, deletion, validation and the printed documents.

use super::client::{Call, File, Page, query};
use super::{ApiError, ProblemViolation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use stages_domain::amendment::Termination;
use stages_domain::figures::Figures;
use stages_domain::ids::{Email, Phone};
use stages_domain::lifecycle::{Status, Workflow};
use stages_domain::model::{Address, Convention, HealthInsurance, ValidationLevel, WizardStep};
use stages_domain::permissions::Permissions;
use stages_domain::rules::Completion;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CentreRef {
    pub id: i64,
    pub name: String,
}

/// The records a convention names, by id.
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
pub struct Parties {
    pub organisation_id: Option<i64>,
    pub host_service_id: Option<i64>,
    pub tutor_id: Option<i64>,
    pub supervisor_id: Option<i64>,
    pub signatory_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AmendmentSummary {
    pub id: i64,
    pub position: i32,
    pub title: String,
    pub validated_on: Option<NaiveDate>,
    pub version: i32,
}

/// A convention as its screens show it (`GET /api/conventions/{id}`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ConventionView {
    pub id: i64,
    pub number: Option<String>,
    pub status: Status,
    pub version: i32,
    pub centre: CentreRef,
    pub student_id: i64,
    pub academic_year: String,
    pub parties: Parties,
    pub content: Convention,
    pub effective: Convention,
    pub termination: Option<Termination>,
    pub workflow: Workflow,
    pub figures: Option<Figures>,
    pub completion: Completion,
    pub violations: Vec<ProblemViolation>,
    pub permissions: Permissions,
    pub amendments: Vec<AmendmentSummary>,
}

/// A line of the search results.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ConventionSummary {
    pub id: i64,
    pub number: Option<String>,
    pub status: Status,
    pub student_number: String,
    pub student_last_name: String,
    pub student_first_name: String,
    pub academic_year: String,
    pub organisation_name: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
}

/// The search form: a number or a name, and the staff filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchQuery {
    pub text: String,
    pub centre_id: String,
    pub academic_year: String,
    pub status: String,
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
        ("cursor", cursor.unwrap_or_default()),
    ]);
    Call::get(format!("/api/conventions{params}")).fetch().await
}

pub async fn get(id: i64) -> Result<ConventionView, ApiError> {
    Call::get(format!("/api/conventions/{id}")).fetch().await
}

#[derive(Debug, Clone, Serialize)]
struct NewConvention<'a> {
    academic_year: &'a str,
    programme_code: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    student_id: Option<i64>,
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
            academic_year,
            programme_code,
            student_id,
        })
        .fetch()
        .await
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EnrolmentChoice {
    pub academic_year: String,
    pub programme_code: String,
}

/// Step 1 as the server takes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StudentStepInput {
    pub address: Address,
    pub personal_email: Option<Email>,
    pub phone: Option<Phone>,
    pub mobile_phone: Option<Phone>,
    pub health_insurance: HealthInsurance,
    pub enrolment: Option<EnrolmentChoice>,
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

#[derive(Debug, Clone, Serialize)]
struct Rejection<'a> {
    reason: &'a str,
}

pub async fn reject(id: i64, version: i32, reason: &str) -> Result<ConventionView, ApiError> {
    Call::post(format!("/api/conventions/{id}/reject"))
        .if_match(version)
        .json(&Rejection { reason })
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

/// Step 2's body: the organisation chosen, or the number of the offer
/// the student answered (the convention then takes the offer's host).
#[derive(Debug, Clone, Default, Serialize)]
pub struct OrganisationChoice {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offer_number: Option<String>,
}

/// Step 3's body: a service of the organisation.
#[derive(Debug, Clone, Serialize)]
pub struct HostServiceChoice {
    pub host_service_id: i64,
}

/// Steps 4 and 7: a contact (the tutor, of the service; the signatory, of
/// any service of the organisation).
#[derive(Debug, Clone, Serialize)]
pub struct ContactChoice {
    pub contact_id: i64,
}

/// Step 6: a member of the teaching staff, by directory uid.
#[derive(Debug, Clone, Serialize)]
pub struct SupervisorChoice {
    pub uid: String,
}
