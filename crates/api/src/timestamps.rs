//! Instants on the wire. The database keeps them in UTC without an offset
//! (`NaiveDateTime`); the API writes them as RFC 3339 with `Z`, which is
//! what its document's `format: date-time` promises and what clients parse
//! as an instant rather than a local time.

use chrono::{NaiveDateTime, SecondsFormat};
use serde::Serializer;

/// `2026-11-29T10:37:02.508913Z`.
pub fn utc<S: Serializer>(at: &NaiveDateTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&at.and_utc().to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

/// The same, or `null`.
pub fn utc_option<S: Serializer>(
    at: &Option<NaiveDateTime>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match at {
        Some(at) => utc(at, serializer),
        None => serializer.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    #[derive(serde::Serialize)]
    struct Row {
        #[serde(serialize_with = "super::utc")]
        at: chrono::NaiveDateTime,
        #[serde(serialize_with = "super::utc_option")]
        maybe: Option<chrono::NaiveDateTime>,
    }

    #[test]
    fn instants_carry_their_utc_offset() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 29)
            .and_then(|d| d.and_hms_micro_opt(10, 37, 2, 508_913))
            .expect("a valid instant");
        let json = serde_json::to_value(Row { at, maybe: None }).expect("serializable");
        assert_eq!(json["at"], "2026-11-29T10:37:02.508913Z");
        assert!(json["maybe"].is_null());
        let parsed = chrono::DateTime::parse_from_rfc3339(json["at"].as_str().unwrap_or_default());
        assert!(parsed.is_ok(), "{json}");
    }
}
