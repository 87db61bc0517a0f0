//! Single sign-on through an OpenID Connect provider: the authorisation
//! code flow with PKCE. `GET /auth/oidc/login` records the sign-in under
//! way and sends the browser to the provider; `GET /auth/oidc/callback`
//! finishes it when the browser that started it comes back (the state is
//! both in its cookie and in the database, taken once), then opens the
//! same session as a password sign-in. Failures lead to the sign-in page
//! with their reason, as for CAS.

use crate::app::sso::{self, Failure};
use crate::db::oidc_logins;
use crate::db::users::VIA_OIDC;
use crate::error::{ApiError, Problem};
use crate::routes::sso::{
    self as sso_routes, LoginQuery, browser_state_cookie, callback_answer, redirect,
};
use crate::sso::local_path;
use crate::sso::oidc::{self, LOGIN_TTL_MINUTES, OidcConfig};
use crate::state::AppState;
use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

/// The browser's half of a sign-in under way: its state (see
/// [`browser_state_cookie`]).
const STATE_COOKIE: &str = "stages_oidc_state";
const STATE_COOKIE_PATH: &str = "/api/auth/oidc";

fn oidc_config(state: &AppState) -> Result<&OidcConfig, ApiError> {
    state.config.oidc.as_ref().ok_or_else(ApiError::not_found)
}

fn callback_url(state: &AppState) -> String {
    format!(
        "{}/api/auth/oidc/callback",
        state.config.public_url.trim_end_matches('/')
    )
}

/// Sends the browser to the OpenID provider's sign-in.
#[utoipa::path(
    tag = "auth",
    operation_id = "oidc_login",
    params(LoginQuery),
    responses(
        (status = 302, description = "To the provider's authorisation endpoint (code flow, PKCE S256, state and nonce); or, when the provider cannot be reached, to `/login?sso_error=unavailable`; or, past 300 starts a minute from the address or 100,000 sign-ins under way, to `/login?sso_error=busy`"),
        (status = 404, description = "No OpenID provider is configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/auth/oidc/login")]
