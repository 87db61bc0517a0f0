//! INE, the national student identifier (ID-06).

use super::{IdError, string_identifier, strip_separators};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// The BEA key alphabet: A–Z without I, O and Q (23 letters).
const BEA_ALPHABET: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// Which of the four INE families an identifier belongs to. The shapes are
/// disjoint, so the form follows from the characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IneForm {
    /// INE-RNIE (since 2018): 9 digits + 2 letters; no public key algorithm.
    Rnie,
    /// INE-BEA (secondary schools): 10 digits + a key letter, the letter at
    /// index `n mod 23` of the 23-letter alphabet.
    Bea,
    /// University "base 36" INE: 10 alphanumerics + a check digit.
    Base36,
    /// Apprentice INE: `NNNNANNNNNL`; no public key algorithm.
    Apprentice,
}

/// An INE in upper case, 11 characters, of one of the four known forms.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Ine(String);

impl Ine {
    /// Parses an INE; case and spaces are normalised.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let compact = strip_separators(input, &[]).to_ascii_uppercase();
        let bytes = compact.as_bytes();
        if bytes.len() != 11 || !bytes.iter().all(u8::is_ascii_alphanumeric) {
            return Err(IdError::new("ID-06", MessageKey::IdIneFormat));
        }
        match form_of(bytes) {
            Some(IneForm::Bea) if !bea_key_ok(bytes) => {
                Err(IdError::new("ID-06", MessageKey::IdIneChecksum))
            }
            Some(IneForm::Base36) if !base36_key_ok(bytes) => {
                Err(IdError::new("ID-06", MessageKey::IdIneChecksum))
            }
            Some(_) => Ok(Self(compact)),
            None => Err(IdError::new("ID-06", MessageKey::IdIneFormat)),
        }
    }

    /// The family the INE belongs to.
    pub fn form(&self) -> IneForm {
        form_of(self.0.as_bytes()).unwrap_or(IneForm::Rnie)
    }
}
string_identifier!(Ine);

fn all_digits(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_digit)
}

fn all_letters(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_uppercase)
}

/// Classifies an 11-character upper-case alphanumeric string by shape only.
fn form_of(b: &[u8]) -> Option<IneForm> {
    let last = b[10];
    if all_digits(&b[..4]) && b[4] == b'A' && all_digits(&b[5..10]) && last.is_ascii_uppercase() {
        Some(IneForm::Apprentice)
    } else if all_digits(&b[..9]) && all_letters(&b[9..]) {
        Some(IneForm::Rnie)
    } else if all_digits(&b[..10]) && last.is_ascii_uppercase() {
        Some(IneForm::Bea)
    } else if last.is_ascii_digit() {
        Some(IneForm::Base36)
    } else {
        None
    }
}

/// The same digit ten times is a placeholder, never a real number.
fn is_repeated_digit(body: &[u8]) -> bool {
    body.iter().all(|&c| c == body[0]) && body[0].is_ascii_digit()
}

fn bea_key_ok(b: &[u8]) -> bool {
    let body = &b[..10];
    if is_repeated_digit(body) {
        return false;
    }
    let n = body
        .iter()
        .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'));
    // n < 10^10, so the remainder is < 23 and indexes the alphabet.
    let expected = BEA_ALPHABET[(n % 23) as usize];
    b[10] == expected
}

/// Key of the university base-36 INE, as computed by ESUP tools (CheckNNE36):
/// six times the sum of the first nine base-36 values, plus the tenth value;
/// the key is the last decimal digit of that sum.
fn base36_key_ok(b: &[u8]) -> bool {
    let body = &b[..10];
    if is_repeated_digit(body) || all_letters(body) {
        return false;
    }
    let value = |c: u8| -> u32 {
        if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A') + 10
        }
    };
    let sum: u32 = body[..9].iter().map(|&c| value(c) * 6).sum::<u32>() + value(body[9]);
    u32::from(b[10] - b'0') == sum % 10
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn bea_key_letter() {
        // 0123456789 mod 23 = 11 → 'M' (A–Z without I, O, Q).
        let ine = Ine::parse("0123456789m").unwrap();
        assert_eq!(ine.as_str(), "0123456789M");
        assert_eq!(ine.form(), IneForm::Bea);
        assert_eq!(
            Ine::parse("0123456789N").unwrap_err().message_key(),
            "id-ine-checksum"
        );
        assert!(Ine::parse("1111111111L").is_err());
    }

    #[test]
    fn base36_check_digit() {
        // 6 × (10 + 11 + 1 + … + 7) + 8 = 302 → key 2.
        let ine = Ine::parse("AB123456782").unwrap();
        assert_eq!(ine.form(), IneForm::Base36);
        assert_eq!(
            Ine::parse("AB123456783").unwrap_err().message_key(),
            "id-ine-checksum"
        );
    }

    #[test]
    fn rnie_and_apprentice_shapes() {
        assert_eq!(Ine::parse("123456789AB").unwrap().form(), IneForm::Rnie);
        assert_eq!(
            Ine::parse("1234A12345K").unwrap().form(),
            IneForm::Apprentice
        );
    }

    #[test]
    fn wrong_length_or_characters() {
        for bad in ["123456789A", "123456789ABC", "12345678-AB", "ABCDEFGHIJK"] {
            assert_eq!(Ine::parse(bad).unwrap_err().rule(), "ID-06", "{bad}");
        }
    }
}
