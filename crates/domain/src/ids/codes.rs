//! ISO codes for countries and currencies.

use super::{IdError, string_identifier};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// Overseas departments: ISO gives them their own codes, but French law
/// (SIRET, stipend, quota) applies there as in mainland France (ID-03).
const OVERSEAS_DEPARTMENTS: [&str; 5] = ["GP", "MQ", "GF", "RE", "YT"];

fn upper_letters(input: &str, len: usize) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    (code.len() == len && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(code)
}

/// An ISO 3166-1 alpha-2 country code, e.g. `FR`.
///
/// Only the shape is checked; that the code exists is the country table's job.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Country(String);

impl Country {
    /// Parses a two-letter country code, any case.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        upper_letters(input, 2)
            .map(Self)
            .ok_or(IdError::new("FMT-02", MessageKey::FmtCountry))
    }

    /// France.
    pub fn france() -> Self {
        Self("FR".to_owned())
    }

    /// Whether French law on internships applies at an address in this
    /// country: mainland France and the overseas departments. Abroad, the
    /// stipend obligation (GRAT-09), the leave clause (ABS-02), the host quota
    /// and the SIRET requirement (ID-03) do not apply.
    pub fn is_french_territory(&self) -> bool {
        self.0 == "FR" || OVERSEAS_DEPARTMENTS.contains(&self.0.as_str())
    }
}
string_identifier!(Country);

/// An ISO 4217 currency code, e.g. `EUR`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Currency(String);

impl Currency {
    /// Parses a three-letter currency code, any case.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        upper_letters(input, 3)
            .map(Self)
            .ok_or(IdError::new("FMT-02", MessageKey::FmtCurrency))
    }

    /// The euro, the only currency the legal minimum is expressed in.
    pub fn euro() -> Self {
        Self("EUR".to_owned())
    }

    /// Whether amounts in this currency can be compared with the legal minimum.
    pub fn is_euro(&self) -> bool {
        self.0 == "EUR"
    }
}
string_identifier!(Currency);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn codes_are_normalised() {
        assert_eq!(Country::parse("fr").unwrap(), Country::france());
        assert!(Country::parse("RE").unwrap().is_french_territory());
        assert!(!Country::parse("DE").unwrap().is_french_territory());
        assert!(Country::parse("FRA").is_err());
        assert!(Currency::parse("eur").unwrap().is_euro());
        assert!(Currency::parse("E1R").is_err());
    }
}
