//! The signature circuit: staff send a convention for signature and record
//! paper signatures with their scans; a signer with a link reads the
//! agreement, asks for a code and signs.

use super::ApiError;
use super::client::{Call, File};
use super::conventions::ConventionView;
use chrono::NaiveDate;
use stages_domain::signature::Party;

pub use stages_api_types::signatures::{
    CircuitView, PartyView, SigningInput, SigningState, SigningView,
};

/// The party's code in paths (`host_signatory`).
pub fn party_code(party: Party) -> String {
    serde_json::to_value(party)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub async fn send(id: i64, version: i32) -> Result<ConventionView, ApiError> {
    Call::post(format!("/api/conventions/{id}/signature/send"))
        .if_match(version)
        .fetch()
        .await
}

/// A new signing link for `party` (their earlier links stop working).
pub async fn renew_link(id: i64, version: i32, party: Party) -> Result<ConventionView, ApiError> {
    Call::post(format!(
        "/api/conventions/{id}/signature/links/{}",
        party_code(party)
    ))
    .if_match(version)
    .fetch()
    .await
}

pub async fn record_paper(
    id: i64,
    version: i32,
    party: Party,
    signed_on: NaiveDate,
    scan: Vec<u8>,
) -> Result<ConventionView, ApiError> {
    Call::post(format!(
        "/api/conventions/{id}/signature/paper/{}?signed_on={signed_on}",
        party_code(party)
    ))
    .if_match(version)
    .bytes(scan, "application/pdf")
    .fetch()
    .await
}

pub async fn sent_document(id: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/conventions/{id}/signature/document"))
        .file("convention.pdf")
        .await
}

pub async fn signed_agreement(id: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/conventions/{id}/signature/signed"))
        .file("convention-signee.pdf")
        .await
}

pub async fn scan(id: i64, signature: i64) -> Result<File, ApiError> {
    Call::get(format!("/api/conventions/{id}/signature/scans/{signature}"))
        .file("scan.pdf")
        .await
}

pub async fn open(token: &str) -> Result<SigningView, ApiError> {
    Call::get(format!("/api/signing/{token}")).fetch().await
}

pub async fn document(token: &str) -> Result<File, ApiError> {
    Call::get(format!("/api/signing/{token}/document"))
        .file("convention.pdf")
        .await
}

pub async fn ask_code(token: &str) -> Result<SigningView, ApiError> {
    Call::post(format!("/api/signing/{token}/code"))
        .fetch()
        .await
}

pub async fn sign(token: &str, input: &SigningInput) -> Result<SigningView, ApiError> {
    Call::post(format!("/api/signing/{token}/sign"))
        .json(input)
        .fetch()
        .await
}
