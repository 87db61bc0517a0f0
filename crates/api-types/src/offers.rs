//! Offers of internship, apprenticeship and job: students search the
//! published ones; staff write, publish, take back and close them.

use crate::problem::ProblemViolation;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::model::{Offer, OfferStatus};

/// The host, as an offer shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferHost {
    pub id: i64,
    pub name: String,
    pub city: String,
}

/// An offer as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferView {
    pub id: i64,
    /// Given at creation; students type it in the wizard to link the offer.
    #[cfg_attr(feature = "openapi", schema(example = "OF-2026-0001"))]
    pub number: String,
    pub status: OfferStatus,
    pub organisation: OfferHost,
    pub offer: Offer,
    /// The centre whose staff manage it.
    pub centre_id: Option<i64>,
    pub published_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
    /// Conventions that link it (staff only; 0 for students).
    pub conventions: i64,
    /// What publishing still needs, or warnings (staff).
    pub violations: Vec<ProblemViolation>,
}

/// An offer staff write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OfferInput {
    /// The host (an active organisation).
    pub organisation_id: i64,
    /// The centre whose staff manage it: for a manager, one of theirs (the
    /// first when omitted); for an administrator, any or none.
    pub centre_id: Option<i64>,
    pub offer: Offer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CloseInput {
    /// Whether someone was taken (a draft can only be withdrawn).
    pub filled: bool,
}
