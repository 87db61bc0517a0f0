//! Step 5: the internship itself.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{DaysPerWeek, NomenclatureRef, Period, Schedule, SchedulePeriod};
use crate::ids::Currency;

/// Type of agreement; it selects the template and some rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConventionType {
    /// Initial training, internship required by the curriculum.
    InitialMandatory,
    /// Initial training, recommended internship.
    InitialRecommended,
    /// Continuing education: no stipend regime (GRAT-11).
    ContinuingEducation,
    /// Gap-year (*césure*) internship: no curriculum-volume requirement (CONV-05).
    GapYear,
    /// Reorientation or professional-integration internship.
    Reorientation,
}

/// Language of the agreement (ABR-07): one template per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgreementLanguage {
    /// French.
    Fr,
    /// English.
    En,
    /// German.
    De,
    /// Spanish.
    Es,
    /// Italian.
    It,
}

/// Full or part time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkingTime {
    /// Full time.
    FullTime,
    /// Part time; the percentage is then required.
    PartTime,
}

/// Continuous presence, or alternating with school periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PresenceType {
    /// Every working day of the period.
    Continuous,
    /// Alternating (work-study rhythm).
    Discontinuous,
}

/// Whether a stipend amount is gross or net.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StipendBasis {
    /// Before contributions.
    Gross,
    /// After contributions.
    Net,
}

/// The period a stipend amount is expressed for.
///
/// Per-year amounts, which ESUP-Stage also offers, are left out: no host pays
/// an intern yearly, and a yearly figure cannot be compared with a monthly
/// legal minimum without guessing the working weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StipendUnit {
    /// Per hour of presence.
    Hour,
    /// Per day worked.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
}

/// How the stipend is paid (GRAT-10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentMode {
    /// Bank transfer.
    BankTransfer,
    /// Cheque.
    Cheque,
    /// Cash.
    Cash,
}

/// The stipend's terms; all required once a stipend is paid (GRAT-10).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct StipendTerms {
    /// Amount per `unit`, in cents.
    pub amount_cents: Option<i64>,
    /// Currency (euro in France; foreign hosts may pay in theirs).
    pub currency: Option<Currency>,
    /// Gross or net.
    pub basis: Option<StipendBasis>,
    /// Period the amount is expressed for.
    pub unit: Option<StipendUnit>,
    /// Payment mode.
    pub payment_mode: Option<PaymentMode>,
}

/// Subject confidentiality (SAF-05).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidentiality {
    /// No restriction.
    None,
    /// The report and subject are confidential.
    Total,
    /// Free diffusion.
    Free,
}

/// How the internship was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InternshipOrigin {
    /// Answer to an offer.
    Offer,
    /// Spontaneous application.
    SpontaneousApplication,
    /// Personal network.
    Network,
    /// Proposed by the department.
    ProposedByDepartment,
}

/// Step 5: content, dates, hours, stipend and everything the agreement states.
///
/// The schedule is kept as the form has it (flat fields) so a draft can hold
/// weekly hours before choosing regular or irregular; [`Internship::schedule`]
/// builds the typed [`Schedule`] once the data allow it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Internship {
    /// Type of agreement.
    pub convention_type: Option<ConventionType>,
    /// Theme (reference list).
    pub theme: Option<NomenclatureRef>,
    /// Language of the agreement.
    pub language: Option<AgreementLanguage>,
    /// Subject.
    pub subject: String,
    /// Activities entrusted (CONV-08 4°), at most 1000 characters.
    pub tasks: String,
    /// Skills to acquire or develop (CONV-08 3°), at most 1000 characters.
    pub skills: String,
    /// Further details.
    pub details: Option<String>,
    /// First day.
    pub start: Option<NaiveDate>,
    /// Last day, included.
    pub end: Option<NaiveDate>,
    /// Interruption periods, inside the internship and not overlapping.
    pub interruptions: Vec<Period>,
    /// Regular weekly schedule (`true`) or per-period hours (`false`).
    pub regular_schedule: Option<bool>,
    /// Weekly presence in minutes (regular schedule): 35 h = 2100.
    pub weekly_minutes: Option<u32>,
    /// Days worked per week; 5 when not given.
    pub days_per_week: Option<DaysPerWeek>,
    /// Periods of an irregular schedule.
    pub schedule_periods: Vec<SchedulePeriod>,
    /// Full or part time.
    pub working_time: Option<WorkingTime>,
    /// Part-time percentage, 1–100.
    pub part_time_percentage: Option<u8>,
    /// Continuous or alternating presence.
    pub presence_type: Option<PresenceType>,
    /// Comment on working time (e.g. the rhythm of an alternating internship).
    pub working_time_comment: Option<String>,
    /// Days of leave granted (ABS-02: required above 308 h, with `leave_terms`
    /// as the alternative).
    pub leave_days: Option<u16>,
    /// Leave and authorised-absence terms, in words.
    pub leave_terms: Option<String>,
    /// Whether a stipend is paid; `None` until answered.
    pub stipend_paid: Option<bool>,
    /// Stipend terms, meaningful when `stipend_paid` is `Some(true)`.
    pub stipend: StipendTerms,
    /// Benefits in kind: meals, transport, housing (CONV-08 13°).
    pub benefits: Option<String>,
    /// How the supervisor and the tutor follow the intern (CONV-08 7°).
    pub supervision_mode: Option<String>,
    /// Work to hand in, e.g. a report (reference list).
    pub work_to_deliver: Option<NomenclatureRef>,
    /// How the internship is assessed, e.g. a defence (reference list).
    pub validation_mode: Option<NomenclatureRef>,
    /// Subject confidentiality.
    pub confidentiality: Option<Confidentiality>,
    /// Night, Sunday or public-holiday presence, if any (CONV-08 6°).
    pub night_sunday_holiday_work: Option<String>,
    /// Whether the intern works at night (22:00–06:00): forbidden to a
    /// minor, for whom the question must be answered (SAF-07).
    pub night_work: Option<bool>,
    /// Abroad: the host insures the intern against work accidents under
    /// the local law, which it must when the French cover cannot continue
    /// (ABR-03).
    pub host_accident_cover: Option<bool>,
    /// How the internship was found.
    pub found_through: Option<InternshipOrigin>,
}

impl Internship {
    /// The typed schedule, when the form holds enough to build one: a regular
    /// schedule needs its weekly minutes; an irregular one its periods.
    pub fn schedule(&self) -> Option<Schedule> {
        match self.regular_schedule? {
            true => Some(Schedule::Regular {
                weekly_minutes: self.weekly_minutes?,
                days_per_week: self.days_per_week.unwrap_or(DaysPerWeek::FIVE),
            }),
            false => Some(Schedule::Irregular {
                periods: self.schedule_periods.clone(),
            }),
        }
    }

    /// Start and end, when both are known and in order.
    pub fn dates(&self) -> Option<(NaiveDate, NaiveDate)> {
        match (self.start, self.end) {
            (Some(start), Some(end)) if start <= end => Some((start, end)),
            _ => None,
        }
    }
}
