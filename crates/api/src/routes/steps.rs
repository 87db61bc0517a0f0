//! Saving the wizard's steps (seed §4.1–4.7). Each step is saved on its
//! own while the convention is editable; what the step still lacks comes
//! back as warnings in the convention's `violations` (errors for what is
//! wrong). Steps that name a record (organisation, service, tutor,
//! supervisor, signatory) take its id: the convention keeps a snapshot of
//! the record as it was selected.

use super::conventions::respond;
use crate::app::conventions::{ConventionView, steps};
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::i18n::Lang;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use stages_domain::model::Internship;

pub use stages_api_types::steps::{EnrolmentChoice, StudentStepInput};

/// Saves step 1 (Étudiant).
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_student_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = StudentStepInput,
    responses(
        (status = 200, description = "Saved; remaining gaps are warnings", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Invalid value", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/student")]
pub async fn save_student(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<StudentStepInput>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_student(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

pub use stages_api_types::steps::OrganisationChoice;

/// Saves step 2 (Établissement d'accueil), from an organisation or from an
/// offer's number (then linked, and the internship found through it).
/// Another organisation clears the service, the tutor and the signatory,
/// which belonged to the previous one; choosing an organisation unlinks
/// the offer.
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_organisation_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = OrganisationChoice,
    responses(
        (status = 200, description = "Saved", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "No such active organisation", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/organisation")]
pub async fn save_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<OrganisationChoice>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_organisation(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

pub use stages_api_types::steps::HostServiceChoice;

/// Saves step 3 (Service d'accueil): a service of the chosen organisation;
/// another service clears the tutor, a contact of the previous one.
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_host_service_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = HostServiceChoice,
    responses(
        (status = 200, description = "Saved", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Not a service of the organisation", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/host-service")]
pub async fn save_host_service(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<HostServiceChoice>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_host_service(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

pub use stages_api_types::steps::ContactChoice;

/// Saves step 4 (Tuteur professionnel): a contact of the chosen service.
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_tutor_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = ContactChoice,
    responses(
        (status = 200, description = "Saved", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Not a contact of the service", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/tutor")]
pub async fn save_tutor(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<ContactChoice>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_tutor(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Saves step 5 (Informations stage): every internship field. Dates,
/// schedule and stipend are checked by the domain; the figures (effective
/// hours, legal minimum) come back with the convention.
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_internship_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = Internship,
    responses(
        (status = 200, description = "Saved; gaps are warnings, broken rules errors", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Unknown reference value or invalid identifier", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/internship")]
pub async fn save_internship(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<Internship>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_internship(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

pub use stages_api_types::steps::SupervisorChoice;

/// Saves step 6 (Enseignant référent): a member of the teaching staff found
/// in the directory.
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_supervisor_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = SupervisorChoice,
    responses(
        (status = 200, description = "Saved", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Not a member of the teaching staff", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
        (status = 503, description = "The directory does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/conventions/{id}/supervisor")]
pub async fn save_supervisor(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<SupervisorChoice>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_supervisor(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

/// Saves step 7 (Signataire): a contact of any service of the organisation,
/// who signs for the host.
#[utoipa::path(
    tag = "conventions",
    operation_id = "save_signatory_step",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Convention id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = ContactChoice,
    responses(
        (status = 200, description = "Saved", body = ConventionView),
        Malformed,
        NotSignedIn,
        (status = 403, description = "The caller may not edit it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such convention, or not visible", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Validated: amendments only", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Not a contact of the organisation", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[put("/conventions/{id}/signatory")]
pub async fn save_signatory(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: Path<i64>,
    body: Json<ContactChoice>,
) -> Result<HttpResponse, ApiError> {
    let view = steps::save_signatory(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}
