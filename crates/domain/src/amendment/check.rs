//! Checking a proposed amendment (AVN-02, AVN-03, GRAT-04).

use super::apply::apply_one;
use super::{Amendment, AmendmentChange, apply};
use crate::duration::presence;
use crate::messages::MessageKey;
use crate::model::Convention;
use crate::rules::{self, CheckContext, CheckMode, limits};
use crate::stipend::is_mandatory;
use crate::violation::{Decimal, Violation};

/// Checks `proposed` on top of the validated amendments of `original`:
///
/// * its own form (AVN-02, errors): title required and at most 255
///   characters, reason required, at least one change and each kind once,
///   termination inside the current dates with a comment, a new service only
///   with a new tutor, non-empty subject and free text;
/// * every rule on the effective convention it would produce (AVN-03), in
///   [`CheckMode::Amendment`];
/// * GRAT-04: when the change takes the presence at the host over 308 h,
///   the stipend becomes due from the first day: an error while none is
///   paid (instead of GRAT-01), a warning about the catch-up payment when one
///   is.
pub fn check(
    original: &Convention,
    validated: &[Amendment],
    proposed: &Amendment,
    ctx: &CheckContext,
) -> Vec<Violation> {
    let before = apply(original, validated);
    let mut violations = check_form(&before.convention, proposed);

    let mut after = before.clone();
    apply_one(&mut after, proposed);
    let ctx = CheckContext {
        mode: CheckMode::Amendment,
        ..ctx.clone()
    };
    let mut rechecked = rules::check(&after.convention, &ctx);

    let hours_at_host = |c: &Convention| {
        let i = &c.internship;
        match (i.dates(), i.schedule()) {
            (Some((start, end)), Some(schedule)) => {
                presence(start, end, &i.interruptions, &schedule).minutes + ctx.same_host_minutes
            }
            _ => ctx.same_host_minutes,
        }
    };
    let (was, now) = (
        hours_at_host(&before.convention),
        hours_at_host(&after.convention),
    );
    if !is_mandatory(was) && is_mandatory(now) && after.convention.is_in_france() {
        let paid = after.convention.internship.stipend_paid == Some(true);
        rechecked.retain(|v| v.rule != "GRAT-01");
        let catch_up = if paid {
            Violation::warning(
                "GRAT-04",
                "internship.stipend_paid",
                MessageKey::Grat04CatchUpFromFirstDay,
            )
        } else {
            Violation::error(
                "GRAT-04",
                "internship.stipend_paid",
                MessageKey::Grat04StipendNowMandatory,
            )
        };
        rechecked.push(
            catch_up
                .with_arg("hours", Decimal::hours_from_minutes(now))
                .with_arg("threshold", 308u32),
        );
    }
    violations.extend(rechecked);
    violations
}

/// The amendment's own fields (AVN-02).
fn check_form(current: &Convention, amendment: &Amendment) -> Vec<Violation> {
    let mut v = Vec::new();
    let required =
        |field: &str| Violation::error(super::FORM_RULE, field, MessageKey::FieldRequired);
    if amendment.title.trim().is_empty() {
        v.push(required("amendment.title"));
    } else if amendment.title.chars().count() > limits::TITLE_CHARS {
        v.push(
            Violation::error(super::FORM_RULE, "amendment.title", MessageKey::TextTooLong)
                .with_arg(
                    "max",
                    u32::try_from(limits::TITLE_CHARS).unwrap_or(u32::MAX),
                ),
        );
    }
    if amendment.reason.trim().is_empty() {
        v.push(required("amendment.reason"));
    }
    if amendment.changes.is_empty() {
        v.push(Violation::error(
            super::FORM_RULE,
            "amendment.changes",
            MessageKey::Avn02NoChange,
        ));
    }
    let mut kinds: Vec<&str> = Vec::new();
    let has_tutor = amendment
        .changes
        .iter()
        .any(|c| matches!(c, AmendmentChange::Tutor { .. }));
    for (index, change) in amendment.changes.iter().enumerate() {
        let path = format!("amendment.changes[{index}]");
        if kinds.contains(&change.kind()) {
            v.push(
                Violation::error(
                    super::FORM_RULE,
                    path.clone(),
                    MessageKey::Avn02DuplicateChange,
                )
                .with_arg("kind", change.kind()),
            );
        }
        kinds.push(change.kind());
        match change {
            AmendmentChange::Termination {
                date,
                comment,
                initiated_by,
            } => {
                if let Some((start, end)) = current.internship.dates()
                    && !(start <= *date && *date <= end)
                {
                    v.push(
                        Violation::error(
                            super::FORM_RULE,
                            format!("{path}.date"),
                            MessageKey::Avn02TerminationOutside,
                        )
                        .with_arg("start", start)
                        .with_arg("end", end),
                    );
                }
                if comment.trim().is_empty() {
                    v.push(required(&format!("{path}.comment")));
                }
                if initiated_by.is_none() {
                    v.push(required(&format!("{path}.initiated_by")));
                }
            }
            AmendmentChange::HostService { .. } if !has_tutor => v.push(Violation::error(
                super::FORM_RULE,
                path,
                MessageKey::Avn02ServiceNeedsTutor,
            )),
            AmendmentChange::Subject { subject } if subject.trim().is_empty() => {
                v.push(required(&format!("{path}.subject")));
            }
            AmendmentChange::Other { description } if description.trim().is_empty() => {
                v.push(required(&format!("{path}.description")));
            }
            _ => {}
        }
    }
    v
}
