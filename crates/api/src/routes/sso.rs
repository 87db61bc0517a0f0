//! Single sign-on through the university's CAS server (CAS 3.0).
//!
//! The browser leaves for CAS at `GET /auth/cas/login`, comes back to
//! `GET /auth/cas/callback` with a service ticket, which is checked with
//! the CAS server; the person then has the same refresh cookie as after a
//! password sign-in, and the SPA restores the session with it. A failure
//! brings the browser back to the sign-in page with a reason it explains
//! (`/login?sso_error=…`), never to a blank page. The CAS server's
//! back-channel logout posts to the same callback address.

use crate::app::sso::{self, Failure};
use crate::auth::refresh;
use crate::db::sso_sessions;
use crate::db::users::VIA_CAS;
use crate::error::{ApiError, Problem};
use crate::sso::cas::{self, CasConfig, Validation};
use crate::sso::local_path;
use crate::state::AppState;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;
use stages_api_types::auth::SignInOptions;
use utoipa::IntoParams;

/// The ways of signing in this installation offers.
#[utoipa::path(
    tag = "auth",
    operation_id = "sign_in_options",
    responses((status = 200, description = "What the sign-in page offers", body = SignInOptions)),
)]
#[get("/auth/options")]
pub async fn options(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok().json(SignInOptions {
        cas: state.config.cas.is_some(),
        oidc: state.config.oidc.is_some(),
    })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct LoginQuery {
    /// Where to go once signed in: a path of this site (`/conventions/3`).
    pub next: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct CallbackQuery {
    /// The service ticket the CAS server issued.
    pub ticket: Option<String>,
    /// The sign-in's random value, also in this browser's cookie.
    pub state: Option<String>,
    /// The path asked for at `GET /auth/cas/login`.
    pub next: Option<String>,
}

/// The browser's half of a sign-in under way: a random value also written
/// into the address the provider sends the browser back to. A callback
/// whose value is not this browser's is refused: otherwise an attacker
/// could send a victim back with a ticket or code of the attacker's own
/// account, and the victim would work in it unawares (login CSRF).
/// `SameSite=Lax`, since the provider sends the browser back with a
/// top-level GET from its own site.
pub(crate) fn browser_state_cookie(
    name: &'static str,
    path: &'static str,
    value: String,
    minutes: i64,
) -> Cookie<'static> {
    Cookie::build(name, value)
        .path(path)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Lax)
        .max_age(CookieDuration::minutes(minutes))
        .finish()
}

const CAS_STATE_COOKIE: &str = "stages_cas_state";
const CAS_STATE_PATH: &str = "/api/auth/cas";
/// Minutes between leaving for CAS and coming back.
const CAS_STATE_MINUTES: i64 = 10;

fn cas_config(state: &AppState) -> Result<&CasConfig, ApiError> {
    state.config.cas.as_ref().ok_or_else(ApiError::not_found)
}

/// The address CAS sends the browser back to: the same string at sign-in
/// and at validation, as CAS compares them.
fn service_url(state: &AppState, browser_state: &str, next: &str) -> String {
    let base = state.config.public_url.trim_end_matches('/');
    // URL-safe already (`refresh::random_secret`), and compared with the
    // browser's cookie before it is used here.
    let state = browser_state;
    if next == "/" {
        format!("{base}/api/auth/cas/callback?state={state}")
    } else {
        format!(
            "{base}/api/auth/cas/callback?state={state}&next={}",
            utf8_percent_encode(next, NON_ALPHANUMERIC)
        )
    }
}

pub(crate) fn redirect(to: &str) -> HttpResponse {
    HttpResponse::Found()
        .insert_header((LOCATION, to))
        .insert_header(("Cache-Control", "no-store"))
        .finish()
}

/// Sends the browser to the CAS server's sign-in page.
#[utoipa::path(
    tag = "auth",
    operation_id = "cas_login",
    params(LoginQuery),
    responses(
        (status = 302, description = "To the CAS server's sign-in page"),
        (status = 404, description = "No CAS server is configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/auth/cas/login")]
