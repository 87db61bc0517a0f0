//! The signed-in user.

use crate::auth::{Caller, Role};
use crate::db::users::{self, User};
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use crate::texts::Text;
use actix_web::{HttpResponse, get, web};

pub use stages_api_types::auth::Me;

/// The signed-in user as the SPA sees them, with the roles their
/// affiliations give.
pub fn of(user: User, mapping: &[(String, Role)]) -> Me {
    let roles = user.roles(mapping);
    Me {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        email: user.email,
        roles,
        student_number: user.student_number,
        is_demo: user.is_demo,
    }
}

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
