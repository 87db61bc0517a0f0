//! Steps 3, 4, 6 and 7: host service, tutor (ENC-02), supervisor (ENC-01),
//! signatory.

use super::report::Report;
use super::{CheckContext, address, limits};
use crate::messages::MessageKey;
use crate::model::{Contact, Convention};
use crate::violation::Violation;

pub(super) fn check_host_service(convention: &Convention, report: &mut Report) {
    let Some(service) = &convention.host_service else {
        report.missing("FORM-01", "host_service");
        return;
    };
    report.require(
        "FORM-01",
        "host_service.name",
        !service.name.trim().is_empty(),
    );
    address::check(&service.address, "host_service.address", report);
}

/// Name (a mandatory mention for the tutor, CONV-08 2°), e-mail, phone and
/// position of a host contact or a minor's legal representative.
pub(super) fn check_contact(contact: &Contact, prefix: &str, name_rule: &str, report: &mut Report) {
    report.require(
        name_rule,
        &format!("{prefix}.last_name"),
        !contact.last_name.trim().is_empty(),
    );
    report.require(
        name_rule,
        &format!("{prefix}.first_name"),
        !contact.first_name.trim().is_empty(),
    );
    report.require(
        "FORM-01",
        &format!("{prefix}.email"),
        contact.email.is_some(),
    );
    report.require(
        "FORM-01",
        &format!("{prefix}.phone"),
        contact.phone.is_some(),
    );
    report.require(
        "FORM-01",
        &format!("{prefix}.position"),
        !contact.position.trim().is_empty(),
    );
}

pub(super) fn check_tutor(convention: &Convention, ctx: &CheckContext, report: &mut Report) {
    let Some(tutor) = &convention.tutor else {
        report.missing("CONV-08", "tutor");
        return;
    };
    check_contact(tutor, "tutor", "CONV-08", report);
    // ENC-02: someone already tutoring 3 ongoing interns cannot be designated.
    if let Some(ongoing) = ctx.tutor_ongoing
        && ongoing >= limits::TUTOR_MAX_ONGOING
    {
        report.push(
            Violation::error("ENC-02", "tutor", MessageKey::Enc02TutorOverloaded)
                .with_arg("ongoing", ongoing)
                .with_arg("max", limits::TUTOR_MAX_ONGOING),
        );
    }
}

pub(super) fn check_supervisor(convention: &Convention, ctx: &CheckContext, report: &mut Report) {
    let Some(supervisor) = &convention.supervisor else {
        report.missing("CONV-08", "supervisor");
        return;
    };
    report.require(
        "CONV-08",
        "supervisor.last_name",
        !supervisor.last_name.trim().is_empty(),
    );
    report.require(
        "CONV-08",
        "supervisor.first_name",
        !supervisor.first_name.trim().is_empty(),
    );
    report.require("FORM-01", "supervisor.email", supervisor.email.is_some());
    // ENC-01: at most 24 interns followed at once, this one included.
    if let Some(ongoing) = ctx.supervisor_ongoing
        && ongoing + 1 > limits::SUPERVISOR_MAX_ONGOING
    {
        report.push(
            Violation::error(
                "ENC-01",
                "supervisor",
                MessageKey::Enc01SupervisorOverloaded,
            )
            .with_arg("ongoing", ongoing)
            .with_arg("max", limits::SUPERVISOR_MAX_ONGOING),
        );
    }
}

pub(super) fn check_signatory(convention: &Convention, report: &mut Report) {
    let Some(signatory) = &convention.signatory else {
        report.missing("FORM-01", "signatory");
        return;
    };
    check_contact(signatory, "signatory", "FORM-01", report);
}
