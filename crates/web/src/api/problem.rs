//! What the server answers when it refuses: RFC 9457 problem details whose
//! violations name the field, the rule and a worded message.

use serde::Deserialize;

/// One broken rule on one field, worded by the server in the caller's
/// language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ProblemViolation {
    pub rule: String,
    /// JSON path of the field (`internship.end`, `personal_email`).
    pub field: String,
    /// `error` blocks, `warning` informs.
    pub severity: String,
    pub message: String,
}

impl ProblemViolation {
    pub fn is_error(&self) -> bool {
        self.severity == "error"
    }
}

/// RFC 9457 problem details as the server sends them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Problem {
    pub title: String,
    pub status: u16,
    #[serde(default)]
    pub detail: Option<String>,
    pub code: String,
    #[serde(default)]
    pub violations: Vec<ProblemViolation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The server answered with a problem.
    Problem(Problem),
    /// No answer, or an answer that is not what the API documents.
    Network(String),
}

impl ApiError {
    /// The violations a problem carries, field by field.
    pub fn violations(&self) -> &[ProblemViolation] {
        match self {
            Self::Problem(p) => &p.violations,
            Self::Network(_) => &[],
        }
    }
}
