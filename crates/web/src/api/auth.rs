//! Signing in and out, and who the signed-in user is.

use super::ApiError;
use super::client::Call;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Student,
    Supervisor,
    Manager,
    Admin,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Me {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub roles: Vec<Role>,
    pub student_number: Option<String>,
}

impl Me {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Staff see the administration menus and the search filters.
    pub fn is_staff(&self) -> bool {
        self.has(Role::Manager) || self.has(Role::Admin)
    }
}

#[derive(Debug, Clone, Serialize)]
struct LoginRequest<'a> {
    username: &'a str,
    password: &'a str,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LoginResponse {
    pub access_token: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub user: Me,
}

pub async fn login(username: &str, password: &str) -> Result<LoginResponse, ApiError> {
    Call::post("/api/auth/login")
        .json(&LoginRequest { username, password })
        .fetch()
        .await
}

/// A new access token from the refresh-token cookie (the session survives
/// a reload without keeping any token in the page's storage). Callers go
/// through [`super::client::renew`], which shares one request.
pub(super) async fn refresh() -> Result<LoginResponse, ApiError> {
    Call::post("/api/auth/refresh").fetch().await
}

/// Revokes the session's refresh token and clears its cookie.
pub async fn logout() -> Result<(), ApiError> {
    Call::post("/api/auth/logout").run().await
}
