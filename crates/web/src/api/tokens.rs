//! Personal API tokens: their owners list and revoke their own;
//! administrators see every one and issue them.

use super::ApiError;
use super::client::Call;

pub use stages_api_types::auth::{ApiToken, CreatedApiToken, NewApiToken, Scope};

pub async fn mine() -> Result<Vec<ApiToken>, ApiError> {
    Call::get("/api/me/api-tokens").fetch().await
}

pub async fn revoke_mine(id: i64) -> Result<(), ApiError> {
    Call::delete(format!("/api/me/api-tokens/{id}")).run().await
}

pub async fn all() -> Result<Vec<ApiToken>, ApiError> {
    Call::get("/api/admin/api-tokens").fetch().await
}

pub async fn revoke(id: i64) -> Result<(), ApiError> {
    Call::delete(format!("/api/admin/api-tokens/{id}"))
        .run()
        .await
}

pub async fn create(token: &NewApiToken) -> Result<CreatedApiToken, ApiError> {
    Call::post("/api/admin/api-tokens")
        .json(token)
        .fetch()
        .await
}
