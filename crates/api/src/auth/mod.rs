//! Who is calling: sign-in, access tokens, refresh tokens, personal API
//! tokens, and the request extractor that every protected handler takes.

pub mod api_tokens;
pub mod password;
pub mod rate;
pub mod refresh;
pub mod throttle;
pub mod token;

use crate::db::AnyConnection;
use crate::error::ApiError;
use crate::state::AppState;
use crate::texts::Text;
use actix_web::dev::Payload;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use std::future::{Ready, ready};

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
    /// The account's username and student number as they were at the
    /// check, so that [`crate::app::caller::load`] need not read the
    /// account again.
    pub username: String,
    pub student_number: Option<String>,
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

/// What a request presents to be let in, read and its signature verified
/// without the database. [`Credentials::check`] then confronts it with the
/// account as it is now. Searches take this rather than [`Caller`]: the
/// check and the search then share one pooled connection and one trip to
/// a blocking thread, which is most of a search's own cost.
pub struct Credentials {
    presented: Presented,
    /// A GET or HEAD: what a read-only API token may do.
    reads_only: bool,
    /// With a password reset by an administrator, only `/api/me` and
    /// `/api/me/password` answer until the owner chose a new one (AUTH-06).
    changes_password: bool,
    mapping: Vec<(String, Role)>,
}

enum Presented {
    /// A session's access token, whose signature holds.
    Session {
        user_id: i64,
        session: Option<String>,
    },
    /// A personal API token, checked against its stored hash.
    ApiToken(String),
}

impl Credentials {
    fn read(req: &HttpRequest, state: &AppState) -> Result<Self, ApiError> {
        let header = req
            .headers()
            .get(actix_web::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| ApiError::unauthorized(Text::TokenMissing))?;
        let token = header
            .strip_prefix("Bearer ")
            .ok_or_else(|| ApiError::unauthorized(Text::TokenScheme))?
            .trim();
        let presented = if token.starts_with(api_tokens::PREFIX) {
            Presented::ApiToken(token.to_owned())
        } else {
            let claims = state
                .tokens
                .verify(token)
                .ok_or_else(|| ApiError::unauthorized(Text::TokenInvalid))?;
            let user_id: i64 = claims
                .sub
                .parse()
                .map_err(|_| ApiError::unauthorized(Text::TokenInvalid))?;
            Presented::Session {
                user_id,
                session: claims.sid,
            }
        };
        Ok(Self {
            presented,
            reads_only: matches!(*req.method(), Method::GET | Method::HEAD),
            changes_password: matches!(req.path(), "/api/me" | "/api/me/password"),
            mapping: state.config.affiliation_roles.clone(),
        })
    }

    /// Whether these are a personal API token: unlike a session's token,
    /// whose signature this server verified, it is any string until the
    /// database knows it.
    pub fn is_api_token(&self) -> bool {
        matches!(self.presented, Presented::ApiToken(_))
    }

    /// The caller, if the account still lets them in: the account as it is
    /// now, not as it was when the token was issued, so a disabled account
    /// or a removed role stops working at once rather than when the token
    /// expires.
    pub fn check(self, conn: &mut AnyConnection) -> Result<Caller, ApiError> {
        let (user_id, session) = match self.presented {
            Presented::ApiToken(token) => {
                return api_tokens::check(conn, &token, self.reads_only, &self.mapping);
            }
            Presented::Session { user_id, session } => (user_id, session),
        };
        let (user, open) = crate::db::users::find_signed_in(conn, user_id, session.as_deref())?
            .ok_or_else(|| ApiError::unauthorized(Text::AccountGone))?;
        // Signed out, or ended by the provider's single logout: the access
        // token stops with its sign-in, not minutes later.
        if !open {
            return Err(ApiError::unauthorized(Text::SessionEnded));
        }
        if !user.active {
            return Err(ApiError::unauthorized(Text::AccountDisabled));
        }
        if !self.changes_password {
            stages_domain::access::may_act_before_changing_password(user.must_change_password)
                .map_err(|r| ApiError::refusal(&r))?;
        }
        Ok(Caller {
            user_id,
            roles: user.roles(&self.mapping),
            username: user.username,
            student_number: user.student_number,
            session,
        })
    }
}

impl FromRequest for Credentials {
    type Error = ApiError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        ready(state_of(req).and_then(|state| Self::read(req, state)))
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let read =
            state_of(req).and_then(|state| Ok((state.clone(), Credentials::read(req, state)?)));
        Box::pin(async move {
            let (state, credentials) = read?;
            state.db(move |conn| credentials.check(conn)).await
        })
    }
}

/// What to answer a request whose content an extractor refused
/// (`refusal`: a query string or a body that does not read): first 401
/// when the request presents credentials that no longer let anyone in, as
/// any request with them gets, so that a signed-out, disabled or revoked
/// token learns nothing of how the rest would be read. Handlers' other
/// arguments (the [`Caller`]) are extracted side by side, and the first
/// refusal ready would otherwise win. A request without credentials (a
/// public route) gets the refusal.
pub async fn refused_content(req: HttpRequest, refusal: ApiError) -> ApiError {
    if !req
        .headers()
        .contains_key(actix_web::http::header::AUTHORIZATION)
    {
        return refusal;
    }
    let Ok(state) = state_of(&req) else {
        return refusal;
    };
    let credentials = match Credentials::read(&req, state) {
        Ok(credentials) => credentials,
        Err(unauthorized) => return unauthorized,
    };
    state.refusal_for(credentials, refusal).await
}

fn state_of(req: &HttpRequest) -> Result<&web::Data<AppState>, ApiError> {
    req.app_data::<web::Data<AppState>>()
        .ok_or_else(|| ApiError::internal("application state missing"))
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
