//! Every statutory and form rule, returning **all** violations at once.
//!
//! [`check`] checks a whole convention, [`check_step`] one wizard step, and
//! [`completion`] tells which steps are complete. The database supplies what a
//! single convention cannot know (other conventions, counts) through
//! [`CheckContext`].
//!
//! Severity per rule (error blocks creation and validation, warning informs):
//!
//! | rule | what | severity |
//! |---|---|---|
//! | FORM-01 | a field the forms require (P-Stage / ESUP-Stage) is missing | error (warning in draft mode) |
//! | CONV-08 | a mandatory mention of D124-4 is missing | error (warning in draft mode) |
//! | CONV-03 | the internship starts today or earlier: it must be signed before | warning |
//! | CONV-04 | curriculum under 200 teaching hours (not for gap years, CONV-05) | error |
//! | CONV-07 | end after 31 December of the year the academic year ends | error |
//! | ID-03 | SIRET missing for a host in France | error |
//! | ID-04 | neither NAF code nor main activity | error |
//! | ID-05 | French address with a malformed postcode | error |
//! | ID-10 | number out of range (part-time %, daily hours, amount) | error |
//! | FMT-03 | text longer than the limit (1 000 / 30 000 / 255) | error |
//! | DUR-02 | more than 924 h at the same host in the academic year | error |
//! | DUR-03 | an earlier intern at the same service or with the same tutor within the waiting period, or a later one (agreed first) starting within this one's: staff must say whether it is the same post | warning; error when validating unreviewed, or when the post is the same |
//! | DUR-04 | weekly presence above 48 h, or daily above 10 h | warning |
//! | DUR-05 | dates incoherent, interruptions outside or overlapping, weekly presence above 84 h | error |
//! | SAF-07 | a minor (on the first day, by the registry's birth date) above 35 h a week or 8 h a day, working at night, or without a legal representative | error (a missing answer: warning in draft mode) |
//! | ABR-03 | abroad, longer than 6 months (extensions included) or paid above 15 % of the hourly ceiling, and the host does not insure the intern | error (warning in draft mode) |
//! | ABR-03 | abroad, paid in another currency: the limit cannot be compared | warning |
//! | OVL-01 | dates overlap another internship of the student (unless the centre allows it) | error |
//! | GRAT-01 | more than 308 h and no stipend | error |
//! | GRAT-02 | stipend under the legal minimum when due | error |
//! | GRAT-02 | below the latest known rate, for a year the table does not know yet | error |
//! | GRAT-02 | the rate table does not know a year of the internship | warning |
//! | GRAT-05 | public-law host paying above the legal rate | error |
//! | GRAT-05 | public-law host paying below it while optional | warning |
//! | GRAT-10 | stipend paid but amount, currency, basis, unit or mode missing | error |
//! | GRAT-11 | public-law host paying a continuing-education intern | warning |
//! | ABS-02 | more than 308 h and no leave provision | error |
//! | ENC-01 | supervisor would follow more than 24 ongoing interns | error |
//! | ENC-02 | tutor already has 3 ongoing interns | error |
//! | ENC-03 | host over its intern quota | error |
//!
//! The amendment rules (AVN-02, GRAT-04) are in [`crate::amendment`]; the
//! evaluation rules in [`check_answers`] (EVAL-01) and
//! [`check_still_open`] (EVAL-03).
//!
//! `FORM-*`, `FMT-*`, `OVL-*`, `EVAL-*`, `WF-*` and `PERM-*` are this
//! project's ids, for rules the regulation notes do not number.

mod abroad;
mod address;
mod contacts;
mod evaluation;
mod internship;
mod organisation;
mod records;
mod report;
mod stipend;
mod student;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{CentreSettings, Convention, Period, WizardStep};
use crate::stipend::RateTable;
use crate::violation::{Violation, has_errors};

pub use evaluation::{check_answers, check_form, check_form_kind, check_still_open};
pub use records::{check_contact, check_host_service, check_organisation};
use report::Report;

