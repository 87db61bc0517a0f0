//! Step 7, Signataire (seed §4.7): the legal representative of the host,
//! chosen among the contacts of any of its services; services and contacts
//! can be created or corrected on the spot.

use super::{SavingFeedback, Wizard, step_href, use_saving};
use crate::api::conventions::ContactChoice;
use crate::api::organisations::{ContactRow, HostServiceRow};
use crate::hosts::contacts::ContactPicker;
use crate::hosts::services::ServicePicker;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use stages_domain::model::WizardStep;

#[component]
pub fn SignatoryStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let saving = use_saving();
    let view_now = wizard.view.get_untracked();
    let open = RwSignal::new(false);
    let service = RwSignal::new(None::<HostServiceRow>);
    let current = move || {
        wizard
            .view
            .get()
            .content
            .signatory
            .map(|s| format!("{} {} ({})", s.first_name, s.last_name, s.position))
    };
    let selected_contact = Signal::derive(move || wizard.view.get().parties.signatory_id);
    let Some(organisation) = view_now.parties.organisation_id else {
        return view! {
            <p class="notice-panel" role="status">
                {move || i18n.t("step-needs-organisation")} " "
                <a href=step_href(view_now.id, WizardStep::Organisation)>{move || i18n.t("wizard-go-to-step")}</a>
            </p>
        }
            .into_any();
    };
    view! {
        <p>{move || i18n.t("step-signatory-intro")}</p>
        {move || current().map(|name| view! {
            <p class="chosen-line">{i18n.t("signatory-current")} " " <strong>{name}</strong></p>
        })}
        <SavingFeedback saving=saving />
        <button
            type="button"
            class="button"
            id="signatory-open"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.set(true)
        >
            {move || i18n.t("signatory-choose")}
        </button>
        <Show when=move || open.get()>
            <section aria-labelledby="signatory-services">
                <h3 id="signatory-services">{move || i18n.t("signatory-services")}</h3>
                <ServicePicker
                    organisation_id=organisation
                    selected=Signal::derive(move || service.get().map(|s| s.id))
                    on_select=move |row| service.set(Some(row))
                    select_label="signatory-show-contacts"
                />
            </section>
            {move || service.get().map(|s| {
                let service_id = s.id;
                view! {
                    <section aria-labelledby="signatory-contacts">
                        <h3 id="signatory-contacts">{i18n.t_with("signatory-contacts-of", &[("service", s.name.clone())])}</h3>
                        <ContactPicker
                            service_id=service_id
                            selected=selected_contact
                            on_select=move |row: ContactRow| {
                                saving.run(wizard, WizardStep::Signatory, ContactChoice { contact_id: row.id })
                            }
                            select_label="wizard-select-continue"
                        />
                    </section>
                }
            })}
        </Show>
    }
    .into_any()
}
