//! The records a convention names must be its own: the enrolment one of
//! its student's (ENR-01) and fixed once the convention is created
//! (ENR-02), the host an active organisation (REF-01) or a published offer
//! (REF-02), the service one of the host's (REF-02), the tutor a contact of
//! that service (REF-03), the supervisor a teacher of the directory
//! (REF-04), the signatory a contact of the host (REF-05), and an
//! amendment's new place a service of the same host (AVN-02).
//!
//! The API looks the records up and passes what it found; the answer is a
//! violation on the field that named the record.
//!
//! The records themselves keep their links: a service named by contacts
//! or conventions stays (SRV-01/02), an active organisation's SIRET is its
//! own (ORG-01), and the codes of a reference table that drives behaviour
//! never change (NOM-01).

use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::violation::Violation;

/// SRV-01, SRV-02: a service is deleted only when no contact works in it
/// and no convention names it (the convention keeps what it agreed).
pub fn service_deletion(contacts: i64, conventions: i64) -> Result<(), Refusal> {
    if contacts > 0 {
        return Err(
            Refusal::new("SRV-01", MessageKey::Srv01HasContacts).with_arg("count", contacts)
        );
    }
    if conventions > 0 {
        return Err(Refusal::new("SRV-02", MessageKey::Srv02NamedByConventions)
            .with_arg("count", conventions));
    }
    Ok(())
}

/// ORG-01: one active organisation per SIRET; `existing` is the one that
/// has it already.
pub fn siret_taken(siret: &str, existing: i64) -> Refusal {
    Refusal::new("ORG-01", MessageKey::Org01SiretTaken)
        .with_arg("siret", siret)
        .with_arg("existing", existing)
}

/// NOM-01: a system table's codes are tied to behaviour; values are added
/// only to the other tables.
pub fn may_add_value(system_table: bool) -> Result<(), Refusal> {
    if system_table {
        Err(Refusal::new("NOM-01", MessageKey::Nom01CodesFixed))
    } else {
        Ok(())
    }
}

/// The record if `belongs` says it is the convention's, else the
/// violation: a record that does not exist is refused the same way.
fn own<T>(
    found: Option<T>,
    belongs: impl FnOnce(&T) -> bool,
    rule: &str,
    field: &str,
    key: MessageKey,
) -> Result<T, Violation> {
    found
        .filter(belongs)
        .ok_or_else(|| Violation::error(rule, field, key))
}

/// ENR-01: the enrolment chosen is one of the student's for the year
/// (`found`: the student's enrolment of that year and programme).
pub fn enrolment<E>(found: Option<E>, field: &str) -> Result<E, Violation> {
    own(
        found,
        |_| true,
        "ENR-01",
        field,
        MessageKey::Enr01NotTheStudents,
    )
}

/// ENR-02: a created convention keeps its enrolment (it decided the
/// centre and the number).
pub fn enrolment_change(created: bool) -> Result<(), Violation> {
    if created {
        Err(Violation::error(
            "ENR-02",
            "enrolment",
            MessageKey::Enr02Fixed,
        ))
    } else {
        Ok(())
    }
}

/// REF-01: the host is an organisation that exists and is active.
pub fn organisation<O>(
    found: Option<O>,
    active: impl FnOnce(&O) -> bool,
    field: &str,
) -> Result<O, Violation> {
    own(found, active, "REF-01", field, MessageKey::Ref01NoSuchHost)
}

/// REF-02: an offer's number names a published offer (whose host the
/// convention takes).
pub fn offer<O>(found: Option<O>, may_be_linked: impl FnOnce(&O) -> bool) -> Result<O, Violation> {
    own(
        found,
        may_be_linked,
        "REF-02",
        "offer_number",
        MessageKey::Ref02NoSuchOffer,
    )
}

/// REF-02: the service belongs to the convention's host.
pub fn host_service<S>(
    found: Option<S>,
    organisation_of: impl FnOnce(&S) -> i64,
    convention_organisation: Option<i64>,
) -> Result<S, Violation> {
    own(
        found,
        |s| Some(organisation_of(s)) == convention_organisation,
        "REF-02",
        "host_service_id",
        MessageKey::Ref02NotAServiceOfTheHost,
    )
}

