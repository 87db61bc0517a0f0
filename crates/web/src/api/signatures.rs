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

/// Which circuit of a convention: its agreement's (`amendment` `None`) or
/// one amendment's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CircuitOf {
    pub convention: i64,
    pub amendment: Option<i64>,
}

impl CircuitOf {
    /// The circuit's routes.
    fn base(self) -> String {
        match self.amendment {
            None => format!("/api/conventions/{}/signature", self.convention),
            Some(a) => format!(
                "/api/conventions/{}/amendments/{a}/signature",
                self.convention
            ),
        }
    }

    /// What downloads are named after (`12` or `12-avenant-3`).
    fn stem(self) -> String {
        match self.amendment {
            None => "convention".to_owned(),
            Some(_) => "avenant".to_owned(),
        }
    }
}

/// Sends the circuit out; `version` is the convention's.
pub async fn send(of: CircuitOf, version: i32) -> Result<ConventionView, ApiError> {
    Call::post(format!("{}/send", of.base()))
        .if_match(version)
        .fetch()
        .await
}

/// A new signing link for `party` (their earlier links stop working).
pub async fn renew_link(
    of: CircuitOf,
    version: i32,
    party: Party,
) -> Result<ConventionView, ApiError> {
    Call::post(format!("{}/links/{}", of.base(), party_code(party)))
        .if_match(version)
        .fetch()
        .await
}

/// Staff vouch for `party`'s address (SIG-17); an awaited party is mailed
/// their link.
pub async fn vouch_address(
    of: CircuitOf,
    version: i32,
    party: Party,
) -> Result<ConventionView, ApiError> {
    Call::post(format!("{}/addresses/{}", of.base(), party_code(party)))
        .if_match(version)
        .fetch()
        .await
}

pub async fn record_paper(
    of: CircuitOf,
    version: i32,
    party: Party,
    signed_on: NaiveDate,
    scan: Vec<u8>,
) -> Result<ConventionView, ApiError> {
    Call::post(format!(
        "{}/paper/{}?signed_on={signed_on}",
        of.base(),
        party_code(party)
    ))
    .if_match(version)
    .bytes(scan, "application/pdf")
    .fetch()
    .await
}

pub async fn sent_document(of: CircuitOf) -> Result<File, ApiError> {
    Call::get(format!("{}/document", of.base()))
        .file(&format!("{}.pdf", of.stem()))
        .await
}

pub async fn signed_agreement(of: CircuitOf) -> Result<File, ApiError> {
    Call::get(format!("{}/signed", of.base()))
        .file(&format!("{}-signee.pdf", of.stem()))
        .await
}

pub async fn scan(of: CircuitOf, signature: i64) -> Result<File, ApiError> {
    Call::get(format!("{}/scans/{signature}", of.base()))
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
