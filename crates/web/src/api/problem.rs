//! What the server answers when it refuses: RFC 9457 problem details whose
//! violations name the field, the rule and a worded message.

pub use stages_api_types::{Problem, ProblemViolation};

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
