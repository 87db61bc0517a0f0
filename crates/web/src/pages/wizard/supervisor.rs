//! Step 6, Enseignant référent (seed §4.6): search the university's
//! directory by name (two characters at least), select the person.

use super::{SavingFeedback, Wizard, use_saving};
use crate::api::ApiError;
use crate::api::conventions::SupervisorChoice;
use crate::api::people::{self, Person, SUPERVISOR_QUERY_MIN_CHARS};
use crate::components::fields::TextInput;
use crate::components::loading::ActionError;
use crate::components::messages::{FieldMessage, focus_first_error};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::WizardStep;

/// The directory search; `on_select` receives the chosen person. Also used
/// by amendments that change the supervisor.
#[component]
pub fn SupervisorSearch(
    #[prop(into)] on_select: Callback<Person>,
    select_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Vec<Person>>);
    let error = RwSignal::new(None::<ApiError>);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let q = name.get_untracked().trim().to_owned();
        if q.chars().count() < SUPERVISOR_QUERY_MIN_CHARS {
            messages.set(vec![FieldMessage::local(
                "supervisor-search",
                "supervisor-search-too-short",
            )]);
            focus_first_error();
            return;
        }
        messages.set(Vec::new());
        error.set(None);
        spawn_local(async move {
            match people::supervisors(&q).await {
                Ok(found) => results.set(Some(found)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="search-form" on:submit=search novalidate>
            <TextInput path="supervisor-search" label="supervisor-search" value=name messages=messages />
            <button type="submit" class="button" id="supervisor-search-submit">{move || i18n.t("search-submit")}</button>
        </form>
        <ActionError error=error />
        {move || results.get().map(|people| {
            if people.is_empty() {
                view! { <p class="muted" role="status">{i18n.t("supervisor-none")}</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <caption class="visually-hidden">{i18n.t("supervisor-results")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{i18n.t("recap-name")}</th>
                                <th scope="col">{i18n.t("contact-email")}</th>
                                <th scope="col">{i18n.t("supervisor-department")}</th>
                                <th scope="col">{i18n.t("table-actions")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {people.into_iter().map(|p| {
                                let full = format!("{} {}", p.first_name, p.last_name);
                                let label = format!("{} : {full}", i18n.t(select_label));
                                let chosen = p.clone();
                                view! {
                                    <tr>
                                        <td>{full.clone()}</td>
                                        <td>{p.email.clone().unwrap_or_default()}</td>
                                        <td>{p.department.clone().unwrap_or_default()}</td>
                                        <td>
                                            <button type="button" class="button small" aria-label=label on:click=move |_| on_select.run(chosen.clone())>
                                                {i18n.t(select_label)}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }
        })}
    }
}

#[component]
pub fn SupervisorStep(wizard: Wizard) -> impl IntoView {
    let i18n = use_i18n();
    let saving = use_saving();
    let current = move || {
        wizard
            .view
            .get()
            .content
            .supervisor
            .map(|s| format!("{} {}", s.first_name, s.last_name))
    };
    view! {
        <p>{move || i18n.t("step-supervisor-intro")}</p>
        {move || current().map(|name| view! {
            <p class="chosen-line">{i18n.t("supervisor-current")} " " <strong>{name}</strong></p>
        })}
        <SavingFeedback saving=saving />
        <SupervisorSearch
            on_select=move |person: Person| {
                saving.run(wizard, WizardStep::Supervisor, SupervisorChoice { uid: person.uid })
            }
            select_label="wizard-select-continue"
        />
    }
}
