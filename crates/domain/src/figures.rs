//! The figures shown beside step 5 while it is typed, and on the summary:
//! effective presence, its D124-6 breakdown, whether a stipend is due, the
//! legal minimum, and the hourly equivalent of the stipend entered. The SPA
//! computes them live and the API returns the same, from this one function.

use serde::{Deserialize, Serialize};

use crate::duration::{DurationBreakdown, Presence, presence};
use crate::model::Internship;
use crate::stipend::{RateTable, hourly_cents, is_mandatory, legal_minimum_cents, unit_minutes};

/// What the internship's dates, schedule and stipend amount to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    /// Effective presence in minutes (DUR-01).
    pub effective_minutes: u64,
    /// The same in 22-day months, 7-hour days and minutes.
    pub duration: DurationBreakdown,
    /// Days with presence.
    pub working_days: u32,
    /// Above 308 hours: a stipend is due from the first hour (GRAT-01).
    pub stipend_mandatory: bool,
    /// The legal minimum for the whole presence, in cents (GRAT-02), at
    /// the installation's rates; `None` when the rate of a year is unknown
    /// or the figures were measured without the rates.
    pub legal_minimum_cents: Option<i64>,
    /// The stipend entered, per hour of presence, in cents.
    pub stipend_hourly_cents: Option<i64>,
}

/// The figures, once the dates and the schedule are known, with the legal
/// minimum at these `rates` (the installation's table, GRAT-02).
pub fn figures(internship: &Internship, rates: &RateTable) -> Option<Figures> {
    let (mut figures, presence) = measured(internship)?;
    figures.legal_minimum_cents = legal_minimum_cents(&presence, rates).ok();
    Some(figures)
}

/// The figures that do not depend on the rates (no legal minimum): what
/// is stored with a convention for search and statistics.
pub fn measure(internship: &Internship) -> Option<Figures> {
    measured(internship).map(|(figures, _)| figures)
}

fn measured(internship: &Internship) -> Option<(Figures, Presence)> {
    let (start, end) = internship.dates()?;
    let schedule = internship.schedule()?;
    let presence = presence(start, end, &internship.interruptions, &schedule);
    let stipend_hourly_cents = match (
        internship.stipend_paid,
        internship.stipend.amount_cents,
        internship.stipend.unit,
    ) {
        (Some(true), Some(amount), Some(unit)) => {
            unit_minutes(unit, &schedule, &presence).map(|u| hourly_cents(amount, u))
        }
        _ => None,
    };
    let figures = Figures {
        effective_minutes: presence.minutes,
        duration: presence.breakdown(),
        working_days: presence.working_days,
        stipend_mandatory: is_mandatory(presence.minutes),
        legal_minimum_cents: None,
        stipend_hourly_cents,
    };
    Some((figures, presence))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{DaysPerWeek, StipendTerms, StipendUnit};
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// 35 h a week for nine weeks of 2026 without holidays: 315 h, above
    /// 308 h, so the stipend is due; 315 × 4.50 € = 1 417.50 €.
    #[test]
    fn nine_weeks_at_35_hours_make_a_stipend_due() {
        let internship = Internship {
            start: Some(date(2026, 9, 7)),
            end: Some(date(2026, 11, 6)),
            regular_schedule: Some(true),
            weekly_minutes: Some(35 * 60),
            days_per_week: Some(DaysPerWeek::FIVE),
            stipend_paid: Some(true),
            stipend: StipendTerms {
                amount_cents: Some(69_300),
                unit: Some(StipendUnit::Month),
                ..StipendTerms::default()
            },
            ..Internship::default()
        };
        let f = figures(&internship, &RateTable::compiled()).unwrap();
        assert_eq!(f.effective_minutes, 315 * 60);
        assert!(f.stipend_mandatory);
        assert_eq!(f.legal_minimum_cents, Some(141_750));
        assert_eq!(f.stipend_hourly_cents, Some(450));
        assert_eq!(f.duration.months, 2);
        let measured = measure(&internship).unwrap();
        assert_eq!(measured.legal_minimum_cents, None, "no rates, no minimum");
        assert_eq!(measured.effective_minutes, f.effective_minutes);
    }

    #[test]
    fn no_figures_without_dates_or_schedule() {
        assert_eq!(
            figures(&Internship::default(), &RateTable::compiled()),
            None
        );
        assert_eq!(measure(&Internship::default()), None);
    }
}
