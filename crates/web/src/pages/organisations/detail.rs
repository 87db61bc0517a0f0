//! `/organisations/:id`: a host organisation's record, its correction,
//! and its services with their contacts.

use crate::api::organisations::{self, HostServiceRow, OrganisationRow};
use crate::components::loading::loaded;
use crate::hosts::card::OrganisationCard;
use crate::hosts::contacts::ContactPicker;
use crate::hosts::organisation_form::OrganisationForm;
use crate::hosts::services::ServicePicker;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    let organisation = LocalResource::new(move || organisations::get(id.get()));
    view! {
        {loaded(organisation, move |row: OrganisationRow| {
            view! { <Organisation row=row /> }
        })}
    }
}

#[component]
fn Organisation(row: OrganisationRow) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(row);
    let editing = RwSignal::new(false);
    let service = RwSignal::new(None::<HostServiceRow>);
    let id = current.get_untracked().id;
    let report = format!(
        "/tickets/new?page={}",
        String::from(js_sys::encode_uri_component(&format!(
            "/organisations/{id}"
        )))
    );
    view! {
        <h1>{move || current.get().name}</h1>
        {move || {
            if editing.get() {
                view! {
                    <OrganisationForm
                        existing=Some(current.get_untracked())
                        on_saved=move |row| {
                            current.set(row);
                            editing.set(false);
                        }
                        on_cancel=move || editing.set(false)
                    />
                }
                    .into_any()
            } else {
                view! {
                    <OrganisationCard organisation=current.get() />
                    <div class="actions">
                        <button type="button" class="button secondary" id="org-edit" on:click=move |_| editing.set(true)>
                            {i18n.t("form-edit")}
                        </button>
                        <a class="button secondary" href=report.clone()>{i18n.t("org-report-error")}</a>
                    </div>
                }
                    .into_any()
            }
        }}
        <section aria-labelledby="services-title">
            <h2 id="services-title">{move || i18n.t("org-services")}</h2>
            <ServicePicker
                organisation_id=id
                selected=Signal::derive(move || service.get().map(|s| s.id))
                on_select=move |row| service.set(Some(row))
                select_label="org-show-contacts"
            />
        </section>
        {move || service.get().map(|s| view! {
            <section aria-labelledby="contacts-title">
                <h2 id="contacts-title">{i18n.t_with("org-contacts-of", &[("service", s.name.clone())])}</h2>
                <ContactPicker service_id=s.id selected=Signal::stored(None) on_select=|_| () />
            </section>
        })}
    }
}
