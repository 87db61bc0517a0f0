//! Conventions de stage > Rechercher (seed §8): by convention number,
//! student number or name, with the staff's filters; a results table whose
//! actions are those the server allows on each convention.

use super::status_key;
use crate::api::ApiError;
use crate::api::centres::{self, Centre};
use crate::api::client::Page;
use crate::api::conventions::{self, ConventionSummary, ConventionView, SearchQuery};
use crate::components::confirm::ConfirmButton;
use crate::components::download::{Document, DownloadButton};
use crate::components::fields::{Checkbox, Select, TextInput};
use crate::components::loading::{ActionError, Failure, Pending};
use crate::components::messages::FieldMessage;
use crate::format;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::lifecycle::Status;

const STATUSES: [Status; 6] = [
    Status::Draft,
    Status::Created,
    Status::Rejected,
    Status::InValidation,
    Status::Validated,
    Status::TerminatedEarly,
];

#[component]
pub fn ConventionSearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let is_staff = session.me().is_some_and(|m| m.is_staff());
    let text = RwSignal::new(String::new());
    let centre = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let unsigned = RwSignal::new(false);
    let results = RwSignal::new(None::<Page<ConventionSummary>>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let query = StoredValue::new(SearchQuery::default());
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());

    let run = move |cursor: Option<String>| {
        let q = query.get_value();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match conventions::search(&q, cursor.clone()).await {
                Ok(page) => results.update(|r| match (r, cursor) {
                    (Some(previous), Some(_)) => {
                        previous.items.extend(page.items);
                        previous.next_cursor = page.next_cursor;
                    }
                    (r, _) => *r = Some(page),
                }),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    // Everything the caller may see, newest first, until they search.
    run(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set_value(SearchQuery {
            text: text.get_untracked(),
            centre_id: centre.get_untracked(),
            academic_year: year.get_untracked(),
            status: status.get_untracked(),
            unsigned_at_start: unsigned.get_untracked(),
        });
        run(None);
    };
    let centres = LocalResource::new(move || async move {
        if is_staff {
            centres::list().await.unwrap_or_default()
        } else {
            Vec::new()
        }
    });
    let centre_options = Signal::derive(move || {
        centres
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|c: Centre| (c.id.to_string(), c.name))
            .collect::<Vec<_>>()
    });
    let status_options = Signal::derive(move || {
        STATUSES
            .iter()
            .map(|s| (super::status_code(*s), i18n.t(status_key(*s))))
            .collect::<Vec<_>>()
    });
    let refresh = Callback::new(move |_| run(None));

    view! {
        <h1>{move || i18n.t("conventions-title")}</h1>
        <p>
            <a class="button" href="/conventions/new" id="convention-new">{move || i18n.t("convention-create")}</a>
        </p>
        <section aria-labelledby="search-title">
            <h2 id="search-title">{move || i18n.t("search-title")}</h2>
            <form class="search-form" on:submit=submit novalidate>
                <TextInput path="search.q" label="search-text" value=text messages=no_messages help="search-text-help" />
                {is_staff.then(|| view! {
                    <div class="field-row">
                        <Select path="search.centre" label="search-centre" value=centre options=centre_options messages=no_messages />
                        <TextInput path="search.academic_year" label="search-academic-year" value=year messages=no_messages />
                        <Select path="search.status" label="search-status" value=status options=status_options messages=no_messages />
                    </div>
                    <Checkbox id="search-unsigned" label="search-unsigned" value=unsigned />
                })}
                <button type="submit" class="button" id="search-submit" disabled=move || pending.get()>
                    {move || i18n.t("search-submit")}
                </button>
            </form>
        </section>
        {move || error.get().map(|e| view! { <Failure error=e retry=move || run(None) /> })}
        <section aria-labelledby="results-title" aria-live="polite">
            <h2 id="results-title">{move || i18n.t("search-results")}</h2>
            {move || match results.get() {
                None if error.get().is_some() => ().into_any(),
                None => view! { <Pending /> }.into_any(),
                Some(page) if page.items.is_empty() => {
                    view! { <p class="muted" id="search-empty">{i18n.t("search-none")}</p> }.into_any()
                }
                Some(page) => view! {
                    <ResultsTable rows=page.items.clone() on_deleted=refresh />
                    {page.next_cursor.clone().map(|next| {
                        let next = StoredValue::new(next);
                        view! {
                            <button type="button" class="button secondary" on:click=move |_| run(Some(next.get_value()))>
                                {i18n.t("search-more")}
                            </button>
                        }
                    })}
                }
                    .into_any(),
            }}
        </section>
    }
}

