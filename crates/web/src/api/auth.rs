//! Signing in and out, and who the signed-in user is.

use super::ApiError;
use super::client::Call;
pub use stages_api_types::auth::{
    LoginRequest, LoginResponse, Me, PasswordChange, SignInMethod, SignInOptions,
};
pub use stages_domain::access::Role;

pub async fn login(username: &str, password: &str) -> Result<LoginResponse, ApiError> {
    Call::post("/api/auth/login")
        .json(&LoginRequest {
            username: username.to_owned(),
            password: password.to_owned(),
        })
        .fetch()
        .await
}

/// The ways of signing in the server offers (CAS or not).
pub async fn options() -> Result<SignInOptions, ApiError> {
    Call::get("/api/auth/options").fetch().await
}

/// Where the browser goes to sign in through CAS, to come back to `next`.
pub fn cas_login_href(next: &str) -> String {
    format!(
        "/api/auth/cas/login?next={}",
        String::from(js_sys::encode_uri_component(next))
    )
}

/// Where the browser goes to sign in through OpenID Connect.
pub fn oidc_login_href(next: &str) -> String {
    format!(
        "/api/auth/oidc/login?next={}",
        String::from(js_sys::encode_uri_component(next))
    )
}

/// Where the browser ends its CAS session after signing out of Stages.
pub const CAS_LOGOUT_HREF: &str = "/api/auth/cas/logout";

/// A new access token from the refresh-token cookie (the session survives
/// a reload without keeping any token in the page's storage). Callers go
/// through [`super::client::renew`], which shares one request.
pub(super) async fn refresh() -> Result<LoginResponse, ApiError> {
    Call::post("/api/auth/refresh").fetch().await
}

/// Changes the signed-in local account's password.
pub async fn change_password(current: &str, new: &str) -> Result<(), ApiError> {
    Call::put("/api/me/password")
        .json(&PasswordChange {
            current_password: current.to_owned(),
            new_password: new.to_owned(),
        })
        .run()
        .await
}

/// Revokes the session's refresh token and clears its cookie.
pub async fn logout() -> Result<(), ApiError> {
    Call::post("/api/auth/logout").run().await
}
