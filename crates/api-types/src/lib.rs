//! The JSON bodies of the Stages API, one type per shape, shared by the
//! server (`crates/api`, which serialises responses and parses requests)
//! and the SPA (`crates/web`, which does the opposite), so that the two
//! cannot drift apart. Where the domain's own type is the body (a step's
//! `Internship`, an offer's `Offer`), the body is that type.
//!
//! Builds for wasm32; the OpenAPI schemas are derived only with the
//! `openapi` feature, as in the domain crate.

pub mod accounts;
pub mod amendments;
pub mod audit;
pub mod auth;
pub mod centres;
pub mod conventions;
pub mod evaluations;
pub mod health;
pub mod nomenclatures;
pub mod offers;
pub mod organisations;
pub mod page;
pub mod people;
pub mod problem;
pub mod registry;
pub mod signatures;
pub mod statistics;
pub mod steps;
pub mod tickets;

pub use page::Page;
pub use problem::{Problem, ProblemViolation};
