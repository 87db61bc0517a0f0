//! Folding validated amendments into the effective convention.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Amendment, AmendmentChange};
use crate::model::{Convention, Internship};

/// How an early termination ended the internship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Termination {
    /// Last day of presence.
    pub date: NaiveDate,
    /// Circumstances.
    pub comment: String,
    /// Who asked for it (DUR-03), when recorded.
    pub initiated_by: Option<super::TerminationInitiator>,
    /// The last day planned before it (with the earlier amendments).
    pub planned_end: Option<NaiveDate>,
}

impl Termination {
    /// Whether the intern cut the internship short by their own decision,
    /// before its planned last day: then no waiting period is owed before
    /// the next intern on the post (DUR-03). A "termination" on the
    /// planned last day ends nothing early.
    pub fn by_intern(&self) -> bool {
        self.initiated_by == Some(super::TerminationInitiator::Intern)
            && self.planned_end.is_some_and(|end| self.date < end)
    }
}

/// The convention as it stands after its validated amendments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EffectiveConvention {
    /// Content with every validated change applied; after a termination its
    /// end date is the termination date.
    pub convention: Convention,
    /// Set when an amendment ended it early.
    pub termination: Option<Termination>,
}

/// Applies the validated amendments among `amendments`, in the given order
/// (the order they were validated in); others are ignored.
pub fn apply(convention: &Convention, amendments: &[Amendment]) -> EffectiveConvention {
    let mut effective = EffectiveConvention {
        convention: convention.clone(),
        termination: None,
    };
    for amendment in amendments.iter().filter(|a| a.is_validated()) {
        apply_one(&mut effective, amendment);
    }
    effective
}

/// Applies one amendment whatever its state (used to preview a proposed one).
pub(super) fn apply_one(effective: &mut EffectiveConvention, amendment: &Amendment) {
    for change in &amendment.changes {
        let c = &mut effective.convention;
        match change {
            AmendmentChange::Termination {
                date,
                comment,
                initiated_by,
            } => {
                let planned_end = c.internship.end;
                let end = planned_end.map_or(*date, |end| end.min(*date));
                c.internship.end = Some(end);
                clip_to_end(&mut c.internship, end);
                effective.termination = Some(Termination {
                    date: *date,
                    comment: comment.clone(),
                    initiated_by: *initiated_by,
                    planned_end,
                });
            }
            AmendmentChange::Dates { start, end } => {
                c.internship.start = Some(*start);
                c.internship.end = Some(*end);
            }
            AmendmentChange::Interruptions { periods } => {
                c.internship.interruptions.clone_from(periods)
            }
            AmendmentChange::HostService { service } => c.host_service = Some(service.clone()),
            AmendmentChange::Subject { subject } => c.internship.subject.clone_from(subject),
            AmendmentChange::Supervisor { supervisor } => c.supervisor = Some(supervisor.clone()),
            AmendmentChange::Tutor { tutor } => c.tutor = Some(tutor.clone()),
            AmendmentChange::Stipend { paid, terms } => {
                c.internship.stipend_paid = Some(*paid);
                c.internship.stipend = terms.clone();
            }
            AmendmentChange::AccidentCover { host_insures } => {
                c.internship.host_accident_cover = Some(*host_insures);
            }
            // Free text binds the parties but changes no field.
            AmendmentChange::Other { .. } => {}
        }
    }
}

/// After a termination, periods beyond the new end no longer exist and those
/// straddling it stop there.
fn clip_to_end(internship: &mut Internship, end: NaiveDate) {
    internship.interruptions.retain(|p| p.start <= end);
    for period in &mut internship.interruptions {
        period.end = period.end.min(end);
    }
    internship.schedule_periods.retain(|p| p.start <= end);
    for period in &mut internship.schedule_periods {
        period.end = period.end.min(end);
    }
}
