//! Steps 3 and 4 (seed §4.3, §4.4): the service of the chosen organisation
//! where the internship takes place, then the tutor among its contacts;
//! each can be created on the spot.

use super::{SavingFeedback, Wizard, step_href, use_saving};
use crate::api::conventions::{ContactChoice, HostServiceChoice};
use crate::hosts::contacts::ContactPicker;
use crate::hosts::services::ServicePicker;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use stages_domain::model::WizardStep;

/// What to do first when an earlier step is missing.
#[component]
fn Missing(id: i64, step: WizardStep, message: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="notice-panel" role="status">
            {move || i18n.t(message)} " "
            <a href=step_href(id, step)>{move || i18n.t("wizard-go-to-step")}</a>
        </p>
    }
}

#[component]
pub fn HostServiceStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let saving = use_saving();
    let view_now = wizard.view.get_untracked();
    let selected = Signal::derive(move || wizard.view.get().parties.host_service_id);
    match view_now.parties.organisation_id {
        None => view! {
            <Missing id=view_now.id step=WizardStep::Organisation message="step-needs-organisation" />
        }
            .into_any(),
        Some(organisation) => view! {
            <p>{move || i18n.t("step-host-service-intro")}</p>
            <SavingFeedback saving=saving />
            <ServicePicker
                organisation_id=organisation
                selected=selected
                on_select=move |row: crate::api::organisations::HostServiceRow| {
                    saving.run(wizard, WizardStep::HostService, HostServiceChoice { host_service_id: row.id })
                }
                select_label="wizard-select-continue"
            />
        }
            .into_any(),
    }
}

#[component]
pub fn TutorStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let saving = use_saving();
    let view_now = wizard.view.get_untracked();
    let selected = Signal::derive(move || wizard.view.get().parties.tutor_id);
    match view_now.parties.host_service_id {
        None => view! {
            <Missing id=view_now.id step=WizardStep::HostService message="step-needs-service" />
        }
        .into_any(),
        Some(service) => view! {
            <p>{move || i18n.t("step-tutor-intro")}</p>
            <SavingFeedback saving=saving />
            <ContactPicker
                service_id=service
                selected=selected
                on_select=move |row: crate::api::organisations::ContactRow| {
                    saving.run(wizard, WizardStep::Tutor, ContactChoice { contact_id: row.id })
                }
                select_label="wizard-select-continue"
            />
        }
        .into_any(),
    }
}
