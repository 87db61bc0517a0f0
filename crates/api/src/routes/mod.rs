//! HTTP routes under `/api`, one module per resource.

pub mod auth;
pub mod health;
pub mod me;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(health::health)
        .service(auth::login)
        .service(me::me);
}