/// The numbers the rules use, named: statutory limits and the text limits of
/// the forms (ESUP-Stage `max-length-input.ts`).
pub mod limits {
    /// Tasks, skills, leave terms.
    pub const SHORT_TEXT_CHARS: usize = 1_000;
    /// Subject, details and other long texts.
    pub const LONG_TEXT_CHARS: usize = 30_000;
    /// Amendment title (AVN-02).
    pub const TITLE_CHARS: usize = 255;
    /// DUR-02: 6 months = 132 days of 7 h.
    pub const MAX_MINUTES_PER_HOST_YEAR: u64 = 924 * 60;
    /// CONV-04: teaching hours per year of the curriculum.
    pub const MIN_TEACHING_HOURS: u32 = 200;
    /// DUR-04: weekly presence above which a warning is shown.
    pub const WEEKLY_WARNING_MINUTES: u32 = 48 * 60;
    /// DUR-05: weekly presence above which the form refuses (P-Stage).
    pub const WEEKLY_MAX_MINUTES: u32 = 84 * 60;
    /// DUR-04: daily presence above which a warning is shown.
    pub const DAILY_WARNING_MINUTES: u32 = 10 * 60;
    /// SAF-07: weekly presence of a minor.
    pub const MINOR_WEEKLY_MAX_MINUTES: u32 = 35 * 60;
    /// SAF-07: daily presence of a minor.
    pub const MINOR_DAILY_MAX_MINUTES: u32 = 8 * 60;
    /// ENC-01: interns followed at once by one supervisor.
    pub const SUPERVISOR_MAX_ONGOING: u32 = 24;
    /// ENC-02: interns followed at once by one tutor.
    pub const TUTOR_MAX_ONGOING: u32 = 3;
    /// ENC-03: quota of a host with fewer than 20 people.
    pub const SMALL_HOST_QUOTA: u32 = 3;
    /// ENC-03: headcount from which the quota is a percentage.
    pub const QUOTA_HEADCOUNT_THRESHOLD: u32 = 20;
    /// ENC-03: the percentage.
    pub const QUOTA_PERCENT: u32 = 15;
}

/// How strict the check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CheckMode {
    /// Saving a draft: missing fields are warnings, so each step can be saved
    /// before the next is filled; malformed or incoherent data stay errors.
    Draft,
    /// Creating or validating: everything required.
    #[default]
    Complete,
    /// Re-checking the effective convention after an amendment (AVN-03):
    /// as complete, without the rules that concern signing before the start.
    Amendment,
    /// Giving a validation level: as complete, and the reviews staff owe
    /// must have been made (DUR-03's question about the same post).
    Validation,
}

/// An earlier internship at the same host service or with the same tutor,
/// which may have been on the same post (DUR-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreviousInternship {
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day (effective, after any termination).
    pub end: NaiveDate,
    /// Whether it ended early at the intern's initiative: then no waiting
    /// period is owed.
    pub ended_early_by_intern: bool,
}

/// Staff's answer to DUR-03's question: does this internship take the
/// post of an earlier intern at the same service or with the same tutor?
/// Matching subject texts cannot tell (a reworded subject would defeat
/// it), so a person says, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PostReview {
    /// Whether it is the same post: then the waiting period applies.
    pub same_post: bool,
    /// Why, in the reviewer's words.
    pub reason: String,
    /// The other internships, earlier or later, the answer was given about
    /// ([`waiting_period_candidates`] then; the name is the stored one): an
    /// intern it did not see (the dates, the service or the tutor changed since, or another
    /// convention was agreed) asks the question again.
    #[serde(default)]
    pub earlier: Vec<PreviousInternship>,
}

/// The rule whose question staff answer with a [`PostReview`]: screens
/// offer the answer where a violation of it is shown.
pub const WAITING_PERIOD_RULE: &str = "DUR-03";

/// The longest reason a [`PostReview`] gives.
pub const MAX_POST_REVIEW_REASON: usize = 1_000;

