//! The bodies of the wizard's steps. Step 5 (the internship) sends the
//! domain's `Internship` itself; the others choose records by id.

use serde::{Deserialize, Serialize};
use stages_domain::ids::{Email, Phone};
use stages_domain::model::{Address, Contact, HealthInsurance};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnrolmentChoice {
    #[cfg_attr(feature = "openapi", schema(example = "2026-2027"))]
    pub academic_year: String,
    #[cfg_attr(feature = "openapi", schema(example = "M1-INFO"))]
    pub programme_code: String,
}

/// Step 1: the student's contact details and health insurance; while a
/// draft, the enrolment may be changed (it decides the centre).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
    "personal_email": "camille.martin@example.org",
    "mobile_phone": "06 12 34 56 78",
    "health_insurance": {"fund": "CPAM du Doubs"},
    "enrolment": {"academic_year": "2026-2027", "programme_code": "M1-INFO"}
})))]
pub struct StudentStepInput {
    pub address: Address,
    pub personal_email: Option<Email>,
    pub phone: Option<Phone>,
    pub mobile_phone: Option<Phone>,
    pub health_insurance: HealthInsurance,
    pub enrolment: Option<EnrolmentChoice>,
    /// A minor's parent or guardian, who signs too (SAF-07); `position`
    /// holds the capacity (mother, father, guardian).
    #[serde(default)]
    pub legal_representative: Option<Contact>,
}

/// The host: an organisation, or the number of the offer the student
/// answered, whose host it takes (seed §4.1: "lier une offre de stage").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"organisation_id": 1})))]
pub struct OrganisationChoice {
    pub organisation_id: Option<i64>,
    /// `OF-2026-0001`: links the offer and takes its host.
    pub offer_number: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"host_service_id": 1})))]
pub struct HostServiceChoice {
    pub host_service_id: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"contact_id": 1})))]
pub struct ContactChoice {
    pub contact_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"uid": "enseignant"})))]
pub struct SupervisorChoice {
    /// Directory identifier, from `GET /api/supervisors`.
    pub uid: String,
}
