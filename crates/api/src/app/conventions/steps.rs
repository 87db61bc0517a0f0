//! Saving the wizard's steps (seed §4.1–4.7), each in one transaction
//! through [`transition`]: the convention must be editable for the caller
//! (the domain's `check_edit`), a step that names a record (organisation,
//! service, tutor, supervisor, signatory) keeps a snapshot of it as it was
//! selected, and what the step still lacks comes back as warnings.

use crate::app::caller::Context;
use crate::app::conventions::{ConventionView, transition};
use crate::auth::Caller;
use crate::db::AnyConnection;
use crate::db::centres;
use crate::db::conventions::Loaded;
use crate::db::nomenclatures;
use crate::db::organisations as records;
use crate::db::students::{self, EnrolmentRecord};
use crate::directory::{self, Person};
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::state::AppState;
use stages_api_types::steps::{
    ContactChoice, EnrolmentChoice, HostServiceChoice, OrganisationChoice, StudentStepInput,
    SupervisorChoice,
};
use stages_domain::ids::{CentreId, Email, StudentId, SupervisorId};
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

/// Saves step 1 (Étudiant).
pub async fn save_student(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: StudentStepInput,
) -> Result<ConventionView, ApiError> {
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
                            centre_id: CentreId(centre),
                            student_id: StudentId(loaded.row.student_id),
                            supervisor_id: loaded.parties.supervisor_id.map(SupervisorId),
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
            // The registry may have learnt the birth date since the draft
            // began (SAF-07 reads it): step 1 takes the registry's.
            let registry = students::find_row(conn, loaded.row.student_id)?;
            let step = &mut loaded.content.student;
            if let Some(born) = registry.and_then(|r| r.birth_date) {
                step.student.birth_date = Some(born);
            }
            step.address = input.address;
            step.personal_email = input.personal_email;
            step.phone = input.phone;
            step.mobile_phone = input.mobile_phone;
            step.health_insurance = input.health_insurance;
            step.legal_representative = input.legal_representative;
            Ok(())
        },
    )
    .await
}

/// Saves step 2 (Établissement d'accueil), from an organisation or from an
/// offer's number (then linked, and the internship found through it).
/// Another organisation clears the service, the tutor and the signatory,
/// which belonged to the previous one; choosing an organisation unlinks
/// the offer.
pub async fn save_organisation(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: OrganisationChoice,
) -> Result<ConventionView, ApiError> {
    let choice = input;
    if choice.organisation_id.is_some() == choice.offer_number.is_some() {
        return Err(ApiError::bad_request(requests::query_one_of_two(
            "organisation_id",
            "offer_number",
        )));
    }
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
    .await
}

/// Saves step 3 (Service d'accueil): a service of the chosen organisation;
/// another service clears the tutor, a contact of the previous one.
pub async fn save_host_service(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: HostServiceChoice,
) -> Result<ConventionView, ApiError> {
    let choice = input.host_service_id;
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
    .await
}

/// Saves step 4 (Tuteur professionnel): a contact of the chosen service.
pub async fn save_tutor(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: ContactChoice,
) -> Result<ConventionView, ApiError> {
    let choice = input.contact_id;
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
    .await
}

/// Saves step 5 (Informations stage): every internship field. Dates,
/// schedule and stipend are checked by the domain; the figures (effective
/// hours, legal minimum) come back with the convention.
pub async fn save_internship(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    mut input: Internship,
) -> Result<ConventionView, ApiError> {
    transition(
        state,
        caller,
        lang,
        expected,
        id,
        "internship",
        move |conn, _, loaded, relation| {
            check_edit(loaded, relation)?;
            snapshot_labels(conn, &mut input)?;
            loaded.content.internship = input;
            Ok(())
        },
    )
    .await
}

/// Saves step 6 (Enseignant référent): a member of the teaching staff found
/// in the directory.
pub async fn save_supervisor(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: SupervisorChoice,
) -> Result<ConventionView, ApiError> {
    let uid = input.uid.trim().to_owned();
    let person: Person =
        references::supervisor(directory::find_supervisor(state, uid).await?, "uid")
            .map_err(|v| ApiError::invalid(vec![v]))?;
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
    .await
}

/// Saves step 7 (Signataire): a contact of any service of the organisation,
/// who signs for the host.
pub async fn save_signatory(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    expected: i32,
    id: i64,
    input: ContactChoice,
) -> Result<ConventionView, ApiError> {
    let choice = input.contact_id;
    transition(
        state,
        caller,
        lang,
        expected,
        id,
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
    .await
}