impl PostReview {
    /// A review says why: a reason is required, of at most
    /// [`MAX_POST_REVIEW_REASON`] characters.
    pub fn check(&self) -> Result<(), Violation> {
        if self.reason.trim().is_empty() {
            Err(crate::requests::required("reason"))
        } else if self.reason.chars().count() > MAX_POST_REVIEW_REASON {
            Err(crate::requests::too_long("reason", MAX_POST_REVIEW_REASON))
        } else {
            Ok(())
        }
    }
}

/// DUR-03: the other internships (among the context's) on a possibly
/// same post: the earlier ones whose waiting period the convention's first
/// day falls in, and the later ones that start in its own: those staff
/// answer about.
pub fn waiting_period_candidates(
    convention: &Convention,
    ctx: &CheckContext,
) -> Vec<PreviousInternship> {
    let i = &convention.internship;
    let earlier = i
        .start
        .map(|start| internship::waiting_period_candidates(ctx, start))
        .unwrap_or_default()
        .into_iter()
        .map(|(_, _, previous)| previous);
    let later = i
        .dates()
        .map(|(start, end)| internship::later_candidates(ctx, start, end))
        .unwrap_or_default()
        .into_iter()
        .map(|(_, next)| next);
    earlier.chain(later).collect()
}

/// What the database provides for a check.
///
/// The curriculum hours, the academic year and the host's headcount are in
/// the convention itself (the agreement must state them, CONV-08), so they
/// are read from there, not from here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckContext {
    /// Today (CONV-03).
    pub today: NaiveDate,
    /// The settings of the convention's centre.
    pub centre: CentreSettings,
    /// How strict to be.
    pub mode: CheckMode,
    /// DUR-02, GRAT-01: effective minutes of the same student's *other*
    /// conventions with the same host (same SIREN) in the same academic year.
    pub same_host_minutes: u64,
    /// DUR-03: the host's agreed internships at the same service or with
    /// the same tutor that ended before this one starts.
    pub earlier_interns: Vec<PreviousInternship>,
    /// DUR-03: the host's agreed internships at the same service or with
    /// the same tutor that start after this one ends: this one's waiting
    /// period may fall on them.
    #[serde(default)]
    pub later_interns: Vec<PreviousInternship>,
    /// DUR-03: staff's answer about those, once given.
    pub post_review: Option<PostReview>,
    /// ENC-01: other ongoing conventions of the supervisor (`None`: unknown).
    pub supervisor_ongoing: Option<u32>,
    /// ENC-02: other ongoing conventions of the tutor when this one starts.
    pub tutor_ongoing: Option<u32>,
    /// ENC-03: the periods of the host's other interns (its agreed
    /// conventions, amendments applied) around the internship; the rule
    /// counts them per calendar week. `None`: unknown.
    pub host_interns: Option<Vec<Period>>,
    /// OVL-01: the student's other created conventions whose dates overlap.
    pub overlapping_conventions: u32,
    /// GRAT-02: the minimum hourly rates per calendar year.
    pub rates: RateTable,
}

impl CheckContext {
    /// A complete-mode context with nothing known from the database.
    pub fn new(today: NaiveDate, centre: CentreSettings) -> Self {
        Self {
            today,
            centre,
            mode: CheckMode::Complete,
            same_host_minutes: 0,
            earlier_interns: Vec::new(),
            later_interns: Vec::new(),
            post_review: None,
            supervisor_ongoing: None,
            tutor_ongoing: None,
            host_interns: None,
            rates: RateTable::default(),
            overlapping_conventions: 0,
        }
    }
}

/// Checks the whole convention; every violation of every step.
pub fn check(convention: &Convention, ctx: &CheckContext) -> Vec<Violation> {
    let mut report = Report::new(ctx.mode);
    for step in WizardStep::DATA_STEPS {
        check_into(step, convention, ctx, &mut report);
    }
    report.finish()
}

