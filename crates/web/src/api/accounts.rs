//! People's accounts, for administrators.

use super::ApiError;
use super::Page;
use super::client::{Call, query};

pub use stages_api_types::accounts::{
    Account, AccountChange, AccountChangeRequest, AccountChanged,
};

/// The first page of accounts matching `q` (all of them when empty).
pub async fn search(q: &str) -> Result<Page<Account>, ApiError> {
    Call::get(format!(
        "/api/admin/users{}",
        query(&[("q", q.to_owned()), ("limit", "50".to_owned())])
    ))
    .fetch()
    .await
}

pub async fn change(id: i64, change: AccountChange) -> Result<AccountChanged, ApiError> {
    Call::post(format!("/api/admin/users/{id}/changes"))
        .json(&AccountChangeRequest { change })
        .fetch()
        .await
}