#[component]
fn ResultsTable(rows: Vec<ConventionSummary>, on_deleted: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table" id="search-results">
            <caption class="visually-hidden">{move || i18n.t("search-results")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("convention-number")}</th>
                    <th scope="col">{move || i18n.t("convention-student")}</th>
                    <th scope="col">{move || i18n.t("convention-organisation")}</th>
                    <th scope="col">{move || i18n.t("convention-dates")}</th>
                    <th scope="col">{move || i18n.t("convention-status")}</th>
                    <th scope="col">{move || i18n.t("table-actions")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let id = row.id;
                        let number = row.number.clone();
                        let dates = move || {
                            let lang = i18n.lang.get();
                            match (row.start_date, row.end_date) {
                                (Some(s), Some(e)) => format!("{} – {}", format::date(lang, s), format::date(lang, e)),
                                _ => String::new(),
                            }
                        };
                        view! {
                            <tr>
                                <td>
                                    <a href=format!("/conventions/{id}")>
                                        {move || number.clone().unwrap_or_else(|| i18n.t("convention-draft"))}
                                    </a>
                                </td>
                                <td>{format!("{} {} ({})", row.student_first_name, row.student_last_name, row.student_number)}</td>
                                <td>{row.organisation_name.clone().unwrap_or_default()}</td>
                                <td>{dates}</td>
                                <td>
                                    <span class="badge">{move || i18n.t(status_key(row.status))}</span>
                                    {row.unsigned_at_start.then(|| view! {
                                        " "
                                        <span class="badge warning">{move || i18n.t("search-unsigned-badge")}</span>
                                    })}
                                </td>
                                <td>
                                    <RowActions id=id on_deleted=on_deleted />
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// The actions the server allows on one convention of the results; those
/// it does not allow are absent (the convention's page says why).
#[component]
fn RowActions(id: i64, on_deleted: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let view_of = LocalResource::new(move || conventions::get(id));
    let error = RwSignal::new(None::<ApiError>);
    view! {
        <div class="row-actions">
            <a class="button small secondary" href=format!("/conventions/{id}")>{move || i18n.t("action-recap")}</a>
            {move || view_of.get().and_then(Result::ok).map(|v: ConventionView| {
                let p = v.permissions.clone();
                let version = v.version;
                let delete = move |_| {
                    spawn_local(async move {
                        match conventions::delete(id, version).await {
                            Ok(()) => on_deleted.run(()),
                            Err(e) => error.set(Some(e)),
                        }
                    });
                };
                let validates = p.validate.iter().any(|d| d.decision.is_allowed());
                let amendments = p.create_amendment.is_allowed() || !v.amendments.is_empty();
                view! {
                    {p.print.is_allowed().then(|| view! {
                        <DownloadButton document=Document::Agreement(id) label="action-print" decision=p.print.clone() id=format!("print-{id}") />
                    })}
                    {validates.then(|| view! {
                        <a class="button small" href=format!("/conventions/{id}#validation")>{i18n.t("action-validate")}</a>
                    })}
                    {amendments.then(|| view! {
                        <a class="button small secondary" href=format!("/conventions/{id}#amendments")>{i18n.t("action-amendments")}</a>
                    })}
                    {p.delete.is_allowed().then(|| view! {
                        <ConfirmButton
                            id=format!("delete-{id}")
                            label="action-delete"
                            question="convention-delete-question"
                            confirm="convention-delete-confirm"
                            on_confirm=delete
                            disabled=Signal::stored(false)
                        />
                    })}
                }
            })}
            <ActionError error=error />
        </div>
    }
}
