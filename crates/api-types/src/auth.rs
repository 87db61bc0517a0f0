//! Signing in, the signed-in user, and personal API tokens.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::access::{self, Role};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"username": "etudiant", "password": "demo"})))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// A new password for the signed-in local account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"current_password": "demo", "new_password": "correct horse battery staple"})))]
pub struct PasswordChange {
    pub current_password: String,
    /// 12 to 256 characters, not easy to guess.
    pub new_password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginResponse {
    /// Bearer token for the `Authorization` header.
    pub access_token: String,
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Seconds until the access token expires; renew it with
    /// `POST /api/auth/refresh` (the refresh token is a cookie).
    #[cfg_attr(feature = "openapi", schema(example = 900))]
    pub expires_in: i64,
    pub user: Me,
}

/// The caller's identity and roles, as the SPA needs them to build its menus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub id: i64,
    #[cfg_attr(feature = "openapi", schema(example = "gestionnaire"))]
    pub username: String,
    #[cfg_attr(feature = "openapi", schema(example = "Géraldine Baviere"))]
    pub display_name: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "geraldine.baviere@univ-demo.fr")
    )]
    pub email: Option<String>,
    pub roles: Vec<Role>,
    #[cfg_attr(feature = "openapi", schema(example = json!(null)))]
    pub student_number: Option<String>,
    /// An account of the demo data (`stages seed-demo`): the SPA says so
    /// on every page.
    #[serde(default)]
    pub is_demo: bool,
    /// Where the account signs in: only a `password` account changes its
    /// password here, and a `cas` one also signs out of CAS.
    #[serde(default)]
    pub sign_in: SignInMethod,
    /// An administrator reset the password: the SPA asks for a new one
    /// before anything else, and the API refuses the rest (AUTH-06).
    #[serde(default)]
    pub must_change_password: bool,
}

/// Where an account's identity is checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignInMethod {
    /// A password kept by Stages (demo accounts, emergency administrator).
    #[default]
    Password,
    /// The university's LDAP directory.
    Directory,
    /// The university's CAS server (single sign-on).
    Cas,
    /// The university's OpenID Connect provider (single sign-on).
    Oidc,
}

/// The ways of signing in this installation offers, for the sign-in page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInOptions {
    /// A CAS server is configured: the page offers "Se connecter avec
    /// l'ENT", which goes to `GET /api/auth/cas/login`.
    pub cas: bool,
    /// An OpenID Connect provider is configured: the page offers it, which
    /// goes to `GET /api/auth/oidc/login`.
    #[serde(default)]
    pub oidc: bool,
}

impl Me {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Staff (managers and administrators), as the domain counts them.
    pub fn is_staff(&self) -> bool {
        access::is_staff(&self.roles)
    }
}

/// What a personal API token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    Read,
    Write,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"user_id": 3, "name": "Import des établissements", "scopes": ["read", "write"], "expires_in_days": 90})))]
pub struct NewApiToken {
    /// The user the token acts as.
    pub user_id: i64,
    pub name: String,
    pub scopes: Vec<Scope>,
    /// Lifetime in days (1 to 730); 365 when absent: every token expires.
    pub expires_in_days: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiToken {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// The token, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedApiToken {
    #[serde(flatten)]
    pub info: ApiToken,
    /// Send as `Authorization: Bearer stg_…`. Not shown again.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "stg_3q2-7wEXAMPLEk1bV0lS9p7m1RnXyPq4T8hY5Gv2c0dQ")
    )]
    pub token: String,
}
