//! Internships abroad: whether the French work-accident cover continues
//! (ABR-03).
//!
//! The official notice (art. 6.4) keeps an intern abroad under the French
//! cover (CSS L412-8 2°) only if the internship lasts at most six months,
//! extensions included; pays at most 15 % of the hourly social-security
//! ceiling (more could open local rights); takes place only at the host that
//! signs; and only in the country the agreement names. Otherwise the host
//! must insure the intern under its own law.
//!
//! The last two conditions hold by construction here (one host service, of
//! the signing host, in one country): the agreement states them as
//! commitments. The first two are computed from the effective convention
//! (amendments applied), so an extension past six months or a raise above
//! the limit is caught when it is proposed.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::duration::presence;
use crate::ids::Currency;
use crate::model::Convention;
use crate::stipend::{RateTable, compare_with_hourly_rate, hourly_cents, unit_minutes};

/// ABR-03: the longest internship abroad the French cover follows.
pub const FRENCH_COVER_MAX_MONTHS: u32 = 6;

/// Why the French cover cannot continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverObstacle {
    /// The internship ends after `last_covered`, six months after its first
    /// day, extensions included.
    TooLong {
        /// The last day six months can reach.
        last_covered: NaiveDate,
        /// The internship's (effective) last day.
        end: NaiveDate,
    },
    /// The stipend's hourly equivalent is above 15 % of the hourly ceiling
    /// of `year` (the lowest limit of the internship's years).
    PaidAboveLimit {
        /// The stipend per hour of presence, in cents (rounded).
        hourly_cents: i64,
        /// The limit, in cents per hour.
        limit_cents: i64,
        /// The calendar year whose limit it is.
        year: i32,
    },
}

/// The French cover's conditions for one internship abroad.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccidentCover {
    /// The conditions it fails; none: the French cover continues.
    pub obstacles: Vec<CoverObstacle>,
    /// The lowest hourly limit over the internship's years, in cents, and
    /// its year; `None` when the rate table knows none of them.
    pub limit: Option<(i32, i64)>,
    /// Paid in this other currency than the euro: the limit cannot be
    /// compared, and the parties must check it.
    pub foreign_currency: Option<Currency>,
}

impl AccidentCover {
    /// Whether the French cover continues (as far as the figures tell).
    pub fn french_cover_continues(&self) -> bool {
        self.obstacles.is_empty()
    }
}

