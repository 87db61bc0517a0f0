//! Step 2: the host organisation.

use serde::{Deserialize, Serialize};

use super::{Address, NomenclatureRef};
use crate::ids::{Email, NafCode, Phone, Siret};

/// Kind of host organisation. Only the distinction public law / private law
/// carries rules (GRAT-05, GRAT-11); the rest is for statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// Private company.
    PrivateCompany,
    /// Public company or industrial and commercial public body (EPIC/SPIC):
    /// governed by private law for its staff, so not a public-law host.
    PublicCompany,
    /// State administration or local authority.
    PublicAdministration,
    /// Administrative public body (EPA): university, hospital, research body.
    PublicEstablishment,
    /// Association (loi 1901).
    Association,
    /// Mutual or cooperative.
    MutualOrCooperative,
    /// Anything else (foundation, liberal profession…).
    Other,
}

impl OrganisationKind {
    /// Public-law hosts pay exactly the legal rate (GRAT-05) and may not pay
    /// an indemnity to continuing-education interns (GRAT-11).
    pub fn is_public_law(self) -> bool {
        matches!(self, Self::PublicAdministration | Self::PublicEstablishment)
    }
}

/// The host organisation (*établissement d'accueil*).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Organisation {
    /// Company name (*raison sociale*).
    pub name: String,
    /// SIRET; required in France (ID-03), absent abroad.
    pub siret: Option<Siret>,
    /// Activity code; either it or `main_activity` is required (ID-04, ABR-08).
    pub naf: Option<NafCode>,
    /// Free-text main activity, for hosts without a NAF code.
    pub main_activity: Option<String>,
    /// Workforce: drives the host quota (ENC-03).
    pub headcount: Option<u32>,
    /// Kind of organisation.
    pub kind: Option<OrganisationKind>,
    /// Legal status (SA, SARL, association…), from the reference list.
    pub legal_status: Option<NomenclatureRef>,
    /// Head-office address; its country is the organisation's country.
    pub address: Address,
    /// Switchboard.
    pub phone: Option<Phone>,
    /// General e-mail address.
    pub email: Option<Email>,
    /// Web site.
    pub website: Option<String>,
}
