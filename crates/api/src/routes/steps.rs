//! Saving the wizard's steps (seed §4.1–4.7). Each step is saved on its
//! own while the convention is editable; what the step still lacks comes
//! back as warnings in the convention's `violations` (errors for what is
//! wrong). Steps that name a record (organisation, service, tutor,
//! supervisor, signatory) take its id: the convention keeps a snapshot of
//! the record as it was selected.

use super::conventions::respond;
use crate::app::caller::Context;
use crate::app::conventions::{ConventionView, transition};
use crate::auth::Caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::centres;
use crate::db::conventions::Loaded;
use crate::db::nomenclatures;
use crate::db::organisations as records;
use crate::db::students::{self, EnrolmentRecord};
use crate::directory::{self, Person};
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::i18n::Lang;
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, put, web};
use stages_domain::ids::Email;
use stages_domain::model::{
    AcademicYear, Enrolment, Internship, InternshipOrigin, NomenclatureRef, Supervisor,
};
use stages_domain::permissions::{self, Relation};
use stages_domain::references;
use stages_domain::requests;

/// The content may change now (domain: editable until validated; students
/// until the first validation).
fn check_edit(loaded: &Loaded, relation: Relation) -> Result<(), ApiError> {
    loaded
        .workflow
        .check_edit(relation, &loaded.settings)
        .map_err(|r| ApiError::refusal(&r))
}

pub use stages_api_types::steps::{EnrolmentChoice, StudentStepInput};

fn enrolment_of(
    conn: &mut AnyConnection,
    student: i64,
    choice: &EnrolmentChoice,
) -> Result<(AcademicYear, EnrolmentRecord), ApiError> {
    let year = AcademicYear::parse(choice.academic_year.trim())
        .map_err(|e| ApiError::invalid(vec![e.to_violation("enrolment.academic_year")]))?;
    let row = students::find_enrolment(
        conn,
        student,
        &year.to_string(),
        choice.programme_code.trim(),
    )?;
    let row = references::enrolment(row, "enrolment.programme_code")
        .map_err(|v| ApiError::invalid(vec![v]))?;
    Ok((year, row))
}

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
    id: web::Path<i64>,
    body: Json<StudentStepInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "student",
        move |conn, ctx, loaded, relation| {
            check_edit(loaded, relation)?;
            if let Some(choice) = &input.enrolment {
                let (year, row) = enrolment_of(conn, loaded.row.student_id, choice)?;
                let unchanged = loaded.row.academic_year == year.to_string()
                    && loaded.row.programme_code.as_deref() == Some(row.programme_code.as_str());
                if !unchanged {
                    references::enrolment_change(loaded.workflow.number().is_some())
                        .map_err(|v| ApiError::invalid(vec![v]))?;
                    let centre = centres::route(conn, &row.programme_code, &row.faculty_code)?
                        .map_err(|r| ApiError::refusal(&r))?;
                    let centre_row = centres::find_row(conn, centre)?;
                    let settings = centre_row.settings()?;
                    // Moving a draft to another centre is creating it there:
                    // that centre's own setting says whether students may.
                    if centre != loaded.row.centre_id {
                        let there = ctx.relation(permissions::Parties {
                            centre_id: centre,
                            student_id: loaded.row.student_id,
                            supervisor_id: loaded.parties.supervisor_id,
                        });
                        permissions::may_create_convention(there, &settings)
                            .into_result()
                            .map_err(|r| ApiError::refusal(&r))?;
                    }
                    loaded.row.centre_id = centre;
                    loaded.settings = settings;
                    loaded.centre_name = centre_row.name;
                    loaded.row.academic_year = year.to_string();
                    loaded.row.programme_code = Some(row.programme_code.clone());
                }
                loaded.content.student.enrolment = Some(Enrolment {
                    academic_year: year,
                    programme: NomenclatureRef {
                        code: row.programme_code,
                        label: row.programme_label,
                    },
                    faculty: NomenclatureRef {
                        code: row.faculty_code,
                        label: row.faculty_label,
                    },
                    teaching_hours: row.teaching_hours.and_then(|h| u32::try_from(h).ok()),
                    teaching_element: None,
                });
            }
            let step = &mut loaded.content.student;
            step.address = input.address;
            step.personal_email = input.personal_email;
            step.phone = input.phone;
            step.mobile_phone = input.mobile_phone;
            step.health_insurance = input.health_insurance;
            Ok(())
        },
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
    id: web::Path<i64>,
    body: Json<OrganisationChoice>,
) -> Result<HttpResponse, ApiError> {
    let choice = body.into_inner();
    if choice.organisation_id.is_some() == choice.offer_number.is_some() {
        return Err(ApiError::bad_request(requests::query_one_of_two(
            "organisation_id",
            "offer_number",
        )));
    }
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "organisation",
        move |conn, _, loaded, relation| {
            check_edit(loaded, relation)?;
            let (organisation, offer) = match (&choice.offer_number, choice.organisation_id) {
                (Some(number), _) => {
                    let offer =
                        references::offer(crate::db::offers::find_by_number(conn, number)?, |o| {
                            o.status().is_ok_and(stages_domain::offer::may_be_linked)
                        })
                        .map_err(|v| ApiError::invalid(vec![v]))?;
                    (offer.organisation_id, Some(offer))
                }
                (None, Some(id)) => (id, None),
                (None, None) => return Err(ApiError::internal("checked above")),
            };
            let row = references::organisation(
                records::lookup(conn, organisation)?,
                |o| o.active,
                "organisation_id",
            )
            .map_err(|v| ApiError::invalid(vec![v]))?;
            if loaded.parties.organisation_id != Some(row.id) {
                loaded.parties.host_service_id = None;
                loaded.parties.tutor_id = None;
                loaded.parties.signatory_id = None;
                loaded.content.host_service = None;
                loaded.content.tutor = None;
                loaded.content.signatory = None;
            }
            loaded.parties.organisation_id = Some(row.id);
            loaded.content.organisation = Some(row.to_domain());
            loaded.parties.offer_id = offer.as_ref().map(|o| o.id);
            if offer.is_some() && loaded.content.internship.found_through.is_none() {
                loaded.content.internship.found_through = Some(InternshipOrigin::Offer);
            }
            Ok(())
        },
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
    id: web::Path<i64>,
    body: Json<HostServiceChoice>,
) -> Result<HttpResponse, ApiError> {
    let choice = body.into_inner().host_service_id;
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "host_service",
        move |conn, _, loaded, relation| {
            check_edit(loaded, relation)?;
            let service = references::host_service(
                records::lookup_service(conn, choice)?,
                |s| s.organisation_id,
                loaded.parties.organisation_id,
            )
            .map_err(|v| ApiError::invalid(vec![v]))?;
            if loaded.parties.host_service_id != Some(service.id) {
                loaded.parties.tutor_id = None;
                loaded.content.tutor = None;
            }
            loaded.parties.host_service_id = Some(service.id);
            loaded.content.host_service = Some(service.to_domain());
            Ok(())
        },
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
    id: web::Path<i64>,
    body: Json<ContactChoice>,
) -> Result<HttpResponse, ApiError> {
    let choice = body.into_inner().contact_id;
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "tutor",
        move |conn, _, loaded, relation| {
            check_edit(loaded, relation)?;
            let contact = references::tutor(
                records::lookup_contact(conn, choice)?,
                |c| c.host_service_id,
                loaded.parties.host_service_id,
                "contact_id",
            )
            .map_err(|v| ApiError::invalid(vec![v]))?;
            loaded.parties.tutor_id = Some(contact.id);
            loaded.content.tutor = Some(contact.to_domain());
            Ok(())
        },
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}

