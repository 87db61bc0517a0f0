//! A record's history, as staff read it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One entry of a record's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub action: String,
    pub actor_id: Option<i64>,
    pub at: DateTime<Utc>,
    /// The record before the change (JSON), absent for a creation.
    pub before_state: Option<String>,
    /// The record after the change (JSON), absent for a deletion.
    pub after_state: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::AuditEntry;
    use chrono::NaiveDate;

    /// Instants go out as RFC 3339 with `Z` (what `format: date-time`
    /// promises) and come back as the same instant.
    #[test]
    fn instants_are_written_in_utc_and_read_back() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 29)
            .and_then(|d| d.and_hms_micro_opt(10, 37, 2, 508_913))
            .map(|at| at.and_utc())
            .expect("a valid instant");
        let entry = AuditEntry {
            id: 1,
            action: "update".into(),
            actor_id: None,
            at,
            before_state: None,
            after_state: None,
        };
        let json = serde_json::to_value(&entry).expect("serialises");
        assert_eq!(json["at"], "2026-11-29T10:37:02.508913Z");
        let back: AuditEntry = serde_json::from_value(json).expect("parses");
        assert_eq!(back, entry);
    }
}
