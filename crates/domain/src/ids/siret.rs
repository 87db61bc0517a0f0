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

/// What people type between digit groups besides spaces (of any kind):
/// `732.829.320.00074`, `732-829-320-00074`.
const SEPARATORS: &[char] = &['.', '-'];

/// Checks length and digits, and refuses the all-zero number that Luhn accepts.
fn digits_of(
    input: &str,
    len: usize,
    format_key: MessageKey,
    zero_key: MessageKey,
) -> Result<String, IdError> {
    let compact = strip_separators(input, SEPARATORS);
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
/// SIREN is 356000000 and the digit sum is a multiple of 5; and in both
/// cases the first nine digits pass Luhn as a SIREN. Accepting both is
/// what lets La Poste's head office (Luhn) and its branches (sum) through, which
/// neither P-Stage nor ESUP-Stage gets fully right.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Siret(String);

impl Siret {
    /// Parses a SIRET; spaces, dots and dashes between digit groups are
    /// accepted and dropped.
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
            // Its first nine digits are a SIREN, with its own check digit: a
            // number whose whole passes but whose SIREN fails cannot exist,
            // and would group hosts wrongly for DUR-02 and GRAT-01. (La
            // Poste's SIREN passes Luhn.)
            if luhn_valid(&bytes[..9]) {
                Ok(Self(digits))
            } else {
                Err(IdError::new("ID-01", MessageKey::IdSiretSirenChecksum))
            }
        } else {
            let rule = if digits.starts_with(LA_POSTE_SIREN) {
                "ID-02"
            } else {
                "ID-01"
            };
            Err(IdError::new(rule, MessageKey::IdSiretChecksum))
        }
    }

    /// What serde reads: a number whose 14 digits pass (Luhn, or La Poste's
    /// rule), without the SIREN's own check that [`Siret::parse`] added in
    /// December 2026, so that agreements stored before it stay readable
    /// (their snapshot is never altered). Every request goes through
    /// `parse`: the API reads SIRETs as text and parses them.
    pub fn parse_stored(input: &str) -> Result<Self, IdError> {
        match Self::parse(input) {
            Err(e) if e.message_key() == MessageKey::IdSiretSirenChecksum.as_str() => {
                Ok(Self(strip_separators(input, SEPARATORS)))
            }
            other => other,
        }
    }

    /// The legal entity this establishment belongs to: DUR-02 and GRAT-01
    /// cumulate hours per legal entity, i.e. per SIREN, not per establishment.
    pub fn siren(&self) -> Siren {
        Siren(self.0[..9].to_owned())
    }
}
string_identifier!(Siret, parse_stored);

/// A French legal-entity number: 9 digits passing Luhn (ID-01).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Siren(String);

impl Siren {
    /// Parses a SIREN; spaces, dots and dashes between digit groups are
    /// accepted and dropped.
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
    fn separators_are_dropped_and_siren_extracted() {
        for typed in [
            " 732 829 320 00074 ",
            "732.829.320.00074",
            "732-829-320-00074",
            "732\u{a0}829\u{a0}320\u{a0}00074",
            "732\u{202f}829\u{202f}320 00074",
        ] {
            let siret = Siret::parse(typed).unwrap();
            assert_eq!(siret.as_str(), "73282932000074", "{typed:?}");
            assert_eq!(siret.siren().as_str(), "732829320");
        }
        assert_eq!(Siren::parse("732.829.320").unwrap().as_str(), "732829320");
        // Letters are not separators.
        assert_eq!(
            Siret::parse("732x829320 00074").unwrap_err().message_key(),
            "id-siret-format"
        );
    }

    /// 73282931000083 passes Luhn over its 14 digits, but its SIREN
    /// 732829310 does not: no such establishment can exist.
    #[test]
    fn a_siret_whose_siren_fails_is_refused() {
        assert!(luhn_valid(b"73282931000083"));
        assert!(!luhn_valid(b"732829310"));
        let err = Siret::parse("73282931000083").unwrap_err();
        assert_eq!(err.rule(), "ID-01");
        assert_eq!(err.message_key(), "id-siret-siren-checksum");
        // The La Poste rule (ID-02) still holds: its SIREN passes Luhn.
        assert!(Siret::parse("35600000049837").is_ok());
    }

    /// An independent reading of the algorithm: weights 2 and 1 from the
    /// left for an even length (the rightmost digit weighs 1), products'
    /// digits summed.
    fn reference_luhn(digits: &str) -> bool {
        let n = digits.len();
        let sum: u32 = digits
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let d = c.to_digit(10).unwrap();
                let weight = if (n - i).is_multiple_of(2) { 2 } else { 1 };
                let p = d * weight;
                p / 10 + p % 10
            })
            .sum();
        sum.is_multiple_of(10)
    }

    fn reference_siret(digits: &str) -> bool {
        let all_zero = digits.chars().all(|c| c == '0');
        let la_poste = digits.starts_with("356000000")
            && digits.chars().map(|c| c.to_digit(10).unwrap()).sum::<u32>() % 5 == 0;
        !all_zero && (reference_luhn(digits) || la_poste) && reference_luhn(&digits[..9])
    }

    proptest::proptest! {
        #[test]
        fn siret_agrees_with_the_reference(digits in "[0-9]{14}") {
            proptest::prop_assert_eq!(Siret::parse(&digits).is_ok(), reference_siret(&digits));
        }

        #[test]
        fn valid_sirets_are_found_as_often_as_the_reference_finds_them(
            stem in "[0-9]{8}", nic in "[0-9]{4}"
        ) {
            // Complete the SIREN and then the SIRET with their check digits:
            // the parser accepts exactly the completion the reference makes.
            let siren = (0..10)
                .map(|d| format!("{stem}{d}"))
                .find(|s| reference_luhn(s))
                .unwrap();
            let siret = (0..10)
                .map(|d| format!("{siren}{nic}{d}"))
                .find(|s| reference_luhn(s))
                .unwrap();
            let all_zero = siret.chars().all(|c| c == '0');
            proptest::prop_assert_eq!(Siret::parse(&siret).is_ok(), !all_zero);
            proptest::prop_assert_eq!(Siren::parse(&siren).is_ok(), !siren.chars().all(|c| c == '0'));
        }

        #[test]
        fn separators_do_not_change_the_answer(
            digits in "[0-9]{14}",
            cuts in proptest::collection::vec((0usize..14, "[ .\u{a0}-]"), 0..5)
        ) {
            let mut typed: Vec<String> = digits.chars().map(String::from).collect();
            for (at, sep) in cuts {
                typed[at].push_str(&sep);
            }
            let typed: String = typed.concat();
            proptest::prop_assert_eq!(Siret::parse(&typed).ok(), Siret::parse(&digits).ok());
        }
    }

    #[test]
    fn serde_goes_through_the_parser() {
        let siret: Siret = serde_json::from_str("\"73282932000074\"").unwrap();
        assert_eq!(serde_json::to_string(&siret).unwrap(), "\"73282932000074\"");
        assert!(serde_json::from_str::<Siret>("\"73282932000075\"").is_err());
        // A stored agreement from before the SIREN check stays readable.
        let stored: Siret = serde_json::from_str("\"73282931000083\"").unwrap();
        assert_eq!(stored.as_str(), "73282931000083");
        assert!(Siret::parse("73282931000083").is_err());
    }
}
