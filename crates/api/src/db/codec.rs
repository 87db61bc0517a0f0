//! How the domain's enums are stored: the snake_case code serde gives a
//! unit variant (`in_validation`, `published`, `student`, `faculty`), the
//! same code the API sends and the migrations' triggers name. One codec
//! for every enum, so a stored code and a wire code cannot differ.

use crate::db::{RepoError, RepoResult};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The stored code of `value`.
pub fn to_code<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A stored code read back: one that is not a variant is a stored value
/// gone bad (a hand-edited database), reported as such.
pub fn from_code<T: DeserializeOwned>(code: &str) -> RepoResult<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).map_err(RepoError::corrupt)
}

/// A code from a request's query string: `None` when it is not one, which
/// is the caller's mistake (400), not a stored value gone bad.
pub fn from_query<T: DeserializeOwned>(value: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(value.to_owned())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use stages_domain::lifecycle::Status;
    use stages_domain::model::{EvaluationKind, TicketStatus};

    #[test]
    fn codes_are_the_wire_codes_and_read_back() {
        assert_eq!(to_code(Status::InValidation), "in_validation");
        assert_eq!(to_code(EvaluationKind::Tutor), "tutor");
        assert_eq!(
            from_code::<TicketStatus>("answered").ok(),
            Some(TicketStatus::Answered)
        );
        assert!(matches!(
            from_code::<TicketStatus>("lost"),
            Err(RepoError::Corrupt(_))
        ));
        assert_eq!(from_query::<Status>("nope"), None);
    }
}
