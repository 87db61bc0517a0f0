//! Sign-in with a username and a password.

use crate::auth::password;
use crate::error::{ApiError, Problem};
use crate::routes::me::Me;
use crate::state::AppState;
use crate::users;
use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Longest accepted username and password, to bound hashing work.
const MAX_USERNAME: usize = 256;
const MAX_PASSWORD: usize = 1024;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"username": "etudiant", "password": "demo"}))]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// Bearer token for the `Authorization` header.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    pub user: Me,
}

/// Checks a username and password and issues an access token.
///
/// Unknown users and wrong passwords get the same answer in the same time.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in", body = LoginResponse),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown user or wrong password", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    body: web::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { username, password } = body.into_inner();
    let username = username.trim().to_owned();
    if username.is_empty() || username.len() > MAX_USERNAME {
        return Err(ApiError::bad_request(
            "username",
            "AUTH-01",
            format!("The username must have 1 to {MAX_USERNAME} characters."),
        ));
    }
    if password.is_empty() || password.len() > MAX_PASSWORD {
        return Err(ApiError::bad_request(
            "password",
            "AUTH-02",
            format!("The password must have 1 to {MAX_PASSWORD} characters."),
        ));
    }
    let user = state
        .db(move |conn| {
            let user = users::find_by_username(conn, &username)?;
            let stored = user.as_ref().and_then(|u| u.password_hash.as_deref());
            let ok = password::verify(&password, stored);
            Ok(user.filter(|u| ok && u.active))
        })
        .await?
        .ok_or_else(|| ApiError::unauthorized("Unknown user or wrong password."))?;
    let now = chrono::Utc::now().timestamp();
    let access_token = state
        .tokens
        .issue(user.id, user.roles(), now)
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok().json(LoginResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: state.tokens.lifetime_secs(),
        user: Me::from(user),
    }))
}
