//! The signing page's calls, for the holder of a signing link (no
//! account: the link is the credential): read the request and the
//! agreement, ask for a one-time code, sign.

use crate::app::signing::{self as cases, Confirmation};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::problems::Malformed;
use crate::routes::auth::client_address;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use stages_api_types::signatures::{SignatureReport, SigningInput, SigningView};

/// Longest code field accepted (the code has six digits).
const MAX_CODE_CHARS: usize = 16;
/// A SHA-256 in hexadecimal.
const SHA256_HEX_CHARS: usize = 64;

/// What the link's holder is asked to sign.
#[utoipa::path(
    tag = "signatures",
    operation_id = "open_signing_link",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "The request", body = SigningView),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/signing/{token}")]
pub async fn open(
    state: web::Data<AppState>,
    token: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let view = cases::open(&state, token.into_inner()).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// The agreement to sign: the exact PDF sent, whose SHA-256 the page
/// shows and the signature names.
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_signing_document",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "The agreement", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/signing/{token}/document")]
pub async fn document(
    state: web::Data<AppState>,
    token: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let (bytes, name) = cases::document(&state, token.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .body(bytes))
}

/// Mails a one-time code to the link's address (one a minute, valid ten
/// minutes).
#[utoipa::path(
    tag = "signatures",
    operation_id = "send_signing_code",
    params(("token" = String, Path, description = "The link's token")),
    responses(
        (status = 200, description = "Sent", body = SigningView),
        (status = 401, description = "Invalid, expired or withdrawn link", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not this party's turn, or signed (SIG-12)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "A code was sent less than a minute ago", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/signing/{token}/code")]
pub async fn code(
    state: web::Data<AppState>,
    token: Path<String>,
) -> Result<HttpResponse, ApiError> {
    let view = cases::send_code(&state, token.into_inner()).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Signs with the code mailed, for the agreement shown (its SHA-256).
#[utoipa::path(
    tag = "signatures",
    operation_id = "sign_by_link",
    params(("token" = String, Path, description = "The link's token")),
    request_body = SigningInput,
    responses(
        (status = 200, description = "Signed", body = SigningView),
        Malformed,
        (status = 401, description = "Invalid, expired, spent or withdrawn link", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another document (SIG-13), not this party's turn (SIG-07), or signed (SIG-06)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong or expired code (SIG-12)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/signing/{token}/sign")]
pub async fn sign(
    state: web::Data<AppState>,
    req: HttpRequest,
    token: Path<String>,
    body: Json<SigningInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    if input.code.chars().count() > MAX_CODE_CHARS {
        return Err(ApiError::bad_request(stages_domain::requests::too_long(
            "code",
            MAX_CODE_CHARS,
        )));
    }
    if input.document_sha256.chars().count() > SHA256_HEX_CHARS {
        return Err(ApiError::bad_request(stages_domain::requests::too_long(
            "document_sha256",
            SHA256_HEX_CHARS,
        )));
    }
    let confirmation = Confirmation {
        code: input.code,
        document_sha256: input.document_sha256,
        address: client_address(&req, &state.config.trusted_proxies).to_string(),
        user_agent: req
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
    };
    let view = cases::sign(&state, token.into_inner(), confirmation).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// A signature platform reports a signature (the extension point for
/// platforms such as ESUP-Signature): the body is a [`SignatureReport`],
/// authenticated as the platform's adapter says (the configured one:
/// `X-Stages-Signature: t=<Unix seconds>,sha256=<hex HMAC-SHA256 of
/// "<t>.<body>">` with the shared secret, `t` within 5 minutes of the
/// server's clock). The signature is recorded as a signature given on the
/// signing page is, with the platform and its reference as evidence; each
/// delivery counts once.
#[utoipa::path(
    tag = "signatures",
    operation_id = "report_platform_signature",
    params(
        ("platform" = String, Path, description = "The platform's configured name"),
        ("X-Stages-Signature" = String, Header, description = "t=<Unix seconds>,sha256=<hex HMAC-SHA256 of \"<t>.<body>\" with the shared secret>"),
    ),
    request_body = SignatureReport,
    responses(
        (status = 204, description = "Recorded"),
        Malformed,
        (status = 401, description = "Not signed by the platform, signed more than 5 minutes from the server's clock, or the circuit was withdrawn", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such platform, or no such circuit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another document (SIG-13), not this party's turn (SIG-07), signed already (SIG-06), or this delivery was received already", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/signature-platforms/{platform}/reports")]
pub async fn platform_report(
    state: web::Data<AppState>,
    req: HttpRequest,
    platform: Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    crate::app::platforms::report(
        &state,
        platform.into_inner(),
        req.headers().clone(),
        body.to_vec(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
