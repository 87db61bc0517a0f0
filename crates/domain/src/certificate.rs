//! The end-of-internship certificate's figures (ATT-01, ATT-02).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::amendment::EffectiveConvention;
use crate::duration::{DurationBreakdown, presence};
use crate::lifecycle::Refusal;
use crate::messages::MessageKey;
use crate::model::{Money, Period};
use crate::stipend::{total_cents, unit_minutes};

/// What the host certifies: the effective duration and the total stipend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Certificate {
    /// First day.
    pub start: NaiveDate,
    /// Last day of presence (the termination date if it ended early).
    pub end: NaiveDate,
    /// Interruptions within those dates.
    pub interruptions: Vec<Period>,
    /// Whether an amendment ended it early.
    pub terminated_early: bool,
    /// Effective presence, in minutes.
    pub effective_minutes: u64,
    /// The same in D124-6 units (22-day months, 7-hour days), as printed.
    pub duration: DurationBreakdown,
    /// Total stipend for that presence (prorated on early termination,
    /// GRAT-07); `None` when no stipend was paid.
    pub stipend_total: Option<Money>,
}

/// Computes the certificate of the effective convention (after amendments).
/// Refused (ATT-01) when the dates or the schedule are missing.
pub fn certificate(effective: &EffectiveConvention) -> Result<Certificate, Refusal> {
    let internship = &effective.convention.internship;
    let incomplete = || Refusal::new("ATT-01", MessageKey::Att01Incomplete);
    let (start, end) = internship.dates().ok_or_else(incomplete)?;
    let schedule = internship.schedule().ok_or_else(incomplete)?;
    let counted = presence(start, end, &internship.interruptions, &schedule);
    let terms = &internship.stipend;
    let stipend_total = match (
        internship.stipend_paid,
        terms.amount_cents,
        terms.unit,
        &terms.currency,
    ) {
        (Some(true), Some(amount), Some(unit), Some(currency)) => {
            let per_unit = unit_minutes(unit, &schedule, &counted).ok_or_else(incomplete)?;
            Some(Money {
                amount_cents: total_cents(amount, per_unit, counted.minutes),
                currency: currency.clone(),
            })
        }
        (Some(true), ..) => return Err(incomplete()),
        _ => None,
    };
    Ok(Certificate {
        start,
        end,
        interruptions: internship.interruptions.clone(),
        terminated_early: effective.termination.is_some(),
        effective_minutes: counted.minutes,
        duration: counted.breakdown(),
        stipend_total,
    })
}