/// The labels of the reference values the internship names, as the tables
/// hold them now: the convention keeps them even if a table changes later.
fn snapshot_labels(conn: &mut AnyConnection, internship: &mut Internship) -> Result<(), ApiError> {
    for (kind, field, value) in [
        ("theme", "theme", &mut internship.theme),
        (
            "work_to_deliver",
            "work_to_deliver",
            &mut internship.work_to_deliver,
        ),
        (
            "validation_mode",
            "validation_mode",
            &mut internship.validation_mode,
        ),
    ] {
        if let Some(reference) = value {
            let label = nomenclatures::label(conn, kind, &reference.code)?.ok_or_else(|| {
                ApiError::invalid(vec![requests::not_in_table(
                    &format!("{field}.code"),
                    &reference.code,
                )])
            })?;
            reference.label = label;
        }
    }
    Ok(())
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
    id: web::Path<i64>,
    body: Json<Internship>,
) -> Result<HttpResponse, ApiError> {
    let mut input = body.into_inner();
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "internship",
        move |conn, _, loaded, relation| {
            check_edit(loaded, relation)?;
            snapshot_labels(conn, &mut input)?;
            loaded.content.internship = input;
            Ok(())
        },
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
    id: web::Path<i64>,
    body: Json<SupervisorChoice>,
) -> Result<HttpResponse, ApiError> {
    let uid = body.into_inner().uid.trim().to_owned();
    let person: Person =
        references::supervisor(directory::find_supervisor(&state, uid).await?, "uid")
            .map_err(|v| ApiError::invalid(vec![v]))?;
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "supervisor",
        move |conn, _, loaded, relation| {
            check_edit(loaded, relation)?;
            let supervisor_id = directory::upsert_supervisor(conn, &person)?;
            loaded.parties.supervisor_id = Some(supervisor_id);
            loaded.content.supervisor = Some(Supervisor {
                uid: person.uid,
                last_name: person.last_name,
                first_name: person.first_name,
                email: person.email.as_deref().and_then(|e| Email::parse(e).ok()),
                phone: None,
                department: person.department,
            });
            Ok(())
        },
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
    id: web::Path<i64>,
    body: Json<ContactChoice>,
) -> Result<HttpResponse, ApiError> {
    let choice = body.into_inner().contact_id;
    let view = transition(
        &state,
        caller,
        lang,
        concurrency::expected_version(&req)?,
        id.into_inner(),
        "signatory",
        move |conn, _: &Context, loaded, relation| {
            check_edit(loaded, relation)?;
            // The contact with the host of its service.
            let found = match records::lookup_contact(conn, choice)? {
                Some(contact) => records::lookup_service(conn, contact.host_service_id)?
                    .map(|service| (contact, service.organisation_id)),
                None => None,
            };
            let (contact, _) = references::signatory(
                found,
                |(_, organisation)| *organisation,
                loaded.parties.organisation_id,
            )
            .map_err(|v| ApiError::invalid(vec![v]))?;
            loaded.parties.signatory_id = Some(contact.id);
            loaded.content.signatory = Some(contact.to_domain());
            Ok(())
        },
    )
    .await?;
    Ok(respond(StatusCode::OK, &view))
}
