//! French postal codes (ID-05).

use super::{IdError, string_identifier, strip_separators};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// A French postal code: five digits whose first two are a department
/// (`01`–`95`, Corsica `20`, overseas `97`, Monaco `98`); `00xxx` does not exist.
///
/// Foreign addresses keep a free-text postcode; the rules apply this parser only
/// when the address is in France (see `rules`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct PostalCode(String);

impl PostalCode {
    /// Parses a five-digit French postal code (surrounding spaces allowed).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compact = strip_separators(input, &[]);
        let ok = compact.len() == 5
            && compact.bytes().all(|b| b.is_ascii_digit())
            && !compact.starts_with("00");
        if ok {
            Ok(Self(compact))
        } else {
            Err(IdError::new("ID-05", MessageKey::IdPostalCodeFormat))
        }
    }

    /// The department: the first two digits, except Corsica (2A below
    /// 20200, 2B from it) and overseas (three digits: 971…976, 98x).
    pub fn department(&self) -> String {
        let code = self.0.as_str();
        match &code[..2] {
            "20" => if code < "20200" { "2A" } else { "2B" }.to_owned(),
            "97" | "98" => code[..3].to_owned(),
            two => two.to_owned(),
        }
    }
}
string_identifier!(PostalCode);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn french_postal_codes() {
        for ok in ["75005", "01000", "20000", "97400", "98000", " 54000 "] {
            assert!(PostalCode::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["00100", "7500", "750055", "2A000", "SW1A 1AA"] {
            assert_eq!(PostalCode::parse(bad).unwrap_err().rule(), "ID-05", "{bad}");
        }
    }

    #[test]
    fn departments_follow_the_postal_code() {
        for (code, department) in [
            ("25000", "25"),
            ("01000", "01"),
            ("20000", "2A"),
            ("20200", "2B"),
            ("97400", "974"),
        ] {
            assert_eq!(PostalCode::parse(code).unwrap().department(), department);
        }
    }
}
