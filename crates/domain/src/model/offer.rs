//! Internship, apprenticeship and job offers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Address, NomenclatureRef};
use crate::ids::{Email, Siret};

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
    /// Being written.
    Draft,
    /// Waiting for moderation.
    PendingModeration,
    /// Visible to students.
    Published,
    /// Refused by moderation.
    Rejected,
    /// Filled.
    Filled,
    /// Withdrawn by its author.
    Withdrawn,
}

/// An offer published to students.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Offer {
    /// What it is for.
    pub kind: OfferKind,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Host name.
    pub organisation_name: String,
    /// Host SIRET, when known.
    pub organisation_siret: Option<Siret>,
    /// Place of work.
    pub location: Address,
    /// Contract type, for jobs and apprenticeships.
    pub contract: Option<ContractType>,
    /// Expected start.
    pub start: Option<NaiveDate>,
    /// Expected duration in weeks.
    pub duration_weeks: Option<u16>,
    /// Whether it is paid.
    pub paid: Option<bool>,
    /// Required level of study.
    pub study_level: Option<NomenclatureRef>,
    /// Open and given priority to disabled applicants (RQTH).
    pub disability_friendly: bool,
    /// Where to apply.
    pub contact_email: Option<Email>,
    /// Status.
    pub status: OfferStatus,
}
