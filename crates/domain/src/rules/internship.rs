//! Step 5: content, dates, hours and durations (CONV-03, CONV-07, CONV-08,
//! DUR-02…05, SAF-07, OVL-01, ABS-02), then the stipend.

use chrono::{Days, NaiveDate};

use super::report::Report;
use super::{CheckContext, CheckMode, PreviousInternship, abroad, limits, stipend};
use crate::duration::{Presence, presence};
use crate::messages::MessageKey;
use crate::model::{Convention, Internship, Period, WorkingTime};
use crate::stipend::THRESHOLD_MINUTES;
use crate::violation::{Decimal, Violation};

pub(super) fn check(convention: &Convention, ctx: &CheckContext, report: &mut Report) {
    let internship = &convention.internship;
    check_content(internship, report);
    check_dates(convention, ctx, report);
    check_schedule(convention, report);
    check_night_work(convention, report);
    check_working_time(internship, report);
    abroad::check(convention, &ctx.rates, report);

    let Some((start, end)) = internship.dates() else {
        stipend::check_terms(internship, report);
        return;
    };
    let Some(schedule) = internship.schedule() else {
        stipend::check_terms(internship, report);
        return;
    };
    let presence = presence(start, end, &internship.interruptions, &schedule);
    let cumulative = presence.minutes + ctx.same_host_minutes;
    check_max_per_host(&presence, ctx, report);
    check_leave(convention, &presence, report);
    stipend::check(
        convention, &schedule, &presence, cumulative, &ctx.rates, report,
    );
}

fn check_content(i: &Internship, report: &mut Report) {
    report.require(
        "FORM-01",
        "internship.convention_type",
        i.convention_type.is_some(),
    );
    report.require("FORM-01", "internship.theme", i.theme.is_some());
    report.require("FORM-01", "internship.language", i.language.is_some());
    report.require_text(
        "FORM-01",
        "internship.subject",
        &i.subject,
        limits::LONG_TEXT_CHARS,
    );
    report.require_text(
        "CONV-08",
        "internship.tasks",
        &i.tasks,
        limits::SHORT_TEXT_CHARS,
    );
    report.require_text(
        "CONV-08",
        "internship.skills",
        &i.skills,
        limits::SHORT_TEXT_CHARS,
    );
    if let Some(details) = &i.details {
        report.max_length("internship.details", details, limits::LONG_TEXT_CHARS);
    }
    let supervised = i
        .supervision_mode
        .as_deref()
        .is_some_and(|s| !s.trim().is_empty());
    report.require("CONV-08", "internship.supervision_mode", supervised);
    report.require(
        "FORM-01",
        "internship.work_to_deliver",
        i.work_to_deliver.is_some(),
    );
    report.require(
        "FORM-01",
        "internship.validation_mode",
        i.validation_mode.is_some(),
    );
    report.require(
        "FORM-01",
        "internship.confidentiality",
        i.confidentiality.is_some(),
    );
    report.require(
        "FORM-01",
        "internship.found_through",
        i.found_through.is_some(),
    );
    if let Some(terms) = &i.leave_terms {
        report.max_length("internship.leave_terms", terms, limits::SHORT_TEXT_CHARS);
    }
}

/// DUR-05 for a list of periods: each in order, inside the internship, and
/// not overlapping an earlier one.
fn check_periods(
    periods: impl Iterator<Item = Period>,
    bounds: Option<(NaiveDate, NaiveDate)>,
    field: &str,
    report: &mut Report,
) {
    let mut seen: Vec<Period> = Vec::new();
    for (index, period) in periods.enumerate() {
        let path = format!("{field}[{index}]");
        if period.is_inverted() {
            report.push(Violation::error(
                "DUR-05",
                format!("{path}.end"),
                MessageKey::Dur05PeriodInverted,
            ));
            continue;
        }
        if let Some((start, end)) = bounds
            && !period.is_within(start, end)
        {
            report.push(
                Violation::error("DUR-05", path.clone(), MessageKey::Dur05PeriodOutside)
                    .with_arg("start", start)
                    .with_arg("end", end),
            );
        }
        if seen.iter().any(|earlier| earlier.overlaps(&period)) {
            report.push(Violation::error(
                "DUR-05",
                path,
                MessageKey::Dur05PeriodsOverlap,
            ));
        }
        seen.push(period);
    }
}

