//! What the server answers when it refuses: RFC 9457 problem details whose
//! violations name the field, the rule and a worded message.

use serde::{Deserialize, Serialize};
use stages_domain::Severity;

/// One broken rule, attached to the field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProblemViolation {
    /// Rule identifier, e.g. `DUR-02` or `REQ-01`.
    #[cfg_attr(feature = "openapi", schema(example = "DUR-02"))]
    pub rule: String,
    /// JSON path of the offending field in the request, e.g. `internship.end_date`.
    #[cfg_attr(feature = "openapi", schema(example = "internship.end_date"))]
    pub field: String,
    /// `error` blocks the operation; `warning` informs.
    pub severity: Severity,
    /// Human-readable message in the caller's language.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Un stage ne peut dépasser 924 heures par an dans le même organisme.")
    )]
    pub message: String,
}

impl ProblemViolation {
    /// Whether it blocks (an error) rather than informs (a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// RFC 9457 problem details, with Stages' machine-readable extensions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// URI reference identifying the problem type.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "urn:stages:problem:validation"))]
    pub problem_type: String,
    /// Short summary of the problem type.
    #[cfg_attr(feature = "openapi", schema(example = "Invalid request"))]
    pub title: String,
    /// HTTP status code.
    #[cfg_attr(feature = "openapi", schema(example = 422))]
    pub status: u16,
    /// Explanation specific to this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Stable machine-readable code (the last segment of `type`).
    #[cfg_attr(feature = "openapi", schema(example = "validation"))]
    pub code: String,
    /// Every rule the request broke, when the problem is about input.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<ProblemViolation>,
}
