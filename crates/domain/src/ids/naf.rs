//! NAF / APE activity codes (ID-04).

use super::{IdError, string_identifier, strip_separators};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// Which French activity nomenclature a code belongs to.
///
/// Both are accepted through 2026: NAF 2025 becomes the official APE in Sirene
/// on 1 January 2027, and during 2026 Sirene shows both (ID-04). The two
/// suffix alphabets are disjoint, so the revision follows from the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NafRevision {
    /// NAF rév. 2 (2008): suffixes A–F and Z, e.g. `62.01Z`.
    Rev2,
    /// NAF 2025: suffixes G, H, J, K, L and Y, e.g. `62.10Y`.
    Naf2025,
}

/// An activity code in the canonical `NN.NNL` form.
///
/// The parser checks the shape and the suffix alphabet; whether the code exists
/// in the nomenclature table is a database question, answered by the API.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct NafCode(String);

impl NafCode {
    /// Parses `62.01Z`, `6201Z` or `62.01z`, normalised to `62.01Z`.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let typed = strip_separators(input, &[]).to_ascii_uppercase();
        // The dot is optional, but only in its place: `6201Z` or `62.01Z`.
        let compact = match typed.as_bytes() {
            [a, b, b'.', rest @ ..] if rest.len() == 3 => {
                format!("{}{}{}", char::from(*a), char::from(*b), &typed[3..])
            }
            _ => typed,
        };
        let bytes = compact.as_bytes();
        let shape_ok = bytes.len() == 5
            && bytes[..4].iter().all(u8::is_ascii_digit)
            && bytes[4].is_ascii_uppercase();
        if !shape_ok || revision_of(bytes[4]).is_none() {
            return Err(IdError::new("ID-04", MessageKey::IdNafFormat));
        }
        Ok(Self(format!("{}.{}", &compact[..2], &compact[2..])))
    }

    /// The nomenclature the code belongs to.
    pub fn revision(&self) -> NafRevision {
        match self.0.as_bytes().last().copied().and_then(revision_of) {
            Some(revision) => revision,
            // Unreachable through `parse`; rév. 2 is the conservative answer.
            None => NafRevision::Rev2,
        }
    }
}
string_identifier!(NafCode);

fn revision_of(suffix: u8) -> Option<NafRevision> {
    match suffix {
        b'A'..=b'F' | b'Z' => Some(NafRevision::Rev2),
        b'G' | b'H' | b'J' | b'K' | b'L' | b'Y' => Some(NafRevision::Naf2025),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn both_revisions_are_accepted_and_normalised() {
        let rev2 = NafCode::parse("6201Z").unwrap();
        assert_eq!(rev2.as_str(), "62.01Z");
        assert_eq!(rev2.revision(), NafRevision::Rev2);
        let naf2025 = NafCode::parse("62.10y").unwrap();
        assert_eq!(naf2025.as_str(), "62.10Y");
        assert_eq!(naf2025.revision(), NafRevision::Naf2025);
        assert_eq!(
            NafCode::parse("84.22Z").unwrap().revision(),
            NafRevision::Rev2
        );
        assert_eq!(
            NafCode::parse("62.20G").unwrap().revision(),
            NafRevision::Naf2025
        );
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in [
            "62.01", "620.1Z", "62-01Z", "6201ZZ", "62.01M", "AB.CDZ", "",
        ] {
            let err = NafCode::parse(bad).unwrap_err();
            assert_eq!(err.rule(), "ID-04", "{bad}");
        }
    }
}
