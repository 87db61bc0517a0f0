//! Convention numbers: `YYYY-NNNNNN`.

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::ids::IdError;
use crate::messages::MessageKey;

/// A convention number, assigned at creation: the year and a sequence
/// number within that year, printed `2026-000123`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ConventionNumber {
    year: u16,
    seq: u32,
}

impl ConventionNumber {
    /// The largest sequence number that fits in six digits.
    pub const MAX_SEQ: u32 = 999_999;

    /// Builds a number; the year has four digits, the sequence 1–999 999.
    pub fn new(year: i32, seq: u32) -> Result<Self, IdError> {
        let error = IdError::new("FMT-02", MessageKey::FmtConventionNumber);
        let year = u16::try_from(year).map_err(|_| error)?;
        if !(1000..=9999).contains(&year) || !(1..=Self::MAX_SEQ).contains(&seq) {
            return Err(error);
        }
        Ok(Self { year, seq })
    }

    /// Parses `2026-000123`.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let error = IdError::new("FMT-02", MessageKey::FmtConventionNumber);
        let (year, seq) = input.trim().split_once('-').ok_or(error)?;
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(seq, 6) {
            return Err(error);
        }
        match (year.parse::<i32>(), seq.parse::<u32>()) {
            (Ok(year), Ok(seq)) => Self::new(year, seq),
            _ => Err(error),
        }
    }

    /// The year part.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The sequence part.
    pub fn seq(self) -> u32 {
        self.seq
    }
}

impl fmt::Display for ConventionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:06}", self.year, self.seq)
    }
}

impl TryFrom<String> for ConventionNumber {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<ConventionNumber> for String {
    fn from(n: ConventionNumber) -> String {
        n.to_string()
    }
}

/// Serialised as a string, so documented as one.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for ConventionNumber {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-\d{6}$"))
            .description(Some("Convention number: year of creation and a sequence."))
            .examples(["2026-000123"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for ConventionNumber {}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn format_and_parse() {
        let n = ConventionNumber::new(2026, 123).unwrap();
        assert_eq!(n.to_string(), "2026-000123");
        assert_eq!(ConventionNumber::parse("2026-000123").unwrap(), n);
        assert_eq!(serde_json::to_string(&n).unwrap(), "\"2026-000123\"");
        for bad in [
            "2026-123",
            "26-000123",
            "2026-000000",
            "2026000123",
            "2026-00012a",
        ] {
            assert!(ConventionNumber::parse(bad).is_err(), "{bad}");
        }
        assert!(ConventionNumber::new(2026, 1_000_000).is_err());
        assert!(ConventionNumber::new(-1, 1).is_err());
    }
}
