//! The indicators of a centre's year, or of the whole university.

use serde::{Deserialize, Serialize};
use stages_domain::model::EvaluationKind;
use stages_domain::statistics::{DurationSummary, StipendSummary};

/// One line of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Count {
    /// The code (status, country, department, programme, organisation id).
    pub key: String,
    /// What people read.
    pub label: String,
    pub count: u64,
}

/// Where a questionnaire stands over the validated conventions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationCompletion {
    pub kind: EvaluationKind,
    pub submitted: u64,
    pub draft: u64,
    pub not_started: u64,
}

/// Every indicator of a centre's year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// `None`: the whole university.
    pub centre_id: Option<i64>,
    #[cfg_attr(feature = "openapi", schema(example = "2026-2027"))]
    pub academic_year: String,
    /// Conventions past the draft.
    pub total: u64,
    /// Every convention, drafts included, by status.
    pub by_status: Vec<Count>,
    /// The most frequent hosts, most first.
    pub by_organisation: Vec<Count>,
    /// Conventions with other hosts than those listed.
    pub other_organisations: u64,
    /// By country of the host.
    pub by_country: Vec<Count>,
    /// By French department of the host.
    pub by_department: Vec<Count>,
    /// By programme (formation).
    pub by_programme: Vec<Count>,
    pub durations: DurationSummary,
    pub stipends: StipendSummary,
    /// Over validated (or terminated) conventions.
    pub evaluations: Vec<EvaluationCompletion>,
}
