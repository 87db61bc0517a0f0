//! Step 1: student, enrolment, address, insurance (CONV-04, CONV-08).

use super::report::Report;
use super::{address, limits};
use crate::messages::MessageKey;
use crate::model::{Convention, ConventionType};
use crate::violation::Violation;

pub(super) fn check(convention: &Convention, report: &mut Report) {
    let step = &convention.student;
    let student = &step.student;
    report.require(
        "FORM-01",
        "student.student.student_number",
        !student.student_number.trim().is_empty(),
    );
    report.require(
        "FORM-01",
        "student.student.last_name",
        !student.last_name.trim().is_empty(),
    );
    report.require(
        "FORM-01",
        "student.student.first_name",
        !student.first_name.trim().is_empty(),
    );
    address::check(&step.address, "student.address", report);
    // SAF-07: a minor signs with their legal representative.
    if convention.intern_is_minor() {
        match &step.legal_representative {
            None => report.missing_from_the_wizard("SAF-07", "student.legal_representative"),
            Some(representative) => super::contacts::check_contact(
                representative,
                "student.legal_representative",
                "SAF-07",
                report,
            ),
        }
    }
    if let Some(representative) = &step.legal_representative {
        for (field, text) in [
            ("last_name", &representative.last_name),
            ("first_name", &representative.first_name),
            ("position", &representative.position),
        ] {
            report.max_length(
                &format!("student.legal_representative.{field}"),
                text,
                limits::TITLE_CHARS,
            );
        }
    }
    report.require(
        "FORM-01",
        "student.personal_email",
        step.personal_email.is_some(),
    );
    report.require(
        "FORM-01",
        "student.health_insurance.fund",
        !step.health_insurance.fund.trim().is_empty(),
    );

    let Some(enrolment) = &step.enrolment else {
        report.missing("FORM-01", "student.enrolment");
        return;
    };
    // CONV-08 1°: the agreement states the full curriculum title and volume.
    report.require(
        "CONV-08",
        "student.enrolment.programme.label",
        !enrolment.programme.label.trim().is_empty(),
    );
    let gap_year = convention.internship.convention_type == Some(ConventionType::GapYear);
    match enrolment.teaching_hours {
        // CONV-05: a gap-year internship has no curriculum-volume requirement.
        _ if gap_year => {}
        None => report.missing("CONV-08", "student.enrolment.teaching_hours"),
        Some(hours) if hours < limits::MIN_TEACHING_HOURS => report.push(
            Violation::error(
                "CONV-04",
                "student.enrolment.teaching_hours",
                MessageKey::Conv04TeachingHours,
            )
            .with_arg("hours", hours)
            .with_arg("min", limits::MIN_TEACHING_HOURS),
        ),
        Some(_) => {}
    }
}
