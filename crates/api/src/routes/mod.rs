//! HTTP routes under `/api`, one module per resource. Each handler is
//! registered once, below: the same call mounts it and adds its
//! `#[utoipa::path]` operation to the OpenAPI document.

pub mod accounts;
pub mod amendment_signatures;
pub mod amendments;
pub mod api_tokens;
pub mod auth;
pub mod centres;
pub mod conventions;
pub mod documents;
pub mod evaluations;
pub mod health;
pub mod me;
pub mod nomenclatures;
pub mod offers;
pub mod oidc;
pub mod organisations;
pub mod rates;
pub mod registry;
pub mod services;
pub mod signatures;
pub mod signing;
pub mod sso;
pub mod statistics;
pub mod steps;
pub mod students;
pub mod supervisors;
pub mod tickets;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::health)
        .service(auth::login)
        .service(auth::refresh_session)
        .service(auth::logout)
        .service(sso::options)
        .service(sso::cas_login)
        .service(sso::cas_callback)
        .service(sso::cas_back_channel_logout)
        .service(sso::cas_logout)
        .service(oidc::oidc_login)
        .service(oidc::oidc_callback)
        .service(accounts::search)
        .service(accounts::change)
        .service(api_tokens::create)
        .service(api_tokens::list)
        .service(api_tokens::revoke)
        .service(api_tokens::list_mine)
        .service(api_tokens::revoke_mine)
        .service(registry::import)
        .service(documents::convention_pdf)
        .service(documents::amendment_pdf)
        .service(documents::certificate_pdf)
        .service(documents::centre_zip)
        .service(signatures::send)
        .service(signatures::renew_link)
        .service(signatures::record_paper)
        .service(signatures::document)
        .service(signatures::scan_file)
        .service(signatures::signed)
        .service(amendment_signatures::send_amendment)
        .service(amendment_signatures::renew_amendment_link)
        .service(amendment_signatures::record_amendment_paper)
        .service(amendment_signatures::amendment_document)
        .service(amendment_signatures::amendment_scan)
        .service(amendment_signatures::signed_amendment)
        .service(signing::open)
        .service(signing::document)
        .service(signing::code)
        .service(signing::sign)
        .service(signing::platform_report)
        .service(me::me)
        .service(me::change_password)
        .service(nomenclatures::list_kinds)
        .service(nomenclatures::list_values)
        .service(nomenclatures::create_value)
        .service(nomenclatures::update_value)
        .service(rates::list)
        .service(rates::create)
        .service(rates::update)
        .service(rates::remove)
        .service(centres::list)
        .service(centres::create)
        .service(centres::get)
        .service(centres::update)
        .service(centres::set_organisation)
        .service(centres::upload_logo)
        .service(centres::get_logo)
        .service(students::list)
        .service(students::get)
        .service(organisations::search)
        .service(organisations::create)
        .service(organisations::get)
        .service(organisations::update)
        .service(organisations::deactivate)
        .service(organisations::history)
        .service(services::list_services)
        .service(services::create_service)
        .service(services::update_service)
        .service(services::delete_service)
        .service(services::list_contacts)
        .service(services::create_contact)
        .service(services::update_contact)
        .service(conventions::search)
        .service(conventions::create_draft)
        .service(conventions::get)
        .service(conventions::submit)
        .service(conventions::remove)
        .service(conventions::validate)
        .service(conventions::unvalidate)
        .service(conventions::reject)
        .service(conventions::review_post)
        .service(conventions::history)
        .service(steps::save_student)
        .service(steps::save_organisation)
        .service(steps::save_host_service)
        .service(steps::save_tutor)
        .service(steps::save_internship)
        .service(steps::save_supervisor)
        .service(steps::save_signatory)
        .service(supervisors::search)
        .service(amendments::list_amendments)
        .service(amendments::create)
        .service(amendments::get)
        .service(amendments::update)
        .service(amendments::remove)
        .service(amendments::validate)
        .service(tickets::create)
        .service(tickets::list_tickets)
        .service(tickets::get)
        .service(tickets::answer_ticket)
        .service(tickets::close_ticket)
        .service(evaluations::centre_forms)
        .service(evaluations::set_centre_form)
        .service(evaluations::convention_evaluations)
        .service(evaluations::pdf)
        .service(evaluations::get_evaluation)
        .service(evaluations::save_draft)
        .service(evaluations::submit_evaluation)
        .service(evaluations::create_link)
        .service(evaluations::revoke_links)
        .service(evaluations::tutor_open)
        .service(evaluations::tutor_draft)
        .service(evaluations::tutor_submit)
        .service(evaluations::export)
        .service(evaluations::search)
        .service(offers::search_offers)
        .service(offers::create_offer)
        .service(offers::get_offer)
        .service(offers::update_offer)
        .service(offers::publish_offer)
        .service(offers::unpublish_offer)
        .service(offers::close_offer)
        .service(statistics::export_statistics)
        .service(statistics::get_statistics);
}
