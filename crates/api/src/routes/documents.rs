//! Printable documents (seed §5 and §7): the agreement, an amendment, the
//! end-of-internship certificate, and a centre's agreements of a year in
//! one ZIP. The domain decides who may print what; the document is in the
//! convention's language.

use crate::app::caller;
use crate::app::conventions::load_visible;
use crate::auth::Caller;
use crate::db::AnyConnection;
use crate::db::RepoError;
use crate::db::centres::{self, CentreRow};
use crate::db::conventions::{self as repo, Loaded};
use crate::documents::{
    self, AmendmentDocument, CertificateDocument, ConventionDocument, DocumentError, Letterhead,
    Logo, LogoType, Signatory,
};
use crate::error::{ApiError, Problem};
use crate::problems::NotSignedIn;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use stages_domain::access;
use stages_domain::ids::{Country, Email, Phone};
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::{
    AcademicYear, Address, AgreementLanguage, CentreLevel, ManagementCentre,
};
use stages_domain::permissions;
use stages_domain::requests;
use utoipa::IntoParams;

/// Most agreements in one ZIP (a centre's year).
const MAX_BATCH: i64 = 5_000;

fn management_centre(row: &CentreRow) -> Result<ManagementCentre, ApiError> {
    Ok(ManagementCentre {
        name: row.name.clone(),
        level: match row.level.as_str() {
            "establishment" => CentreLevel::Establishment,
            "programme" => CentreLevel::Programme,
            _ => CentreLevel::Faculty,
        },
        settings: row.settings()?,
        address: Address {
            street: row.street.clone(),
            building: None,
            postal_code: row.postal_code.clone(),
            city: row.city.clone(),
            country: Country::parse(&row.country_code).ok(),
        },
        email: row.email.as_deref().and_then(|e| Email::parse(e).ok()),
        phone: row.phone.as_deref().and_then(|p| Phone::parse(p).ok()),
        signatory_name: row.signatory_name.clone(),
        signatory_position: row.signatory_position.clone(),
    })
}

/// The letterhead and signatory of a centre, with its logo.
fn letterhead(
    conn: &mut AnyConnection,
    institution: &str,
    centre_id: i64,
) -> Result<(Letterhead, Signatory), ApiError> {
    let row = centres::find_row(conn, centre_id)?;
    let logo = match centres::logo(conn, centre_id) {
        Ok((bytes, media_type)) => {
            LogoType::from_media_type(&media_type).map(|media_type| Logo { bytes, media_type })
        }
        Err(RepoError::NotFound) => None,
        Err(other) => return Err(other.into()),
    };
    let centre = management_centre(&row)?;
    Ok((
        Letterhead::of_centre(institution, &centre, logo),
        Signatory::of_centre(&centre),
    ))
}

fn number_of(loaded: &Loaded) -> Result<ConventionNumber, ApiError> {
    loaded
        .workflow
        .created_number()
        .map_err(|r| ApiError::refusal(&r))
}

fn language(loaded: &Loaded) -> AgreementLanguage {
    loaded
        .content
        .internship
        .language
        .unwrap_or(AgreementLanguage::Fr)
}

fn academic_year(loaded: &Loaded) -> Result<AcademicYear, ApiError> {
    AcademicYear::parse(&loaded.row.academic_year).map_err(ApiError::internal)
}

fn programme(loaded: &Loaded) -> String {
    loaded
        .content
        .student
        .enrolment
        .as_ref()
        .map(|e| e.programme.label.clone())
        .unwrap_or_default()
}

fn convention_document(
    conn: &mut AnyConnection,
    institution: &str,
    loaded: &Loaded,
    today: chrono::NaiveDate,
) -> Result<ConventionDocument, ApiError> {
    let (letterhead, institution_signatory) = letterhead(conn, institution, loaded.row.centre_id)?;
    Ok(ConventionDocument {
        number: number_of(loaded)?,
        convention: loaded.content.clone(),
        letterhead,
        institution_signatory,
        academic_year: academic_year(loaded)?,
        programme: programme(loaded),
        language: language(loaded),
        today,
    })
}

fn rendering_failed(err: DocumentError) -> ApiError {
    match err {
        DocumentError::Refused(refusal) => ApiError::refusal(&refusal),
        other => ApiError::internal(other),
    }
}

