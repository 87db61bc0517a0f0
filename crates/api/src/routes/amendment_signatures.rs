//! The signature circuit of an amendment (issue 17): the same steps as the
//! agreement's ([`super::signatures`]), on the amendment's own circuit,
//! opened when the amendment is validated. The convention's version is
//! the one read (`If-Match`): its circuits change one at a time.

use super::conventions::respond;
use super::signatures::{PaperQuery, bounded_body, pdf};
use crate::app::signatures::{self as cases, File, MAX_SCAN_BYTES, PaperSignature};
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::extract::Query;
use crate::i18n::Lang;
use crate::problems::{IfMatchMissing, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use stages_api_types::conventions::ConventionView;
use stages_domain::signature::Party;

/// Sends a validated amendment for signature: the amendment is rendered
/// once and kept, so that every signer sees the same bytes.
#[utoipa::path(
    tag = "signatures",
    operation_id = "send_amendment_for_signature",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
        ("If-Match" = String, Header, description = "ETag of the convention's version read"),
    ),
    responses(
        (status = 200, description = "Out for signature", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The amendment is not validated or not this convention's (SIG-02), or already sent (SIG-03)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/amendments/{amendment}/signature/send")]
pub async fn send_amendment(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view = cases::send(&state, caller, lang, expected, id, Some(amendment)).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Sends a party the amendment's circuit awaits a new signing link.
#[utoipa::path(
    tag = "signatures",
    operation_id = "renew_amendment_signing_link",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
        ("party" = Party, Path, description = "Who is sent the link"),
        ("If-Match" = String, Header, description = "ETag of the convention's version read"),
    ),
    responses(
        (status = 200, description = "Link sent", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No circuit (SIG-02), not sent (SIG-04), not a party (SIG-05), already signed (SIG-06), not their turn (SIG-07), no address (SIG-16), an address staff did not vouch for (SIG-17)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/amendments/{amendment}/signature/links/{party}")]
pub async fn renew_amendment_link(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, i64, Party)>,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment, party) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view =
        cases::renew_link(&state, caller, lang, expected, id, Some(amendment), party).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Vouches for the address of the host's signatory, the tutor or a minor's
/// legal representative in the amendment's circuit (SIG-17); a party it awaits is mailed their link.
#[utoipa::path(
    tag = "signatures",
    operation_id = "vouch_for_amendment_signer_address",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
        ("party" = Party, Path, description = "host_signatory, tutor or legal_representative"),
        ("If-Match" = String, Header, description = "ETag of the convention's version read"),
    ),
    responses(
        (status = 200, description = "Address vouched for (and the link mailed when the party is awaited)", body = ConventionView),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No circuit (SIG-02), not a party (SIG-05), no address (SIG-16), a party whose address needs no vouching (SIG-17)", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/amendments/{amendment}/signature/addresses/{party}")]
pub async fn vouch_amendment_address(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, i64, Party)>,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment, party) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let view =
        cases::vouch_address(&state, caller, lang, expected, id, Some(amendment), party).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Records a party's paper signature of the amendment, with the signed
/// scan as the body (a PDF of at most 10 MB).
#[utoipa::path(
    tag = "signatures",
    operation_id = "record_amendment_paper_signature",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
        ("party" = Party, Path, description = "Who signed"),
        PaperQuery,
        ("If-Match" = String, Header, description = "ETag of the convention's version read"),
    ),
    request_body(content = Vec<u8>, content_type = "application/pdf", description = "The signed scan"),
    responses(
        (status = 200, description = "Recorded", body = ConventionView),
        (status = 400, description = "No date, or not a date", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not the centre's staff with a validation right (SIG-11)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No circuit (SIG-02), not a party (SIG-05), already signed (SIG-06)", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 413, description = "Scan larger than 10 MB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a readable PDF (FMT-05), or dated out of range (SIG-08)", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/conventions/{id}/amendments/{amendment}/signature/paper/{party}")]
pub async fn record_amendment_paper(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    path: Path<(i64, i64, Party)>,
    query: Query<PaperQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment, party) = path.into_inner();
    let expected = concurrency::expected_version(&req)?;
    cases::check_may_record(&state, &caller, id).await?;
    let scan = bounded_body(payload, MAX_SCAN_BYTES).await?;
    // Parsing a PDF takes a while: off the async workers.
    let scan = web::block(move || cases::check_scan(&scan).map(|()| scan)).await??;
    let paper = PaperSignature {
        amendment: Some(amendment),
        party,
        signed_on: query.into_inner().signed_on,
        scan,
    };
    let view = cases::record_paper(&state, caller, lang, expected, id, paper).await?;
    Ok(respond(StatusCode::OK, &view))
}

/// The amendment as sent for signature: the exact PDF every signer sees.
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_amendment_signature_document",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
    ),
    responses(
        (status = 200, description = "The amendment sent", content_type = "application/pdf", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such convention or circuit, not visible, or not sent", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/amendments/{amendment}/signature/document")]
pub async fn amendment_document(
    state: web::Data<AppState>,
    caller: Caller,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment) = path.into_inner();
    let (bytes, name) = cases::file(&state, caller, id, Some(amendment), File::Sent).await?;
    Ok(pdf(bytes, &name))
}

/// The signed scan of a paper signature of the amendment.
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_amendment_signature_scan",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
        ("signature" = i64, Path, description = "Signature id"),
    ),
    responses(
        (status = 200, description = "The scan", content_type = "application/pdf", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such convention, circuit or scan, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/amendments/{amendment}/signature/scans/{signature}")]
pub async fn amendment_scan(
    state: web::Data<AppState>,
    caller: Caller,
    path: Path<(i64, i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment, signature) = path.into_inner();
    let (bytes, name) =
        cases::file(&state, caller, id, Some(amendment), File::Scan(signature)).await?;
    Ok(pdf(bytes, &name))
}

/// The signed amendment: the amendment sent, its signature page, sealed
/// with the institution's key.
#[utoipa::path(
    tag = "signatures",
    operation_id = "get_signed_amendment",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("amendment" = i64, Path, description = "Amendment id"),
    ),
    responses(
        (status = 200, description = "The sealed signed amendment", content_type = "application/pdf", body = Vec<u8>),
        NotSignedIn,
        (status = 404, description = "No such convention or circuit, not visible, or not signed by every party yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/amendments/{amendment}/signature/signed")]
pub async fn signed_amendment(
    state: web::Data<AppState>,
    caller: Caller,
    path: Path<(i64, i64)>,
) -> Result<HttpResponse, ApiError> {
    let (id, amendment) = path.into_inner();
    let (bytes, name) = cases::file(&state, caller, id, Some(amendment), File::Signed).await?;
    Ok(pdf(bytes, &name))
}
