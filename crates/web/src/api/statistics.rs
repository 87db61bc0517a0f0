//! The indicators of a centre's year (or the university's, for
//! administrators), and their export.

use super::ApiError;
use super::client::{Call, File, query};

pub use stages_api_types::statistics::{Count, Statistics};

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