pub async fn oidc_login(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<LoginQuery>,
) -> Result<HttpResponse, ApiError> {
    let config = oidc_config(&state)?.clone();
    if sso_routes::too_many(&state, &req) {
        return Ok(redirect(&Failure::Busy.page()));
    }
    let next = local_path(query.next.as_deref());
    let metadata = match state.oidc_metadata.get(&state.http, &config).await {
        Ok(metadata) => metadata,
        Err(e) => {
            tracing::warn!(%e, "the OpenID provider cannot be read");
            return Ok(redirect(&Failure::Unavailable.page()));
        }
    };
    let (url, pending) = match oidc::authorisation(&metadata, &config, &callback_url(&state)) {
        Ok(started) => started,
        Err(e) => {
            tracing::warn!(%e, "OpenID sign-in cannot start");
            return Ok(redirect(&Failure::Unavailable.page()));
        }
    };
    let cookie = browser_state_cookie(
        STATE_COOKIE,
        STATE_COOKIE_PATH,
        pending.state.clone(),
        LOGIN_TTL_MINUTES,
    );
    let now = chrono::Utc::now().naive_utc();
    let started = state
        .db(move |conn| Ok(oidc_logins::start(conn, &pending, &next, now)?))
        .await?;
    if !started {
        tracing::warn!("too many OpenID sign-ins under way: a new one is refused");
        return Ok(redirect(&Failure::Busy.page()));
    }
    Ok(HttpResponse::Found()
        .insert_header((LOCATION, url.as_str()))
        .insert_header(("Cache-Control", "no-store"))
        .cookie(cookie)
        .finish())
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct OidcCallbackQuery {
    pub code: Option<String>,
    pub state: Option<String>,
    /// The provider's refusal (`access_denied`, …), instead of a code.
    pub error: Option<String>,
}

/// Longest code or state accepted from the query.
const MAX_PARAMETER_CHARS: usize = 2048;

/// Where the provider sends the browser back.
#[utoipa::path(
    tag = "auth",
    operation_id = "oidc_callback",
    params(OidcCallbackQuery),
    responses(
        (status = 302, description = "Signed in: to the page asked for, with the refresh cookie set; or not: to `/login?sso_error=` with the reason (`ticket`, `unavailable`, `identity`, `busy`, `ACCOUNT-01`, `ACCOUNT-02`)"),
        (status = 404, description = "No OpenID provider is configured", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/auth/oidc/callback")]
pub async fn oidc_callback(
    state: web::Data<AppState>,
    req: HttpRequest,
    query: web::Query<OidcCallbackQuery>,
) -> Result<HttpResponse, ApiError> {
    let config = oidc_config(&state)?.clone();
    let query = query.into_inner();
    let browser_state = req.cookie(STATE_COOKIE).map(|c| c.value().to_owned());
    let outcome = if sso_routes::too_many(&state, &req) {
        Err(Failure::Busy)
    } else {
        finish(&state, &config, query, browser_state).await
    };
    let cleared = browser_state_cookie(STATE_COOKIE, STATE_COOKIE_PATH, String::new(), 0);
    callback_answer(outcome, &cleared)
}

async fn finish(
    state: &AppState,
    config: &OidcConfig,
    query: OidcCallbackQuery,
    browser_state: Option<String>,
) -> Result<(String, String), Failure> {
    if let Some(error) = &query.error {
        tracing::info!(
            error = error.chars().take(64).collect::<String>(),
            "the OpenID provider refused the sign-in"
        );
        return Err(Failure::Ticket);
    }
    let (Some(code), Some(returned)) = (query.code, query.state) else {
        return Err(Failure::Ticket);
    };
    if code.len() > MAX_PARAMETER_CHARS || returned.len() > MAX_PARAMETER_CHARS {
        return Err(Failure::Ticket);
    }
    // The sign-in must have started in this browser: otherwise someone
    // could sign a victim in as themselves with their own code.
    if browser_state.as_deref() != Some(returned.as_str()) {
        tracing::warn!("an OpenID callback without this browser's state: refused");
        return Err(Failure::Ticket);
    }
    let now = chrono::Utc::now().naive_utc();
    let taken = state
        .db(move |conn| Ok(oidc_logins::take(conn, &returned, now)?))
        .await
        .map_err(|_| Failure::Unavailable)?;
    let Some((pending, next)) = taken else {
        return Err(Failure::Ticket);
    };
    let redirect_uri = callback_url(state);
    let (claims, subject) =
        match sign_in_claims(state, config, &redirect_uri, &code, &pending).await {
            Ok(signed_in) => signed_in,
            Err(e) => {
                tracing::warn!(%e, "OpenID sign-in failed");
                return Err(Failure::Ticket);
            }
        };
    let person = config.claims.person("", &claims).map_err(|e| {
        tracing::warn!(%e, "OpenID identity refused");
        Failure::Identity
    })?;
    let mapping = state.config.affiliation_roles.clone();
    let subject = sso::Subject {
        issuer: config.issuer.clone(),
        subject,
    };
    let token = state
        .db(move |conn| {
            Ok(sso::open_session(
                conn,
                &person,
                VIA_OIDC,
                None,
                Some(&subject),
                &mapping,
                now,
            ))
        })
        .await
        .unwrap_or(Err(Failure::Unavailable))?;
    Ok((token, local_path(Some(&next))))
}

/// The claims of whoever signed in, with the provider's metadata and keys
/// as last read (at most `METADATA_TTL` ago).
async fn sign_in_claims(
    state: &AppState,
    config: &OidcConfig,
    redirect_uri: &str,
    code: &str,
    pending: &oidc::Pending,
) -> Result<(crate::sso::Attributes, String), oidc::OidcError> {
    oidc::finish(
        &state.http,
        &state.oidc_metadata,
        config,
        redirect_uri,
        code,
        pending,
    )
    .await
}
