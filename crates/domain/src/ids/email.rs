//! E-mail addresses.

use super::{IdError, string_identifier};
use crate::messages::MessageKey;
use serde::{Deserialize, Serialize};

/// An e-mail address with a plausible shape: one `@`, a non-empty local part
/// of at most 64 characters without spaces, and a domain of at least two
/// dot-separated labels of letters, digits and dashes. The domain is
/// lower-cased; the local part is kept as typed (it may be case-sensitive).
///
/// The regulation has no rule id for e-mails; `FMT-01` is this project's id.
/// Deliverability is the mail adapter's question, not this parser's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", schema(value_type = String))]
pub struct Email(String);

impl Email {
    /// Parses an e-mail address (surrounding spaces allowed).
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let error = IdError::new("FMT-01", MessageKey::FmtEmail);
        let trimmed = input.trim();
        let (local, domain) = trimmed.split_once('@').ok_or(error)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_ascii_graphic() && !"@,;:<>()[]\\\"".contains(c));
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if local_ok && domain_ok && trimmed.len() <= 254 {
            Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
        } else {
            Err(error)
        }
    }
}
string_identifier!(Email);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn plausible_addresses() {
        assert_eq!(
            Email::parse(" Jeanne.Martin+stage@Univ-Lorraine.FR ")
                .unwrap()
                .as_str(),
            "Jeanne.Martin+stage@univ-lorraine.fr"
        );
        for bad in [
            "jeanne",
            "jeanne@",
            "@univ.fr",
            "jeanne@univ",
            "jea nne@univ.fr",
            "jeanne@@univ.fr",
            "jeanne@univ..fr",
            "jeanne@-univ.fr",
            ".jeanne@univ.fr",
        ] {
            assert_eq!(Email::parse(bad).unwrap_err().rule(), "FMT-01", "{bad}");
        }
    }
}
