//! Evaluations: each centre's questionnaires (the national sheets, kept,
//! reordered or extended), the answers of each convention as a draft then
//! submitted, the workplace tutor's signed links, and the scheduler that
//! asks for evaluations when internships end. Storage is
//! [`crate::db::evaluations`].

pub mod answers;
pub mod defaults;
pub mod export;
pub mod links;
pub mod scheduler;

use crate::db::AnyConnection;
use crate::db::evaluations as store;
use crate::error::ApiError;
use stages_domain::model::{EvaluationForm, EvaluationKind};

pub use crate::db::evaluations::{AnswersRow, UNTOUCHED_VERSION, find_answers, kind_code, start};
pub use stages_api_types::evaluations::CentreForm;

/// The centre's questionnaire, or the national one (version 0: the centre
/// has not saved its own yet).
pub fn centre_form(
    conn: &mut AnyConnection,
    centre: i64,
    kind: EvaluationKind,
) -> Result<CentreForm, ApiError> {
    Ok(
        store::stored_form(conn, centre, kind)?.unwrap_or_else(|| CentreForm {
            kind,
            enabled: true,
            form: defaults::form(kind),
            version: 0,
        }),
    )
}

/// Stores a centre's questionnaire (`expected` is the version it replaces).
pub fn set_centre_form(
    conn: &mut AnyConnection,
    centre: i64,
    enabled: bool,
    form: &EvaluationForm,
    expected: i32,
) -> Result<CentreForm, ApiError> {
    let current = centre_form(conn, centre, form.kind)?;
    crate::concurrency::check_version(expected, current.version)?;
    if current.version == 0 {
        store::insert_form(conn, centre, enabled, form)?;
    } else {
        store::update_form_at_version(conn, centre, enabled, form, current.version)?;
    }
    centre_form(conn, centre, form.kind)
}
