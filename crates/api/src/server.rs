//! The HTTP server: routes, limits, the SPA and graceful shutdown.

use crate::auth::token::TokenService;
use crate::config::Config;
use crate::db::{self, DbPool};
use crate::error;
use crate::headers;
use crate::i18n::{self, Lang};
use crate::openapi::{self, mounted_api_scope};
use crate::spa;
use crate::state::AppState;
use actix_web::dev::{Server, Service, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::{App, HttpResponse, HttpServer, middleware, web};
use std::net::TcpListener;
use std::sync::Arc;
use utoipa_swagger_ui::SwaggerUi;

/// Largest JSON body accepted; a convention's longest texts fit well below.
pub const JSON_LIMIT_BYTES: usize = 512 * 1024;
/// Largest form body accepted: a CAS logout request is well below.
pub const FORM_LIMIT_BYTES: usize = 16 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Db(#[from] db::DbError),
    #[error(transparent)]
    Token(#[from] crate::auth::token::TokenError),
    #[error("cannot build the HTTP client: {0}")]
    Http(String),
    #[error("cannot listen: {0}")]
    Io(#[from] std::io::Error),
}

pub fn state(config: Config, pool: DbPool) -> Result<AppState, StartError> {
    let secret = config.jwt_secret()?;
    let tokens = TokenService::new(secret.as_bytes(), config.access_token_minutes)?;
    let links = crate::app::evaluations::links::LinkSigner::new(secret.as_bytes())
        .map_err(|_| crate::auth::token::TokenError::EmptySecret)?;
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let searches = crate::state::concurrent_searches(pool.max_size(), config.searches, cores);
    if config.searches.is_some_and(|asked| asked > searches) {
        tracing::warn!(
            searches,
            "STAGES_SEARCHES is more than half the connection pool: {searches} searches run at once"
        );
    }
    let seal = Arc::new(config.seal()?);
    let platforms: Vec<Arc<dyn crate::app::platforms::SignaturePlatform>> = config
        .signature_platform
        .iter()
        .map(|(name, secret)| {
            Arc::new(crate::app::platforms::HmacPlatform::new(name, secret))
                as Arc<dyn crate::app::platforms::SignaturePlatform>
        })
        .collect();
    Ok(AppState {
        pool,
        tokens,
        links,
        seal,
        platforms: Arc::new(platforms),
        config: Arc::new(config),
        throttle: Arc::default(),
        sso_rate: Arc::new(crate::auth::rate::PerAddress::new(
            crate::sso::SSO_REQUESTS_PER_MINUTE,
            std::time::Duration::from_secs(60),
        )),
        searches: Arc::new(tokio::sync::Semaphore::new(searches)),
        http: http_client()?,
        oidc_metadata: Arc::default(),
    })
}

/// The client of server-to-server calls. TLS uses the ring provider (as
/// LDAP and SMTP do), installed once for the process.
fn http_client() -> Result<reqwest::Client, StartError> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(crate::sso::cas::TIMEOUT)
        .user_agent(concat!("Stages/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| StartError::Http(e.to_string()))
}

/// Builds the server on an already bound listener (tests bind port 0).
pub fn run(listener: TcpListener, state: AppState) -> Result<Server, StartError> {
    let web_dir = state.config.web_dir.clone();
    let serve_spa = web_dir.join("index.html").is_file();
    if !serve_spa {
        tracing::warn!(
            "no SPA in {} (build it with `cargo xtask spa`); serving the API only",
            web_dir.display()
        );
    }
    let spa_csp = HeaderValue::from_str(&headers::spa_csp(
        &std::fs::read_to_string(web_dir.join("index.html")).unwrap_or_default(),
    ))
    .map_err(|e| std::io::Error::other(format!("Content-Security-Policy: {e}")))?;
    // Each worker runs database work on its own blocking threads (tokio's
    // default allows 512). A thread beyond the pool's size would only wait
    // for a connection, and every thread that ran keeps its own malloc
    // arena: a burst of requests left the server tens of megabytes larger.
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let pool_size = usize::try_from(state.pool.max_size()).unwrap_or(workers);
    let blocking = pool_size.div_ceil(workers).max(1);
    let data = web::Data::new(state);
    // The document served is the committed one (`openapi/openapi.json`,
    // checked against the routes by `committed_document_is_fresh`):
    // building it costs tens of megabytes that the process would keep.
    let document = web::Bytes::from_static(openapi::COMMITTED);
    let server = HttpServer::new(move || {
        let spa_csp = spa_csp.clone();
        let document = document.clone();
        App::new()
            .app_data(data.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(JSON_LIMIT_BYTES)
                    .error_handler(error::json_error_handler),
            )
            .app_data(web::PayloadConfig::default().limit(JSON_LIMIT_BYTES))
            .app_data(
                web::FormConfig::default()
                    .limit(FORM_LIMIT_BYTES)
                    .error_handler(error::form_error_handler),
            )
            .wrap_fn(move |req, srv| {
                let spa_csp = spa_csp.clone();
                let path = req.path().to_owned();
                // Errors are worded when their response is written, in the
                // language the request asked for.
                let lang = Lang::from_request(req.request());
                let call = i18n::with(lang, || headers::check_path(req)).map(|req| srv.call(req));
                i18n::in_request(lang, async move {
                    let result = match call {
                        Ok(call) => call.await.map(ServiceResponse::map_into_boxed_body),
                        Err(refused) => Ok(*refused),
                    };
                    headers::finish(&path, &spa_csp, result)
                })
            })
            .wrap(middleware::from_fn(crate::compression::gzip))
            .wrap(tracing_actix())
            .service(web::redirect("/api/docs", "/api/docs/"))
            .service(
                web::resource("/api/openapi.json").route(web::get().to(move || {
                    let document = document.clone();
                    async move {
                        HttpResponse::Ok()
                            .content_type(header::ContentType::json())
                            .body(document)
                    }
                })),
            )
            .service(
                SwaggerUi::new("/api/docs/{_:.*}")
                    .config(utoipa_swagger_ui::Config::new(["/api/openapi.json"])),
            )
            .service(mounted_api_scope())
            .configure(|cfg| {
                if serve_spa {
                    spa::configure(cfg, &web_dir);
                }
            })
    })
    // Without TCP_NODELAY a response written in two segments (headers,
    // then a compressed body) waits for the client's delayed ACK: 40 ms
    // added to every such request.
    .on_connect(|conn, _| {
        if let Some(tcp) = conn.downcast_ref::<actix_web::rt::net::TcpStream>() {
            let _ = tcp.set_nodelay(true);
        }
    })
    .workers(workers)
    .worker_max_blocking_threads(blocking)
    .listen(listener)?
    .shutdown_timeout(10)
    .run();
    Ok(server)
}

/// One line per request in the logs: the method and the path, with the
/// secret of a link masked and without the query string (it holds the
/// names people search for).
fn tracing_actix() -> middleware::Logger {
    middleware::Logger::new("%{request}xi %s %Dms")
        .custom_request_replace("request", |req| {
            format!("{} {}", req.method(), masked_path(req.path()))
        })
        .log_target("stages::http")
}

/// Paths whose last segments are bearer secrets (the tutor's evaluation
/// link), with those segments replaced.
const SECRET_PATHS: &[&str] = &[
    "/api/tutor-evaluation/",
    "/evaluation/tutor/",
    "/api/signing/",
    "/signer/",
];

fn masked_path(path: &str) -> String {
    for prefix in SECRET_PATHS {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.split_once('/').map(|(_, t)| format!("/{t}"));
            return format!("{prefix}…{}", tail.unwrap_or_default());
        }
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_secrets_are_masked_in_the_log() {
        assert_eq!(
            masked_path("/api/tutor-evaluation/eyJ0eXAi.abc.def/pdf"),
            "/api/tutor-evaluation/…/pdf"
        );
        assert_eq!(
            masked_path("/evaluation/tutor/eyJ0eXAi.abc.def"),
            "/evaluation/tutor/…"
        );
        assert_eq!(masked_path("/api/conventions/12"), "/api/conventions/12");
    }
}
