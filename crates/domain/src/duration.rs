//! Effective presence (DUR-01, DUR-06).
//!
//! Presence is counted day by day from the first to the last day: Saturdays,
//! Sundays, the 11 French public holidays and interruption days count nothing;
//! every other day counts its daily presence.
//!
//! **Regular schedule.** Each Monday-to-Friday working day counts one fifth
//! of the weekly presence, whatever the number of days worked per week. We do
//! not know *which* weekdays a 4-day intern takes off, so spreading the weekly
//! hours over the five weekdays keeps every full week exact and makes a public
//! holiday cost one fifth of a week, its expected value. A 6-day week (Saturday
//! worked) is handled the same way. This is ESUP-Stage's rule (DUR-06).
//!
//! **Part time.** The weekly presence entered is what the intern actually
//! does; the part-time percentage is shown on the agreement but not applied a
//! second time (28 h entered at 80 % counts 28 h, not 22.4 h).
//!
//! **Breakdown.** D124-6 turns hours into days and months: every 7 hours of
//! presence is a day and every 22 such days a month, so a part-time intern's
//! month is longer in calendar time — which is the point of the rule (and what
//! ESUP-Stage gets wrong, issue #340, by counting calendar days).
//!
//! The count works on spans of days rather than on each day, so its cost does
//! not grow with the length of the internship; a day-by-day reference
//! implementation in the tests checks it on random inputs.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::french_public_holidays;
use crate::model::{Period, Schedule};

/// Minutes in one day of presence (D124-6: 7 hours).
pub const MINUTES_PER_PRESENCE_DAY: u64 = 7 * 60;

/// Days of presence in one month (D124-6: 22 days).
pub const PRESENCE_DAYS_PER_MONTH: u64 = 22;

/// Presence in one calendar year, for figures that change on 1 January (the
/// stipend's minimum hourly rate, GRAT-02).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearMinutes {
    /// Calendar year.
    pub year: i32,
    /// Presence in that year, in minutes.
    pub minutes: u64,
}

/// The result of counting presence.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Presence {
    /// Total effective presence, in minutes.
    pub minutes: u64,
    /// Days with some presence.
    pub working_days: u32,
    /// Presence per calendar year, in year order; sums to `minutes`.
    pub by_year: Vec<YearMinutes>,
}

impl Presence {
    /// The D124-6 breakdown of the total.
    pub fn breakdown(&self) -> DurationBreakdown {
        breakdown(self.minutes)
    }
}

/// A duration in D124-6 units: `months` of 22 days, `days` of 7 hours, and the
/// remaining `minutes` (always under 7 hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DurationBreakdown {
    /// Whole months of 22 days of 7 hours.
    pub months: u64,
    /// Whole days of 7 hours beyond the months (0–21).
    pub days: u64,
    /// Minutes beyond the days (0–419).
    pub minutes: u64,
}

/// Splits minutes of presence into 22-day months, 7-hour days and minutes.
pub fn breakdown(minutes: u64) -> DurationBreakdown {
    let days = minutes / MINUTES_PER_PRESENCE_DAY;
    DurationBreakdown {
        months: days / PRESENCE_DAYS_PER_MONTH,
        days: days % PRESENCE_DAYS_PER_MONTH,
        minutes: minutes % MINUTES_PER_PRESENCE_DAY,
    }
}

/// Total effective presence in minutes; see [`presence`].
pub fn effective_minutes(
    start: NaiveDate,
    end: NaiveDate,
    interruptions: &[Period],
    schedule: &Schedule,
) -> u64 {
    presence(start, end, interruptions, schedule).minutes
}

