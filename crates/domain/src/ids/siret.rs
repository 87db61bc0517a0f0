//! SIRET and SIREN (ID-01, ID-02).

use super::{IdError, string_identifier, strip_separators};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// The SIREN of La Poste, whose secondary establishments do not satisfy Luhn
/// but have a digit sum that is a multiple of 5 (ID-02).
const LA_POSTE_SIREN: &str = "356000000";

/// Luhn checksum over ASCII digits: doubling every second digit from the right.
fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn digit_sum(digits: &[u8]) -> u32 {
    digits.iter().map(|d| u32::from(d - b'0')).sum()
}

/// Checks length and digits, and refuses the all-zero number that Luhn accepts.
fn digits_of(
    input: &str,
    len: usize,
    format_key: MessageKey,
    zero_key: MessageKey,
) -> Result<String, IdError> {
    let compact = strip_separators(input, &[]);
    if compact.len() != len || !compact.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IdError::new("ID-01", format_key));
    }
    if compact.bytes().all(|b| b == b'0') {
        return Err(IdError::new("ID-01", zero_key));
    }
    Ok(compact)
}

/// A French establishment number: SIREN (9 digits) + NIC (5 digits).
///
/// Valid when the 14 digits pass Luhn, or — La Poste only (ID-02) — when the
/// SIREN is 356000000 and the digit sum is a multiple of 5. Accepting both is
/// what lets La Poste's head office (Luhn) and its branches (sum) through, which
/// neither P-Stage nor ESUP-Stage gets fully right.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Siret(String);

impl Siret {
    /// Parses a SIRET; spaces between digit groups are accepted and dropped.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let digits = digits_of(
            input,
            14,
            MessageKey::IdSiretFormat,
            MessageKey::IdSiretAllZero,
        )?;
        let bytes = digits.as_bytes();
        let la_poste = digits.starts_with(LA_POSTE_SIREN) && digit_sum(bytes).is_multiple_of(5);
        if luhn_valid(bytes) || la_poste {
            Ok(Self(digits))
        } else {
            let rule = if digits.starts_with(LA_POSTE_SIREN) {
                "ID-02"
            } else {
                "ID-01"
            };
            Err(IdError::new(rule, MessageKey::IdSiretChecksum))
        }
    }

    /// The legal entity this establishment belongs to: DUR-02 and GRAT-01
    /// cumulate hours per legal entity, i.e. per SIREN, not per establishment.
    pub fn siren(&self) -> Siren {
        Siren(self.0[..9].to_owned())
    }
}
string_identifier!(Siret);

/// A French legal-entity number: 9 digits passing Luhn (ID-01).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Siren(String);

impl Siren {
    /// Parses a SIREN; spaces between digit groups are accepted and dropped.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let digits = digits_of(
            input,
            9,
            MessageKey::IdSirenFormat,
            MessageKey::IdSirenAllZero,
        )?;
        if luhn_valid(digits.as_bytes()) {
            Ok(Self(digits))
        } else {
            Err(IdError::new("ID-01", MessageKey::IdSirenChecksum))
        }
    }
}
string_identifier!(Siren);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn regulation_vectors() {
        assert!(Siret::parse("73282932000074").is_ok());
        assert!(Siren::parse("732829320").is_ok());
        // La Poste: head office passes Luhn only, branch passes the sum rule only.
        assert!(Siret::parse("35600000000048").is_ok());
        assert!(Siret::parse("35600000049837").is_ok());
        let err = Siret::parse("35600000049838").unwrap_err();
        assert_eq!(err.rule(), "ID-02");
        assert_eq!(err.message_key(), "id-siret-checksum");
    }

    #[test]
    fn sum_rule_is_reserved_to_la_poste() {
        // 73282932000077 has a digit sum multiple of 5 but fails Luhn.
        assert_eq!(
            "73282932000077"
                .bytes()
                .map(|b| u32::from(b - b'0'))
                .sum::<u32>()
                % 5,
            0
        );
        assert_eq!(
            Siret::parse("73282932000077").unwrap_err().message_key(),
            "id-siret-checksum"
        );
    }

    #[test]
    fn all_zero_and_bad_format_are_refused() {
        assert_eq!(
            Siret::parse("00000000000000").unwrap_err().message_key(),
            "id-siret-all-zero"
        );
        assert_eq!(
            Siren::parse("000000000").unwrap_err().message_key(),
            "id-siren-all-zero"
        );
        assert_eq!(
            Siret::parse("7328293200007").unwrap_err().message_key(),
            "id-siret-format"
        );
        assert_eq!(
            Siret::parse("7328293200007A").unwrap_err().message_key(),
            "id-siret-format"
        );
        assert_eq!(
            Siren::parse("732829321").unwrap_err().message_key(),
            "id-siren-checksum"
        );
    }

    #[test]
    fn spaces_are_dropped_and_siren_extracted() {
        let siret = Siret::parse(" 732 829 320 00074 ").unwrap();
        assert_eq!(siret.as_str(), "73282932000074");
        assert_eq!(siret.siren().as_str(), "732829320");
    }

    #[test]
    fn serde_goes_through_the_parser() {
        let siret: Siret = serde_json::from_str("\"73282932000074\"").unwrap();
        assert_eq!(serde_json::to_string(&siret).unwrap(), "\"73282932000074\"");
        assert!(serde_json::from_str::<Siret>("\"73282932000075\"").is_err());
    }
}
