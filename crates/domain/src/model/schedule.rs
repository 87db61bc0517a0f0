//! Periods and working schedules: the inputs of the duration count.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::IdError;
use crate::messages::MessageKey;

/// A span of days, both ends included (an interruption, an irregular-hours
/// period). Not validated on construction: a form may hold an inverted period,
/// and the rules report it on its field (DUR-05); the duration count treats an
/// inverted period as empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Period {
    /// First day.
    pub start: NaiveDate,
    /// Last day, included.
    pub end: NaiveDate,
}

impl Period {
    /// Whether `end` is before `start`.
    pub fn is_inverted(&self) -> bool {
        self.end < self.start
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Whether the period lies within `[start, end]`.
    pub fn is_within(&self, start: NaiveDate, end: NaiveDate) -> bool {
        start <= self.start && self.end <= end
    }
}

/// A period of an irregular schedule with its daily presence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchedulePeriod {
    /// First day.
    pub start: NaiveDate,
    /// Last day, included.
    pub end: NaiveDate,
    /// Presence on each working day of the period, in minutes.
    pub minutes_per_day: u32,
}

impl SchedulePeriod {
    /// The days of the period, without the hours.
    pub fn period(&self) -> Period {
        Period {
            start: self.start,
            end: self.end,
        }
    }
}

/// Working days per week, in half days from 0.5 to 6 (the values ESUP-Stage
/// offers). JSON carries the number (`4.5`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "f64", into = "f64")]
#[cfg_attr(feature = "openapi", schema(value_type = f64))]
pub struct DaysPerWeek(u8);

impl DaysPerWeek {
    /// The usual five-day week, and P-Stage's default.
    pub const FIVE: Self = Self(10);

    /// From a count of half days (1 to 12).
    pub fn from_half_days(half_days: u8) -> Result<Self, IdError> {
        if (1..=12).contains(&half_days) {
            Ok(Self(half_days))
        } else {
            Err(IdError::new("FMT-02", MessageKey::FmtDaysPerWeek))
        }
    }

    /// The count of half days (a 4.5-day week is 9).
    pub fn half_days(self) -> u8 {
        self.0
    }
}

impl TryFrom<f64> for DaysPerWeek {
    type Error = IdError;
    fn try_from(days: f64) -> Result<Self, Self::Error> {
        let halves = days * 2.0;
        if halves.fract() != 0.0 || !(1.0..=12.0).contains(&halves) {
            return Err(IdError::new("FMT-02", MessageKey::FmtDaysPerWeek));
        }
        // Exact: an integer between 1 and 12.
        Self::from_half_days(halves as u8)
    }
}

impl From<DaysPerWeek> for f64 {
    fn from(d: DaysPerWeek) -> f64 {
        f64::from(d.0) / 2.0
    }
}

/// How presence is spread over the internship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Schedule {
    /// The same weekly presence every week.
    Regular {
        /// Presence per week, in minutes (35 h = 2100).
        weekly_minutes: u32,
        /// Days worked per week; used to convert a per-day stipend.
        days_per_week: DaysPerWeek,
    },
    /// Periods with their own daily presence; days outside every period
    /// count no presence.
    Irregular {
        /// The periods, in the order entered.
        periods: Vec<SchedulePeriod>,
    },
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn days_per_week_in_half_days() {
        let d: DaysPerWeek = serde_json::from_str("4.5").unwrap();
        assert_eq!(d.half_days(), 9);
        assert_eq!(serde_json::to_string(&DaysPerWeek::FIVE).unwrap(), "5.0");
        assert!(serde_json::from_str::<DaysPerWeek>("4.2").is_err());
        assert!(serde_json::from_str::<DaysPerWeek>("0").is_err());
        assert!(serde_json::from_str::<DaysPerWeek>("6.5").is_err());
    }
}