fn check_dates(convention: &Convention, ctx: &CheckContext, report: &mut Report) {
    let i = &convention.internship;
    // CONV-08 5°: start and end dates.
    report.require("CONV-08", "internship.start", i.start.is_some());
    report.require("CONV-08", "internship.end", i.end.is_some());
    if let (Some(start), Some(end)) = (i.start, i.end)
        && end < start
    {
        report.push(Violation::error(
            "DUR-05",
            "internship.end",
            MessageKey::Dur05EndBeforeStart,
        ));
    }
    let bounds = i.dates();
    check_periods(
        i.interruptions.iter().copied(),
        bounds,
        "internship.interruptions",
        report,
    );

    let Some((start, end)) = bounds else {
        return;
    };
    // CONV-03: an internship must not start before the agreement is signed;
    // the check cannot see signatures, so it warns when the start is not in
    // the future. Irrelevant once running (amendments).
    if ctx.mode != CheckMode::Amendment && start <= ctx.today {
        report.push(
            Violation::warning(
                "CONV-03",
                "internship.start",
                MessageKey::Conv03StartNotInFuture,
            )
            .with_arg("start", start),
        );
    }
    // CONV-07: within the academic year, at the latest 31 December of the
    // calendar year in which it ends.
    if let Some(enrolment) = &convention.student.enrolment
        && let Some(limit) = enrolment.academic_year.latest_internship_end()
        && end > limit
    {
        report.push(
            Violation::error(
                "CONV-07",
                "internship.end",
                MessageKey::Conv07EndAfterAcademicYear,
            )
            .with_arg("limit", limit)
            .with_arg("academic_year", enrolment.academic_year.to_string()),
        );
    }
    // OVL-01: one internship at a time, unless the centre allows overlaps.
    if ctx.overlapping_conventions > 0 && !ctx.centre.overlaps_allowed {
        report.push(
            Violation::error("OVL-01", "internship.start", MessageKey::Ovl01Overlap)
                .with_arg("count", ctx.overlapping_conventions),
        );
    }
    check_waiting_period(ctx, start, convention.internship.end, report);
}

/// The first day a next intern may start on the post `previous` held: a
/// third of its length (calendar days, rounded up) after its end, and
/// that waiting in days; `None` when none is owed (it ended early at the
/// intern's initiative).
fn earliest_after(previous: &PreviousInternship) -> Option<(NaiveDate, u64)> {
    if previous.ended_early_by_intern || previous.end < previous.start {
        return None;
    }
    let length = (previous.end - previous.start).num_days() + 1;
    let waiting = u64::try_from(length).unwrap_or(0).div_ceil(3);
    let earliest = previous.end.checked_add_days(Days::new(waiting + 1))?;
    Some((earliest, waiting))
}

/// DUR-03: the earlier interns (ended before `start`: the context may hold
/// more, around a date an amendment moves) whose waiting period `start`
/// falls in, each
/// with the first day the post is free again and the days of waiting.
pub(super) fn waiting_period_candidates(
    ctx: &CheckContext,
    start: NaiveDate,
) -> Vec<(NaiveDate, u64, PreviousInternship)> {
    ctx.earlier_interns
        .iter()
        .filter(|p| p.end < start)
        .filter_map(|p| earliest_after(p).map(|(earliest, days)| (earliest, days, *p)))
        .filter(|(earliest, _, _)| start < *earliest)
        .collect()
}

/// DUR-03 the other way: the later interns (starting after `end`, an
/// agreement made earlier) who start within this internship's own waiting
/// period, each with that period's days.
pub(super) fn later_candidates(
    ctx: &CheckContext,
    start: NaiveDate,
    end: NaiveDate,
) -> Vec<(u64, PreviousInternship)> {
    let this = PreviousInternship {
        start,
        end,
        ended_early_by_intern: false,
    };
    let Some((earliest, waiting)) = earliest_after(&this) else {
        return Vec::new();
    };
    ctx.later_interns
        .iter()
        .filter(|next| end < next.start && next.start < earliest)
        .map(|next| (waiting, *next))
        .collect()
}

