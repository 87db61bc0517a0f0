//! The academic year, e.g. 2025-2026.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::ids::IdError;
use crate::messages::MessageKey;

/// An academic year, from September of `start_year` to the following summer.
///
/// Canonical form `2025-2026` (URL-safe); `2025/2026`, the label P-Stage and
/// ESUP-Stage show, is accepted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AcademicYear {
    start_year: i32,
}

impl AcademicYear {
    /// The academic year starting in September of `start_year`.
    pub fn starting(start_year: i32) -> Self {
        Self { start_year }
    }

    /// Parses `2025-2026` or `2025/2026`; the second year must follow the first.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let error = IdError::new("FMT-02", MessageKey::FmtAcademicYear);
        let (first, second) = input.trim().split_once(['-', '/']).ok_or(error)?;
        let year = |s: &str| {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<i32>().ok())
                .flatten()
        };
        match (year(first), year(second)) {
            (Some(a), Some(b)) if b == a + 1 => Ok(Self { start_year: a }),
            _ => Err(error),
        }
    }

    /// The academic year a date falls in, taking 1 September as its start
    /// (the convention of French universities; used as a default only).
    pub fn containing(date: NaiveDate) -> Self {
        let start_year = if date.month() >= 9 {
            date.year()
        } else {
            date.year() - 1
        };
        Self { start_year }
    }

    /// Calendar year in which it starts.
    pub fn start_year(self) -> i32 {
        self.start_year
    }

    /// Calendar year in which it ends.
    pub fn end_year(self) -> i32 {
        self.start_year + 1
    }

    /// CONV-07: the last day an internship of this year may end on,
    /// 31 December of the calendar year in which the academic year ends.
    pub fn latest_internship_end(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.end_year(), 12, 31)
    }
}

impl std::fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.start_year, self.start_year + 1)
    }
}

impl TryFrom<String> for AcademicYear {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<AcademicYear> for String {
    fn from(y: AcademicYear) -> String {
        y.to_string()
    }
}

/// Serialised as a string, so documented as one.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for AcademicYear {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-\d{4}$"))
            .description(Some("Academic year, from September to August."))
            .examples(["2026-2027"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for AcademicYear {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn parse_and_limits() {
        let y = AcademicYear::parse("2022/2023").unwrap();
        assert_eq!(y.to_string(), "2022-2023");
        assert_eq!(
            y.latest_internship_end(),
            NaiveDate::from_ymd_opt(2023, 12, 31)
        );
        assert!(AcademicYear::parse("2022-2024").is_err());
        assert!(AcademicYear::parse("22-23").is_err());
        assert_eq!(
            AcademicYear::containing(NaiveDate::from_ymd_opt(2026, 8, 31).unwrap()),
            AcademicYear::starting(2025)
        );
        assert_eq!(
            AcademicYear::containing(NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()),
            AcademicYear::starting(2026)
        );
    }
}
