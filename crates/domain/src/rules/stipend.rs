//! The stipend (GRAT-01, GRAT-02, GRAT-05, GRAT-10, GRAT-11).

use std::cmp::Ordering;

use super::report::Report;
use crate::duration::Presence;
use crate::messages::MessageKey;
use crate::model::{Convention, ConventionType, Internship, Schedule};
use crate::stipend::{
    RateTable, UnitMinutes, YearRate, compare_with_hourly_rate, hourly_cents, is_mandatory,
    unit_minutes,
};
use crate::violation::{Decimal, Violation};

/// GRAT-10: whether a stipend is paid must be answered, and when it is, its
/// amount, currency, basis, unit and payment mode are required; the amount
/// must be positive.
pub(super) fn check_terms(i: &Internship, report: &mut Report) {
    let Some(paid) = i.stipend_paid else {
        report.missing("FORM-01", "internship.stipend_paid");
        return;
    };
    if !paid {
        return;
    }
    let terms = &i.stipend;
    report.require(
        "GRAT-10",
        "internship.stipend.amount_cents",
        terms.amount_cents.is_some(),
    );
    report.require(
        "GRAT-10",
        "internship.stipend.currency",
        terms.currency.is_some(),
    );
    report.require("GRAT-10", "internship.stipend.basis", terms.basis.is_some());
    report.require("GRAT-10", "internship.stipend.unit", terms.unit.is_some());
    report.require(
        "GRAT-10",
        "internship.stipend.payment_mode",
        terms.payment_mode.is_some(),
    );
    if terms.amount_cents.is_some_and(|a| a <= 0) {
        report.push(Violation::error(
            "ID-10",
            "internship.stipend.amount_cents",
            MessageKey::Id10AmountNotPositive,
        ));
    }
}

/// The stipend against the law, given the presence of this convention and
/// the `cumulative` presence at the same host in the academic year.
pub(super) fn check(
    convention: &Convention,
    schedule: &Schedule,
    presence: &Presence,
    cumulative: u64,
    rates: &RateTable,
    report: &mut Report,
) {
    let i = &convention.internship;
    check_terms(i, report);
    let public_host = convention
        .organisation
        .as_ref()
        .and_then(|o| o.kind)
        .is_some_and(|k| k.is_public_law());
    let paid = i.stipend_paid == Some(true);

    // GRAT-11: continuing education has no stipend regime; a public-law host
    // may not pay an indemnity unless a text provides for it.
    if i.convention_type == Some(ConventionType::ContinuingEducation) {
        if paid && public_host {
            report.push(Violation::warning(
                "GRAT-11",
                "internship.stipend_paid",
                MessageKey::Grat11PublicHostIndemnity,
            ));
        }
        return;
    }
    // GRAT-09: the obligation does not apply abroad.
    if !convention.is_in_france() {
        return;
    }
    let mandatory = is_mandatory(cumulative);
    if mandatory && i.stipend_paid == Some(false) {
        report.push(
            Violation::error(
                "GRAT-01",
                "internship.stipend_paid",
                MessageKey::Grat01StipendMandatory,
            )
            .with_arg("hours", Decimal::hours_from_minutes(cumulative))
            .with_arg("threshold", 308u32),
        );
    }
    if !paid || !(mandatory || public_host) {
        return;
    }
    let terms = &i.stipend;
    let (Some(amount), Some(unit), Some(currency)) =
        (terms.amount_cents, terms.unit, &terms.currency)
    else {
        return;
    };
    if amount <= 0 || !currency.is_euro() {
        return;
    }
    let Some(per_unit) = unit_minutes(unit, schedule, presence) else {
        return;
    };
    // Each calendar year's presence is paid at least that year's rate: a
    // single amount must reach the highest of them. A year the table does
    // not know yet takes the latest known rate as a floor.
    let mut highest: Option<(i32, YearRate)> = None;
    let mut unsure: Option<i32> = None;
    for year in &presence.by_year {
        match rates.rate(year.year) {
            Some(rate) => {
                if rate.of_year != year.year {
                    unsure.get_or_insert(year.year);
                }
                if highest.is_none_or(|(_, h)| rate.cents > h.cents) {
                    highest = Some((year.year, rate));
                }
            }
            None => {
                unsure.get_or_insert(year.year);
            }
        }
    }
    let below = highest.is_some_and(|(_, rate)| {
        compare_with_hourly_rate(amount, per_unit, rate.cents) == Ordering::Less
    });
    if let Some((year, rate)) = highest {
        check_amount(amount, per_unit, year, rate, mandatory, public_host, report);
    }
    // Above the floor, the year's real rate may still be higher: say so.
    if let (Some(year), false) = (unsure, below && mandatory) {
        report.push(
            Violation::warning(
                "GRAT-02",
                "internship.stipend.amount_cents",
                MessageKey::Grat02RateUnknown,
            )
            .with_arg("year", i64::from(year)),
        );
    }
}

/// GRAT-02 and GRAT-05: the hourly equivalent of the amount against the
/// highest yearly rate of the internship (a single amount must be legal every
/// day). For a public-law host spanning two rates, staying at or below the
/// higher one is accepted.
fn check_amount(
    amount: i64,
    per_unit: UnitMinutes,
    year: i32,
    rate: YearRate,
    mandatory: bool,
    public_host: bool,
    report: &mut Report,
) {
    let field = "internship.stipend.amount_cents";
    let hourly = Decimal::from_cents(hourly_cents(amount, per_unit));
    let minimum = Decimal::from_cents(rate.cents);
    match compare_with_hourly_rate(amount, per_unit, rate.cents) {
        Ordering::Less if mandatory && rate.of_year == year => report.push(
            Violation::error("GRAT-02", field, MessageKey::Grat02BelowMinimum)
                .with_arg("hourly", hourly)
                .with_arg("minimum", minimum)
                .with_arg("year", i64::from(year)),
        ),
        Ordering::Less if mandatory => report.push(
            Violation::error("GRAT-02", field, MessageKey::Grat02BelowKnownMinimum)
                .with_arg("hourly", hourly)
                .with_arg("minimum", minimum)
                .with_arg("year", i64::from(year))
                .with_arg("rate_year", i64::from(rate.of_year)),
        ),
        Ordering::Less if public_host => report.push(
            Violation::warning("GRAT-05", field, MessageKey::Grat05PublicHostBelowRate)
                .with_arg("hourly", hourly)
                .with_arg("rate", minimum),
        ),
        // A floor is no ceiling: a public host may already pay a new
        // year's higher rate the table does not know yet.
        Ordering::Greater if public_host && rate.of_year == year => report.push(
            Violation::error("GRAT-05", field, MessageKey::Grat05PublicHostAboveRate)
                .with_arg("hourly", hourly)
                .with_arg("rate", minimum),
        ),
        _ => {}
    }
}
