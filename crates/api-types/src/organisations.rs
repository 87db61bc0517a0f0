//! Host organisations (établissements d'accueil), their services and
//! contacts: the records a convention's steps 2, 3, 4 and 7 select.

use chrono::{DateTime, Utc};
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::{Deserialize, Serialize};
use stages_domain::ids::{Country, Email, NafCode, Phone, Siret};
use stages_domain::model::{
    Address, Civility, Contact, HostService, NomenclatureRef, Organisation, OrganisationKind,
};

/// A domain enumeration from the code the wire carries (`private_company`,
/// `ms`), `None` for a code it does not know.
fn from_code<'a, T: Deserialize<'a>>(code: &'a str) -> Option<T> {
    T::deserialize(StrDeserializer::<ValueError>::new(code)).ok()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationRow {
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "Société Générale d'Ingénierie"))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(example = "73282932000074"))]
    pub siret: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "732829320"))]
    pub siren: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "71.12B"))]
    pub naf_code: Option<String>,
    pub activity: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = 120))]
    pub headcount: i32,
    #[cfg_attr(feature = "openapi", schema(example = "private_company"))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(example = "57"))]
    pub legal_status_code: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Société par actions simplifiée (SAS)")
    )]
    pub legal_status_label: Option<String>,
    pub street: String,
    pub street2: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "25000"))]
    pub postal_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "Besançon"))]
    pub city: String,
    #[cfg_attr(feature = "openapi", schema(example = "FR"))]
    pub country_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "25"))]
    pub department: Option<String>,
    pub phone: String,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Deactivated organisations stay on the conventions that name them but
    /// are no longer offered.
    pub active: bool,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrganisationRow {
    /// The domain's view, as a convention snapshots it.
    pub fn to_domain(&self) -> Organisation {
        Organisation {
            name: self.name.clone(),
            siret: self.siret.as_deref().and_then(|s| Siret::parse(s).ok()),
            naf: self
                .naf_code
                .as_deref()
                .and_then(|s| NafCode::parse(s).ok()),
            main_activity: self.activity.clone(),
            headcount: u32::try_from(self.headcount).ok(),
            kind: from_code(&self.kind),
            legal_status: match (&self.legal_status_code, &self.legal_status_label) {
                (Some(code), Some(label)) => Some(NomenclatureRef {
                    code: code.clone(),
                    label: label.clone(),
                }),
                _ => None,
            },
            address: Address {
                street: self.street.clone(),
                building: self.street2.clone(),
                postal_code: self.postal_code.clone(),
                city: self.city.clone(),
                country: Country::parse(&self.country_code).ok(),
            },
            phone: Phone::parse(&self.phone).ok(),
            email: self.email.as_deref().and_then(|e| Email::parse(e).ok()),
            website: self.website.clone(),
        }
    }
}

/// An organisation as created or updated (seed §4.2's mandatory fields:
/// name, SIRET in France, headcount, type, NAF code or activity, postal
/// address, phone).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Société Générale d'Ingénierie",
    "siret": "732 829 320 00074",
    "naf_code": "71.12B",
    "headcount": 120,
    "kind": "private_company",
    "legal_status_code": "57",
    "street": "12 rue de la République",
    "postal_code": "25000",
    "city": "Besançon",
    "country_code": "FR",
    "phone": "03 81 00 00 00",
    "email": "contact@sgi-ingenierie.fr"
})))]
pub struct OrganisationInput {
    pub name: String,
    pub siret: Option<String>,
    pub naf_code: Option<String>,
    /// Main activity in words, when there is no NAF code (foreign hosts).
    pub activity: Option<String>,
    pub headcount: Option<u32>,
    pub kind: Option<OrganisationKind>,
    /// Code of the `legal_status` reference table.
    pub legal_status_code: Option<String>,
    pub street: String,
    pub street2: Option<String>,
    pub postal_code: String,
    pub city: String,
    /// ISO 3166 code; France when absent.
    pub country_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HostServiceRow {
    pub id: i64,
    pub organisation_id: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Direction des systèmes d'information")
    )]
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub phone: Option<String>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl HostServiceRow {
    /// The service as a convention holds it.
    pub fn to_domain(&self) -> HostService {
        HostService {
            name: self.name.clone(),
            address: Address {
                street: self.street.clone(),
                building: None,
                postal_code: self.postal_code.clone(),
                city: self.city.clone(),
                country: Country::parse(&self.country_code).ok(),
            },
            phone: self.phone.as_deref().and_then(|p| Phone::parse(p).ok()),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Direction des systèmes d'information",
    "street": "12 rue de la République",
    "postal_code": "25000",
    "city": "Besançon",
    "country_code": "FR",
    "phone": "03 81 00 00 01"
})))]
pub struct HostServiceInput {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactRow {
    pub id: i64,
    pub host_service_id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "ms"))]
    pub civility: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "Lefèvre"))]
    pub last_name: String,
    #[cfg_attr(feature = "openapi", schema(example = "Sophie"))]
    pub first_name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Responsable des systèmes d'information")
    )]
    pub position: String,
    pub email: String,
    pub phone: String,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ContactRow {
    /// The contact as a convention holds it.
    pub fn to_domain(&self) -> Contact {
        Contact {
            civility: self.civility.as_deref().and_then(from_code),
            last_name: self.last_name.clone(),
            first_name: self.first_name.clone(),
            email: Email::parse(&self.email).ok(),
            phone: Phone::parse(&self.phone).ok(),
            position: self.position.clone(),
        }
    }

    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "civility": "ms",
    "last_name": "Lefèvre",
    "first_name": "Sophie",
    "position": "Responsable des systèmes d'information",
    "email": "sophie.lefevre@sgi-ingenierie.fr",
    "phone": "03 81 00 00 02"
})))]
pub struct ContactInput {
    pub civility: Option<Civility>,
    pub last_name: String,
    pub first_name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn contact(civility: Option<&str>) -> ContactRow {
        let at = NaiveDate::from_ymd_opt(2026, 9, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .map(|at| at.and_utc())
            .expect("a valid instant");
        ContactRow {
            id: 1,
            host_service_id: 1,
            civility: civility.map(str::to_owned),
            last_name: "Lefèvre".into(),
            first_name: "Sophie".into(),
            position: "Responsable des systèmes d'information".into(),
            email: "sophie.lefevre@sgi-ingenierie.fr".into(),
            phone: "03 81 00 00 02".into(),
            version: 1,
            created_at: at,
            updated_at: at,
        }
    }

    /// The wire carries codes; the domain gets the enumeration, and a code
    /// it does not know is left out rather than guessed.
    #[test]
    fn codes_become_the_domain_enumeration() {
        assert_eq!(contact(Some("ms")).to_domain().civility, Some(Civility::Ms));
        assert_eq!(contact(Some("dr")).to_domain().civility, None);
        assert_eq!(contact(None).to_domain().civility, None);
        let domain = contact(Some("mr")).to_domain();
        assert!(domain.email.is_some() && domain.phone.is_some());
    }
}
