//! Stipend arithmetic (GRAT-01, GRAT-02, GRAT-05, GRAT-07).
//!
//! Everything is integer: amounts in cents, presence in minutes, and the
//! minutes one unit of payment stands for as an exact fraction, so that
//! 693,00 € a month for 35 h a week compares *equal* to 4,50 € an hour.

use serde::{Deserialize, Serialize};

use crate::duration::{PRESENCE_DAYS_PER_MONTH, Presence};
use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::model::{Schedule, StipendUnit};
use crate::violation::{Decimal, Violation};

/// Minimum hourly stipend per calendar year, in cents: 15 % of the hourly
/// social-security ceiling (GRAT-02), as known when this release was made.
/// The rules read the installation's table (a fact, see [`RateTable`]);
/// the database migration seeds it with these same years, and
/// administrators add the next ones as they are published.
pub const MIN_HOURLY_RATES_CENTS: [(i32, i64); 8] = [
    (2019, 375),
    (2020, 390),
    (2021, 390),
    (2022, 390),
    (2023, 405),
    (2024, 435),
    (2025, 435),
    (2026, 450),
];

/// The minimum hourly rates the rules read (GRAT-02): a fact, so that an
/// installation can add a year's rate as soon as it is published without a
/// new release. Holds each year's rate in cents, by year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RateTable {
    /// `(year, cents)`, sorted by year, one per year.
    rates: Vec<(i32, i64)>,
}

/// The rate that applies to a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearRate {
    /// The rate, in cents per hour.
    pub cents: i64,
    /// The year whose rate it is: another year than the one asked when the
    /// table does not know that one yet (see [`RateTable::rate`]).
    pub of_year: i32,
}

impl RateTable {
    /// A table of these `(year, cents)` rates; a year given twice keeps its
    /// last rate.
    pub fn new(rates: impl IntoIterator<Item = (i32, i64)>) -> Self {
        let mut rates: Vec<(i32, i64)> = rates.into_iter().collect();
        rates.reverse();
        rates.sort_by_key(|(year, _)| *year);
        rates.dedup_by_key(|(year, _)| *year);
        Self { rates }
    }

    /// The rates compiled into this release ([`MIN_HOURLY_RATES_CENTS`]).
    pub fn compiled() -> Self {
        Self::new(MIN_HOURLY_RATES_CENTS)
    }

    /// The `(year, cents)` rates, by year.
    pub fn years(&self) -> &[(i32, i64)] {
        &self.rates
    }

    /// The latest rate of a year up to `year` (statistics compare a
    /// year's stipends with it), and its year.
    pub fn latest_until(&self, year: i32) -> Option<(i32, i64)> {
        self.rates.iter().rev().find(|(y, _)| *y <= year).copied()
    }

    /// The rate of `year`. A year after the last one known takes the
    /// latest known rate as a floor: the minimum has never gone down, so a
    /// stipend below it is below the law whatever the new rate. A year
    /// before the first one known has none (`None`).
    pub fn rate(&self, year: i32) -> Option<YearRate> {
        let (of_year, cents) = *self.rates.iter().rev().find(|(y, _)| *y <= year)?;
        if of_year == year || self.rates.last().is_some_and(|(last, _)| *last == of_year) {
            Some(YearRate { cents, of_year })
        } else {
            // A gap inside the table is a year nobody entered: no floor
            // can be trusted there.
            None
        }
    }
}

/// The first year a rate may be entered for, and the last.
pub const RATE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// The lowest and highest hourly rate accepted, in cents: a typing error
/// (a monthly amount, cents entered as euros) lands outside.
pub const RATE_CENTS: std::ops::RangeInclusive<i64> = 100..=5_000;

