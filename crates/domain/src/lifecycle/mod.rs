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

mod number;
mod refusal;
mod workflow;

pub use number::ConventionNumber;
pub use refusal::Refusal;
pub use workflow::{Rejection, Status, Workflow};
