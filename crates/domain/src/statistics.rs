//! The indicators of a centre's year (duration bands, stipend bands, the
//! share of paid internships, completion of evaluations), computed from
//! the counts the database groups, so that a million conventions are never
//! loaded one by one. The bands follow the law's thresholds: 308 hours
//! (GRAT-01), twice that, 924 hours (DUR-02).

use serde::{Deserialize, Serialize};

use crate::rules::limits::MAX_MINUTES_PER_HOST_YEAR;
use crate::stipend::{RateTable, THRESHOLD_MINUTES};

/// Effective presence, in the statutory bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DurationBand {
    /// Up to 308 h (2 months): no stipend due.
    UpToTwoMonths,
    /// Above 308 h, up to 616 h.
    TwoToFourMonths,
    /// Above 616 h, up to 924 h (6 months, the most at one host).
    FourToSixMonths,
    /// Above 924 h: beyond DUR-02 (derogations only).
    OverSixMonths,
}

impl DurationBand {
    /// Every band, shortest first.
    pub const ALL: [Self; 4] = [
        Self::UpToTwoMonths,
        Self::TwoToFourMonths,
        Self::FourToSixMonths,
        Self::OverSixMonths,
    ];

    /// The band of `minutes` of presence (upper bounds included).
    pub fn of(minutes: u64) -> Self {
        if minutes <= THRESHOLD_MINUTES {
            Self::UpToTwoMonths
        } else if minutes <= 2 * THRESHOLD_MINUTES {
            Self::TwoToFourMonths
        } else if minutes <= MAX_MINUTES_PER_HOST_YEAR {
            Self::FourToSixMonths
        } else {
            Self::OverSixMonths
        }
    }
}

/// The hourly stipend against the year's legal minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StipendBand {
    /// Below the legal minimum (a short internship may pay less).
    BelowMinimum,
    /// At the minimum (to the cent).
    AtMinimum,
    /// Up to a quarter above it.
    UpToQuarterAbove,
    /// More than a quarter above it.
    MoreThanQuarterAbove,
}

impl StipendBand {
    /// Every band, lowest first.
    pub const ALL: [Self; 4] = [
        Self::BelowMinimum,
        Self::AtMinimum,
        Self::UpToQuarterAbove,
        Self::MoreThanQuarterAbove,
    ];

    /// The band of an hourly stipend against the minimum `rate`.
    pub fn of(hourly_cents: i64, rate_cents: i64) -> Self {
        if hourly_cents < rate_cents {
            Self::BelowMinimum
        } else if hourly_cents == rate_cents {
            Self::AtMinimum
        } else if hourly_cents * 4 <= rate_cents * 5 {
            Self::UpToQuarterAbove
        } else {
            Self::MoreThanQuarterAbove
        }
    }
}

/// How many fall in one band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BandCount<B> {
    /// The band.
    pub band: B,
    /// Conventions in it.
    pub count: u64,
}

/// Durations of a set of conventions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DurationSummary {
    /// Conventions whose presence is known.
    pub counted: u64,
    /// By band, every band listed.
    pub bands: Vec<BandCount<DurationBand>>,
    /// Median presence in minutes (the lower median).
    pub median_minutes: Option<u64>,
    /// Mean presence in minutes, rounded down.
    pub mean_minutes: Option<u64>,
}

/// The value below which half of a histogram lies (the lower median).
fn median(histogram: &[(u64, u64)]) -> Option<u64> {
    let mut sorted: Vec<(u64, u64)> = histogram.iter().copied().filter(|(_, n)| *n > 0).collect();
    sorted.sort_unstable();
    let total: u64 = sorted.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let middle = total.div_ceil(2);
    let mut seen = 0;
    sorted.into_iter().find_map(|(value, n)| {
        seen += n;
        (seen >= middle).then_some(value)
    })
}

/// Sums a histogram of presence (minutes, conventions) into the bands.
pub fn summarise_durations(histogram: &[(u64, u64)]) -> DurationSummary {
    let counted: u64 = histogram.iter().map(|(_, n)| n).sum();
    let total: u128 = histogram
        .iter()
        .map(|(m, n)| u128::from(*m) * u128::from(*n))
        .sum();
    let bands = DurationBand::ALL
        .iter()
        .map(|&band| BandCount {
            band,
            count: histogram
                .iter()
                .filter(|(m, _)| DurationBand::of(*m) == band)
                .map(|(_, n)| n)
                .sum(),
        })
        .collect();
    DurationSummary {
        counted,
        bands,
        median_minutes: median(histogram),
        mean_minutes: (counted > 0)
            .then(|| u64::try_from(total / u128::from(counted)).unwrap_or(u64::MAX)),
    }
}

/// What the stipends of a set of conventions amount to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StipendSummary {
    /// Conventions with a stipend.
    pub paid: u64,
    /// Conventions without one.
    pub unpaid: u64,
    /// Conventions that do not say yet.
    pub unknown: u64,
    /// Paid among those that say, in tenths of a percent (625 = 62.5 %).
    pub paid_share_permille: Option<u64>,
    /// Unpaid although above 308 h (GRAT-01 would refuse them now).
    pub unpaid_though_due: u64,
    /// The year of the legal minimum the bands compare with.
    pub rate_year: Option<i32>,
    /// That minimum, in cents per hour.
    pub rate_cents: Option<i64>,
    /// Paid conventions with a known hourly amount, by band (empty when
    /// no rate is known).
    pub bands: Vec<BandCount<StipendBand>>,
    /// Median hourly stipend in cents (the lower median).
    pub median_hourly_cents: Option<i64>,
}