impl RateTable {
    /// GRAT-02: whether an administrator may set `year`'s rate to `cents`
    /// (`None`: remove that year, only the last one). The years follow one another with no
    /// gap (a gap would leave a year without a floor), and rates never go
    /// down from one year to the next, which is what makes the latest rate
    /// a floor for a year not entered yet.
    pub fn check_change(&self, year: i32, cents: Option<i64>) -> Result<(), Violation> {
        let field = if cents.is_some() { "cents" } else { "year" };
        let (first, last) = match (self.rates.first(), self.rates.last()) {
            (Some((first, _)), Some((last, _))) => (*first, *last),
            _ => (year, year),
        };
        // Only the last year goes (a year entered by mistake): an earlier
        // one would leave agreements of that year without their minimum,
        // and the table keeps one year at least.
        let Some(cents) = cents else {
            return if !self.has(year) || (year == last && self.rates.len() > 1) {
                Ok(())
            } else {
                Err(
                    Violation::error("GRAT-02", field, MessageKey::Grat02RateGap)
                        .with_arg("last", i64::from(last)),
                )
            };
        };
        let min = first.saturating_sub(1).max(*RATE_YEARS.start());
        let max = last.saturating_add(1).min(*RATE_YEARS.end());
        if !(min..=max).contains(&year) {
            return Err(
                Violation::error("GRAT-02", "year", MessageKey::Grat02RateYear)
                    .with_arg("min", i64::from(min))
                    .with_arg("max", i64::from(max)),
            );
        }
        if !RATE_CENTS.contains(&cents) {
            return Err(
                Violation::error("GRAT-02", field, MessageKey::Grat02RateAmount)
                    .with_arg("min", Decimal::from_cents(*RATE_CENTS.start()))
                    .with_arg("max", Decimal::from_cents(*RATE_CENTS.end())),
            );
        }
        let before = self.rates.iter().rev().find(|(y, _)| *y < year);
        if let Some((y, rate)) = before.filter(|(_, rate)| cents < *rate) {
            return Err(
                Violation::error("GRAT-02", field, MessageKey::Grat02RateDecreases)
                    .with_arg("year", i64::from(*y))
                    .with_arg("rate", Decimal::from_cents(*rate)),
            );
        }
        let after = self.rates.iter().find(|(y, _)| *y > year);
        if let Some((y, rate)) = after.filter(|(_, rate)| cents > *rate) {
            return Err(
                Violation::error("GRAT-02", field, MessageKey::Grat02RateIncreases)
                    .with_arg("year", i64::from(*y))
                    .with_arg("rate", Decimal::from_cents(*rate)),
            );
        }
        Ok(())
    }

    /// GRAT-02: a year is entered once; a change corrects it.
    pub fn may_add(&self, year: i32) -> Result<(), Refusal> {
        if self.has(year) {
            Err(Refusal::new("GRAT-02", MessageKey::Grat02RateExists)
                .with_arg("year", i64::from(year)))
        } else {
            Ok(())
        }
    }

    fn has(&self, year: i32) -> bool {
        self.rates.iter().any(|(y, _)| *y == year)
    }
}

/// Read through [`RateTable::new`], so that a table from elsewhere is
/// sorted and has one rate per year like one built here.
impl<'de> Deserialize<'de> for RateTable {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            rates: Vec<(i32, i64)>,
        }
        Ok(Self::new(Raw::deserialize(deserializer)?.rates))
    }
}

impl Default for RateTable {
    fn default() -> Self {
        Self::compiled()
    }
}

/// Above this presence (at the same host, in the same academic year) the
/// stipend is mandatory: 2 months = 44 days of 7 h = 308 h (GRAT-01). The
/// threshold is strict: 308 h exactly leaves it optional.
pub const THRESHOLD_MINUTES: u64 = 308 * 60;

/// GRAT-01: whether a stipend is due for this much presence.
pub fn is_mandatory(total_minutes: u64) -> bool {
    total_minutes > THRESHOLD_MINUTES
}

/// A year the rate table does not cover yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("no minimum hourly rate known for {year}")]
pub struct UnknownRate {
    /// The year missing from the [`RateTable`].
    pub year: i32,
}

/// The legal minimum for the whole presence, in cents: each year's minutes
/// at that year's rate, so the minimum rises when the rate changes during the
/// internship; a year after the table's last takes the latest rate as a
/// floor ([`RateTable::rate`]). Rounded up to the cent, since it is a floor.
pub fn legal_minimum_cents(presence: &Presence, rates: &RateTable) -> Result<i64, UnknownRate> {
    let mut cent_minutes: i128 = 0;
    for year in &presence.by_year {
        let rate = rates
            .rate(year.year)
            .ok_or(UnknownRate { year: year.year })?;
        cent_minutes += i128::from(rate.cents) * i128::from(year.minutes);
    }
    Ok(i64::try_from((cent_minutes + 59) / 60).unwrap_or(i64::MAX))
}