/// Counts effective presence from `start` to `end` (both included).
///
/// An inverted range or period counts nothing. In an irregular schedule a day
/// covered by two periods counts once, with the first period's hours (the
/// rules report the overlap, DUR-05).
pub fn presence(
    start: NaiveDate,
    end: NaiveDate,
    interruptions: &[Period],
    schedule: &Schedule,
) -> Presence {
    let internship = (day_number(start), day_number(end));
    let cuts = merge(
        interruptions
            .iter()
            .map(|p| (day_number(p.start), day_number(p.end))),
    );
    let mut tally = Tally::default();
    match schedule {
        Schedule::Regular { weekly_minutes, .. } => {
            // Count days per year first, then turn cumulative days into
            // minutes so that the yearly figures add up to the total exactly.
            let mut days_by_year: Vec<(i32, u64)> = Vec::new();
            for span in subtract(internship, &cuts) {
                for (year, days) in working_days_by_year(span) {
                    match days_by_year.last_mut() {
                        Some((y, d)) if *y == year => *d += days,
                        _ => days_by_year.push((year, days)),
                    }
                }
            }
            let weekly = u64::from(*weekly_minutes);
            let mut cumulative_days = 0;
            let mut counted = 0;
            for (year, days) in days_by_year {
                cumulative_days += days;
                let up_to_now = weekly * cumulative_days / 5;
                tally.add(year, days, up_to_now - counted, weekly > 0);
                counted = up_to_now;
            }
        }
        Schedule::Irregular { periods } => {
            let mut covered: Vec<Span> = Vec::new();
            for period in periods {
                let clipped = (
                    day_number(period.start).max(internship.0),
                    day_number(period.end).min(internship.1),
                );
                if clipped.0 > clipped.1 {
                    continue;
                }
                let excluded = merge(cuts.iter().chain(covered.iter()).copied());
                let per_day = u64::from(period.minutes_per_day);
                for span in subtract(clipped, &excluded) {
                    for (year, days) in working_days_by_year(span) {
                        tally.add(year, days, days * per_day, per_day > 0);
                    }
                }
                covered.push(clipped);
            }
        }
    }
    tally.finish()
}

/// Accumulates presence per year.
#[derive(Default)]
struct Tally {
    presence: Presence,
}

impl Tally {
    fn add(&mut self, year: i32, days: u64, minutes: u64, counts_days: bool) {
        if counts_days {
            let days = u32::try_from(days).unwrap_or(u32::MAX);
            self.presence.working_days = self.presence.working_days.saturating_add(days);
        }
        self.presence.minutes += minutes;
        match self.presence.by_year.iter_mut().find(|y| y.year == year) {
            Some(entry) => entry.minutes += minutes,
            None => self.presence.by_year.push(YearMinutes { year, minutes }),
        }
    }

    fn finish(mut self) -> Presence {
        self.presence.by_year.retain(|y| y.minutes > 0);
        self.presence.by_year.sort_unstable_by_key(|y| y.year);
        self.presence
    }
}

/// Inclusive span of day numbers (days since 0001-01-01, which was a Monday).
type Span = (i32, i32);

fn day_number(date: NaiveDate) -> i32 {
    date.num_days_from_ce()
}

fn date_of(day: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(day)
}

/// 0 = Monday … 6 = Sunday.
fn weekday_index(day: i32) -> i32 {
    (day - 1).rem_euclid(7)
}

/// Monday-to-Friday days among the `t` days starting on Monday 0001-01-01
/// (offset 0); `div_euclid` keeps it right for dates before that Monday.
fn weekdays_before(t: i32) -> i64 {
    i64::from(t.div_euclid(7)) * 5 + i64::from(t.rem_euclid(7).min(5))
}