/// Checks one step (the summary step has no data and no violation).
pub fn check_step(step: WizardStep, convention: &Convention, ctx: &CheckContext) -> Vec<Violation> {
    let mut report = Report::new(ctx.mode);
    check_into(step, convention, ctx, &mut report);
    report.finish()
}

fn check_into(step: WizardStep, convention: &Convention, ctx: &CheckContext, report: &mut Report) {
    match step {
        WizardStep::Student => student::check(convention, report),
        WizardStep::Organisation => organisation::check(convention, ctx, report),
        WizardStep::HostService => contacts::check_host_service(convention, report),
        WizardStep::Tutor => contacts::check_tutor(convention, ctx, report),
        WizardStep::Internship => internship::check(convention, ctx, report),
        WizardStep::Supervisor => contacts::check_supervisor(convention, ctx, report),
        WizardStep::Signatory => contacts::check_signatory(convention, report),
        WizardStep::Summary => {}
    }
}

/// Which data steps are complete (no error in complete mode).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Completion {
    /// Steps without a blocking violation.
    pub complete: Vec<WizardStep>,
    /// Steps with at least one.
    pub incomplete: Vec<WizardStep>,
}

/// Per-step completion of a draft, shown as the wizard's progress.
pub fn completion(convention: &Convention, ctx: &CheckContext) -> Completion {
    let strict = CheckContext {
        mode: CheckMode::Complete,
        ..ctx.clone()
    };
    let (complete, incomplete) = WizardStep::DATA_STEPS
        .into_iter()
        .partition(|step| !has_errors(&check_step(*step, convention, &strict)));
    Completion {
        complete,
        incomplete,
    }
}

/// The Monday of `day`'s calendar week (`day` itself at the very first
/// date chrono knows).
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day.checked_sub_days(chrono::Days::new(u64::from(
        day.weekday().num_days_from_monday(),
    )))
    .unwrap_or(day)
}

/// ENC-03: the most other interns present in one calendar week (Monday to
/// Sunday) of the internship `[start, end]`, and the Monday of the first
/// such week; an intern counts in a week when their period shares a day
/// with it. The law caps the interns of a host per calendar week, not on
/// one day: two interns who follow each other within a week both count.
pub fn busiest_week(start: NaiveDate, end: NaiveDate, others: &[Period]) -> (u32, NaiveDate) {
    let first = monday_of(start);
    let last = monday_of(end);
    // Weeks are numbered from the internship's first; each intern adds one
    // from the week they arrive and removes it after the week they leave.
    // Sorted events, so the work follows the interns, not the span.
    let week_of = |day: NaiveDate| (monday_of(day) - first).num_days() / 7;
    let last_week = week_of(last);
    let mut events: Vec<(i64, i64)> = Vec::with_capacity(others.len() * 2);
    for p in others {
        let (arrives, leaves) = (week_of(p.start).max(0), week_of(p.end).min(last_week));
        if p.end < p.start || arrives > leaves {
            continue;
        }
        events.push((arrives, 1));
        events.push((leaves + 1, -1));
    }
    // At one week, departures (from the week before) before arrivals.
    events.sort_unstable();
    let (mut present, mut busiest, mut at) = (0_i64, 0_i64, 0_i64);
    for (week, delta) in events {
        present += delta;
        if present > busiest {
            (busiest, at) = (present, week);
        }
    }
    let monday = u64::try_from(at)
        .ok()
        .and_then(|weeks| first.checked_add_days(chrono::Days::new(7 * weeks)))
        .unwrap_or(first);
    (u32::try_from(busiest).unwrap_or(u32::MAX), monday)
}

/// ENC-03: how many interns a host may have at once. Integer maths, so that
/// 15 % of 20 is exactly 3: ceil(15·E/100) from 20 people up, 3 below.
pub fn host_quota(headcount: u32) -> u32 {
    if headcount >= limits::QUOTA_HEADCOUNT_THRESHOLD {
        (limits::QUOTA_PERCENT * headcount).div_ceil(100)
    } else {
        limits::SMALL_HOST_QUOTA
    }
}
