//! Amendments (avenants): typed changes to a validated convention.
//!
//! A convention's own content never changes after validation; its
//! amendments do. [`apply`] folds the *validated* amendments, in order, into
//! the **effective** convention, on which the rules run again (AVN-03) and
//! the certificate is computed. Neither P-Stage nor ESUP-Stage does this:
//! their duration and overlap checks keep using the original dates.

mod apply;
mod check;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Contact, HostService, Period, StipendTerms, Supervisor};

pub use apply::{EffectiveConvention, Termination, apply};
pub use check::check;

/// The rule of the amendment's own form (title, reason, each change filled
/// in): the SPA tells these once the user tries to save, not while the
/// form is being filled.
pub const FORM_RULE: &str = "AVN-02";

/// Who asked for an early termination. When the intern did, the host owes
/// no waiting period before the next intern on the post (DUR-03).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TerminationInitiator {
    /// The intern.
    Intern,
    /// The host organisation.
    Host,
    /// The school.
    School,
}

impl TerminationInitiator {
    /// Every initiator, in the order forms offer them.
    pub const ALL: [Self; 3] = [Self::Intern, Self::Host, Self::School];

    /// Its wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Intern => "intern",
            Self::Host => "host",
            Self::School => "school",
        }
    }
}

/// One change an amendment makes (AVN-02).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AmendmentChange {
    /// Early termination (*rupture*): the internship ends on `date`.
    Termination {
        /// Last day of presence.
        date: NaiveDate,
        /// Circumstances.
        comment: String,
        /// Who asked for it: required for a new termination; `None` in
        /// amendments recorded before it was asked.
        #[serde(default)]
        initiated_by: Option<TerminationInitiator>,
    },
    /// New start and end dates (extension or postponement).
    Dates {
        /// New first day.
        start: NaiveDate,
        /// New last day.
        end: NaiveDate,
    },
    /// The complete new list of interruption periods.
    Interruptions {
        /// Periods replacing the current ones.
        periods: Vec<Period>,
    },
    /// Another service of the same host; a new tutor must come with it.
    HostService {
        /// The new service.
        service: HostService,
    },
    /// New subject.
    Subject {
        /// The new subject.
        subject: String,
    },
    /// New academic supervisor.
    Supervisor {
        /// The new supervisor.
        supervisor: Supervisor,
    },
    /// New workplace tutor.
    Tutor {
        /// The new tutor.
        tutor: Contact,
    },
    /// New stipend terms.
    Stipend {
        /// Whether a stipend is paid from now on.
        paid: bool,
        /// Its terms.
        terms: StipendTerms,
    },
    /// Abroad: whether the host insures the intern against work accidents,
    /// which it must once an extension or a raise ends the French cover
    /// (ABR-03).
    AccidentCover {
        /// The host insures the intern under its own law.
        host_insures: bool,
    },
    /// Anything else, in words.
    Other {
        /// The change.
        description: String,
    },
}

impl AmendmentChange {
    /// The change's kind, as in JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Termination { .. } => "termination",
            Self::Dates { .. } => "dates",
            Self::Interruptions { .. } => "interruptions",
            Self::HostService { .. } => "host_service",
            Self::Subject { .. } => "subject",
            Self::Supervisor { .. } => "supervisor",
            Self::Tutor { .. } => "tutor",
            Self::Stipend { .. } => "stipend",
            Self::AccidentCover { .. } => "accident_cover",
            Self::Other { .. } => "other",
        }
    }
}

/// An amendment: a title, the reason, and its changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Amendment {
    /// Title, at most 255 characters.
    pub title: String,
    /// Why the parties amend the agreement.
    pub reason: String,
    /// The changes, each kind at most once.
    pub changes: Vec<AmendmentChange>,
    /// Day of validation; `None` while it may still be edited.
    pub validated_on: Option<NaiveDate>,
}

impl Amendment {
    /// Whether the centre validated it: it then applies, and is read-only.
    pub fn is_validated(&self) -> bool {
        self.validated_on.is_some()
    }
}
