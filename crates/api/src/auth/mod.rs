//! Who is calling: sign-in, access tokens, refresh tokens, personal API
//! tokens, and the request extractor that every protected handler takes.

pub mod api_tokens;
pub mod password;
pub mod rate;
pub mod refresh;
pub mod throttle;
pub mod token;

use crate::error::ApiError;
use crate::state::AppState;
use crate::texts::Text;
use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;

pub use stages_domain::access::Role;

/// The roles of a person with these directory affiliations (comma-separated
/// as stored), under the configured mapping.
pub fn roles_of(affiliations: &str, mapping: &[(String, Role)], is_admin: bool) -> Vec<Role> {
    let mut roles: Vec<Role> = affiliations
        .split(',')
        .map(str::trim)
        .filter_map(|a| mapping.iter().find(|(aff, _)| aff == a).map(|(_, r)| *r))
        .collect();
    if is_admin {
        roles.push(Role::Admin);
    }
    roles.sort();
    roles.dedup();
    roles
}

/// The authenticated caller of a request.
#[derive(Debug, Clone, PartialEq)]
pub struct Caller {
    pub user_id: i64,
    pub roles: Vec<Role>,
    /// The sign-in (refresh-token family) of a session's access token;
    /// `None` for a personal API token.
    pub session: Option<String>,
}

impl Caller {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let header = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let reads_only = matches!(*req.method(), Method::GET | Method::HEAD);
        // With a password reset by an administrator, only these answer
        // until the owner chose a new one (AUTH-06).
        let changes_password = matches!(req.path(), "/api/me" | "/api/me/password");
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::internal("application state missing"))?;
            let header = header.ok_or_else(|| ApiError::unauthorized(Text::TokenMissing))?;
            let token = header
                .strip_prefix("Bearer ")
                .ok_or_else(|| ApiError::unauthorized(Text::TokenScheme))?
                .trim()
                .to_owned();
            if token.starts_with(api_tokens::PREFIX) {
                return api_tokens::authenticate(&state, token, reads_only).await;
            }
            let claims = state
                .tokens
                .verify(&token)
                .ok_or_else(|| ApiError::unauthorized(Text::TokenInvalid))?;
            let user_id: i64 = claims
                .sub
                .parse()
                .map_err(|_| ApiError::unauthorized(Text::TokenInvalid))?;
            // The account as it is now, not as it was when the token was
            // issued: a disabled account or a removed role stops working at
            // once rather than when the token expires.
            let mapping = state.config.affiliation_roles.clone();
            let session = claims.sid;
            state
                .db(move |conn| {
                    let (user, open) =
                        crate::db::users::find_signed_in(conn, user_id, session.as_deref())?
                            .ok_or_else(|| ApiError::unauthorized(Text::AccountGone))?;
                    // Signed out, or ended by the provider's single logout:
                    // the access token stops with its sign-in, not minutes
                    // later.
                    if !open {
                        return Err(ApiError::unauthorized(Text::SessionEnded));
                    }
                    if !user.active {
                        return Err(ApiError::unauthorized(Text::AccountDisabled));
                    }
                    if !changes_password {
                        stages_domain::access::may_act_before_changing_password(
                            user.must_change_password,
                        )
                        .map_err(|r| ApiError::refusal(&r))?;
                    }
                    Ok(Caller {
                        user_id,
                        roles: user.roles(&mapping),
                        session,
                    })
                })
                .await
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affiliations_give_roles_through_the_mapping() {
        let mapping =
            crate::config::parse_affiliation_roles(crate::config::DEFAULT_AFFILIATION_ROLES)
                .expect("default mapping");
        assert_eq!(
            roles_of("faculty,employee,member", &mapping, false),
            vec![Role::Supervisor]
        );
        assert_eq!(
            roles_of("staff", &mapping, true),
            vec![Role::Manager, Role::Admin]
        );
        assert!(roles_of("affiliate", &mapping, false).is_empty());
    }
}
