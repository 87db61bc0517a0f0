//! Who is calling: sign-in, access tokens and the request extractor that
//! every protected handler takes.

pub mod password;
pub mod token;

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use std::future::{Ready, ready};

pub use stages_domain::access::Role;

/// Directory affiliation (eduPersonAffiliation) → role.
pub fn role_of_affiliation(affiliation: &str) -> Option<Role> {
    match affiliation {
        "student" => Some(Role::Student),
        "faculty" => Some(Role::Supervisor),
        "staff" => Some(Role::Manager),
        _ => None,
    }
}

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Caller {
    pub user_id: i64,
    pub roles: Vec<Role>,
}

impl Caller {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(authenticate(req))
    }
}

fn authenticate(req: &HttpRequest) -> Result<Caller, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("application state missing"))?;
    let header = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| ApiError::unauthorized("Send an access token: Authorization: Bearer …"))?;
    let token = header
        .strip_prefix("Bearer ")
        .ok_or_else(|| ApiError::unauthorized("The Authorization scheme must be Bearer."))?;
    let claims = state
        .tokens
        .verify(token.trim())
        .ok_or_else(|| ApiError::unauthorized("The access token is invalid or expired."))?;
    let user_id = claims
        .sub
        .parse()
        .map_err(|_| ApiError::unauthorized("The access token is invalid or expired."))?;
    Ok(Caller {
        user_id,
        roles: claims.roles,
    })
}
