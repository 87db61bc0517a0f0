//! Personal API tokens: for integrations and the client scripts generated
//! from the OpenAPI document. Administrators issue them and see them all;
//! their owners see and revoke their own.

use crate::auth::Caller;
use crate::auth::api_tokens::new_token;
use crate::auth::refresh::hash;
use crate::db::api_tokens as store;
use crate::db::audit::{self, Entity};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::problems::{Malformed, NotSignedIn};
use crate::state::AppState;
use actix_web::{HttpResponse, delete, get, post, web};
use stages_domain::access;
use stages_domain::requests;

use crate::auth::api_tokens::{DEFAULT_DAYS, MAX_DAYS};

pub use stages_api_types::auth::{ApiToken, CreatedApiToken, NewApiToken};

/// Creates a personal API token for a user; the token is in this answer
/// only.
#[utoipa::path(
    tag = "admin",
    operation_id = "create_api_token",
    security(("bearer" = [])),
    request_body = NewApiToken,
    responses(
        (status = 201, description = "Created; copy the token now", body = CreatedApiToken),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Administrators only", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown user, no scope or bad lifetime", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/admin/api-tokens")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<NewApiToken>,
) -> Result<HttpResponse, ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let input = body.into_inner();
    let name = input.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::bad_request(requests::length("name", 100)));
    }
    if input.scopes.is_empty() {
        return Err(ApiError::bad_request(requests::token_without_scope()));
    }
    if input
        .expires_in_days
        .is_some_and(|d| !(1..=MAX_DAYS).contains(&d))
    {
        return Err(ApiError::bad_request(requests::token_lifetime(MAX_DAYS)));
    }
    let created = state
        .db(move |conn| {
            if !store::user_exists(conn, input.user_id)? {
                return Err(ApiError::bad_request(requests::no_such_user("user_id")));
            }
            let token = new_token();
            let lifetime = chrono::Duration::days(input.expires_in_days.unwrap_or(DEFAULT_DAYS));
            let info = store::insert(
                conn,
                store::NewToken {
                    user_id: input.user_id,
                    name: &name,
                    token_hash: hash(&token),
                    scopes: &input.scopes,
                    created_by: caller.user_id,
                    expires_at: chrono::Utc::now().naive_utc() + lifetime,
                },
            )?;
            audit::record(
                conn,
                Entity::User,
                input.user_id,
                "api_token_create",
                Some(caller.user_id),
                None::<&()>,
                Some(&info),
            )?;
            Ok(CreatedApiToken { info, token })
        })
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// Lists the API tokens (without their secrets).
#[utoipa::path(
    tag = "admin",
    operation_id = "list_api_tokens",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every token, newest first", body = Vec<ApiToken>),
        NotSignedIn,
        (status = 403, description = "Administrators only", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/admin/api-tokens")]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let tokens = state.db(|conn| Ok(store::list(conn)?)).await?;
    Ok(HttpResponse::Ok().json(tokens))
}

/// Revokes an API token: it stops working at once.
#[utoipa::path(
    tag = "admin",
    operation_id = "revoke_api_token",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        NotSignedIn,
        (status = 403, description = "Administrators only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/admin/api-tokens/{id}")]
pub async fn revoke(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    access::may_administer(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let id = id.into_inner();
    state
        .db(move |conn| {
            // Recorded against the user the token acted for.
            let user_id = store::revoke(conn, id)?;
            audit::record(
                conn,
                Entity::User,
                user_id,
                "api_token_revoke",
                Some(caller.user_id),
                None::<&()>,
                Some(&id),
            )?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The caller's own API tokens (without their secrets).
#[utoipa::path(
    tag = "auth",
    operation_id = "list_my_api_tokens",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The tokens that act for the caller, newest first", body = Vec<ApiToken>),
        NotSignedIn,
    )
)]
#[get("/me/api-tokens")]
pub async fn list_mine(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let user_id = caller.user_id;
    let tokens = state
        .db(move |conn| Ok(store::list_of(conn, user_id)?))
        .await?;
    Ok(HttpResponse::Ok().json(tokens))
}

/// Revokes one of the caller's own API tokens: it stops working at once.
#[utoipa::path(
    tag = "auth",
    operation_id = "revoke_my_api_token",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Token id")),
    responses(
        (status = 204, description = "Revoked"),
        NotSignedIn,
        (status = 404, description = "No such token of the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/api-tokens/{id}")]
pub async fn revoke_mine(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user_id = caller.user_id;
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                store::revoke_own(conn, id, user_id)?;
                audit::record(
                    conn,
                    Entity::User,
                    user_id,
                    "api_token_revoke",
                    Some(user_id),
                    None::<&()>,
                    Some(&id),
                )?;
                Ok::<_, ApiError>(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