/// A strong ETag of what a document prints: the same inputs give the same
/// document (the PDF bytes themselves carry a creation time).
fn etag_of(inputs: &impl std::fmt::Debug) -> String {
    let digest = Sha256::digest(format!("{inputs:?}").as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
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
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = state.today();
    let app = state.clone();
    let (doc, number) = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            loaded
                .workflow
                .check_print(relation, &loaded.settings)
                .map_err(|r| ApiError::refusal(&r))?;
            let doc = convention_document(conn, &app.config.institution_name, &loaded, today)?;
            Ok((doc, number_of(&loaded)?))
        })
        .await?;
    let etag = etag_of(&doc);
    if already_has(&req, &etag) {
        return Ok(not_modified(etag));
    }
    let bytes = web::block(move || documents::render_convention(&doc))
        .await?
        .map_err(rendering_failed)?;
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
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = state.today();
    let app = state.clone();
    let (doc, filename) = state
        .db(move |conn| {
            let convention = crate::db::amendments::find(conn, id)?.convention_id;
            let (_, loaded, relation) = load_visible(conn, &caller, convention)?;
            let list = crate::db::amendments::amendments_of(conn, convention)?;
            let index = list
                .iter()
                .position(|(row, _)| row.id == id)
                .ok_or_else(ApiError::not_found)?;
            let amendment = list[index].1.clone();
            permissions::amendment_permissions(
                relation,
                &loaded.workflow,
                &amendment,
                &loaded.settings,
                today,
            )
            .print
            .into_result()
            .map_err(|r| ApiError::refusal(&r))?;
            let previous = list[..index]
                .iter()
                .filter(|(_, a)| a.is_validated())
                .map(|(_, a)| a.clone())
                .collect();
            let (letterhead, institution_signatory) =
                letterhead(conn, &app.config.institution_name, loaded.row.centre_id)?;
            let number = number_of(&loaded)?;
            let position = u32::try_from(index + 1).unwrap_or(u32::MAX);
            Ok((
                AmendmentDocument {
                    number,
                    index: position,
                    convention: loaded.content.clone(),
                    previous,
                    amendment,
                    letterhead,
                    institution_signatory,
                    language: language(&loaded),
                    today,
                },
                format!("avenant-{number}-{position}.pdf"),
            ))
        })
        .await?;
    let etag = etag_of(&doc);
    if already_has(&req, &etag) {
        return Ok(not_modified(etag));
    }
    let bytes = web::block(move || documents::render_amendment(&doc))
        .await?
        .map_err(rendering_failed)?;
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
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let today = state.today();
    let app = state.clone();
    let (doc, number) = state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            let effective = repo::effective(conn, &loaded)?;
            loaded
                .workflow
                .check_certificate(
                    relation,
                    effective.convention.internship.end,
                    today,
                    &loaded.settings,
                )
                .map_err(|r| ApiError::refusal(&r))?;
            let (letterhead, _) =
                letterhead(conn, &app.config.institution_name, loaded.row.centre_id)?;
            let amendments = crate::db::amendments::amendments_of(conn, id)?
                .into_iter()
                .map(|(_, a)| a)
                .collect();
            let number = number_of(&loaded)?;
            Ok((
                CertificateDocument {
                    number,
                    convention: loaded.content.clone(),
                    amendments,
                    letterhead,
                    academic_year: academic_year(&loaded)?,
                    programme: programme(&loaded),
                    language: language(&loaded),
                    today,
                },
                number,
            ))
        })
        .await?;
    let etag = etag_of(&doc);
    if already_has(&req, &etag) {
        return Ok(not_modified(etag));
    }
    let bytes = web::block(move || documents::render_certificate(&doc))
        .await?
        .map_err(rendering_failed)?;
    Ok(pdf(bytes, etag, &format!("attestation-{number}.pdf")))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BatchQuery {
    /// `2026-2027`
    pub academic_year: String,
}

/// The documents of every created agreement of a centre in an academic
/// year, in number order (also `stages export pdf`).
pub fn centre_documents(
    conn: &mut AnyConnection,
    institution: &str,
    centre: i64,
    year: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<ConventionDocument>, ApiError> {
    let ids = repo::numbered_of_centre(conn, centre, year, MAX_BATCH + 1)?;
    if i64::try_from(ids.len()).unwrap_or(i64::MAX) > MAX_BATCH {
        return Err(ApiError::bad_request(requests::batch_too_large(
            "academic_year",
            usize::try_from(MAX_BATCH).unwrap_or(usize::MAX),
        )));
    }
    ids.into_iter()
        .map(|id| {
            let loaded = repo::load(conn, id)?;
            convention_document(conn, institution, &loaded, today)
        })
        .collect()
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
    id: web::Path<i64>,
    query: crate::extract::Query<BatchQuery>,
) -> Result<HttpResponse, ApiError> {
    let centre = id.into_inner();
    let year = crate::exports::academic_year(&query.academic_year)?;
    let today = state.today();
    let app = state.clone();
    let documents = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            centres::find_row(conn, centre)?;
            access::may_edit_centre(&ctx.roles, ctx.manages(centre))
                .map_err(|r| ApiError::refusal(&r))?;
            centre_documents(
                conn,
                &app.config.institution_name,
                centre,
                &year.to_string(),
                today,
            )
        })
        .await?;
    let zip = web::block(move || documents::zip_conventions(&documents))
        .await?
        .map_err(rendering_failed)?;
    Ok(HttpResponse::Ok()
        .content_type("application/zip")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"conventions-{year}.zip\""),
        ))
        .body(zip))
}
