//! ABR-03: an internship abroad keeps the French work-accident cover only
//! within its conditions; outside them, the host must say it insures the
//! intern.

use super::report::Report;
use crate::abroad::{CoverObstacle, FRENCH_COVER_MAX_MONTHS, accident_cover};
use crate::messages::MessageKey;
use crate::model::Convention;
use crate::stipend::RateTable;
use crate::violation::{Decimal, Violation};

const FIELD: &str = "internship.host_accident_cover";

pub(super) fn check(convention: &Convention, rates: &RateTable, report: &mut Report) {
    let Some(cover) = accident_cover(convention, rates) else {
        return;
    };
    if convention.internship.host_accident_cover == Some(true) {
        return;
    }
    for obstacle in &cover.obstacles {
        let violation = match *obstacle {
            CoverObstacle::TooLong { last_covered, end } => {
                Violation::error("ABR-03", FIELD, MessageKey::Abr03TooLong)
                    .with_arg("months", FRENCH_COVER_MAX_MONTHS)
                    .with_arg("end", end)
                    .with_arg("last_covered", last_covered)
            }
            CoverObstacle::PaidAboveLimit {
                hourly_cents,
                limit_cents,
                year,
            } => Violation::error("ABR-03", FIELD, MessageKey::Abr03PaidAboveLimit)
                .with_arg("hourly", Decimal::from_cents(hourly_cents))
                .with_arg("limit", Decimal::from_cents(limit_cents))
                .with_arg("year", i64::from(year)),
        };
        // Until the draft is complete, the host may still be asked.
        report.unless_draft(violation);
    }
    if let (Some(currency), Some((_, limit))) = (&cover.foreign_currency, cover.limit) {
        report.push(
            Violation::warning("ABR-03", FIELD, MessageKey::Abr03ForeignCurrency)
                .with_arg("currency", currency.as_str())
                .with_arg("limit", Decimal::from_cents(limit)),
        );
    }
}
