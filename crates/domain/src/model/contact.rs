//! Steps 3, 4, 6 and 7: host service, tutor, supervisor and signatory.

use serde::{Deserialize, Serialize};

use super::Address;
use crate::ids::{Email, Phone};

/// Host service or site where the internship takes place (step 3).
///
/// It has no link to another organisation: an amendment can change the service
/// but not the host (AVN-02: a new host is a new convention).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct HostService {
    /// Department or site name.
    pub name: String,
    /// Where the intern works; its country is the internship's country.
    pub address: Address,
    /// Service phone.
    pub phone: Option<Phone>,
}

/// Form of address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Civility {
    /// Madame.
    Ms,
    /// Monsieur.
    Mr,
}

/// A person of the host: the workplace tutor (step 4) or the signatory who
/// represents the host (step 7), who may be the same person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Contact {
    /// Form of address.
    pub civility: Option<Civility>,
    /// Family name.
    pub last_name: String,
    /// Given name.
    pub first_name: String,
    /// E-mail: the e-signature and the tutor's evaluation link go there.
    pub email: Option<Email>,
    /// Phone.
    pub phone: Option<Phone>,
    /// Position (*fonction* / *qualité*), printed under the signature.
    pub position: String,
}

/// The academic supervisor (*enseignant référent*, step 6), found in the
/// directory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Supervisor {
    /// Directory uid: identifies the supervisor for ENC-01 counts.
    pub uid: String,
    /// Family name.
    pub last_name: String,
    /// Given name.
    pub first_name: String,
    /// E-mail.
    pub email: Option<Email>,
    /// Phone.
    pub phone: Option<Phone>,
    /// Department (*affectation*).
    pub department: Option<String>,
}