/// DUR-03: after an intern on the same post, the host waits a third of that
/// internship's length before the next one, unless the previous intern cut
/// it short. The succession is checked both ways: an earlier intern whose
/// waiting period this one starts in, and a later one (agreed first) who
/// starts in this one's. Whether those at the same service or with the same
/// tutor held the same post is for staff to say ([`PostReview`]): until
/// they do, a warning, which blocks validation; once they say it is the
/// same post, an error.
fn check_waiting_period(
    ctx: &CheckContext,
    start: NaiveDate,
    end: Option<NaiveDate>,
    report: &mut Report,
) {
    let earlier = waiting_period_candidates(ctx, start);
    let later = end
        .filter(|end| start <= *end)
        .map(|end| later_candidates(ctx, start, end))
        .unwrap_or_default();
    if earlier.is_empty() && later.is_empty() {
        return;
    }
    // An answer holds for the other interns it was given about.
    let review = ctx.post_review.as_ref().filter(|review| {
        earlier
            .iter()
            .map(|(_, _, p)| p)
            .chain(later.iter().map(|(_, p)| p))
            .all(|p| review.earlier.contains(p))
    });
    let same_post = match review {
        Some(review) if !review.same_post => return,
        Some(_) => true,
        None => false,
    };
    // Unanswered, the question blocks a validation.
    let asked = |violation: Violation| {
        if ctx.mode == CheckMode::Validation {
            Violation {
                severity: crate::violation::Severity::Error,
                ..violation
            }
        } else {
            violation
        }
    };
    let days = |waiting: u64| i64::try_from(waiting).unwrap_or(i64::MAX);
    if let Some(&(earliest, waiting, previous)) =
        earlier.iter().max_by_key(|(earliest, _, _)| *earliest)
    {
        report.push(if same_post {
            Violation::error(
                super::WAITING_PERIOD_RULE,
                "internship.start",
                MessageKey::Dur03WaitingPeriod,
            )
            .with_arg("earliest", earliest)
            .with_arg("days", days(waiting))
        } else {
            asked(
                Violation::warning(
                    super::WAITING_PERIOD_RULE,
                    "internship.start",
                    MessageKey::Dur03SamePostToReview,
                )
                .with_arg("previous_start", previous.start)
                .with_arg("previous_end", previous.end)
                .with_arg("earliest", earliest)
                .with_arg("days", days(waiting)),
            )
        });
    }
    if let Some(&(waiting, next)) = later.iter().min_by_key(|(_, next)| next.start) {
        report.push(if same_post {
            Violation::error(
                super::WAITING_PERIOD_RULE,
                "internship.end",
                MessageKey::Dur03NextInternTooSoon,
            )
            .with_arg("next_start", next.start)
            .with_arg("days", days(waiting))
        } else {
            asked(
                Violation::warning(
                    super::WAITING_PERIOD_RULE,
                    "internship.end",
                    MessageKey::Dur03NextInternToReview,
                )
                .with_arg("next_start", next.start)
                .with_arg("next_end", next.end)
                .with_arg("days", days(waiting)),
            )
        });
    }
}

fn check_schedule(convention: &Convention, report: &mut Report) {
    let i = &convention.internship;
    let minor = convention.intern_is_minor();
    let Some(regular) = i.regular_schedule else {
        report.missing("FORM-01", "internship.regular_schedule");
        return;
    };
    if !regular {
        // CONV-08 6°: the presence must be stated, here period by period.
        report.require(
            "CONV-08",
            "internship.schedule_periods",
            !i.schedule_periods.is_empty(),
        );
        check_periods(
            i.schedule_periods.iter().map(|p| p.period()),
            i.dates(),
            "internship.schedule_periods",
            report,
        );
        for (index, period) in i.schedule_periods.iter().enumerate() {
            let field = format!("internship.schedule_periods[{index}].minutes_per_day");
            if period.minutes_per_day == 0 || period.minutes_per_day > 24 * 60 {
                report.push(
                    Violation::error("ID-10", field, MessageKey::Id10DailyHoursRange)
                        .with_arg("max", 24u32),
                );
            } else if minor && period.minutes_per_day > limits::MINOR_DAILY_MAX_MINUTES {
                report.push(minor_daily(field, period.minutes_per_day));
            } else if period.minutes_per_day > limits::DAILY_WARNING_MINUTES {
                report.push(
                    Violation::warning("DUR-04", field, MessageKey::Dur04DailyHoursAboveLegal)
                        .with_arg(
                            "hours",
                            Decimal::hours_from_minutes(u64::from(period.minutes_per_day)),
                        )
                        .with_arg("max", limits::DAILY_WARNING_MINUTES / 60),
                );
            }
        }
        return;
    }
    let field = "internship.weekly_minutes";
    let weekly = match i.weekly_minutes {
        Some(weekly) if weekly > 0 => weekly,
        _ => {
            // CONV-08 6°: weekly effective presence.
            report.missing("CONV-08", field);
            return;
        }
    };
    let hours = Decimal::hours_from_minutes(u64::from(weekly));
    if weekly > limits::WEEKLY_MAX_MINUTES {
        report.push(
            Violation::error("DUR-05", field, MessageKey::Dur05WeeklyHoursAboveCap)
                .with_arg("hours", hours.clone())
                .with_arg("max", limits::WEEKLY_MAX_MINUTES / 60),
        );
    } else if weekly > limits::WEEKLY_WARNING_MINUTES {
        report.push(
            Violation::warning("DUR-04", field, MessageKey::Dur04WeeklyHoursAboveLegal)
                .with_arg("hours", hours.clone())
                .with_arg("max", limits::WEEKLY_WARNING_MINUTES / 60),
        );
    }
    // SAF-07: a minor works at most 35 h a week and 8 h a day (Code du
    // travail L3162-1), whatever the host's hours.
    if minor && weekly > limits::MINOR_WEEKLY_MAX_MINUTES {
        report.push(
            Violation::error("SAF-07", field, MessageKey::Saf07MinorWeeklyHours)
                .with_arg("hours", hours)
                .with_arg("max", limits::MINOR_WEEKLY_MAX_MINUTES / 60),
        );
    }
    if minor
        && let Some(days) = i.days_per_week
        && days.half_days() > 0
    {
        let daily = weekly * 2 / u32::from(days.half_days());
        if daily > limits::MINOR_DAILY_MAX_MINUTES {
            report.push(minor_daily("internship.days_per_week", daily));
        }
    }
}

