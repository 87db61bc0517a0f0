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
use crate::db::users::{self, Source, User};
use crate::directory::{self, ldap};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::problems::Malformed;
use crate::routes::me;
use crate::state::AppState;
use crate::texts::Text;
use actix_web::{HttpRequest, HttpResponse, post, web};
use stages_domain::{access, requests};

/// Longest accepted username and password, to bound hashing work.
const MAX_USERNAME: usize = 256;
const MAX_PASSWORD: usize = 1024;

pub use stages_api_types::auth::{LoginRequest, LoginResponse};

fn wrong_credentials() -> ApiError {
    ApiError::unauthorized(Text::WrongCredentials)
}

/// The address of the person signing in: the peer's, or, when the peer
/// is one of the configured reverse proxies, the nearest address of
/// `X-Forwarded-For` that is not one of them (the ones to its left could
/// have been written by the client itself).
pub fn client_address(req: &HttpRequest, trusted: &[ipnet::IpNet]) -> std::net::IpAddr {
    let peer = req
        .peer_addr()
        .map_or(std::net::IpAddr::from([0, 0, 0, 0]), |a| a.ip());
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    // From the nearest hop outwards; an entry that is not an address ends
    // the walk at the last trusted hop, so that nothing the client wrote
    // further left is believed.
    let mut client = peer;
    for entry in forwarded.into_iter().rev() {
        let Ok(ip) = entry.parse::<std::net::IpAddr>() else {
            break;
        };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
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
        Malformed,
        (status = 401, description = "Unknown user or wrong password", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Right password, but the account gives no access to Stages (ACCOUNT-01), or a directory identity has the name of a local account (ACCOUNT-02)", body = Problem, content_type = "application/problem+json"),
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
        return Err(ApiError::bad_request(requests::username_length(
            MAX_USERNAME,
        )));
    }
    if password.is_empty() || password.len() > MAX_PASSWORD {
        return Err(ApiError::bad_request(requests::password_length(
            MAX_PASSWORD,
        )));
    }
    let address = client_address(&req, &state.config.trusted_proxies);
    if let Some(wait) = state.throttle.retry_after(&username, address) {
        return Err(ApiError::too_many_requests(wait));
    }

    let name = username.clone();
    let secret = password.clone();
    let ldap_enabled = matches!(state.config.directory, Directory::Ldap(_));
    // A local account (built-in directory; in LDAP mode the demo accounts
    // and an emergency administrator) is checked against its own password
    // only, never the directory's. Every other name goes to the directory,
    // after a password check of the same cost, so that the answer's time
    // does not tell a local account from an unknown name.
    let local = state
        .db(move |conn| {
            let user = users::find_by_username(conn, &name)?;
            let local = user.filter(|u| !ldap_enabled || u.source() == Source::Local);
            let hash = local.as_ref().and_then(|u| u.password_hash.as_deref());
            let ok = password::verify(&secret, hash);
            Ok(match (local, ldap_enabled) {
                (Some(user), _) => Some(Outcome::Local(Some(user).filter(|_| ok))),
                (None, false) => Some(Outcome::Local(None)),
                (None, true) => None,
            })
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
    let user =
        match outcome {
            Outcome::Local(Some(user)) => user,
            Outcome::Directory(Some(person)) => state
                .db(move |conn| {
                    users::upsert_from_directory(conn, &person, Source::Directory.as_str()).map_err(
                        |e| match e {
                            users::DirectoryUserError::LocalAccount(uid) => {
                                tracing::warn!(
                                    uid,
                                    "a directory identity has the name of a local account: refused"
                                );
                                ApiError::refusal(&access::directory_name_reserved())
                            }
                            users::DirectoryUserError::Db(e) => e.into(),
                        },
                    )
                })
                .await?,
            Outcome::Local(None) | Outcome::Directory(None) => {
                state.throttle.failed(&username, address);
                return Err(wrong_credentials());
            }
        };
    state.throttle.succeeded(&username, address);
    let roles = roles_of(&user.affiliation, &mapping, user.is_admin);
    access::may_sign_in(user.active, &roles).map_err(|r| ApiError::refusal(&r))?;
    let now = chrono::Utc::now();
    let family = refresh::random_secret();
    let access_token = state
        .tokens
        .issue(user.id, roles, Some(&family), now.timestamp())
        .map_err(ApiError::internal)?;
    let user_id = user.id;
    let refresh_token = state
        .db(move |conn| {
            Ok(refresh::issue(
                conn,
                user_id,
                Some(family),
                now.naive_utc(),
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .cookie(refresh::cookie(refresh_token))
        .json(LoginResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.tokens.lifetime_secs(),
            user: me::of(user, &mapping),
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
        .ok_or_else(|| ApiError::unauthorized(Text::NoSession))?;
    let now = chrono::Utc::now();
    let rotation = state
        .db(move |conn| {
            // One transaction: a replay detected by a concurrent redemption
            // revokes the winner's successor too, once it is committed.
            crate::db::transaction(conn, |conn| {
                Ok::<_, ApiError>(refresh::rotate(conn, &token, now.naive_utc())?)
            })
        })
        .await?;
    let Rotation::Rotated {
        user_id,
        token,
        family,
    } = rotation
    else {
        return Ok(ApiError::unauthorized(Text::SessionEnded)
            .error_response_with_cookie(refresh::cleared()));
    };
    let user = state
        .db(move |conn| Ok(users::find(conn, user_id)?))
        .await?
        .ok_or_else(|| ApiError::unauthorized(Text::AccountGone))?;
    let mapping = state.config.affiliation_roles.clone();
    let roles = roles_of(&user.affiliation, &mapping, user.is_admin);
    access::may_sign_in(user.active, &roles).map_err(|r| ApiError::refusal(&r))?;
    let access_token = state
        .tokens
        .issue(user.id, roles, Some(&family), now.timestamp())
        .map_err(ApiError::internal)?;
    Ok(HttpResponse::Ok()
        .cookie(refresh::cookie(token))
        .json(LoginResponse {
            access_token,
            token_type: "Bearer".into(),
            expires_in: state.tokens.lifetime_secs(),
            user: me::of(user, &mapping),
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

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn address(peer: &str, forwarded: Option<&str>, trusted: &str) -> String {
        let mut req = TestRequest::default().peer_addr(peer.parse().expect("peer"));
        if let Some(f) = forwarded {
            req = req.insert_header(("X-Forwarded-For", f));
        }
        let trusted = crate::config::parse_trusted_proxies(trusted).expect("proxies");
        client_address(&req.to_http_request(), &trusted).to_string()
    }

    #[test]
    fn only_trusted_proxies_name_the_client() {
        // No proxy configured: a forged header changes nothing.
        assert_eq!(
            address("203.0.113.9:5000", Some("10.9.9.9"), ""),
            "203.0.113.9"
        );
        // Behind the proxy: the nearest untrusted address, not what the
        // client wrote at the left.
        assert_eq!(
            address("10.0.0.5:5000", Some("1.2.3.4, 198.51.100.7"), "10.0.0.5"),
            "198.51.100.7"
        );
        assert_eq!(
            address(
                "10.0.0.5:5000",
                Some("198.51.100.7, 10.0.0.6"),
                "10.0.0.0/24"
            ),
            "198.51.100.7"
        );
        // An entry that is not an address stops the walk: what the client
        // wrote to its left is not believed.
        assert_eq!(
            address(
                "10.0.0.5:5000",
                Some("198.51.100.9, 198.51.100.7:443, 10.0.0.6"),
                "10.0.0.0/24"
            ),
            "10.0.0.6"
        );
        // A trusted peer without the header is the client itself.
        assert_eq!(address("10.0.0.5:5000", None, "10.0.0.5"), "10.0.0.5");
    }
}
