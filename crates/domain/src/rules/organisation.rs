//! Step 2: host organisation (ID-03, ID-04, ENC-03).

use super::report::Report;
use super::{CheckContext, address, busiest_week, host_quota};
use crate::messages::MessageKey;
use crate::model::Convention;
use crate::violation::Violation;

pub(super) fn check(convention: &Convention, ctx: &CheckContext, report: &mut Report) {
    let Some(org) = &convention.organisation else {
        report.missing("FORM-01", "organisation");
        return;
    };
    report.require("FORM-01", "organisation.name", !org.name.trim().is_empty());
    address::check(&org.address, "organisation.address", report);
    report.require("FORM-01", "organisation.kind", org.kind.is_some());
    report.require("FORM-01", "organisation.headcount", org.headcount.is_some());
    report.require("FORM-01", "organisation.phone", org.phone.is_some());

    let in_france = org.address.is_in_france();
    // ID-03: a host in France (overseas included) is identified by its SIRET;
    // a foreign one has none.
    if in_france && org.siret.is_none() {
        report.push(Violation::error(
            "ID-03",
            "organisation.siret",
            MessageKey::Id03SiretRequired,
        ));
    }
    // ID-04 / ABR-08: the activity is known by its code or described.
    let described = org
        .main_activity
        .as_deref()
        .is_some_and(|a| !a.trim().is_empty());
    if org.naf.is_none() && !described {
        report.push(Violation::error(
            "ID-04",
            "organisation.naf",
            MessageKey::Id04NafOrActivityRequired,
        ));
    }

    // ENC-03: French law caps the interns a host has in one calendar week.
    if let (true, Some(headcount), Some(others), Some((start, end))) = (
        in_france,
        org.headcount,
        ctx.host_interns.as_deref(),
        convention.internship.dates(),
    ) {
        let (ongoing, week) = busiest_week(start, end, others);
        let quota = host_quota(headcount);
        if ongoing + 1 > quota {
            report.push(
                Violation::error(
                    "ENC-03",
                    "organisation.headcount",
                    MessageKey::Enc03HostQuota,
                )
                .with_arg("ongoing", ongoing)
                .with_arg("week", week)
                .with_arg("quota", quota)
                .with_arg("headcount", headcount),
            );
        }
    }
}