/// SAF-07: a minor may not work at night (Code du travail L3163-1); for
/// a minor the question must be answered.
fn check_night_work(convention: &Convention, report: &mut Report) {
    if !convention.intern_is_minor() {
        return;
    }
    match convention.internship.night_work {
        None => report.missing_from_the_wizard("SAF-07", "internship.night_work"),
        Some(true) => report.push(Violation::error(
            "SAF-07",
            "internship.night_work",
            MessageKey::Saf07MinorNightWork,
        )),
        Some(false) => {}
    }
}

/// SAF-07: a minor's day above 8 hours.
fn minor_daily(field: impl Into<String>, minutes: u32) -> Violation {
    Violation::error("SAF-07", field, MessageKey::Saf07MinorDailyHours)
        .with_arg("hours", Decimal::hours_from_minutes(u64::from(minutes)))
        .with_arg("max", limits::MINOR_DAILY_MAX_MINUTES / 60)
}

fn check_working_time(i: &Internship, report: &mut Report) {
    match i.working_time {
        None => report.missing("FORM-01", "internship.working_time"),
        Some(WorkingTime::FullTime) => {}
        Some(WorkingTime::PartTime) => match i.part_time_percentage {
            None => report.missing("FORM-01", "internship.part_time_percentage"),
            Some(p) if !(1..=100).contains(&p) => report.push(
                Violation::error(
                    "ID-10",
                    "internship.part_time_percentage",
                    MessageKey::Id10PartTimePercentage,
                )
                .with_arg("min", 1u32)
                .with_arg("max", 100u32),
            ),
            Some(_) => {}
        },
    }
}

/// DUR-02: at most 924 h at the same host in the academic year, all
/// conventions of the student together.
fn check_max_per_host(presence: &Presence, ctx: &CheckContext, report: &mut Report) {
    let total = presence.minutes + ctx.same_host_minutes;
    if total > limits::MAX_MINUTES_PER_HOST_YEAR {
        report.push(
            Violation::error("DUR-02", "internship.end", MessageKey::Dur02MaxHoursPerHost)
                .with_arg("hours", Decimal::hours_from_minutes(total))
                .with_arg(
                    "other_hours",
                    Decimal::hours_from_minutes(ctx.same_host_minutes),
                )
                .with_arg("max", 924u32),
        );
    }
}

/// ABS-02: an internship over two months (308 h) in France must provide for
/// leave. The law speaks of the internship's own length, so this one's
/// presence counts, not the cumulation with other conventions.
fn check_leave(convention: &Convention, presence: &Presence, report: &mut Report) {
    let i = &convention.internship;
    let provided = i.leave_days.is_some()
        || i.leave_terms
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty());
    if convention.is_in_france() && presence.minutes > THRESHOLD_MINUTES && !provided {
        report.push(
            Violation::error(
                "ABS-02",
                "internship.leave_days",
                MessageKey::Abs02LeaveRequired,
            )
            .with_arg("hours", Decimal::hours_from_minutes(presence.minutes))
            .with_arg("threshold", 308u32),
        );
    }
}