/// REF-03: the tutor is a contact of the convention's service (`field`:
/// where the request named them).
pub fn tutor<C>(
    found: Option<C>,
    service_of: impl FnOnce(&C) -> i64,
    convention_service: Option<i64>,
    field: &str,
) -> Result<C, Violation> {
    own(
        found,
        |c| Some(service_of(c)) == convention_service,
        "REF-03",
        field,
        MessageKey::Ref03NotAContactOfTheService,
    )
}

/// REF-04: the supervisor is a teacher of the directory.
pub fn supervisor<P>(found: Option<P>, field: &str) -> Result<P, Violation> {
    own(
        found,
        |_| true,
        "REF-04",
        field,
        MessageKey::Ref04NotATeacher,
    )
}

/// REF-05: the signatory is a contact of the convention's host (of any of
/// its services).
pub fn signatory<C>(
    found: Option<C>,
    organisation_of: impl FnOnce(&C) -> i64,
    convention_organisation: Option<i64>,
) -> Result<C, Violation> {
    own(
        found,
        |c| Some(organisation_of(c)) == convention_organisation,
        "REF-05",
        "contact_id",
        MessageKey::Ref05NotAContactOfTheHost,
    )
}

/// AVN-02: an amendment moves the internship within the same host; another
/// host needs a new convention.
pub fn amended_host_service<S>(
    found: Option<S>,
    organisation_of: impl FnOnce(&S) -> i64,
    convention_organisation: Option<i64>,
    field: &str,
) -> Result<S, Violation> {
    own(
        found,
        |s| Some(organisation_of(s)) == convention_organisation,
        "AVN-02",
        field,
        MessageKey::Avn02AnotherHost,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule<T>(r: Result<T, Violation>) -> Option<(String, String)> {
        r.err().map(|v| (v.rule, v.field))
    }

    /// (id, owner) of a service or a contact.
    type Rec = (i64, i64);
    fn owner(r: &Rec) -> i64 {
        r.1
    }

    #[test]
    fn a_record_of_another_convention_is_refused_on_its_field() {
        assert_eq!(host_service(Some((7, 1)), owner, Some(1)), Ok((7, 1)));
        assert_eq!(
            rule(host_service(Some((7, 2)), owner, Some(1))),
            Some(("REF-02".into(), "host_service_id".into()))
        );
        assert!(
            host_service(None::<Rec>, owner, Some(1)).is_err(),
            "no such service"
        );
        assert!(
            tutor(Some((5, 6)), owner, None, "contact_id").is_err(),
            "no service yet"
        );
        assert_eq!(
            rule(tutor(Some((5, 6)), owner, Some(7), "changes[1].contact_id")),
            Some(("REF-03".into(), "changes[1].contact_id".into()))
        );
        assert_eq!(signatory(Some((3, 1)), owner, Some(1)), Ok((3, 1)));
        assert!(signatory(None::<Rec>, owner, Some(1)).is_err());
        assert_eq!(
            rule(amended_host_service(
                Some((8, 2)),
                owner,
                Some(1),
                "changes[0].host_service_id"
            )),
            Some(("AVN-02".into(), "changes[0].host_service_id".into()))
        );
    }

    #[test]
    fn hosts_offers_enrolments_and_teachers_must_exist() {
        assert_eq!(
            organisation(Some(true), |a| *a, "organisation_id"),
            Ok(true)
        );
        assert!(
            organisation(Some(false), |a| *a, "organisation_id").is_err(),
            "inactive"
        );
        assert!(organisation(None::<bool>, |a| *a, "organisation_id").is_err());
        assert!(offer(Some("published"), |s| *s == "published").is_ok());
        assert!(offer(Some("draft"), |s| *s == "published").is_err());
        assert_eq!(
            rule(enrolment(None::<()>, "programme_code")),
            Some(("ENR-01".into(), "programme_code".into()))
        );
        assert_eq!(enrolment_change(false), Ok(()));
        assert_eq!(
            rule(enrolment_change(true)).map(|r| r.0),
            Some("ENR-02".into())
        );
        assert!(supervisor(None::<()>, "uid").is_err());
    }
}
