//! The indicators of a centre's year (or the university's, for
//! administrators), and their export.

use super::ApiError;
use super::client::{Call, File, query};
use serde::Deserialize;
use stages_domain::model::EvaluationKind;
use stages_domain::statistics::{DurationSummary, StipendSummary};

/// One line of a breakdown, labelled by the server.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Count {
    pub label: String,
    pub count: u64,
}

/// Where a questionnaire stands over the validated conventions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EvaluationCompletion {
    pub kind: EvaluationKind,
    pub submitted: u64,
    pub draft: u64,
    pub not_started: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Statistics {
    pub academic_year: String,
    /// `None`: the whole university.
    pub centre_id: Option<i64>,
    /// Conventions past the draft.
    pub total: u64,
    pub by_status: Vec<Count>,
    pub by_organisation: Vec<Count>,
    pub other_organisations: u64,
    pub by_country: Vec<Count>,
    pub by_department: Vec<Count>,
    pub by_programme: Vec<Count>,
    pub durations: DurationSummary,
    pub stipends: StipendSummary,
    pub evaluations: Vec<EvaluationCompletion>,
}

/// Whose indicators: a centre (empty for the whole university) and a year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    pub centre_id: String,
    pub academic_year: String,
}

impl Scope {
    fn params(&self, format: &str) -> String {
        query(&[
            ("centre_id", self.centre_id.clone()),
            ("academic_year", self.academic_year.clone()),
            ("format", format.to_owned()),
        ])
    }
}

pub async fn get(scope: &Scope) -> Result<Statistics, ApiError> {
    Call::get(format!("/api/statistics{}", scope.params("")))
        .fetch()
        .await
}

/// The same indicators as CSV or XLSX (one sheet per indicator).
pub async fn export(scope: &Scope, format: &str) -> Result<File, ApiError> {
    Call::get(format!("/api/statistics/export{}", scope.params(format)))
        .file(&format!("statistiques.{format}"))
        .await
}
