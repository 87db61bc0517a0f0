//! The convention state machine, in one place.
//!
//! ```text
//! draft ──create──▶ created ──validate(level 1)──▶ in validation ──…──▶ validated
//!   ▲                 │  ▲                              │                  │
//!   │                 │  └──────────── reject ──────────┘                  │ amendment
//!   └ steps completed │                                                    ▼ (termination)
//!                     └─ reject keeps the reason ─▶ rejected          terminated early
//! ```
//!
//! Every transition takes the actor's relation to the convention and returns
//! the new state or a [`Refusal`] with its id (`WF-*` for the state machine,
//! `PERM-*` for roles) and message key. The permission summary of
//! [`crate::permissions`] is computed by dry-running these same transitions,
//! so the buttons the UI shows and what the API accepts cannot disagree.
//!
//! | id | refusal |
//! |---|---|
//! | WF-01 | already created |
//! | WF-02 | a data step still has an error (the steps are listed) |
//! | WF-03 | level out of the centre's order |
//! | WF-04 | level not enabled by the centre |
//! | WF-05 | level already given |
//! | WF-06 | blocking violations |
//! | WF-07 | only the last level given can be withdrawn |
//! | WF-08 | level not given |
//! | WF-09 | a rejection needs a reason |
//! | WF-10 | validated: changes go through amendments |
//! | WF-11 | still a draft |
//! | WF-12 | terminated early |
//! | WF-13 | evaluations open once validated |
//! | AVN-04 | amendments only on a validated convention; none once one exists for un-validating or deleting; a validated amendment is read-only |
//! | PERM-* | the caller's role, see [`crate::permissions`] |

mod number;
mod refusal;
mod workflow;

pub use number::ConventionNumber;
pub use refusal::{Refusal, RefusalKind};
pub use workflow::{Rejection, Status, Workflow};

use crate::messages::MessageKey;
use crate::violation::Violation;

/// The longest rejection reason kept.
pub const MAX_REJECTION_REASON: usize = 2_000;

/// FMT-03: a rejection reason is at most [`MAX_REJECTION_REASON`]
/// characters.
pub fn check_rejection_reason(reason: &str) -> Result<(), Violation> {
    if reason.chars().count() > MAX_REJECTION_REASON {
        Err(
            Violation::error("FMT-03", "reason", MessageKey::TextTooLong).with_arg(
                "max",
                u32::try_from(MAX_REJECTION_REASON).unwrap_or(u32::MAX),
            ),
        )
    } else {
        Ok(())
    }
}
