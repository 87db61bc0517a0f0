//! Stages' server side: HTTP API, command line, and adapters to the outside
//! world (database, directory, mail, documents). Business decisions belong
//! to `stages-domain`.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod openapi;
pub mod routes;
pub mod server;
pub mod spa;
pub mod state;
pub mod users;
