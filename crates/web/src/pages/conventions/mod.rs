//! The convention screens: search (§8), the convention itself with its
//! actions, validation and amendments (§5–7, §9–10), and writing an
//! amendment.

mod amendment_form;
mod amendments;
mod post_review;
mod search;
pub mod signatures;
mod validation;
mod view;

pub use amendment_form::NewAmendmentPage;
pub use search::ConventionSearchPage;
pub use view::ConventionPage;

use crate::components::reference::code_of;
use stages_domain::lifecycle::Status;
use stages_domain::model::ValidationLevel;

/// The message key of a status.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Draft => "status-draft",
        Status::Created => "status-created",
        Status::Rejected => "status-rejected",
        Status::InValidation => "status-in-validation",
        Status::Validated => "status-validated",
        Status::TerminatedEarly => "status-terminated-early",
    }
}

/// A status as the search filter sends it.
pub fn status_code(status: Status) -> String {
    code_of(&status)
}

/// The message key of a validation level.
pub fn level_key(level: ValidationLevel) -> &'static str {
    match level {
        ValidationLevel::Pedagogical => "level-pedagogical",
        ValidationLevel::AdministrativeCheck => "level-administrative-check",
        ValidationLevel::Administrative => "level-administrative",
    }
}
