//! `/conventions/new`: the instructions screen (seed §4: "lisez-le,
//! munissez-vous des informations demandées puis cliquez sur Suivant"),
//! then step 1 for a convention that does not exist yet.

use super::StepTabs;
use super::student::StudentStepForm;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use stages_domain::model::WizardStep;

#[component]
pub fn NewConventionPage() -> impl IntoView {
    let i18n = use_i18n();
    let read = RwSignal::new(false);
    view! {
        <h1>{move || i18n.t("wizard-title-new")}</h1>
        <StepTabs current=WizardStep::Student view=None />
        {move || {
            if read.get() {
                view! {
                    <section class="wizard-step" aria-labelledby="step-title">
                        <h2 id="step-title">
                            {move || format!("{} 1 — {}", i18n.t("wizard-step"), i18n.t("step-student"))}
                        </h2>
                        <StudentStepForm existing=None />
                    </section>
                }
                    .into_any()
            } else {
                view! { <Instructions on_next=move || read.set(true) /> }.into_any()
            }
        }}
    }
}

#[component]
fn Instructions(#[prop(into)] on_next: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="instructions" aria-labelledby="instructions-title">
            <h2 id="instructions-title">{move || i18n.t("instructions-title")}</h2>
            <p>{move || i18n.t("instructions-intro")}</p>
            <ul>
                <li>{move || i18n.t("instructions-student")}</li>
                <li>{move || i18n.t("instructions-organisation")}</li>
                <li>{move || i18n.t("instructions-tutor")}</li>
                <li>{move || i18n.t("instructions-internship")}</li>
                <li>{move || i18n.t("instructions-supervisor")}</li>
                <li>{move || i18n.t("instructions-signatory")}</li>
            </ul>
            <p>
                {move || i18n.t("instructions-notice")} " "
                <a href="/documents">{move || i18n.t("menu-documents")}</a>
            </p>
            <p>{move || i18n.t("instructions-steps")}</p>
            <button type="button" class="button" id="instructions-next" on:click=move |_| on_next.run(())>
                {move || i18n.t("wizard-next")}
            </button>
        </section>
    }
}
