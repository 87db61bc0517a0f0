//! Step 2, Établissement d'accueil (seed §4.2): search the organisations,
//! look at the chosen one's record, select it and continue; create one
//! when none fits; correct it ("modifier").

use super::{SavingFeedback, Wizard, use_saving};
use crate::api::conventions::OrganisationChoice;
use crate::api::organisations::{self, OrganisationRow};
use crate::hosts::card::OrganisationCard;
use crate::hosts::organisation_form::OrganisationForm;
use crate::hosts::search::OrganisationSearch;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::WizardStep;

#[derive(Clone, PartialEq)]
enum Mode {
    Search,
    Create,
    /// Boxed: a row is much larger than the other variants.
    Edit(Box<OrganisationRow>),
}

#[component]
pub fn OrganisationStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let saving = use_saving();
    let chosen = RwSignal::new(None::<OrganisationRow>);
    let mode = RwSignal::new(Mode::Search);
    if let Some(id) = wizard.view.get_untracked().parties.organisation_id {
        spawn_local(async move {
            if let Ok(row) = organisations::get(id).await {
                chosen.set(Some(row));
            }
        });
    }
    let select = move |_| {
        if let Some(row) = chosen.get_untracked() {
            saving.run(
                wizard,
                WizardStep::Organisation,
                OrganisationChoice {
                    organisation_id: Some(row.id),
                    offer_number: None,
                },
            );
        }
    };
    view! {
        <p>{move || i18n.t("step-organisation-intro")}</p>
        {move || {
            chosen
                .get()
                .map(|row| {
                    let edited = row.clone();
                    let report = format!(
                        "/tickets/new?page={}",
                        String::from(js_sys::encode_uri_component(&format!("/organisations/{}", row.id)))
                    );
                    view! {
                        <section class="chosen" aria-labelledby="chosen-title">
                            <h3 id="chosen-title">{move || i18n.t("org-chosen")}</h3>
                            <OrganisationCard organisation=row />
                            <SavingFeedback saving=saving />
                            <div class="actions">
                                <button
                                    type="button"
                                    class="button"
                                    id="org-select-continue"
                                    disabled=move || saving.pending.get()
                                    on:click=select
                                >
                                    {move || i18n.t("wizard-select-continue")}
                                </button>
                                <button
                                    type="button"
                                    class="button secondary"
                                    id="org-edit"
                                    on:click=move |_| mode.set(Mode::Edit(Box::new(edited.clone())))
                                >
                                    {move || i18n.t("form-edit")}
                                </button>
                                <a class="button secondary" href=report>{move || i18n.t("org-report-error")}</a>
                            </div>
                        </section>
                    }
                })
        }}
        {move || match mode.get() {
            Mode::Search => view! {
                <section aria-labelledby="org-search-title">
                    <h3 id="org-search-title">{move || i18n.t("org-search-title")}</h3>
                    <OrganisationSearch
                        on_select=move |row| chosen.set(Some(row))
                        on_create=move || mode.set(Mode::Create)
                        select_label="form-select"
                    />
                </section>
            }
                .into_any(),
            Mode::Create => view! {
                <OrganisationForm
                    existing=None
                    on_saved=move |row| {
                        chosen.set(Some(row));
                        mode.set(Mode::Search);
                    }
                    on_cancel=move || mode.set(Mode::Search)
                />
            }
                .into_any(),
            Mode::Edit(row) => view! {
                <OrganisationForm
                    existing=Some(*row)
                    on_saved=move |row| {
                        chosen.set(Some(row));
                        mode.set(Mode::Search);
                    }
                    on_cancel=move || mode.set(Mode::Search)
                />
            }
                .into_any(),
        }}
    }
}
