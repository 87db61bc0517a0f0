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
pub mod vouched_addresses;

use utoipa_actix_web::service_config::ServiceConfig;

/// Every handler under `/api`, listed once: [`configure`] mounts them and
/// adds their operations to the OpenAPI document; [`mount`] only mounts
/// them. The server's workers mount (building the operations costs tens of
/// megabytes, per worker, and the document is built once).
macro_rules! routes {
    ($($handler:path),* $(,)?) => {
        /// Mounts every handler and documents its operation.
        pub fn configure(cfg: &mut ServiceConfig) {
            $(cfg.service($handler);)*
        }

        /// Mounts every handler.
        pub fn mount(cfg: &mut actix_web::web::ServiceConfig) {
            $(cfg.service($handler);)*
        }
    };
}

routes!(
    health::health,
    auth::login,
    auth::refresh_session,
    auth::logout,
    sso::options,
    sso::cas_login,
    sso::cas_callback,
    sso::cas_back_channel_logout,
    sso::cas_logout,
    oidc::oidc_login,
    oidc::oidc_callback,
    accounts::search,
    accounts::change,
    api_tokens::create,
    api_tokens::list,
    api_tokens::revoke,
    api_tokens::list_mine,
    api_tokens::revoke_mine,
    vouched_addresses::list,
    vouched_addresses::withdraw,
    registry::import,
    documents::convention_pdf,
    documents::amendment_pdf,
    documents::certificate_pdf,
    documents::centre_zip,
    signatures::send,
    signatures::renew_link,
    signatures::vouch_address,
    signatures::vouch_tutor_address,
    signatures::record_paper,
    signatures::document,
    signatures::scan_file,
    signatures::signed,
    amendment_signatures::send_amendment,
    amendment_signatures::renew_amendment_link,
    amendment_signatures::vouch_amendment_address,
    amendment_signatures::record_amendment_paper,
    amendment_signatures::amendment_document,
    amendment_signatures::amendment_scan,
    amendment_signatures::signed_amendment,
    signing::open,
    signing::document,
    signing::code,
    signing::sign,
    signing::platform_report,
    me::me,
    me::change_password,
    nomenclatures::list_kinds,
    nomenclatures::list_values,
    nomenclatures::create_value,
    nomenclatures::update_value,
    rates::list,
    rates::create,
    rates::update,
    rates::remove,
    centres::list,
    centres::create,
    centres::get,
    centres::update,
    centres::set_organisation,
    centres::upload_logo,
    centres::get_logo,
    students::list,
    students::get,
    organisations::search,
    organisations::create,
    organisations::get,
    organisations::update,
    organisations::deactivate,
    organisations::history,
    services::list_services,
    services::create_service,
    services::update_service,
    services::delete_service,
    services::list_contacts,
    services::create_contact,
    services::update_contact,
    conventions::search,
    conventions::create_draft,
    conventions::get,
    conventions::submit,
    conventions::remove,
    conventions::validate,
    conventions::unvalidate,
    conventions::reject,
    conventions::review_post,
    conventions::history,
    steps::save_student,
    steps::save_organisation,
    steps::save_host_service,
    steps::save_tutor,
    steps::save_internship,
    steps::save_supervisor,
    steps::save_signatory,
    supervisors::search,
    amendments::list_amendments,
    amendments::create,
    amendments::get,
    amendments::update,
    amendments::remove,
    amendments::validate,
    tickets::create,
    tickets::list_tickets,
    tickets::get,
    tickets::answer_ticket,
    tickets::close_ticket,
    evaluations::centre_forms,
    evaluations::set_centre_form,
    evaluations::convention_evaluations,
    evaluations::pdf,
    evaluations::get_evaluation,
    evaluations::save_draft,
    evaluations::submit_evaluation,
    evaluations::create_link,
    evaluations::revoke_links,
    evaluations::tutor_open,
    evaluations::tutor_draft,
    evaluations::tutor_submit,
    evaluations::export,
    evaluations::search,
    offers::search_offers,
    offers::create_offer,
    offers::get_offer,
    offers::update_offer,
    offers::publish_offer,
    offers::unpublish_offer,
    offers::close_offer,
    statistics::export_statistics,
    statistics::get_statistics,
);
