//! The signed-in user.

use crate::auth::{Caller, Role};
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use crate::users::{self, User};
use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

/// The caller's identity and roles, as the SPA needs them to build its menus.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    #[schema(example = 3)]
    pub id: i64,
    #[schema(example = "gestionnaire")]
    pub username: String,
    #[schema(example = "Géraldine Baviere")]
    pub display_name: String,
    #[schema(example = "geraldine.baviere@univ-demo.fr")]
    pub email: Option<String>,
    pub roles: Vec<Role>,
    #[schema(example = json!(null))]
    pub student_number: Option<String>,
}

impl Me {
    pub fn new(user: User, mapping: &[(String, Role)]) -> Self {
        let roles = user.roles(mapping);
        Self {
            id: user.id,
            username: user.username,
            display_name: user.display_name,
            email: user.email,
            roles,
            student_number: user.student_number,
        }
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
        .ok_or_else(|| ApiError::unauthorized("The account no longer exists or is disabled."))?;
    Ok(HttpResponse::Ok().json(Me::new(user, &state.config.affiliation_roles)))
}
