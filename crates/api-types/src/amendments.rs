//! Amendments (avenants) of a validated convention.

use crate::problem::ProblemViolation;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::amendment::{Amendment, AmendmentChange, TerminationInitiator};
use stages_domain::model::{Period, StipendTerms};
use stages_domain::permissions::AmendmentPermissions;

/// One change, as the client sends it: records by id, the server takes
/// their current content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ChangeInput {
    /// Early termination (rupture) on `date`.
    Termination {
        date: NaiveDate,
        comment: String,
        /// Who asked for it (required): an intern's own decision waives
        /// the waiting period before the next intern on the post (DUR-03).
        initiated_by: Option<TerminationInitiator>,
    },
    /// New start and end dates.
    Dates {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// The new complete list of interruptions.
    Interruptions {
        periods: Vec<Period>,
    },
    /// Another service of the same organisation (with a `tutor` change).
    HostService {
        host_service_id: i64,
    },
    Subject {
        subject: String,
    },
    /// Another academic supervisor, by directory uid.
    Supervisor {
        uid: String,
    },
    /// Another workplace tutor, a contact of the (new) service.
    Tutor {
        contact_id: i64,
    },
    Stipend {
        paid: bool,
        terms: StipendTerms,
    },
    /// Abroad: whether the host insures the intern against work
    /// accidents (ABR-03).
    AccidentCover {
        host_insures: bool,
    },
    Other {
        description: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "Prolongation du stage",
    "reason": "Le projet confié à la stagiaire a pris deux semaines de retard.",
    "changes": [{"kind": "dates", "start": "2027-03-01", "end": "2027-06-11"}]
})))]
pub struct AmendmentInput {
    pub title: String,
    pub reason: String,
    pub changes: Vec<ChangeInput>,
}

/// An amendment with what the caller may do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmendmentView {
    pub id: i64,
    pub convention_id: i64,
    /// 1 for the convention's first amendment.
    pub position: i32,
    pub title: String,
    pub reason: String,
    pub changes: Vec<AmendmentChange>,
    pub validated_on: Option<NaiveDate>,
    pub validated_by: Option<i64>,
    pub version: i32,
    pub permissions: AmendmentPermissions,
    /// Rules the convention would break with this amendment (AVN-03).
    pub violations: Vec<ProblemViolation>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl AmendmentView {
    /// The amendment as the domain knows it, for the browser-side checks.
    pub fn to_domain(&self) -> Amendment {
        Amendment {
            title: self.title.clone(),
            reason: self.reason.clone(),
            changes: self.changes.clone(),
            validated_on: self.validated_on,
        }
    }
}
