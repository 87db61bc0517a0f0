//! The signature circuit of a convention as its page shows it, and what
//! staff send to record a paper signature.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::permissions::Decision;
use stages_domain::signature::{CircuitStatus, Method, Party, SigningOrder};

/// A convention's open signature circuit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CircuitView {
    pub id: i64,
    pub status: CircuitStatus,
    pub order: SigningOrder,
    /// The day the convention was validated: paper signatures are dated
    /// from it.
    pub opened_on: NaiveDate,
    pub sent_on: Option<NaiveDate>,
    /// SHA-256 (hex) of the agreement sent, the exact PDF every signer
    /// sees.
    pub document_sha256: Option<String>,
    /// Whether the sealed final PDF exists (every party signed).
    pub signed_document: bool,
    /// Every party, in signing order.
    pub parties: Vec<PartyView>,
    /// Whether the caller may send the circuit and record paper
    /// signatures (SIG-11).
    pub manage: Decision,
}

/// One party of a circuit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyView {
    pub party: Party,
    /// The signer as the agreement names them.
    pub name: String,
    /// Whether the party is asked to sign now.
    pub awaited: bool,
    pub signature: Option<SignatureView>,
}

/// A signature given, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignatureView {
    pub id: i64,
    pub signed_on: NaiveDate,
    pub method: Method,
    pub signer_name: String,
    /// The staff member who recorded a paper signature.
    pub recorded_by: Option<String>,
    /// The signer's network address (electronic; staff only).
    pub address: Option<String>,
    /// The signer's browser (electronic; staff only).
    pub user_agent: Option<String>,
    /// SHA-256 (hex) of the PDF signed.
    pub document_sha256: Option<String>,
    /// Whether a signed scan is kept (paper).
    pub scan: bool,
    pub recorded_at: DateTime<Utc>,
}
