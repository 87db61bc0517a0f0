//! Evaluations: the three questionnaires of a validated convention
//! (student, supervisor, workplace tutor), Rechercher une évaluation, the
//! tutor's link and the exports.

use super::ApiError;
use super::client::{Call, File, Page, query};
use stages_domain::model::{Answer, EvaluationForm, EvaluationKind};
use std::collections::BTreeMap;

pub use stages_api_types::evaluations::{
    AnswersInput, CentreForm, EvaluationRow, EvaluationSheet, EvaluationStatus, FormInput,
    TutorLink, TutorSheet,
};

/// The search filters as typed; a status filter needs a kind.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EvaluationQuery {
    pub centre_id: String,
    pub academic_year: String,
    pub kind: String,
    pub status: String,
}

/// A questionnaire's kind as the API's paths write it.
pub fn kind_code(kind: EvaluationKind) -> &'static str {
    match kind {
        EvaluationKind::Student => "student",
        EvaluationKind::Supervisor => "supervisor",
        EvaluationKind::Tutor => "tutor",
    }
}

pub async fn search(
    q: &EvaluationQuery,
    cursor: Option<String>,
) -> Result<Page<EvaluationRow>, ApiError> {
    let params = query(&[
        ("centre_id", q.centre_id.clone()),
        ("academic_year", q.academic_year.clone()),
        ("kind", q.kind.clone()),
        ("status", q.status.clone()),
        ("cursor", cursor.unwrap_or_default()),
    ]);
    Call::get(format!("/api/evaluations{params}")).fetch().await
}

pub async fn list(convention: i64) -> Result<Vec<EvaluationStatus>, ApiError> {
    Call::get(format!("/api/conventions/{convention}/evaluations"))
        .fetch()
        .await
}

fn sheet_path(convention: i64, kind: EvaluationKind) -> String {
    format!(
        "/api/conventions/{convention}/evaluations/{}",
        kind_code(kind)
    )
}

pub async fn get(convention: i64, kind: EvaluationKind) -> Result<EvaluationSheet, ApiError> {
    Call::get(sheet_path(convention, kind)).fetch().await
}

/// Saves the answers as a draft at the version read.
pub async fn save(
    convention: i64,
    kind: EvaluationKind,
    version: i32,
    answers: &BTreeMap<String, Answer>,
) -> Result<EvaluationSheet, ApiError> {
    Call::put(sheet_path(convention, kind))
        .if_match(version)
        .json(&AnswersInput {
            answers: answers.clone(),
        })
        .fetch()
        .await
}

/// Submits the answers: read-only afterwards.
pub async fn submit(
    convention: i64,
    kind: EvaluationKind,
    version: i32,
    answers: &BTreeMap<String, Answer>,
) -> Result<EvaluationSheet, ApiError> {
    Call::post(format!("{}/submit", sheet_path(convention, kind)))
        .if_match(version)
        .json(&AnswersInput {
            answers: answers.clone(),
        })
        .fetch()
        .await
}

/// One questionnaire's answers as a PDF.
pub async fn pdf(convention: i64, kind: EvaluationKind) -> Result<File, ApiError> {
    Call::get(format!("{}/pdf", sheet_path(convention, kind)))
        .file("evaluation.pdf")
        .await
}

/// A centre's submitted answers of one questionnaire for a year, as CSV
/// or XLSX.
pub async fn export(
    centre: i64,
    academic_year: &str,
    kind: EvaluationKind,
    format: &str,
) -> Result<File, ApiError> {
    let params = query(&[
        ("centre_id", centre.to_string()),
        ("academic_year", academic_year.to_owned()),
        ("kind", kind_code(kind).to_owned()),
        ("format", format.to_owned()),
    ]);
    Call::get(format!("/api/evaluations/export{params}"))
        .file(&format!("evaluations.{format}"))
        .await
}

/// A new link for the convention's workplace tutor.
pub async fn create_link(convention: i64) -> Result<TutorLink, ApiError> {
    Call::post(format!("/api/conventions/{convention}/evaluation-links"))
        .fetch()
        .await
}

/// Withdraws every tutor link of the convention.
pub async fn revoke_links(convention: i64) -> Result<(), ApiError> {
    Call::delete(format!("/api/conventions/{convention}/evaluation-links"))
        .run()
        .await
}

/// Vouches for the tutor's address where the scheduler mails the link to
/// their form (SIG-17).
pub async fn vouch_tutor_address(
    convention: i64,
    version: i32,
) -> Result<super::conventions::ConventionView, ApiError> {
    Call::post(format!(
        "/api/conventions/{convention}/evaluation-links/address"
    ))
    .if_match(version)
    .fetch()
    .await
}

fn tutor_path(token: &str) -> String {
    format!(
        "/api/tutor-evaluation/{}",
        String::from(js_sys::encode_uri_component(token))
    )
}

/// The tutor opens the link (no account: the link is the credential).
pub async fn tutor_open(token: &str) -> Result<TutorSheet, ApiError> {
    Call::get(tutor_path(token)).fetch().await
}

pub async fn tutor_save(
    token: &str,
    version: i32,
    answers: &BTreeMap<String, Answer>,
) -> Result<TutorSheet, ApiError> {
    Call::put(tutor_path(token))
        .if_match(version)
        .json(&AnswersInput {
            answers: answers.clone(),
        })
        .fetch()
        .await
}

/// The tutor submits; the link is spent.
pub async fn tutor_submit(
    token: &str,
    version: i32,
    answers: &BTreeMap<String, Answer>,
) -> Result<TutorSheet, ApiError> {
    Call::post(format!("{}/submit", tutor_path(token)))
        .if_match(version)
        .json(&AnswersInput {
            answers: answers.clone(),
        })
        .fetch()
        .await
}

/// A centre's three questionnaires (the national sheets until it changes
/// them).
pub async fn centre_forms(centre: i64) -> Result<Vec<CentreForm>, ApiError> {
    Call::get(format!("/api/centres/{centre}/evaluation-forms"))
        .fetch()
        .await
}

/// Changes a centre's questionnaire at the version read; conventions
/// already started keep the form they were answered with.
pub async fn set_centre_form(
    centre: i64,
    version: i32,
    enabled: bool,
    form: &EvaluationForm,
) -> Result<CentreForm, ApiError> {
    Call::put(format!(
        "/api/centres/{centre}/evaluation-forms/{}",
        kind_code(form.kind)
    ))
    .if_match(version)
    .json(&FormInput {
        enabled,
        form: form.clone(),
    })
    .fetch()
    .await
}
