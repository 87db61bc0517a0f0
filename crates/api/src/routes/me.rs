//! The signed-in user.

use crate::app::account::{self, Changed};
use crate::auth::{Caller, Role};
use crate::db::users::{self, User};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::routes::auth::client_address;
use crate::state::AppState;
use crate::texts::Text;
use actix_web::{HttpRequest, HttpResponse, get, put, web};
use stages_api_types::auth::{PasswordChange, SignInMethod};
use stages_domain::requests;

pub use stages_api_types::auth::Me;

/// The signed-in user as the SPA sees them, with the roles their
/// affiliations give.
pub fn of(user: User, mapping: &[(String, Role)]) -> Me {
    let roles = user.roles(mapping);
    let sign_in = match (user.source(), user.source.as_str()) {
        (users::Source::Local, _) => SignInMethod::Password,
        (_, users::VIA_CAS) => SignInMethod::Cas,
        (_, users::VIA_OIDC) => SignInMethod::Oidc,
        _ => SignInMethod::Directory,
    };
    Me {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        email: user.email,
        roles,
        student_number: user.student_number,
        sign_in,
        must_change_password: user.must_change_password,
        is_demo: user.is_demo,
    }
}

/// Changes the signed-in local account's password: the current one is
/// required (and counts as a sign-in attempt), the new one has 12 to 256
/// characters and is not easy to guess. The account's other sign-ins end;
/// this one goes on.
#[utoipa::path(
    tag = "auth",
    operation_id = "change_password",
    security(("bearer" = [])),
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "A password of more than 1024 bytes", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing, invalid or expired token", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A directory or SSO account (AUTH-05)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong current password (AUTH-04), or a new one too short, too long or easy to guess (AUTH-03)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong passwords: try again later", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: Caller,
    body: Json<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    let PasswordChange {
        current_password,
        new_password,
    } = body.into_inner();
    for (field, text) in [
        ("current_password", &current_password),
        ("new_password", &new_password),
    ] {
        if text.len() > MAX_PASSWORD_BYTES {
            return Err(ApiError::bad_request(requests::too_long(
                field,
                MAX_PASSWORD_BYTES,
            )));
        }
    }
    let user_id = caller.user_id;
    // The throttle of sign-ins guards the current password too.
    let key = format!("#{user_id}");
    let address = client_address(&req, &state.config.trusted_proxies);
    if let Some(wait) = state.throttle.retry_after(&key, address) {
        return Err(ApiError::too_many_requests(wait));
    }
    // The refresh cookie does not reach this path (it is scoped to
    // `/api/auth`): the access token names its sign-in.
    let keep = caller.session.clone();
    let changed = state
        .db(move |conn| {
            account::change_password(
                conn,
                user_id,
                &current_password,
                &new_password,
                keep.as_deref(),
            )
        })
        .await?;
    match changed {
        Changed::Yes => {
            state.throttle.succeeded(&key, address);
            Ok(HttpResponse::NoContent().finish())
        }
        Changed::WrongCurrentPassword => {
            state.throttle.failed(&key, address);
            Err(ApiError::invalid(vec![requests::wrong_current_password()]))
        }
    }
}

/// The longest password text read (as at sign-in).
const MAX_PASSWORD_BYTES: usize = 1024;

/// Returns the signed-in user with their roles.
#[utoipa::path(
    tag = "auth",
    operation_id = "get_me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in user", body = Me),
        (status = 401, description = "Missing, invalid or expired token", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let user = state
        .db(move |conn| Ok(users::find(conn, caller.user_id)?))
        .await?
        .filter(|u| u.active)
        .ok_or_else(|| ApiError::unauthorized(Text::AccountGone))?;
    Ok(HttpResponse::Ok().json(of(user, &state.config.affiliation_roles)))
}
