//! Addresses: required parts and the French postcode (ID-05).

use super::report::Report;
use crate::ids::PostalCode;
use crate::model::Address;

/// Street, postcode, city and country are required; a French postcode must
/// parse (ID-05), a foreign one is free text.
pub(super) fn check(address: &Address, prefix: &str, report: &mut Report) {
    report.require(
        "FORM-01",
        &format!("{prefix}.street"),
        !address.street.trim().is_empty(),
    );
    report.require(
        "FORM-01",
        &format!("{prefix}.city"),
        !address.city.trim().is_empty(),
    );
    report.require(
        "FORM-01",
        &format!("{prefix}.country"),
        address.country.is_some(),
    );
    let field = format!("{prefix}.postal_code");
    if address.postal_code.trim().is_empty() {
        report.missing("FORM-01", field);
    } else if address.is_in_france()
        && let Err(error) = PostalCode::parse(&address.postal_code)
    {
        report.push(error.to_violation(field));
    }
}
