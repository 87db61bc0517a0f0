//! Step 8, Récapitulatif (seed §4.8): everything entered, what still
//! blocks, and "Créer", which gives the convention its number.

use super::{Wizard, step_href, title_key};
use crate::api::{ApiError, conventions};
use crate::components::loading::ActionError;
use crate::components::messages::focus_element;
use crate::components::recap::Recap;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::WizardStep;

#[component]
pub fn SummaryStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(false);
    let submit = move |_| {
        let (id, version) = wizard.view.with_untracked(|v| (v.id, v.version));
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match conventions::submit(id, version).await {
                Ok(view) => {
                    wizard.view.set(view);
                    created.set(true);
                    request_animation_frame(|| focus_element("convention-created"));
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <p>{move || i18n.t("step-summary-intro")}</p>
        {move || {
            let v = wizard.view.get();
            v.number.clone().map(|number| {
                let key = if created.get() { "summary-created" } else { "summary-number" };
                view! {
                    <div class="success-panel" role="status" id="convention-created" tabindex="-1">
                        <p>{i18n.t_with(key, &[("number", number.clone())])}</p>
                        <p><a href=format!("/conventions/{}", v.id)>{i18n.t("summary-open")}</a></p>
                    </div>
                }
            })
        }}
        <Violations wizard=wizard />
        {move || {
            let v = wizard.view.get();
            view! { <Recap convention=v.content.clone() figures=v.figures.clone() /> }
        }}
        <ActionError error=error />
        <Show when=move || wizard.view.get().number.is_none()>
            <button type="button" class="button" id="convention-submit" disabled=move || pending.get() on:click=submit>
                {move || i18n.t("summary-create")}
            </button>
        </Show>
    }
}

/// What the convention still breaks, step by step, with a way back to it.
#[component]
fn Violations(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let v = wizard.view.get();
        let id = v.id;
        let (errors, warnings): (Vec<_>, Vec<_>) = v
            .violations
            .into_iter()
            .partition(|violation| violation.is_error());
        let list = move |items: Vec<crate::api::ProblemViolation>| {
            items
                .into_iter()
                .map(|violation| {
                    let step = WizardStep::of_field(&violation.field);
                    view! {
                        <li>
                            {step.map(|step| view! {
                                <a href=step_href(id, step)>{i18n.t(title_key(step))}</a>
                                " : "
                            })}
                            {violation.message.clone()}
                        </li>
                    }
                })
                .collect_view()
        };
        view! {
            {(!errors.is_empty()).then(|| view! {
                <div class="error-summary" role="alert">
                    <p class="summary-title">{i18n.t("summary-blocking")}</p>
                    <ul>{list(errors)}</ul>
                </div>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <div class="warning-summary">
                    <p class="summary-title">{i18n.t("summary-warnings")}</p>
                    <ul>{list(warnings)}</ul>
                </div>
            })}
        }
    }
}
