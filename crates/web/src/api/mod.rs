//! Typed client of the Stages API: one module per resource, and [`client`]
//! for what every call shares (token, language, renewal, problems).

pub mod accounts;
pub mod amendments;
pub mod auth;
pub mod centres;
pub mod client;
pub mod conventions;
pub mod evaluations;
pub mod nomenclatures;
pub mod offers;
pub mod organisations;
pub mod people;
mod problem;
pub mod rates;
pub mod signatures;
pub mod statistics;
pub mod tickets;
pub mod tokens;
pub mod vouched;

pub use client::Page;
pub use problem::{ApiError, Problem, ProblemViolation};