/// The minutes of presence one unit of payment stands for, as an exact
/// fraction `numerator / denominator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitMinutes {
    /// Numerator, in minutes.
    pub numerator: u64,
    /// Denominator, never zero.
    pub denominator: u64,
}

/// How many minutes of presence one `unit` pays for.
///
/// * hour: 60;
/// * regular schedule: a day is the weekly presence divided by the days worked
///   per week (28 h over 4 days: 7 h); a week is the weekly presence; a month
///   is 22 days of one fifth of the week (D124-6's 22-day month, and the
///   official 154 h month at 35 h/week, so 693 € = 154 h × 4,50 €);
/// * irregular schedule: the same with the average day worked.
///
/// `None` when the schedule gives no presence to divide by.
pub fn unit_minutes(
    unit: StipendUnit,
    schedule: &Schedule,
    presence: &Presence,
) -> Option<UnitMinutes> {
    let (numerator, denominator) = match (unit, schedule) {
        (StipendUnit::Hour, _) => (60, 1),
        (
            StipendUnit::Day,
            Schedule::Regular {
                weekly_minutes,
                days_per_week,
            },
        ) => (
            u64::from(*weekly_minutes) * 2,
            u64::from(days_per_week.half_days()),
        ),
        (StipendUnit::Week, Schedule::Regular { weekly_minutes, .. }) => {
            (u64::from(*weekly_minutes), 1)
        }
        (StipendUnit::Month, Schedule::Regular { weekly_minutes, .. }) => {
            (u64::from(*weekly_minutes) * PRESENCE_DAYS_PER_MONTH, 5)
        }
        (unit, Schedule::Irregular { .. }) => {
            let days_per_unit = match unit {
                StipendUnit::Day => 1,
                StipendUnit::Week => 5,
                _ => PRESENCE_DAYS_PER_MONTH,
            };
            (
                presence.minutes * days_per_unit,
                u64::from(presence.working_days),
            )
        }
    };
    (numerator > 0 && denominator > 0).then_some(UnitMinutes {
        numerator,
        denominator,
    })
}

/// Compares `amount_cents` per unit with `rate_cents` per hour, exactly:
/// `Less` when the amount is below the rate.
pub fn compare_with_hourly_rate(
    amount_cents: i64,
    unit: UnitMinutes,
    rate_cents: i64,
) -> std::cmp::Ordering {
    // amount / (num / den) per minute vs rate / 60 per minute.
    let left = i128::from(amount_cents) * 60 * i128::from(unit.denominator);
    let right = i128::from(rate_cents) * i128::from(unit.numerator);
    left.cmp(&right)
}

/// The hourly equivalent of an amount, rounded to the nearest cent; for
/// display (comparisons use [`compare_with_hourly_rate`]).
pub fn hourly_cents(amount_cents: i64, unit: UnitMinutes) -> i64 {
    round_div(
        i128::from(amount_cents) * 60 * i128::from(unit.denominator),
        i128::from(unit.numerator),
    )
}

/// The total paid for `minutes` of presence at `amount_cents` per unit,
/// rounded to the nearest cent. Applied to the presence up to an early
/// termination it gives the prorated stipend (GRAT-07).
pub fn total_cents(amount_cents: i64, unit: UnitMinutes, minutes: u64) -> i64 {
    round_div(
        i128::from(amount_cents) * i128::from(minutes) * i128::from(unit.denominator),
        i128::from(unit.numerator),
    )
}

