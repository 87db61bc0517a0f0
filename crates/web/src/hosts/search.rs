//! Searching the host organisations (seed §4.2): by name and department,
//! SIRET, activity, phone, address or service; a result is selected, or
//! when none fits, the caller offers to create one.

use crate::api::client::Page;
use crate::api::organisations::{self, OrganisationQuery, OrganisationRow};
use crate::api::{ApiError, ProblemViolation};
use crate::components::fields::TextInput;
use crate::components::loading::Failure;
use crate::components::messages::FieldMessage;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The search form and its results; `on_select` receives the chosen one,
/// `on_create` asks for the creation form.
#[component]
pub fn OrganisationSearch(
    #[prop(into)] on_select: Callback<OrganisationRow>,
    #[prop(into)] on_create: Callback<()>,
    /// The label of each result's button ("Sélectionner", "Voir").
    select_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let siret = RwSignal::new(String::new());
    let naf = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let service = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Page<OrganisationRow>>);
    let error = RwSignal::new(None::<ApiError>);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let pending = RwSignal::new(false);
    let last_query = StoredValue::new(OrganisationQuery::default());

    // The page asked for last, for a retry after a failure.
    let last_cursor = StoredValue::new(None::<String>);
    let run = move |cursor: Option<String>| {
        let query = last_query.get_value();
        last_cursor.set_value(cursor.clone());
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match organisations::search(&query, cursor.clone()).await {
                Ok(page) => {
                    messages.set(Vec::new());
                    results.update(|r| match (r, cursor) {
                        (Some(previous), Some(_)) => {
                            previous.items.extend(page.items);
                            previous.next_cursor = page.next_cursor;
                        }
                        (r, _) => *r = Some(page),
                    });
                }
                Err(e) => {
                    let fields: Vec<FieldMessage> = e
                        .violations()
                        .iter()
                        .map(|v: &ProblemViolation| FieldMessage::from_problem(v, "search"))
                        .collect();
                    messages.set(fields);
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        last_query.set_value(OrganisationQuery {
            name: name.get_untracked(),
            department: department.get_untracked(),
            siret: siret.get_untracked(),
            naf: naf.get_untracked(),
            phone: phone.get_untracked(),
            address: address.get_untracked(),
            service: service.get_untracked(),
        });
        run(None);
    };
    let messages = Signal::from(messages);

    view! {
        <form class="search-form" on:submit=submit novalidate>
            <div class="field-row">
                <TextInput path="search.name" label="org-search-name" value=name messages=messages />
                <TextInput
                    path="search.department"
                    label="org-search-department"
                    value=department
                    messages=messages
                    inputmode="numeric"
                />
            </div>
            <details class="more-criteria">
                <summary>{move || i18n.t("org-search-more")}</summary>
                <div class="field-row">
                    <TextInput path="search.siret" label="org-siret" value=siret messages=messages inputmode="numeric" />
                    <TextInput path="search.naf" label="org-search-naf" value=naf messages=messages />
                    <TextInput path="search.phone" label="org-phone" value=phone messages=messages kind="tel" />
                </div>
                <div class="field-row">
                    <TextInput path="search.address" label="org-search-address" value=address messages=messages />
                    <TextInput path="search.service" label="org-search-service" value=service messages=messages />
                </div>
            </details>
            <button type="submit" id="org-search-submit" class="button" disabled=move || pending.get()>
                {move || i18n.t("search-submit")}
            </button>
        </form>
        {move || error.get().map(|e| view! { <Failure error=e retry=move || run(last_cursor.get_value()) /> })}
        {move || {
            results
                .get()
                .map(|page| {
                    let count = page.items.len();
                    view! {
                        <div class="results" aria-live="polite">
                            {if count == 0 {
                                view! { <p class="muted">{move || i18n.t("org-search-none")}</p> }.into_any()
                            } else {
                                view! { <ResultsTable rows=page.items.clone() on_select=on_select select_label=select_label /> }
                                    .into_any()
                            }}
                            {page
                                .next_cursor
                                .clone()
                                .map(|next| {
                                    let next = StoredValue::new(next);
                                    view! {
                                        <button
                                            type="button"
                                            class="button secondary"
                                            on:click=move |_| run(Some(next.get_value()))
                                        >
                                            {move || i18n.t("search-more")}
                                        </button>
                                    }
                                })}
                        </div>
                    }
                })
        }}
        <p class="create-offer">
            {move || i18n.t("org-create-offer")}
            " "
            <button type="button" class="button secondary" id="org-create" on:click=move |_| on_create.run(())>
                {move || i18n.t("org-create")}
            </button>
        </p>
    }
}

#[component]
fn ResultsTable(
    rows: Vec<OrganisationRow>,
    on_select: Callback<OrganisationRow>,
    select_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table">
            <caption class="visually-hidden">{move || i18n.t("org-results")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("org-name")}</th>
                    <th scope="col">{move || i18n.t("org-siret")}</th>
                    <th scope="col">{move || i18n.t("org-address")}</th>
                    <th scope="col">{move || i18n.t("org-phone")}</th>
                    <th scope="col">{move || i18n.t("table-actions")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let name = row.name.clone();
                        let place = format!("{}, {} {}", row.street, row.postal_code, row.city);
                        let chosen = row.clone();
                        view! {
                            <tr>
                                <td>{row.name.clone()}</td>
                                <td>{row.siret.clone().unwrap_or_default()}</td>
                                <td>{place}</td>
                                <td>{row.phone.clone()}</td>
                                <td>
                                    <button
                                        type="button"
                                        class="button small"
                                        aria-label=move || format!("{} : {}", i18n.t(select_label), name)
                                        on:click=move |_| on_select.run(chosen.clone())
                                    >
                                        {move || i18n.t(select_label)}
                                    </button>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