/// The legal minimum the stipends of an academic year starting in
/// `start_year` compare with: most internships run in the spring after,
/// so that year's rate, or the latest one known before it, in the
/// installation's table.
pub fn reference_rate(start_year: i32, rates: &RateTable) -> Option<(i32, i64)> {
    rates.latest_until(start_year + 1)
}

/// The counts the database gives about stipends.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StipendCounts {
    /// Paid, unpaid, not said.
    pub paid: u64,
    /// Unpaid.
    pub unpaid: u64,
    /// Not said yet.
    pub unknown: u64,
    /// Unpaid above 308 h.
    pub unpaid_though_due: u64,
    /// Histogram of the hourly amounts of the paid ones (cents, count).
    pub hourly: Vec<(i64, u64)>,
}

/// Sums up the stipends of an academic year starting in `start_year`.
pub fn summarise_stipends(
    counts: &StipendCounts,
    start_year: i32,
    rates: &RateTable,
) -> StipendSummary {
    let said = counts.paid + counts.unpaid;
    let rate = reference_rate(start_year, rates);
    let bands = match rate {
        Some((_, rate)) => StipendBand::ALL
            .iter()
            .map(|&band| BandCount {
                band,
                count: counts
                    .hourly
                    .iter()
                    .filter(|(cents, _)| StipendBand::of(*cents, rate) == band)
                    .map(|(_, n)| n)
                    .sum(),
            })
            .collect(),
        None => Vec::new(),
    };
    let as_unsigned: Vec<(u64, u64)> = counts
        .hourly
        .iter()
        .filter_map(|(cents, n)| u64::try_from(*cents).ok().map(|c| (c, *n)))
        .collect();
    StipendSummary {
        paid: counts.paid,
        unpaid: counts.unpaid,
        unknown: counts.unknown,
        paid_share_permille: (said > 0).then(|| (counts.paid * 1000 + said / 2) / said),
        unpaid_though_due: counts.unpaid_though_due,
        rate_year: rate.map(|(year, _)| year),
        rate_cents: rate.map(|(_, cents)| cents),
        bands,
        median_hourly_cents: median(&as_unsigned).and_then(|m| i64::try_from(m).ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_bands_follow_the_statutory_thresholds() {
        assert_eq!(DurationBand::of(308 * 60), DurationBand::UpToTwoMonths);
        assert_eq!(
            DurationBand::of(308 * 60 + 1),
            DurationBand::TwoToFourMonths
        );
        assert_eq!(DurationBand::of(616 * 60), DurationBand::TwoToFourMonths);
        assert_eq!(DurationBand::of(924 * 60), DurationBand::FourToSixMonths);
        assert_eq!(DurationBand::of(924 * 60 + 1), DurationBand::OverSixMonths);
    }

    #[test]
    fn durations_sum_up_with_median_and_mean() {
        let summary = summarise_durations(&[(280 * 60, 2), (420 * 60, 1), (900 * 60, 1)]);
        assert_eq!(summary.counted, 4);
        let counts: Vec<u64> = summary.bands.iter().map(|b| b.count).collect();
        assert_eq!(counts, [2, 1, 1, 0]);
        assert_eq!(summary.median_minutes, Some(280 * 60));
        assert_eq!(summary.mean_minutes, Some((280 * 2 + 420 + 900) * 60 / 4));
        let empty = summarise_durations(&[]);
        assert_eq!((empty.median_minutes, empty.mean_minutes), (None, None));
    }

    #[test]
    fn stipend_bands_compare_with_the_years_minimum() {
        assert_eq!(StipendBand::of(449, 450), StipendBand::BelowMinimum);
        assert_eq!(StipendBand::of(450, 450), StipendBand::AtMinimum);
        assert_eq!(StipendBand::of(562, 450), StipendBand::UpToQuarterAbove);
        assert_eq!(StipendBand::of(563, 450), StipendBand::MoreThanQuarterAbove);
        let rates = RateTable::compiled();
        assert_eq!(reference_rate(2025, &rates), Some((2026, 450)));
        assert_eq!(
            reference_rate(2030, &rates),
            Some((2026, 450)),
            "the latest known"
        );
        assert_eq!(reference_rate(2010, &rates), None);
        let with_2031 = RateTable::new([(2026, 450), (2031, 480)]);
        assert_eq!(reference_rate(2030, &with_2031), Some((2031, 480)));
    }

    #[test]
    fn stipends_sum_up_with_the_share_paid() {
        let summary = summarise_stipends(
            &StipendCounts {
                paid: 5,
                unpaid: 3,
                unknown: 2,
                unpaid_though_due: 1,
                hourly: vec![(450, 3), (500, 1), (700, 1)],
            },
            2025,
            &RateTable::compiled(),
        );
        assert_eq!(summary.paid_share_permille, Some(625));
        assert_eq!(summary.rate_cents, Some(450));
        let counts: Vec<u64> = summary.bands.iter().map(|b| b.count).collect();
        assert_eq!(counts, [0, 3, 1, 1]);
        assert_eq!(summary.median_hourly_cents, Some(450));
        assert_eq!(summary.unpaid_though_due, 1);
    }
}
