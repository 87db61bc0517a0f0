//! Postal addresses.

use serde::{Deserialize, Serialize};

use crate::ids::Country;

/// A postal address.
///
/// The postcode stays text here because its format depends on the country:
/// in France it must be a `PostalCode` (ID-05), abroad it is free (ESUP: up to
/// 10 characters). The rules check it against the country.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Address {
    /// Number and street.
    pub street: String,
    /// Building, residence, floor…
    pub building: Option<String>,
    /// Postcode (five digits in France).
    pub postal_code: String,
    /// Town or city.
    pub city: String,
    /// Country; `None` while a draft has not chosen it.
    pub country: Option<Country>,
}

impl Address {
    /// Whether the address is on French territory (mainland or overseas
    /// department). Unknown countries are treated as French, the common case,
    /// so that French checks are not skipped on a draft.
    pub fn is_in_france(&self) -> bool {
        self.country
            .as_ref()
            .is_none_or(Country::is_french_territory)
    }
}
