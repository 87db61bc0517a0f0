//! Business rules of Stages, the internship-agreement system of French
//! universities.
//!
//! This crate owns every business decision; the API and the SPA call it and
//! never re-implement a rule. It is pure — no I/O, no clock (today is always a
//! parameter), no database or web types — and builds for
//! `wasm32-unknown-unknown`, so the browser runs the same checks.
//!
//! * [`ids`]: identifiers that can only be built by parsing (SIRET, NAF, INE…).
//! * [`model`]: the entities of the eight wizard steps and beyond.
//! * [`calendar`], [`duration`], [`stipend`]: the arithmetic of the law;
//!   [`figures`] sums it up for a convention.
//! * [`rules`]: every check, returning all [`violation::Violation`]s at once.
//! * [`lifecycle`]: the convention state machine.
//! * [`permissions`]: what a caller may do with a convention, and why not.
//! * [`signature`]: the signature circuit of an agreement.
//! * [`staff`]: what each manager of a centre may do there.
//! * [`access`]: roles, who may act on the records around conventions, routing.
//! * [`amendment`]: typed changes and the effective convention.
//! * [`certificate`]: the end-of-internship figures.
//! * [`offer`]: what an offer must say and how its status moves.
//! * [`statistics`]: the bands and sums of a centre's indicators.
//! * [`messages`]: message keys and their French and English texts.

pub mod abroad;
pub mod access;
pub mod amendment;
pub mod calendar;
pub mod certificate;
pub mod duration;
pub mod figures;
pub mod ids;
pub mod lifecycle;
pub mod messages;
pub mod model;
pub mod offer;
pub mod permissions;
pub mod references;
pub mod requests;
pub mod rules;
pub mod signature;
pub mod staff;
pub mod statistics;
pub mod stipend;
pub mod violation;

pub use lifecycle::{Refusal, RefusalKind};
pub use messages::{MessageKey, RULES_FTL_EN, RULES_FTL_FR};
pub use violation::{Severity, Violation};
