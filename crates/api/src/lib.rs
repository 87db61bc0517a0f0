//! Stages' server side: the HTTP API and its adapters to the outside world
//! (database, directory, mail, documents). Business decisions belong to
//! `stages-domain`; the `stages` command and the demo data are
//! `stages-cli`.

pub mod app;
pub mod auth;
pub mod compression;
pub mod concurrency;
pub mod config;
pub mod db;
pub mod directory;
pub mod documents;
pub mod error;
pub mod exports;
pub mod extract;
pub mod fields;
pub mod headers;
pub mod i18n;
pub mod mail;
pub mod openapi;
mod openapi_examples;
pub mod pagination;
pub mod problems;
pub mod routes;
pub mod server;
pub mod spa;
pub mod sso;
pub mod state;
pub mod text;
pub mod texts;
pub mod timestamps;
