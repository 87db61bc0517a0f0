//! Identifiers whose parser is the only way in (parse, don't validate).
//!
//! Each newtype keeps its canonical string, serialises as that string and
//! deserialises through its parser, so an invalid SIRET, NAF code, INE… cannot
//! exist past the JSON boundary. The SPA calls the same parsers (the crate builds
//! for wasm32) to flag a field as soon as it is typed.

mod codes;
mod email;
mod error;
mod ine;
mod naf;
mod phone;
mod postal_code;
mod records;
mod siret;

pub use codes::{Country, Currency};
pub use email::Email;
pub use error::IdError;
pub use ine::{Ine, IneForm};
pub use naf::{NafCode, NafRevision};
pub use phone::Phone;
pub use postal_code::PostalCode;
pub use records::{CentreId, StudentId, SupervisorId};
pub use siret::{Siren, Siret};

/// Implements the string plumbing shared by every identifier newtype:
/// `as_str`, `Display`, `FromStr`, and the `TryFrom<String>`/`Into<String>`
/// pair that serde uses, so that deserialisation always goes through `parse`
/// (or the reader named as second argument, for a type whose stored values
/// predate a stricter check).
macro_rules! string_identifier {
    ($ty:ident) => {
        $crate::ids::string_identifier!($ty, parse);
    };
    ($ty:ident, $read:ident) => {
        impl $ty {
            /// The canonical form, as stored and serialised.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $crate::ids::IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl TryFrom<String> for $ty {
            type Error = $crate::ids::IdError;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::$read(&s)
            }
        }

        impl From<$ty> for String {
            fn from(id: $ty) -> String {
                id.0
            }
        }
    };
}
pub(crate) use string_identifier;

/// Removes the separators people type inside numbers (spaces, non-breaking
/// spaces, dots, dashes) so `732 829 320 00074` parses like `73282932000074`.
fn strip_separators(input: &str, separators: &[char]) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && !separators.contains(c))
        .collect()
}