pub async fn cas_login(
    state: web::Data<AppState>,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, ApiError> {
    let cas = cas_config(&state)?;
    let next = local_path(query.next.as_deref());
    let browser_state = refresh::random_secret();
    let service = service_url(&state, &browser_state, &next);
    let mut response = redirect(cas::login_url(cas, &service).as_str());
    response
        .add_cookie(&browser_state_cookie(
            CAS_STATE_COOKIE,
            CAS_STATE_PATH,
            browser_state,
            CAS_STATE_MINUTES,
        ))
        .map_err(ApiError::internal)?;
    Ok(response)
}

/// Where the CAS server sends the browser back with a ticket: the ticket
/// is checked server to server, the account created or refreshed from the
/// released attributes, and the refresh cookie set. A failure leads to the
/// sign-in page, which says why.
#[utoipa::path(
    tag = "auth",
    operation_id = "cas_callback",
    params(CallbackQuery),
    responses(
        (status = 302, description = "Signed in: to `next` with the refresh cookie set; or not: to `/login?sso_error=` with the reason (`ticket`, `unavailable`, `identity`, `busy`, `ACCOUNT-01`, `ACCOUNT-02`)"),
        (status = 404, description = "No CAS server is configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/auth/cas/callback")]
pub async fn cas_callback(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<CallbackQuery>,
) -> Result<HttpResponse, ApiError> {
    let cas = cas_config(&state)?.clone();
    let CallbackQuery {
        ticket,
        state: returned,
        next,
    } = query.into_inner();
    let next = local_path(next.as_deref());
    let browser_state = req.cookie(CAS_STATE_COOKIE).map(|c| c.value().to_owned());
    let cleared = browser_state_cookie(CAS_STATE_COOKIE, CAS_STATE_PATH, String::new(), 0);
    let outcome = match (&returned, &browser_state) {
        // Each callback calls the CAS server: bounded per address.
        _ if too_many(&state, &req) => Err(Failure::Busy),
        (Some(returned), Some(ours)) if !returned.is_empty() && returned == ours => {
            let service = service_url(&state, returned, &next);
            sign_in(&state, &cas, &service, ticket.as_deref().unwrap_or("")).await
        }
        _ => {
            tracing::warn!("a CAS callback without this browser's state: refused");
            Err(Failure::Ticket)
        }
    };
    callback_answer(outcome.map(|token| (token, next)), &cleared)
}

/// What a callback (CAS's or OIDC's) answers: signed in, to `next` with
/// the refresh cookie; or not, to the sign-in page with the reason. The
/// browser's state cookie is cleared either way.
pub(crate) fn callback_answer(
    outcome: Result<(String, String), Failure>,
    cleared: &Cookie<'static>,
) -> Result<HttpResponse, ApiError> {
    let mut page = match outcome {
        Ok((token, next)) => HttpResponse::Found()
            .insert_header((LOCATION, next))
            .insert_header(("Cache-Control", "no-store"))
            .cookie(refresh::cookie(token))
            .finish(),
        Err(failure) => redirect(&failure.page()),
    };
    page.add_cookie(cleared).map_err(ApiError::internal)?;
    Ok(page)
}

/// Checks the ticket and opens the session: the new refresh token.
async fn sign_in(
    state: &AppState,
    cas: &CasConfig,
    service: &str,
    ticket: &str,
) -> Result<String, Failure> {
    if !cas::plausible_ticket(ticket) {
        return Err(Failure::Ticket);
    }
    let (user, attributes) = match cas::validate(&state.http, cas, service, ticket).await {
        Ok(Validation::Valid { user, attributes }) => (user, attributes),
        Ok(Validation::Refused { code }) => {
            tracing::info!(code, "CAS refused a service ticket");
            return Err(Failure::Ticket);
        }
        Err(e) => {
            tracing::warn!(%e, "CAS ticket validation failed");
            return Err(Failure::Unavailable);
        }
    };
    let person = cas.attributes.person(&user, &attributes).map_err(|e| {
        tracing::warn!(%e, user, "CAS identity refused");
        Failure::Identity
    })?;
    let mapping = state.config.affiliation_roles.clone();
    let ticket = ticket.to_owned();
    let now = chrono::Utc::now().naive_utc();
    state
        .db(move |conn| {
            Ok(sso::open_session(
                conn,
                &person,
                VIA_CAS,
                Some(&ticket),
                None,
                &mapping,
                now,
            ))
        })
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(?e, "CAS sign-in: the database did not answer");
            Err(Failure::Unavailable)
        })
}

#[derive(Debug, Deserialize)]
pub struct LogoutRequest {
    #[serde(rename = "logoutRequest")]
    pub logout_request: String,
}

/// The CAS server's back-channel single logout: the person signed out of
/// CAS, the Stages sign-in their ticket opened ends (its refresh tokens
/// are revoked). Only a request naming a ticket that opened a sign-in has
/// an effect; the answer is the same either way.
#[utoipa::path(
    tag = "auth",
    operation_id = "cas_back_channel_logout",
    request_body(content = String, description = "Form field `logoutRequest`: a SAML 2 LogoutRequest whose SessionIndex is the service ticket", content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 204, description = "Received"),
        (status = 400, description = "Not a form with `logoutRequest`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No CAS server is configured", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 16 KB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not `application/x-www-form-urlencoded`", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/cas/callback")]
pub async fn cas_back_channel_logout(
    state: web::Data<AppState>,
    form: web::Form<LogoutRequest>,
) -> Result<HttpResponse, ApiError> {
    cas_config(&state)?;
    if let Some(ticket) = cas::logout_session_index(&form.logout_request) {
        let now = chrono::Utc::now().naive_utc();
        let ended = state
            .db(move |conn| Ok(sso_sessions::end(conn, VIA_CAS, &ticket, now)?))
            .await?;
        tracing::info!(ended, "CAS single logout");
    }
    Ok(HttpResponse::NoContent().finish())
}

/// Whether the caller's address is past its single sign-on requests of
/// the minute.
pub fn too_many(state: &AppState, req: &HttpRequest) -> bool {
    let address = crate::routes::auth::client_address(req, &state.config.trusted_proxies);
    let refused = state.sso_rate.hit(address).is_some();
    if refused {
        tracing::warn!(%address, "too many single sign-on requests from one address");
    }
    refused
}

/// Ends the CAS session too: the SPA sends the browser here after signing
/// out of Stages, and CAS brings it back to the sign-in page.
#[utoipa::path(
    tag = "auth",
    operation_id = "cas_logout",
    responses(
        (status = 302, description = "To the CAS server's logout page"),
        (status = 404, description = "No CAS server is configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/auth/cas/logout")]
pub async fn cas_logout(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let cas = cas_config(&state)?;
    let back_to = format!("{}/login", state.config.public_url.trim_end_matches('/'));
    Ok(redirect(cas::logout_url(cas, &back_to).as_str()))
}
