//! One module per screen.

pub mod account;
pub mod admin;
pub mod conventions;
pub mod documents;
pub mod evaluations;
pub mod home;
pub mod login;
pub mod not_found;
pub mod offers;
pub mod organisations;
pub mod report;
pub mod signing;
pub mod statistics;
pub mod tokens;
pub mod wizard;
