//! What the printable documents show (seed §5 and §7): the agreement, an
//! amendment, the end-of-internship certificate and a centre's agreements
//! of a year, assembled from the convention, its centre's letterhead and
//! the domain's decision that the caller may print them. Rendering is
//! [`crate::documents`]'s.

use crate::app::caller;
use crate::app::conventions::load_visible;
use crate::auth::Caller;
use crate::db::centres::{self, CentreRow};
use crate::db::conventions::{self as repo, Loaded};
use crate::db::{AnyConnection, RepoError, codec};
use crate::documents::{
    AmendmentDocument, BatchItem, CertificateDocument, ConventionDocument, DocumentError,
    Letterhead, Logo, LogoType, Signatory,
};
use crate::error::ApiError;
use crate::state::AppState;
use stages_domain::access;
use stages_domain::ids::{Country, Email, Phone};
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::{AcademicYear, Address, AgreementLanguage, ManagementCentre};
use stages_domain::permissions;
use stages_domain::requests;
use stages_domain::signature;
use stages_domain::staff::Right;

/// Most agreements in one ZIP (a centre's year).
const MAX_BATCH: i64 = 5_000;

/// The centre as the documents print it.
fn management_centre(row: &CentreRow) -> Result<ManagementCentre, ApiError> {
    Ok(ManagementCentre {
        name: row.name.clone(),
        level: codec::from_code(&row.level)?,
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
pub(crate) fn letterhead(
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

pub(crate) fn number_of(loaded: &Loaded) -> Result<ConventionNumber, ApiError> {
    loaded
        .workflow
        .created_number()
        .map_err(|r| ApiError::refusal(&r))
}

pub(crate) fn language(loaded: &Loaded) -> AgreementLanguage {
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

pub(crate) fn convention_document(
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
        rates: crate::db::rates::table(conn)?,
    })
}

/// A document the renderer refused (the domain's reason) or failed.
pub fn rendering_failed(err: DocumentError) -> ApiError {
    match err {
        DocumentError::Refused(refusal) => ApiError::refusal(&refusal),
        other => ApiError::internal(other),
    }
}

/// The agreement of a convention the caller may print (the centre's print
/// condition, seed §5), and its number.
pub async fn convention(
    state: &AppState,
    caller: Caller,
    id: i64,
) -> Result<(ConventionDocument, ConventionNumber), ApiError> {
    let today = state.today();
    let app = state.clone();
    state
        .db(move |conn| {
            let (_, loaded, relation) = load_visible(conn, &caller, id)?;
            loaded
                .workflow
                .check_print(relation, &loaded.settings)
                .map_err(|r| ApiError::refusal(&r))?;
            let doc = convention_document(conn, &app.config.institution_name, &loaded, today)?;
            Ok((doc, number_of(&loaded)?))
        })
        .await
}

/// The amendment `id` of the convention `loaded` as it prints: the
/// convention as the validated amendments before it left it, and this one.
pub(crate) fn amendment_document(
    conn: &mut AnyConnection,
    institution: &str,
    loaded: &Loaded,
    id: i64,
    today: chrono::NaiveDate,
) -> Result<AmendmentDocument, ApiError> {
    let list = crate::db::amendments::amendments_of(conn, loaded.row.id)?;
    let index = list
        .iter()
        .position(|(row, _)| row.id == id)
        .ok_or_else(ApiError::not_found)?;
    let previous = list[..index]
        .iter()
        .filter(|(_, a)| a.is_validated())
        .map(|(_, a)| a.clone())
        .collect();
    let (letterhead, institution_signatory) = letterhead(conn, institution, loaded.row.centre_id)?;
    Ok(AmendmentDocument {
        number: number_of(loaded)?,
        index: u32::try_from(index + 1).unwrap_or(u32::MAX),
        convention: loaded.content.clone(),
        previous,
        amendment: list[index].1.clone(),
        letterhead,
        institution_signatory,
        language: language(loaded),
        today,
    })
}

/// An amendment the caller may print (once validated, seed §7), and its
/// file name.
pub async fn amendment(
    state: &AppState,
    caller: Caller,
    id: i64,
) -> Result<(AmendmentDocument, String), ApiError> {
    let today = state.today();
    let app = state.clone();
    state
        .db(move |conn| {
            let convention = crate::db::amendments::find(conn, id)?.convention_id;
            let (_, loaded, relation) = load_visible(conn, &caller, convention)?;
            let doc = amendment_document(conn, &app.config.institution_name, &loaded, id, today)?;
            permissions::amendment_permissions(
                relation,
                &loaded.workflow,
                &doc.amendment,
                &loaded.settings,
                today,
            )
            .print
            .into_result()
            .map_err(|r| ApiError::refusal(&r))?;
            let name = format!("avenant-{}-{}.pdf", doc.number, doc.index);
            Ok((doc, name))
        })
        .await
}

/// The end-of-internship certificate (ATT-01/02) once the internship
/// ended and, for a convention with a circuit, every party signed
/// (SIG-10); and the convention's number.
pub async fn certificate(
    state: &AppState,
    caller: Caller,
    id: i64,
) -> Result<(CertificateDocument, ConventionNumber), ApiError> {
    let today = state.today();
    let app = state.clone();
    state
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
            let circuit = crate::db::signatures::open_circuit(conn, id, None)?.map(|s| s.circuit);
            signature::check_certificate(circuit.as_ref()).map_err(|r| ApiError::refusal(&r))?;
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
        .await
}

/// The documents of every created agreement of a centre in an academic
/// year, in number order (also `stages export pdf`): the sealed PDF of
/// those signed by every party, the others to render.
pub fn centre_documents(
    conn: &mut AnyConnection,
    institution: &str,
    centre: i64,
    year: &str,
    today: chrono::NaiveDate,
) -> Result<Vec<BatchItem>, ApiError> {
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
            if let Some(circuit) = crate::db::signatures::open_circuit(conn, id, None)?
                && circuit.has_signed_document
            {
                return Ok(BatchItem::Signed {
                    number: loaded
                        .workflow
                        .number()
                        .map(|n| n.to_string())
                        .unwrap_or_default(),
                    pdf: crate::db::signatures::signed_document(conn, circuit.id)?,
                });
            }
            convention_document(conn, institution, &loaded, today)
                .map(|doc| BatchItem::Render(Box::new(doc)))
        })
        .collect()
}

/// Every created agreement of a centre for an academic year (its staff).
pub async fn centre_batch(
    state: &AppState,
    caller: Caller,
    centre: i64,
    year: String,
) -> Result<Vec<BatchItem>, ApiError> {
    let today = state.today();
    let app = state.clone();
    state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            centres::find_row(conn, centre)?;
            // Every created agreement, whatever the print condition: the
            // print right.
            access::may_do_centre_work(
                &ctx.roles,
                ctx.rights_in(centre),
                |r| r.print,
                Right::Print,
            )
            .map_err(|r| ApiError::refusal(&r))?;
            centre_documents(conn, &app.config.institution_name, centre, &year, today)
        })
        .await
}
