//! The signature circuit of a convention (issue 17): send it for
//! signature, record a paper signature with its scan, and read the
//! agreement sent and the scans. The circuit itself is part of the
//! convention's summary (`signature`).

use super::conventions::respond;
use crate::app::signatures::{self as cases, File, MAX_SCAN_BYTES, PaperSignature};
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::extract::Query;
use crate::i18n::Lang;
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use futures_util::StreamExt;
use serde::Deserialize;
use stages_api_types::conventions::ConventionView;
use stages_domain::signature::Party;
use utoipa::IntoParams;

/// Sends the validated convention for signature: the agreement is
/// rendered once and kept, so that every signer sees the same bytes.
#[utoipa::path(
    tag = "signatures",
    operation_id = "send_for_signature",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Out for signature", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated (SIG-02), or already sent (SIG-03)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/signature/send")]
pub async fn send(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = cases::send(&state, caller, lang, expected, id.into_inner(), None).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Sends a party the circuit awaits a new signing link: their earlier
/// links stop working (a lost mail, an expired or locked link).
#[utoipa::path(
    tag = "signatures",
    operation_id = "renew_signing_link",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("party" = Party, Path, description = "Who is sent the link"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Link sent", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated (SIG-02), not sent (SIG-04), not a party (SIG-05), already signed (SIG-06), not their turn (SIG-07), no address (SIG-16), an address staff did not vouch for (SIG-17)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/signature/links/{party}")]
pub async fn renew_link(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, Party)>,
) -> Result<HttpResponse, ApiError> {
    let (id, party) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view = cases::renew_link(&state, caller, lang, expected, id, None, party).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Vouches for the address of the host's signatory, the tutor or a minor's
/// legal representative (SIG-17): staff checked that it is theirs, and
/// signing links may go there. A party the circuit awaits is mailed their
/// link at once.
#[utoipa::path(
    tag = "signatures",
    operation_id = "vouch_for_signer_address",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("party" = Party, Path, description = "host_signatory, tutor or legal_representative"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Address vouched for (and the link mailed when the party is awaited)", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated (SIG-02), not a party (SIG-05), no address (SIG-16), a party whose address needs no vouching (SIG-17)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/signature/addresses/{party}")]
pub async fn vouch_address(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, Party)>,
) -> Result<HttpResponse, ApiError> {
    let (id, party) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view = cases::vouch_address(&state, caller, lang, expected, id, None, party).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Vouches for the tutor's address where the evaluation scheduler mails
/// the link to their form (SIG-17): the tutor contact's own, which the
/// convention shows as `tutor_evaluation_address`. The next reminder
/// carries the link.
#[utoipa::path(
    tag = "evaluations",
    operation_id = "vouch_for_tutor_evaluation_address",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Address vouched for", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No tutor, or a tutor without an address (SIG-16)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/evaluation-links/address")]
pub async fn vouch_tutor_address(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let expected = concurrency::expected_version(&req)?;
    let view = cases::vouch_tutor_address(&state, caller, lang, expected, id.into_inner()).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// The date written on a paper signature.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PaperQuery {
    /// The date written next to the signature (from the validation to
    /// today).
    pub signed_on: NaiveDate,
}

/// Reads a request body of at most `limit` bytes; 413 past it, without
/// reading the rest.
pub(crate) async fn bounded_body(
    mut payload: web::Payload,
    limit: usize,
) -> Result<Vec<u8>, ApiError> {
    let mut body = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::payload_too_large(limit))?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::payload_too_large(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Records a party's signature given on paper, with the signed scan as
/// the body (a PDF of at most 10 MB), dated as written on it.
#[utoipa::path(
    tag = "signatures",
    operation_id = "record_paper_signature",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("party" = Party, Path, description = "Who signed"),
        PaperQuery,
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body(content = Vec<u8>, content_type = "application/pdf", description = "The signed scan"),
    responses(
        (status = 200, description = "Recorded", body = ConventionView),
        (status = 400, description = "No date, or not a date", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated (SIG-02), not a party (SIG-05), already signed (SIG-06)", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 413, description = "Scan larger than 10 MB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a readable PDF (FMT-05), or dated out of range (SIG-08)", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/signature/paper/{party}")]
pub async fn record_paper(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, Party)>,
    query: Query<PaperQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (id, party) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    cases::check_may_record(&state, &caller, id).await?;
    let scan = bounded_body(payload, MAX_SCAN_BYTES).await?;
    // Parsing a PDF takes a while: off the async workers.
    let scan = web::block(move || cases::check_scan(&scan).map(|()| scan)).await??;
    let paper = PaperSignature {
        amendment: None,
        party,
        signed_on: query.into_inner().signed_on,
        scan,
    };
    let view = cases::record_paper(&state, caller, lang, expected, id, paper).await?;
    Ok(respond(StatusCode::OK, &view))
}

pub(crate) fn pdf(bytes: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes)
}

/// The agreement as sent for signature: the exact PDF every signer sees.
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_signature_document",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The agreement sent", content_type = "application/pdf", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such convention, not visible, or not sent", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/signature/document")]
pub async fn document(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (bytes, name) = cases::file(&state, caller, id.into_inner(), None, File::Sent).await?;
    Ok(pdf(bytes, &name))
}

/// The signed scan of a paper signature.
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_signature_scan",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("signature" = i64, Path, description = "Signature id"),
    ),
    responses(
        (status = 200, description = "The scan", content_type = "application/pdf", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such convention or scan, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/signature/scans/{signature}")]
pub async fn scan_file(
    state: web::Data<AppState>,
    caller: Caller,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, signature) = path.into_inner();
    let (bytes, name) = cases::file(&state, caller, id, None, File::Scan(signature)).await?;
    Ok(pdf(bytes, &name))
}

/// The signed agreement: the agreement sent, its signature page, sealed
/// with the institution's key (a PDF signature `pdfsig` checks).
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_signed_agreement",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The sealed signed agreement", content_type = "application/pdf", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such convention, not visible, or not signed by every party yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/signature/signed")]
pub async fn signed(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (bytes, name) = cases::file(&state, caller, id.into_inner(), None, File::Signed).await?;
    Ok(pdf(bytes, &name))
}
