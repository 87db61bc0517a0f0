//! Internship, apprenticeship and job offers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{Country, Email};

/// What an offer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferKind {
    /// Internship.
    Internship,
    /// Apprenticeship or work-study.
    Apprenticeship,
    /// Job.
    Job,
    /// International volunteering (VIE/VIA).
    Volunteering,
}

/// Contract type of a job or apprenticeship offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContractType {
    /// Fixed-term (CDD).
    FixedTerm,
    /// Permanent (CDI).
    Permanent,
    /// Temporary agency work.
    Temporary,
    /// Apprenticeship contract.
    Apprenticeship,
    /// Professionalisation contract.
    Professionalisation,
}

/// Where an offer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferStatus {
    /// Being written; only staff see it.
    Draft,
    /// Visible to students.
    Published,
    /// Closed because someone was taken.
    Filled,
    /// Closed without anyone taken.
    Withdrawn,
}

/// What staff do to an offer's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfferAction {
    /// Show it to students.
    Publish,
    /// Take it back to draft (to correct it, or stop its diffusion).
    Unpublish,
    /// Close it for good: filled.
    CloseFilled,
    /// Close it for good: withdrawn.
    CloseWithdrawn,
}

/// An offer of internship, apprenticeship or job, as staff write it. The
/// host organisation is a record of its own (by id in the API); the place
/// of work may differ from its address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    /// What it is for.
    pub kind: OfferKind,
    /// Title.
    pub title: String,
    /// Missions, profile sought.
    pub description: String,
    /// Town or city of work.
    pub city: String,
    /// Postcode (French format in France).
    pub postal_code: Option<String>,
    /// Country of work.
    pub country: Country,
    /// Contract type, for jobs and apprenticeships.
    pub contract: Option<ContractType>,
    /// Expected start.
    pub start: Option<NaiveDate>,
    /// Expected end.
    pub end: Option<NaiveDate>,
    /// Whether it is paid.
    pub paid: Option<bool>,
    /// Open and given priority to disabled applicants (RQTH).
    pub disability_friendly: bool,
    /// Who to apply to.
    pub contact_name: Option<String>,
    /// Where to apply.
    pub contact_email: Option<Email>,
}
