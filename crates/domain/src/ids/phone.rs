//! Telephone numbers (ID-07).

use super::{IdError, string_identifier, strip_separators};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// A telephone number, French national or international.
///
/// Canonical forms: a French national number keeps its ten digits
/// (`0612345678`); an international one is `+` followed by its digits, with a
/// `00` prefix rewritten to `+`. National numbers are not rewritten as `+33…`
/// because overseas numbers (`0262…`) have their own country codes (+262…),
/// and guessing would corrupt them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Phone(String);

impl Phone {
    /// Parses a phone number; spaces, dots, dashes and parentheses are dropped.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compact = strip_separators(input, &['.', '-', '(', ')', '/']);
        let error = IdError::new("ID-07", MessageKey::IdPhoneFormat);
        let international = compact
            .strip_prefix('+')
            .or_else(|| compact.strip_prefix("00"));
        match international {
            Some(rest) => {
                if !rest.bytes().all(|b| b.is_ascii_digit()) || rest.starts_with('0') {
                    return Err(error);
                }
                if let Some(french) = rest.strip_prefix("33") {
                    // +33 then the national number without its leading 0.
                    let ok = french.len() == 9 && !french.starts_with('0');
                    return if ok {
                        Ok(Self(format!("+{rest}")))
                    } else {
                        Err(error)
                    };
                }
                // E.164: at most 15 digits, country code included; the
                // shortest numbering plans have 7.
                if (7..=15).contains(&rest.len()) {
                    Ok(Self(format!("+{rest}")))
                } else {
                    Err(error)
                }
            }
            None => {
                let b = compact.as_bytes();
                let ok = b.len() == 10
                    && b.iter().all(u8::is_ascii_digit)
                    && b[0] == b'0'
                    && b[1] != b'0';
                if ok { Ok(Self(compact)) } else { Err(error) }
            }
        }
    }
}
string_identifier!(Phone);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn french_and_international_numbers() {
        assert_eq!(
            Phone::parse("06 12 34 56 78").unwrap().as_str(),
            "0612345678"
        );
        assert_eq!(
            Phone::parse("01.23.45.67.89").unwrap().as_str(),
            "0123456789"
        );
        assert_eq!(
            Phone::parse("+33 6 12 34 56 78").unwrap().as_str(),
            "+33612345678"
        );
        assert_eq!(
            Phone::parse("0033612345678").unwrap().as_str(),
            "+33612345678"
        );
        assert_eq!(
            Phone::parse("+262 262 12 34 56").unwrap().as_str(),
            "+262262123456"
        );
        assert_eq!(
            Phone::parse("+49 30 1234567").unwrap().as_str(),
            "+49301234567"
        );
    }

    #[test]
    fn malformed_numbers() {
        for bad in [
            "612345678",
            "06123456789",
            "+33 06 12 34 56 78",
            "+3361234567",
            "+1234",
            "06 12 34 56 7a",
            "",
        ] {
            assert_eq!(Phone::parse(bad).unwrap_err().rule(), "ID-07", "{bad}");
        }
    }
}
