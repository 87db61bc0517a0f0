//! The host records on their own screens (organisation, service, contact),
//! checked with the same rules as their wizard steps so that a record saved
//! outside a convention is as complete as one saved inside. Field paths are
//! relative to the record (`siret`, `address.postal_code`).

use chrono::NaiveDate;

use super::{CheckContext, CheckMode, check_step};
use crate::model::{CentreSettings, Contact, Convention, HostService, Organisation, WizardStep};
use crate::violation::Violation;

fn relative(violations: Vec<Violation>, prefix: &str) -> Vec<Violation> {
    violations
        .into_iter()
        .map(|mut v| {
            v.field = v
                .field
                .strip_prefix(prefix)
                .map(|rest| rest.trim_start_matches('.').to_owned())
                .unwrap_or(v.field);
            v
        })
        .collect()
}

/// The record rules need no date nor centre: only counts would, and a
/// record alone has none.
fn context() -> CheckContext {
    CheckContext {
        mode: CheckMode::Complete,
        ..CheckContext::new(NaiveDate::MIN, CentreSettings::default())
    }
}

/// A host organisation: name, address, kind, headcount, phone, SIRET in
/// France (ID-03), NAF code or main activity (ID-04).
pub fn check_organisation(organisation: &Organisation) -> Vec<Violation> {
    let convention = Convention {
        organisation: Some(organisation.clone()),
        ..Convention::default()
    };
    relative(
        check_step(WizardStep::Organisation, &convention, &context()),
        "organisation",
    )
}

/// A host service: name and address.
pub fn check_host_service(service: &HostService) -> Vec<Violation> {
    let convention = Convention {
        host_service: Some(service.clone()),
        ..Convention::default()
    };
    relative(
        check_step(WizardStep::HostService, &convention, &context()),
        "host_service",
    )
}

/// A host contact (future tutor or signatory): names, e-mail, phone,
/// position.
pub fn check_contact(contact: &Contact) -> Vec<Violation> {
    let convention = Convention {
        tutor: Some(contact.clone()),
        ..Convention::default()
    };
    relative(
        check_step(WizardStep::Tutor, &convention, &context()),
        "tutor",
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::ids::{Country, Phone, Siret};
    use crate::model::{Address, OrganisationKind};

    fn organisation() -> Organisation {
        Organisation {
            name: "Société Générale d'Ingénierie".into(),
            siret: Some(Siret::parse("73282932000074").unwrap()),
            naf: None,
            main_activity: Some("Ingénierie".into()),
            headcount: Some(120),
            kind: Some(OrganisationKind::PrivateCompany),
            legal_status: None,
            address: Address {
                street: "12 rue de la République".into(),
                building: None,
                postal_code: "25000".into(),
                city: "Besançon".into(),
                country: Some(Country::france()),
            },
            phone: Some(Phone::parse("03 81 00 00 00").unwrap()),
            email: None,
            website: None,
        }
    }

    #[test]
    fn a_complete_organisation_passes() {
        assert_eq!(check_organisation(&organisation()), vec![]);
    }

    #[test]
    fn a_french_host_needs_its_siret_and_paths_are_relative() {
        let org = Organisation {
            siret: None,
            main_activity: None,
            ..organisation()
        };
        let found: Vec<(String, String)> = check_organisation(&org)
            .into_iter()
            .map(|v| (v.rule, v.field))
            .collect();
        assert!(
            found.contains(&("ID-03".into(), "siret".into())),
            "{found:?}"
        );
        assert!(found.contains(&("ID-04".into(), "naf".into())), "{found:?}");
    }

    #[test]
    fn a_contact_needs_its_names_email_phone_and_position() {
        let fields: Vec<String> = check_contact(&Contact::default())
            .into_iter()
            .map(|v| v.field)
            .collect();
        for field in ["last_name", "first_name", "email", "phone", "position"] {
            assert!(fields.contains(&field.to_owned()), "{fields:?}");
        }
    }
}
