//! Typed client of the Stages API. Every call returns either the decoded
//! body or an [`ApiError`] carrying the server's problem details.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Violation {
    pub rule: String,
    pub field: String,
    pub severity: String,
    pub message: String,
}

/// RFC 9457 problem details as the server sends them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Problem {
    pub title: String,
    pub status: u16,
    #[serde(default)]
    pub detail: Option<String>,
    pub code: String,
    #[serde(default)]
    pub violations: Vec<Violation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The server answered with a problem.
    Problem(Problem),
    /// No answer, or an answer that is not what the API documents.
    Network(String),
}

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

    /// Staff see the administration menus.
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

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))
    } else {
        let status = response.status();
        match response.json::<Problem>().await {
            Ok(problem) => Err(ApiError::Problem(problem)),
            Err(_) => Err(ApiError::Network(format!("HTTP {status}"))),
        }
    }
}

pub async fn login(username: &str, password: &str) -> Result<LoginResponse, ApiError> {
    let response = Request::post("/api/auth/login")
        .json(&LoginRequest { username, password })
        .map_err(|e| ApiError::Network(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    decode(response).await
}

/// A new access token from the refresh-token cookie (the session survives
/// a reload without keeping any token in the page's storage).
pub async fn refresh() -> Result<LoginResponse, ApiError> {
    let response = Request::post("/api/auth/refresh")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    decode(response).await
}

/// Revokes the session's refresh token and clears its cookie.
pub async fn logout() -> Result<(), ApiError> {
    let response = Request::post("/api/auth/logout")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if response.ok() {
        Ok(())
    } else {
        Err(ApiError::Network(format!("HTTP {}", response.status())))
    }
}
