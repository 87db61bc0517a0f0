//! Sign-in, token refresh and sign-out.
//!
//! Sign-in checks the password against the configured identity source:
//! accounts with a local password (built-in directory, demo accounts, an
//! emergency administrator) are checked in the database; others through
//! LDAP. Unknown users and wrong passwords get the same answer in the same
//! time; repeated failures are throttled.

use crate::auth::refresh::{self, Rotation};
use crate::auth::{password, roles_of};
use crate::config::Directory;
use crate::directory::{self, ldap};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::routes::me::Me;
use crate::state::AppState;
use crate::users::{self, User};
use actix_web::{HttpRequest, HttpResponse, post, web};
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
    /// Seconds until the access token expires; renew it with
    /// `POST /api/auth/refresh` (the refresh token is a cookie).
    #[schema(example = 900)]
    pub expires_in: i64,
    pub user: Me,
}

fn wrong_credentials() -> ApiError {
    ApiError::unauthorized("Unknown user or wrong password.")
}

fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

/// What checking the password found.
enum Outcome {
    Local(Option<User>),
    Directory(Option<ldap::DirectoryUser>),
}

/// Signs in with a username and a password; issues an access token and
/// sets the refresh-token cookie.
#[utoipa::path(
    tag = "auth",
    operation_id = "login",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the refresh token is set as an HttpOnly cookie", body = LoginResponse),
        (status = 400, description = "Malformed request", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown user or wrong password", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Right password, but the account gives no access to Stages", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failures: wait Retry-After seconds", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64, description = "Seconds to wait"))),
        (status = 503, description = "The university directory does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let LoginRequest { username, password } = body.into_inner();
    let username = username.trim().to_owned();
    if username.is_empty() || username.chars().count() > MAX_USERNAME {
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
    let address = client_address(&req);
    if let Some(wait) = state.throttle.retry_after(&username, &address) {
        return Err(ApiError::too_many_requests(wait));
    }

    let name = username.clone();
    let secret = password.clone();
    let ldap_enabled = matches!(state.config.directory, Directory::Ldap(_));
    // Local accounts first: the built-in directory, and in LDAP mode the
    // accounts that have a local password (demo, emergency admin).
    let local = state
        .db(move |conn| {
            let user = users::find_by_username(conn, &name)?;
            let local_hash = user
                .as_ref()
                .and_then(|u| u.password_hash.as_deref())
                .map(str::to_owned);
            match (&local_hash, ldap_enabled) {
                (Some(_), _) | (None, false) => {
                    let ok = password::verify(&secret, local_hash.as_deref());
                    Ok(Some(Outcome::Local(user.filter(|_| ok))))
                }
                (None, true) => Ok(None),
            }
        })
        .await?;
    let outcome = match (local, &state.config.directory) {
        (Some(outcome), _) => outcome,
        (None, Directory::Ldap(config)) => Outcome::Directory(
            ldap::authenticate(config, &username, &password)
                .await
                .map_err(directory::unavailable)?,
        ),
        (None, Directory::Builtin) => Outcome::Local(None),
    };

    let mapping = state.config.affiliation_roles.clone();
    let user = match outcome {
        Outcome::Local(Some(user)) => user,
        Outcome::Directory(Some(person)) => {
            state
                .db(move |conn| Ok(users::upsert_from_directory(conn, &person)?))
                .await?
        }
        Outcome::Local(None) | Outcome::Directory(None) => {
            state.throttle.failed(&username, &address);
            return Err(wrong_credentials());
        }
    };
    state.throttle.succeeded(&username);
    let roles = roles_of(&user.affiliation, &mapping, user.is_admin);
    if !user.active || roles.is_empty() {
        return Err(ApiError::forbidden(
            "ACCOUNT-01",
            "Your account gives no access to Stages (disabled, or not a student, teacher or staff member).",
        ));
    }
    let now = chrono::Utc::now();
    let access_token = state
        .tokens
        .issue(user.id, roles, now.timestamp())
        .map_err(ApiError::internal)?;
    let user_id = user.id;
    let refresh_token = state
        .db(move |conn| Ok(refresh::issue(conn, user_id, None, now.naive_utc())?))
        .await?;
    Ok(HttpResponse::Ok()
        .cookie(refresh::cookie(refresh_token))
        .json(LoginResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.tokens.lifetime_secs(),
            user: Me::new(user, &mapping),
        }))
}

/// Exchanges the refresh-token cookie for a new access token and a new
/// refresh token (rotation). A refresh token used twice revokes the
/// sign-in it belongs to.
#[utoipa::path(
    tag = "auth",
    operation_id = "refresh_session",
    responses(
        (status = 200, description = "A new access token; the cookie is replaced", body = LoginResponse),
        (status = 401, description = "No valid refresh token (signed out, expired, revoked or replayed)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The account was disabled", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let token = req
        .cookie(refresh::COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| ApiError::unauthorized("No session: sign in."))?;
    let now = chrono::Utc::now();
    let rotation = state
        .db(move |conn| Ok(refresh::rotate(conn, &token, now.naive_utc())?))
        .await?;
    let Rotation::Rotated { user_id, token } = rotation else {
        return Ok(ApiError::unauthorized("The session ended: sign in again.")
            .error_response_with_cookie(refresh::cleared()));
    };
    let user = state
        .db(move |conn| Ok(users::find(conn, user_id)?))
        .await?
        .ok_or_else(|| ApiError::unauthorized("The account no longer exists."))?;
    let mapping = state.config.affiliation_roles.clone();
    let roles = roles_of(&user.affiliation, &mapping, user.is_admin);
    if !user.active || roles.is_empty() {
        return Err(ApiError::forbidden(
            "ACCOUNT-01",
            "Your account gives no access to Stages any more.",
        ));
    }
    let access_token = state
        .tokens
        .issue(user.id, roles, now.timestamp())
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .cookie(refresh::cookie(token))
        .json(LoginResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.tokens.lifetime_secs(),
            user: Me::new(user, &mapping),
        }))
}

/// Signs out: revokes the sign-in's refresh tokens and clears the cookie.
/// Access tokens already issued expire on their own within minutes.
#[utoipa::path(
    tag = "auth",
    operation_id = "logout",
    responses((status = 204, description = "Signed out")),
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    if let Some(token) = req.cookie(refresh::COOKIE).map(|c| c.value().to_owned()) {
        let now = chrono::Utc::now().naive_utc();
        state
            .db(move |conn| Ok(refresh::revoke(conn, &token, now)?))
            .await?;
    }
    Ok(HttpResponse::NoContent()
        .cookie(refresh::cleared())
        .finish())
}
