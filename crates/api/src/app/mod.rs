//! Use cases: what one request does, in one transaction. Each loads the
//! facts (through the repositories of `crate::db`), asks the domain for the
//! decision, persists it, records the audit entry and queues the mails.
//! Routes call one of these and turn its answer into HTTP; nothing here
//! knows a request or a response.

pub mod account;
pub mod accounts;
pub mod admins;
pub mod amendments;
pub mod caller;
pub mod centres;
pub mod conventions;
pub mod documents;
pub mod evaluations;
pub mod nomenclatures;
pub mod offers;
pub mod organisations;
pub mod platforms;
pub mod rates;
pub mod registry;
pub mod signatures;
pub mod signing;
pub mod sso;
pub mod statistics;
pub mod tickets;
pub mod vouched_addresses;