/// ABR-03 for `convention` (its effective content): `None` when the
/// internship is in France or its dates are not known yet.
pub fn accident_cover(convention: &Convention, rates: &RateTable) -> Option<AccidentCover> {
    if convention.is_in_france() {
        return None;
    }
    let internship = &convention.internship;
    let (start, end) = internship.dates()?;
    let mut obstacles = Vec::new();

    // Six months from the first day: 4 January to 3 July at most. From
    // the 29th–31st, a shorter sixth month ends on its last day (31
    // August to 28 February), not the day before.
    let last_covered = start
        .checked_add_months(Months::new(FRENCH_COVER_MAX_MONTHS))
        .and_then(|day| {
            if day.day() < start.day() {
                Some(day)
            } else {
                day.checked_sub_days(Days::new(1))
            }
        })
        .unwrap_or(NaiveDate::MAX);
    if end > last_covered {
        obstacles.push(CoverObstacle::TooLong { last_covered, end });
    }

    let schedule = internship.schedule();
    let presence = schedule
        .as_ref()
        .map(|schedule| presence(start, end, &internship.interruptions, schedule));
    // The limit must hold every year, so the lowest year's binds.
    let limit = presence.as_ref().and_then(|presence| {
        presence
            .by_year
            .iter()
            .filter_map(|y| rates.rate(y.year).map(|rate| (y.year, rate.cents)))
            .min_by_key(|(_, cents)| *cents)
    });
    let mut foreign_currency = None;
    let terms = &internship.stipend;
    if internship.stipend_paid == Some(true)
        && let (Some(amount), Some(unit)) = (terms.amount_cents, terms.unit)
    {
        match &terms.currency {
            Some(currency) if !currency.is_euro() => foreign_currency = Some(currency.clone()),
            _ => {
                let per_unit = schedule
                    .as_ref()
                    .zip(presence.as_ref())
                    .and_then(|(schedule, presence)| unit_minutes(unit, schedule, presence));
                if let (Some(per_unit), Some((year, limit_cents))) = (per_unit, limit)
                    && compare_with_hourly_rate(amount, per_unit, limit_cents).is_gt()
                {
                    obstacles.push(CoverObstacle::PaidAboveLimit {
                        hourly_cents: hourly_cents(amount, per_unit),
                        limit_cents,
                        year,
                    });
                }
            }
        }
    }
    Some(AccidentCover {
        obstacles,
        limit,
        foreign_currency,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::ids::Country;
    use crate::model::{HostService, StipendUnit};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// 35 h a week in Germany from 4 January 2027, unpaid.
    fn abroad(end: &str) -> Convention {
        let mut c = Convention {
            host_service: Some(HostService::default()),
            ..Convention::default()
        };
        if let Some(service) = c.host_service.as_mut() {
            service.address.country = Some(Country::parse("DE").unwrap());
        }
        let i = &mut c.internship;
        i.start = Some(date("2027-01-04"));
        i.end = Some(date(end));
        i.regular_schedule = Some(true);
        i.weekly_minutes = Some(35 * 60);
        i.stipend_paid = Some(false);
        c
    }

    fn paid(mut c: Convention, cents: i64, unit: StipendUnit, currency: &str) -> Convention {
        c.internship.stipend_paid = Some(true);
        c.internship.stipend.amount_cents = Some(cents);
        c.internship.stipend.unit = Some(unit);
        c.internship.stipend.currency = Some(Currency::parse(currency).unwrap());
        c
    }

    #[test]
    fn six_months_to_the_day_keep_the_french_cover() {
        let rates = RateTable::compiled();
        let cover = accident_cover(&abroad("2027-07-03"), &rates).unwrap();
        assert!(cover.french_cover_continues(), "{cover:?}");
        let cover = accident_cover(&abroad("2027-07-04"), &rates).unwrap();
        assert_eq!(
            cover.obstacles,
            [CoverObstacle::TooLong {
                last_covered: date("2027-07-03"),
                end: date("2027-07-04"),
            }]
        );
    }

    #[test]
    fn six_months_from_the_end_of_a_month_stop_at_the_shorter_month() {
        let mut c = abroad("2027-07-30");
        c.internship.start = Some(date("2027-01-31"));
        let cover = accident_cover(&c, &RateTable::compiled()).unwrap();
        assert!(cover.french_cover_continues(), "{cover:?}");
        c.internship.end = Some(date("2027-07-31"));
        let cover = accident_cover(&c, &RateTable::compiled()).unwrap();
        assert!(!cover.french_cover_continues());
    }

    #[test]
    fn six_months_from_the_last_days_of_august_end_with_february() {
        let rates = RateTable::compiled();
        for (start, last) in [
            ("2026-08-31", "2027-02-28"),
            ("2026-08-29", "2027-02-28"),
            ("2026-08-28", "2027-02-27"),
            ("2027-08-30", "2028-02-29"),
        ] {
            let mut c = abroad(last);
            c.internship.start = Some(date(start));
            let cover = accident_cover(&c, &rates).unwrap();
            assert!(
                cover.french_cover_continues(),
                "{start} to {last}: {cover:?}"
            );
            c.internship.end = date(last).succ_opt();
            let cover = accident_cover(&c, &rates).unwrap();
            assert!(
                !cover.french_cover_continues(),
                "{start} to the day after {last}"
            );
        }
    }

    #[test]
    fn pay_up_to_the_limit_keeps_the_cover_and_a_cent_more_loses_it() {
        // 2027 takes 2026's 4.50 € as its floor; 693 € a month at 35 h is
        // exactly 4.50 € an hour.
        let rates = RateTable::compiled();
        let at = paid(abroad("2027-03-26"), 69_300, StipendUnit::Month, "EUR");
        let cover = accident_cover(&at, &rates).unwrap();
        assert!(cover.french_cover_continues(), "{cover:?}");
        assert_eq!(cover.limit, Some((2027, 450)));
        let above = paid(abroad("2027-03-26"), 451, StipendUnit::Hour, "EUR");
        assert_eq!(
            accident_cover(&above, &rates).unwrap().obstacles,
            [CoverObstacle::PaidAboveLimit {
                hourly_cents: 451,
                limit_cents: 450,
                year: 2027,
            }]
        );
    }

    #[test]
    fn across_two_years_the_lower_limit_binds() {
        let rates = RateTable::new([(2025, 435), (2026, 450)]);
        let mut c = paid(abroad("2026-02-27"), 440, StipendUnit::Hour, "EUR");
        c.internship.start = Some(date("2025-12-01"));
        let cover = accident_cover(&c, &rates).unwrap();
        assert_eq!(cover.limit, Some((2025, 435)));
        assert!(matches!(
            cover.obstacles[..],
            [CoverObstacle::PaidAboveLimit { year: 2025, .. }]
        ));
    }

    #[test]
    fn a_foreign_currency_cannot_be_compared() {
        let c = paid(abroad("2027-03-26"), 200_000, StipendUnit::Month, "CHF");
        let cover = accident_cover(&c, &RateTable::compiled()).unwrap();
        assert!(cover.french_cover_continues());
        assert_eq!(
            cover.foreign_currency,
            Some(Currency::parse("CHF").unwrap())
        );
    }

    #[test]
    fn in_france_or_without_dates_there_is_nothing_to_decide() {
        let mut c = abroad("2027-12-31");
        c.internship.end = None;
        assert_eq!(accident_cover(&c, &RateTable::compiled()), None);
        let mut c = abroad("2027-12-31");
        c.host_service = None;
        assert_eq!(accident_cover(&c, &RateTable::compiled()), None);
    }
}