/// Rounds half away from zero; `den` is positive.
fn round_div(num: i128, den: i128) -> i64 {
    let half = den / 2;
    let q = if num >= 0 {
        (num + half) / den
    } else {
        (num - half) / den
    };
    i64::try_from(q).unwrap_or(if q > 0 { i64::MAX } else { i64::MIN })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::duration::{YearMinutes, presence};
    use crate::model::DaysPerWeek;
    use chrono::NaiveDate;
    use std::cmp::Ordering;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn regular(weekly_hours: u32, half_days: u8) -> Schedule {
        Schedule::Regular {
            weekly_minutes: weekly_hours * 60,
            days_per_week: DaysPerWeek::from_half_days(half_days).unwrap(),
        }
    }

    fn one_year(year: i32, hours: u64) -> Presence {
        Presence {
            minutes: hours * 60,
            working_days: 0,
            by_year: vec![YearMinutes {
                year,
                minutes: hours * 60,
            }],
        }
    }

    #[test]
    fn rate_table() {
        let rates = RateTable::compiled();
        let cents = |year| rates.rate(year).map(|r| r.cents);
        assert_eq!(cents(2019), Some(375));
        assert_eq!(cents(2022), Some(390));
        assert_eq!(cents(2023), Some(405));
        assert_eq!(cents(2025), Some(435));
        assert_eq!(cents(2026), Some(450));
        assert_eq!(cents(2018), None);
        assert_eq!(rates.latest_until(2030), Some((2026, 450)));
        assert_eq!(rates.latest_until(2018), None);
    }

    fn refused_key(result: Result<(), Violation>) -> Option<String> {
        result.err().map(|v| {
            assert_eq!(v.rule, "GRAT-02");
            v.message_key
        })
    }

    /// GRAT-02 as data: the next year is added at or above the last rate;
    /// a gap, a lower rate, an absurd amount or removing a year in the
    /// middle are refused with their reason.
    #[test]
    fn the_rate_table_changes_only_in_sequence_and_never_downwards() {
        let t = RateTable::compiled();
        assert_eq!(refused_key(t.check_change(2027, Some(450))), None);
        assert_eq!(refused_key(t.check_change(2027, Some(462))), None);
        assert_eq!(
            refused_key(t.check_change(2018, Some(375))),
            None,
            "the year before the first"
        );
        assert_eq!(
            refused_key(t.check_change(2026, Some(435))),
            None,
            "2025's rate: equal is fine"
        );
        assert_eq!(
            refused_key(t.check_change(2028, Some(470))),
            Some(MessageKey::Grat02RateYear.as_str().to_owned())
        );
        assert_eq!(
            refused_key(t.check_change(2017, Some(300))),
            Some(MessageKey::Grat02RateYear.as_str().to_owned())
        );
        assert_eq!(
            refused_key(t.check_change(2027, Some(449))),
            Some(MessageKey::Grat02RateDecreases.as_str().to_owned())
        );
        assert_eq!(
            refused_key(t.check_change(2024, Some(451))),
            Some(MessageKey::Grat02RateIncreases.as_str().to_owned()),
            "above 2025's 4.35"
        );
        assert_eq!(
            refused_key(t.check_change(2027, Some(99))),
            Some(MessageKey::Grat02RateAmount.as_str().to_owned())
        );
        assert_eq!(
            refused_key(t.check_change(2027, Some(5_001))),
            Some(MessageKey::Grat02RateAmount.as_str().to_owned())
        );
        assert_eq!(refused_key(t.check_change(2027, Some(5_000))), None);
        assert_eq!(
            refused_key(t.check_change(2026, None)),
            None,
            "the last year"
        );
        assert_eq!(
            refused_key(t.check_change(2019, None)),
            Some(MessageKey::Grat02RateGap.as_str().to_owned()),
            "the first year"
        );
        assert_eq!(
            refused_key(RateTable::new([(2026, 450)]).check_change(2026, None)),
            Some(MessageKey::Grat02RateGap.as_str().to_owned()),
            "the only year"
        );
        assert_eq!(
            refused_key(t.check_change(2023, None)),
            Some(MessageKey::Grat02RateGap.as_str().to_owned())
        );
        assert!(t.may_add(2027).is_ok());
        assert_eq!(t.may_add(2026).unwrap_err().rule, "GRAT-02");
        let empty = RateTable::new([]);
        assert_eq!(refused_key(empty.check_change(2026, Some(450))), None);
        assert_eq!(
            refused_key(empty.check_change(2101, Some(450))),
            Some(MessageKey::Grat02RateYear.as_str().to_owned())
        );
    }

    #[test]
    fn threshold_is_strict() {
        assert!(!is_mandatory(307 * 60));
        assert!(!is_mandatory(308 * 60));
        assert!(is_mandatory(308 * 60 + 1));
        assert!(is_mandatory(309 * 60));
    }

    #[test]
    fn regulation_vector_315h_in_2026() {
        // 35 h × 8 weeks = 280 h: optional; × 9 weeks = 315 h: mandatory.
        let eight = presence(d(2026, 1, 5), d(2026, 2, 27), &[], &regular(35, 10));
        assert!(!is_mandatory(eight.minutes));
        let nine = presence(d(2026, 1, 5), d(2026, 3, 6), &[], &regular(35, 10));
        assert!(is_mandatory(nine.minutes));
        assert_eq!(
            legal_minimum_cents(&nine, &RateTable::compiled()),
            Ok(141_750)
        );
    }

    #[test]
    fn minimum_rises_with_the_rate() {
        // 2025-12-01 to 2026-01-30: December at 4.35, January at 4.50.
        let p = presence(d(2025, 12, 1), d(2026, 1, 30), &[], &regular(35, 10));
        let dec = p.by_year[0].minutes;
        let jan = p.by_year[1].minutes;
        assert_eq!(dec, 22 * 420, "December 2025: 23 weekdays minus Christmas");
        assert_eq!(
            jan,
            21 * 420,
            "January 2026 (to the 30th): 22 weekdays minus 1 January"
        );
        let expected = (dec as i64 * 435 + jan as i64 * 450 + 59) / 60;
        let rates = RateTable::compiled();
        assert_eq!(legal_minimum_cents(&p, &rates), Ok(expected));
        assert_eq!(
            legal_minimum_cents(&one_year(2018, 10), &rates),
            Err(UnknownRate { year: 2018 })
        );
    }

    /// A year the installation's table lacks is paid at least the latest
    /// known rate; once an administrator enters that year, its own rate.
    #[test]
    fn the_legal_minimum_reads_the_installations_table() {
        let ten_hours_2027 = one_year(2027, 10);
        assert_eq!(
            legal_minimum_cents(&ten_hours_2027, &RateTable::compiled()),
            Ok(4_500),
            "2026's 4.50 as a floor"
        );
        let with_2027 = RateTable::new(MIN_HOURLY_RATES_CENTS.into_iter().chain([(2027, 462)]));
        assert_eq!(legal_minimum_cents(&ten_hours_2027, &with_2027), Ok(4_620));
        assert_eq!(
            legal_minimum_cents(&ten_hours_2027, &RateTable::new([])),
            Err(UnknownRate { year: 2027 })
        );
    }

    #[test]
    fn monthly_and_daily_conversions() {
        let p = one_year(2026, 0);
        let month = unit_minutes(StipendUnit::Month, &regular(35, 10), &p).unwrap();
        // 693,00 € per month at 35 h/week is exactly 4,50 € per hour.
        assert_eq!(
            compare_with_hourly_rate(69_300, month, 450),
            Ordering::Equal
        );
        assert_eq!(compare_with_hourly_rate(69_299, month, 450), Ordering::Less);
        assert_eq!(hourly_cents(69_300, month), 450);
        // 30 € a day, 28 h over 4 days: 7 h days, 4,29 € an hour.
        let day = unit_minutes(StipendUnit::Day, &regular(28, 8), &p).unwrap();
        assert_eq!(hourly_cents(3_000, day), 429);
        let week = unit_minutes(StipendUnit::Week, &regular(35, 10), &p).unwrap();
        assert_eq!(hourly_cents(15_750, week), 450);
        assert_eq!(unit_minutes(StipendUnit::Week, &regular(0, 10), &p), None);
    }

    #[test]
    fn prorated_total_on_early_termination() {
        // 693 €/month, stopped after 22 days of 7 h (one D124-6 month): 693 €.
        let month = unit_minutes(StipendUnit::Month, &regular(35, 10), &one_year(2026, 0)).unwrap();
        assert_eq!(total_cents(69_300, month, 154 * 60), 69_300);
        // Half of it for 77 h.
        assert_eq!(total_cents(69_300, month, 77 * 60), 34_650);
    }

    #[test]
    fn a_year_after_the_table_takes_the_latest_rate_as_a_floor() {
        let table = RateTable::compiled();
        assert_eq!(
            table.rate(2026),
            Some(YearRate {
                cents: 450,
                of_year: 2026
            })
        );
        assert_eq!(
            table.rate(2031),
            Some(YearRate {
                cents: 450,
                of_year: 2026
            })
        );
        assert_eq!(table.rate(2018), None, "before the table: no floor");
        // A year missing inside the table has no floor either, and a year
        // given twice keeps its last rate.
        let gappy = RateTable::new([(2020, 390), (2022, 400), (2022, 405)]);
        assert_eq!(gappy.rate(2021), None);
        assert_eq!(gappy.rate(2022).map(|r| r.cents), Some(405));
    }
}
