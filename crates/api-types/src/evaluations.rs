//! Evaluations: a centre's questionnaires, the three questionnaires of a
//! validated convention (student, supervisor, workplace tutor), the tutor's
//! link and Rechercher une évaluation.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::model::{Answer, EvaluationForm, EvaluationKind, EvaluationProgress};
use stages_domain::permissions::Decision;
use std::collections::BTreeMap;

/// A centre's questionnaire of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CentreForm {
    pub kind: EvaluationKind,
    /// Whether the centre asks for this evaluation at all.
    pub enabled: bool,
    pub form: EvaluationForm,
    /// 0 while the centre keeps the national sheet unchanged.
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FormInput {
    pub enabled: bool,
    /// The sections and questions, in order (national ones kept or removed,
    /// the centre's own added).
    pub form: EvaluationForm,
}

/// Where one questionnaire of a convention stands, and what the caller may
/// do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationStatus {
    pub kind: EvaluationKind,
    /// Whether the centre asks for it.
    pub enabled: bool,
    pub status: EvaluationProgress,
    pub requested_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub fill: Decision,
    pub read: Decision,
}

/// A questionnaire with its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationSheet {
    pub convention_id: i64,
    pub kind: EvaluationKind,
    pub form: EvaluationForm,
    pub answers: BTreeMap<String, Answer>,
    pub submitted: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    /// 0 before the first save.
    pub version: i32,
    /// Whether the caller may change it now.
    pub fill: Decision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"answers": {"ETU-1-1": {"type": "yes_no", "value": false}, "ETU-2-1": {"type": "scale", "value": 5}}})))]
pub struct AnswersInput {
    /// Answers by question code.
    pub answers: BTreeMap<String, Answer>,
}

/// A tutor's link, shown once to the staff who made it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TutorLink {
    /// The page the tutor opens (no account needed).
    #[cfg_attr(
        feature = "openapi",
        schema(example = "https://stages.univ-demo.fr/evaluation/tutor/eyJ0eXAiOiJKV1Qi…")
    )]
    pub url: String,
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

/// The tutor's view through the link: the questionnaire with what the
/// convention says about the intern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TutorSheet {
    pub student: String,
    pub organisation: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub sheet: EvaluationSheet,
}

/// A line of Rechercher une évaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationRow {
    pub convention_id: i64,
    pub number: Option<String>,
    pub student_number: String,
    pub student_name: String,
    pub academic_year: String,
    pub end_date: Option<NaiveDate>,
    /// Where the student's, the supervisor's and the tutor's stand.
    pub student: EvaluationProgress,
    pub supervisor: EvaluationProgress,
    pub tutor: EvaluationProgress,
}
