//! `/organisations`: searching the host organisations, and creating one.

use crate::hosts::organisation_form::OrganisationForm;
use crate::hosts::search::OrganisationSearch;
use crate::i18n::use_i18n;
use crate::nav::use_go;
use leptos::prelude::*;

#[component]
pub fn OrganisationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let go = use_go();
    let creating = RwSignal::new(false);
    view! {
        <h1>{move || i18n.t("organisations-title")}</h1>
        <p>{move || i18n.t("organisations-intro")}</p>
        <Show
            when=move || creating.get()
            fallback=move || view! {
                <OrganisationSearch
                    on_select=move |row: crate::api::organisations::OrganisationRow| go.to(format!("/organisations/{}", row.id))
                    on_create=move || creating.set(true)
                    select_label="form-open"
                />
            }
        >
            <OrganisationForm
                existing=None
                on_saved=move |row: crate::api::organisations::OrganisationRow| go.to(format!("/organisations/{}", row.id))
                on_cancel=move || creating.set(false)
            />
        </Show>
    }
}
