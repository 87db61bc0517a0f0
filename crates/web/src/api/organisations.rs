//! Host organisations with their services and contacts.

use super::ApiError;
use super::client::{Call, Page, query};
use serde::{Deserialize, Serialize};
use stages_domain::ids::{Country, Email, Phone};
use stages_domain::model::{Address, Civility, Contact, HostService, OrganisationKind};

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub siret: Option<String>,
    pub naf_code: Option<String>,
    pub activity: Option<String>,
    pub headcount: i32,
    pub kind: String,
    pub legal_status_code: Option<String>,
    pub legal_status_label: Option<String>,
    pub street: String,
    pub street2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub phone: String,
    pub email: Option<String>,
    pub website: Option<String>,
    pub version: i32,
}

/// An organisation as created or corrected.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OrganisationInput {
    pub name: String,
    pub siret: Option<String>,
    pub naf_code: Option<String>,
    pub activity: Option<String>,
    pub headcount: Option<u32>,
    pub kind: Option<OrganisationKind>,
    pub legal_status_code: Option<String>,
    pub street: String,
    pub street2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// The search form of seed §4.2: name and department, SIRET, activity,
/// phone, address or service.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrganisationQuery {
    pub name: String,
    pub department: String,
    pub siret: String,
    pub naf: String,
    pub phone: String,
    pub address: String,
    pub service: String,
}

pub async fn search(
    q: &OrganisationQuery,
    cursor: Option<String>,
) -> Result<Page<OrganisationRow>, ApiError> {
    let params = query(&[
        ("name", q.name.clone()),
        ("department", q.department.clone()),
        ("siret", q.siret.clone()),
        ("naf", q.naf.clone()),
        ("phone", q.phone.clone()),
        ("address", q.address.clone()),
        ("service", q.service.clone()),
        ("cursor", cursor.unwrap_or_default()),
    ]);
    Call::get(format!("/api/organisations{params}"))
        .fetch()
        .await
}

pub async fn get(id: i64) -> Result<OrganisationRow, ApiError> {
    Call::get(format!("/api/organisations/{id}")).fetch().await
}

pub async fn create(input: &OrganisationInput) -> Result<OrganisationRow, ApiError> {
    Call::post("/api/organisations").json(input).fetch().await
}

pub async fn update(
    id: i64,
    version: i32,
    input: &OrganisationInput,
) -> Result<OrganisationRow, ApiError> {
    Call::put(format!("/api/organisations/{id}"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct HostServiceRow {
    pub id: i64,
    pub organisation_id: i64,
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: String,
    pub phone: Option<String>,
    pub version: i32,
}

impl HostServiceRow {
    /// The service as a convention holds it, for the browser-side checks
    /// of an amendment that moves the internship there.
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

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct HostServiceInput {
    pub name: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country_code: Option<String>,
    pub phone: Option<String>,
}

pub async fn services(organisation: i64) -> Result<Vec<HostServiceRow>, ApiError> {
    Call::get(format!("/api/organisations/{organisation}/services"))
        .fetch()
        .await
}

pub async fn create_service(
    organisation: i64,
    input: &HostServiceInput,
) -> Result<HostServiceRow, ApiError> {
    Call::post(format!("/api/organisations/{organisation}/services"))
        .json(input)
        .fetch()
        .await
}

pub async fn update_service(
    id: i64,
    version: i32,
    input: &HostServiceInput,
) -> Result<HostServiceRow, ApiError> {
    Call::put(format!("/api/services/{id}"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ContactRow {
    pub id: i64,
    pub host_service_id: i64,
    pub civility: Option<Civility>,
    pub last_name: String,
    pub first_name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
    pub version: i32,
}

impl ContactRow {
    /// The contact as a convention holds it (amendment checks).
    pub fn to_domain(&self) -> Contact {
        Contact {
            civility: self.civility,
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

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ContactInput {
    pub civility: Option<Civility>,
    pub last_name: String,
    pub first_name: String,
    pub position: String,
    pub email: String,
    pub phone: String,
}

pub async fn contacts(service: i64) -> Result<Vec<ContactRow>, ApiError> {
    Call::get(format!("/api/services/{service}/contacts"))
        .fetch()
        .await
}

pub async fn create_contact(service: i64, input: &ContactInput) -> Result<ContactRow, ApiError> {
    Call::post(format!("/api/services/{service}/contacts"))
        .json(input)
        .fetch()
        .await
}

pub async fn update_contact(
    id: i64,
    version: i32,
    input: &ContactInput,
) -> Result<ContactRow, ApiError> {
    Call::put(format!("/api/contacts/{id}"))
        .if_match(version)
        .json(input)
        .fetch()
        .await
}
