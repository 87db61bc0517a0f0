//! The report of an import of the student registry (CSV).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineError {
    /// Line number in the file (the header is line 1).
    pub line: u64,
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Data lines read.
    pub lines: u64,
    pub students_created: u64,
    pub students_updated: u64,
    pub enrolments_created: u64,
    pub enrolments_updated: u64,
    /// Lines already up to date.
    pub unchanged: u64,
    pub errors: Vec<LineError>,
}
