//! The signature circuit of a convention as its page shows it, and what
//! staff send to record a paper signature.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::permissions::Decision;
use stages_domain::signature::{CircuitStatus, Method, Party, SigningOrder};

/// The amendment a circuit is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CircuitAmendment {
    pub id: i64,
    /// Its number among the convention's amendments (1, 2…).
    pub position: i32,
    pub title: String,
}

/// An open signature circuit: a convention's agreement, or one of its
/// amendments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CircuitView {
    pub id: i64,
    /// The amendment signed in this circuit; `None` for the agreement.
    pub amendment: Option<CircuitAmendment>,
    pub status: CircuitStatus,
    pub order: SigningOrder,
    /// The day the convention (or the amendment) was validated: paper
    /// signatures are dated from it.
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
    /// Where their signing link and code are mailed, so that staff check
    /// it before sending (the centre's staff only; `None` for others, and
    /// for a party without an address, who signs on paper).
    pub email: Option<String>,
    /// SIG-17: for the host's signatory, the tutor and a minor's legal
    /// representative, whether the centre's staff vouched for `email`
    /// (entered or checked it): no link goes to an address they did not. The centre's staff only; `None` for others,
    /// and for the parties whose address needs no vouching.
    pub address_vouched: Option<bool>,
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

/// Where a signing link stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SigningState {
    /// The party may sign now.
    Awaiting,
    /// Earlier parties sign first (a sequential circuit).
    NotYourTurn,
    /// The party signed.
    Signed,
    /// The circuit was withdrawn (the validation withdrawn).
    Closed,
}

/// What the signing page shows to the holder of a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SigningView {
    pub number: String,
    /// The amendment to sign; `None` when it is the agreement.
    pub amendment: Option<CircuitAmendment>,
    pub party: Party,
    pub signer_name: String,
    pub student: String,
    pub host: String,
    /// SHA-256 (hex) of the agreement to sign: sent back with the code.
    pub document_sha256: String,
    pub state: SigningState,
    /// Where the code goes, masked (`c***@univ.fr`).
    pub email: String,
    /// Whether a code was sent and still works.
    pub code_sent: bool,
}

/// The signer's confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SigningInput {
    /// The six digits mailed.
    pub code: String,
    /// SHA-256 (hex) of the agreement shown, from [`SigningView`].
    pub document_sha256: String,
}

/// What a signature platform reports to its webhook: one party's
/// signature in one circuit, for the agreement it was given (by its
/// SHA-256, as `GET /api/conventions/{id}/signature/document` serves it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignatureReport {
    /// The circuit (`signature.id` of the convention's summary).
    pub circuit_id: i64,
    pub party: Party,
    /// The signer, as the platform identified them.
    pub signer_name: String,
    /// SHA-256 (hex) of the PDF signed.
    pub document_sha256: String,
    /// The platform's reference of the signature (kept as evidence).
    pub reference: String,
}

/// An address staff vouched for (SIG-17): signing links to the host's
/// signatory, the tutor or a minor's legal representative, and the tutor's
/// evaluation link, go there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VouchedAddress {
    /// In lower case: one mailbox whatever the case it is written in.
    pub address: String,
    /// Who vouched for it first (the account's user name); `None` when
    /// the account is gone or it predates the rule.
    pub vouched_by: Option<String>,
    pub vouched_at: DateTime<Utc>,
}

/// An address a link would go to, and whether staff vouched for it
/// (SIG-17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckedAddress {
    pub address: String,
    pub vouched: bool,
}
