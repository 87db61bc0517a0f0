//! Printable documents (seed §5 and §7): the agreement, an amendment, the
//! end-of-internship certificate, and a centre's agreements of a year in
//! one ZIP. The domain decides who may print what; the document is in the
//! convention's language.

use crate::app::documents as cases;
use crate::auth::Caller;
use crate::documents;
use crate::error::{ApiError, Problem};
use crate::extract::Path;
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use utoipa::IntoParams;

/// A strong ETag of what a document prints: the same inputs give the same
/// document (the PDF bytes themselves carry a creation time).
fn etag_of(inputs: &impl std::fmt::Debug) -> String {
    let digest = Sha256::digest(format!("{inputs:?}").as_bytes());
    format!("\"{}\"", hex::encode(&digest[..16]))
}

/// Whether the client already has this version (`If-None-Match`).
fn already_has(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
}

fn not_modified(etag: String) -> HttpResponse {
    HttpResponse::NotModified()
        .insert_header((header::ETAG, etag))
        .finish()
}

/// A PDF answer with its file name and ETag.
fn pdf(bytes: Vec<u8>, etag: String, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::ETAG, etag))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(bytes)
}

/// The agreement as a PDF, when the centre's print condition allows it
/// (seed §5).
#[utoipa::path(
    tag = "documents",
    operation_id = "get_convention_pdf",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The agreement", content_type = "application/pdf", body = Vec<u8>,
            headers(("ETag" = String, description = "Of what the document prints"), ("Content-Disposition" = String, description = "attachment; filename=\"convention-2026-000123.pdf\""))),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match"),
        NotSignedIn,
        (status = 403, description = "The centre's print condition is not met yet: the reason", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not created yet", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/pdf")]
pub async fn convention_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (doc, number) = cases::convention(&state, caller, id.into_inner()).await?;
    let etag = etag_of(&doc);
    if already_has(&req, &etag) {
        return Ok(not_modified(etag));
    }
    let bytes = web::block(move || documents::render_convention(&doc))
        .await?
        .map_err(cases::rendering_failed)?;
    Ok(pdf(bytes, etag, &format!("convention-{number}.pdf")))
}

/// An amendment as a PDF, once validated (seed §7).
#[utoipa::path(
    tag = "documents",
    operation_id = "get_amendment_pdf",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Amendment id")),
    responses(
        (status = 200, description = "The amendment", content_type = "application/pdf", body = Vec<u8>,
            headers(("ETag" = String, description = "Of what the document prints"), ("Content-Disposition" = String, description = "attachment; filename=\"avenant-2026-000123-1.pdf\""))),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match"),
        NotSignedIn,
        (status = 403, description = "Not validated yet", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such amendment, or not visible", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/amendments/{id}/pdf")]
pub async fn amendment_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (doc, filename) = cases::amendment(&state, caller, id.into_inner()).await?;
    let etag = etag_of(&doc);
    if already_has(&req, &etag) {
        return Ok(not_modified(etag));
    }
    let bytes = web::block(move || documents::render_amendment(&doc))
        .await?
        .map_err(cases::rendering_failed)?;
    Ok(pdf(bytes, etag, &filename))
}

/// The end-of-internship certificate (attestation de stage, ATT-01/02):
/// effective duration and total stipend, after the internship ended.
#[utoipa::path(
    tag = "documents",
    operation_id = "get_certificate_pdf",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Convention id")),
    responses(
        (status = 200, description = "The certificate", content_type = "application/pdf", body = Vec<u8>,
            headers(("ETag" = String, description = "Of what the document prints"), ("Content-Disposition" = String, description = "attachment; filename=\"attestation-2026-000123.pdf\""))),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match"),
        NotSignedIn,
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not validated, not over yet, or dates missing", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/conventions/{id}/certificate")]
pub async fn certificate_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let (doc, number) = cases::certificate(&state, caller, id.into_inner()).await?;
    let etag = etag_of(&doc);
    if already_has(&req, &etag) {
        return Ok(not_modified(etag));
    }
    let bytes = web::block(move || documents::render_certificate(&doc))
        .await?
        .map_err(cases::rendering_failed)?;
    Ok(pdf(bytes, etag, &format!("attestation-{number}.pdf")))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BatchQuery {
    /// `2026-2027`
    pub academic_year: String,
}

/// Every created agreement of the centre for an academic year, as PDFs in
/// one ZIP (the centre's staff).
#[utoipa::path(
    tag = "documents",
    operation_id = "get_centre_conventions_zip",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Centre id"), BatchQuery),
    responses(
        (status = 200, description = "The agreements", content_type = "application/zip", body = Vec<u8>),
        (status = 400, description = "Malformed academic year, or more agreements than one ZIP holds", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
        (status = 403, description = "Not a manager of this centre", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such centre", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/centres/{id}/conventions.zip")]
pub async fn centre_zip(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
    query: crate::extract::Query<BatchQuery>,
) -> Result<HttpResponse, ApiError> {
    let centre = id.into_inner();
    let year = crate::exports::academic_year(&query.academic_year)?;
    let documents = cases::centre_batch(&state, caller, centre, year.to_string()).await?;
    let zip = web::block(move || documents::zip_conventions(&documents))
        .await?
        .map_err(cases::rendering_failed)?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"conventions-{year}.zip\""),
        ))
        .body(zip))
}
