//! Host organisations with their services and contacts.

use super::ApiError;
use super::client::{Call, Page, query};

pub use stages_api_types::organisations::{
    ContactInput, ContactRow, HostServiceInput, HostServiceRow, OrganisationInput, OrganisationRow,
};

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