/// Sorts spans, drops inverted ones and merges overlapping or adjacent ones.
fn merge(spans: impl Iterator<Item = Span>) -> Vec<Span> {
    let mut spans: Vec<Span> = spans.filter(|(a, b)| a <= b).collect();
    spans.sort_unstable();
    let mut merged: Vec<Span> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The parts of `base` outside every span of `cuts` (sorted and merged).
fn subtract(base: Span, cuts: &[Span]) -> Vec<Span> {
    let mut parts = Vec::new();
    let mut from = base.0;
    for &(a, b) in cuts {
        if b < from || a > base.1 {
            continue;
        }
        if a > from {
            parts.push((from, a - 1));
        }
        from = from.max(b.saturating_add(1));
    }
    if from <= base.1 {
        parts.push((from, base.1));
    }
    parts
}

/// Working days (weekdays that are not public holidays) of a span, per year.
fn working_days_by_year(span: Span) -> Vec<(i32, u64)> {
    let (Some(first), Some(last)) = (date_of(span.0), date_of(span.1)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for year in first.year()..=last.year() {
        let year_start = NaiveDate::from_ymd_opt(year, 1, 1).map_or(span.0, day_number);
        let year_end = NaiveDate::from_ymd_opt(year, 12, 31).map_or(span.1, day_number);
        let (a, b) = (span.0.max(year_start), span.1.min(year_end));
        let weekdays = weekdays_before(b) - weekdays_before(a - 1);
        let holidays = french_public_holidays(year)
            .into_iter()
            .map(day_number)
            .filter(|&h| a <= h && h <= b && weekday_index(h) < 5)
            .count();
        let days = u64::try_from(weekdays).unwrap_or(0);
        out.push((year, days.saturating_sub(holidays as u64)));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::calendar::is_french_public_holiday;
    use crate::model::{DaysPerWeek, SchedulePeriod};
    use chrono::{Days, Weekday};
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn regular(hours: u32) -> Schedule {
        Schedule::Regular {
            weekly_minutes: hours * 60,
            days_per_week: DaysPerWeek::FIVE,
        }
    }

    /// Day-by-day reference: the rule as a user would apply it with a calendar.
    fn naive(start: NaiveDate, end: NaiveDate, cuts: &[Period], schedule: &Schedule) -> u64 {
        let mut total_fifths = 0u64;
        let mut day = start;
        while day <= end {
            let working = !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
                && !is_french_public_holiday(day)
                && !cuts.iter().any(|c| c.start <= day && day <= c.end);
            if working {
                total_fifths += match schedule {
                    Schedule::Regular { weekly_minutes, .. } => u64::from(*weekly_minutes),
                    Schedule::Irregular { periods } => periods
                        .iter()
                        .find(|p| p.start <= day && day <= p.end)
                        .map_or(0, |p| u64::from(p.minutes_per_day) * 5),
                };
            }
            day = day.succ_opt().unwrap();
        }
        total_fifths / 5
    }

    #[test]
    fn regulation_vectors_35h_per_week() {
        // 8 weeks from Monday 5 January 2026, no public holiday: 280 h.
        let eight = effective_minutes(d(2026, 1, 5), d(2026, 2, 27), &[], &regular(35));
        assert_eq!(eight, 280 * 60);
        // 9 weeks: 315 h, 45 days of 7 h.
        let nine = presence(d(2026, 1, 5), d(2026, 3, 6), &[], &regular(35));
        assert_eq!(nine.minutes, 315 * 60);
        assert_eq!(nine.working_days, 45);
        // September–October 2025 also has 9 weeks without a public holiday
        // (1 November is the next one).
        let autumn = effective_minutes(d(2025, 9, 1), d(2025, 10, 31), &[], &regular(35));
        assert_eq!(autumn, 315 * 60);
    }

    #[test]
    fn public_holidays_and_interruptions_are_excluded() {
        // May 2025: 22 weekdays minus 1 May, 8 May, Ascension 29 May = 19 days.
        let may = presence(d(2025, 5, 1), d(2025, 5, 31), &[], &regular(35));
        assert_eq!(may.working_days, 19);
        assert_eq!(may.minutes, 19 * 7 * 60);
        let cut = [Period {
            start: d(2025, 5, 12),
            end: d(2025, 5, 16),
        }];
        assert_eq!(
            effective_minutes(d(2025, 5, 1), d(2025, 5, 31), &cut, &regular(35)),
            14 * 7 * 60
        );
    }

    #[test]
    fn fewer_days_per_week_spread_over_five_weekdays() {
        let schedule = Schedule::Regular {
            weekly_minutes: 28 * 60,
            days_per_week: DaysPerWeek::from_half_days(8).unwrap(),
        };
        // Two full weeks: 56 h, whichever weekday is off.
        assert_eq!(
            effective_minutes(d(2025, 3, 3), d(2025, 3, 14), &[], &schedule),
            56 * 60
        );
    }

    #[test]
    fn irregular_periods_first_wins_and_gaps_count_nothing() {
        let schedule = Schedule::Irregular {
            periods: vec![
                SchedulePeriod {
                    start: d(2025, 3, 3),
                    end: d(2025, 3, 7),
                    minutes_per_day: 8 * 60,
                },
                SchedulePeriod {
                    start: d(2025, 3, 6),
                    end: d(2025, 3, 14),
                    minutes_per_day: 4 * 60,
                },
            ],
        };
        let p = presence(d(2025, 3, 1), d(2025, 3, 21), &[], &schedule);
        assert_eq!(p.minutes, (5 * 8 + 5 * 4) * 60);
        assert_eq!(p.working_days, 10);
    }

    #[test]
    fn presence_is_split_by_calendar_year() {
        let p = presence(d(2025, 12, 29), d(2026, 1, 2), &[], &regular(35));
        assert_eq!(
            p.by_year,
            vec![
                YearMinutes {
                    year: 2025,
                    minutes: 3 * 420
                },
                YearMinutes {
                    year: 2026,
                    minutes: 420
                }
            ]
        );
    }

    #[test]
    fn breakdown_7h_days_22_day_months() {
        assert_eq!(
            breakdown(308 * 60),
            DurationBreakdown {
                months: 2,
                days: 0,
                minutes: 0
            }
        );
        assert_eq!(
            breakdown(924 * 60 + 3 * 60),
            DurationBreakdown {
                months: 6,
                days: 0,
                minutes: 180
            }
        );
        assert_eq!(
            breakdown(160 * 60),
            DurationBreakdown {
                months: 1,
                days: 0,
                minutes: 360
            }
        );
    }

    #[test]
    fn inverted_range_counts_nothing() {
        assert_eq!(
            effective_minutes(d(2025, 3, 10), d(2025, 3, 3), &[], &regular(35)),
            0
        );
    }

    fn date_strategy() -> impl Strategy<Value = NaiveDate> {
        (0u64..1500).prop_map(|offset| d(2024, 1, 1).checked_add_days(Days::new(offset)).unwrap())
    }

    fn period_strategy() -> impl Strategy<Value = Period> {
        (date_strategy(), 0u64..60).prop_map(|(start, len)| Period {
            start,
            end: start.checked_add_days(Days::new(len)).unwrap(),
        })
    }

    fn schedule_strategy() -> impl Strategy<Value = Schedule> {
        prop_oneof![
            (0u32..=84 * 60).prop_map(|weekly_minutes| Schedule::Regular {
                weekly_minutes,
                days_per_week: DaysPerWeek::FIVE,
            }),
            prop::collection::vec((period_strategy(), 0u32..=12 * 60), 0..4).prop_map(|ps| {
                Schedule::Irregular {
                    periods: ps
                        .into_iter()
                        .map(|(p, m)| SchedulePeriod {
                            start: p.start,
                            end: p.end,
                            minutes_per_day: m,
                        })
                        .collect(),
                }
            }),
        ]
    }

    proptest! {
        #[test]
        fn matches_the_day_by_day_count(
            start in date_strategy(),
            len in 0u64..400,
            cuts in prop::collection::vec(period_strategy(), 0..4),
            schedule in schedule_strategy(),
        ) {
            let end = start.checked_add_days(Days::new(len)).unwrap();
            let fast = presence(start, end, &cuts, &schedule);
            let reference = naive(start, end, &cuts, &schedule);
            // A regular schedule floors once on the total; the reference floors
            // the same way, so they agree to the minute.
            prop_assert_eq!(fast.minutes, reference);
            prop_assert_eq!(fast.by_year.iter().map(|y| y.minutes).sum::<u64>(), fast.minutes);
        }

        #[test]
        fn monotone_in_the_end_date(
            start in date_strategy(),
            len in 0u64..400,
            extra in 0u64..60,
            cuts in prop::collection::vec(period_strategy(), 0..3),
            schedule in schedule_strategy(),
        ) {
            let end = start.checked_add_days(Days::new(len)).unwrap();
            let later = end.checked_add_days(Days::new(extra)).unwrap();
            prop_assert!(
                effective_minutes(start, end, &cuts, &schedule)
                    <= effective_minutes(start, later, &cuts, &schedule)
            );
        }

        #[test]
        fn an_interruption_never_adds_hours(
            start in date_strategy(),
            len in 0u64..400,
            cuts in prop::collection::vec(period_strategy(), 0..3),
            added in period_strategy(),
            schedule in schedule_strategy(),
        ) {
            let end = start.checked_add_days(Days::new(len)).unwrap();
            let before = presence(start, end, &cuts, &schedule);
            let mut more = cuts.clone();
            more.push(added);
            let after = presence(start, end, &more, &schedule);
            prop_assert!(after.minutes <= before.minutes);
            prop_assert!(after.working_days <= before.working_days);
        }
    }
}
