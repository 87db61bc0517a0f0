//! `/evaluations`: Rechercher une évaluation. Everyone finds the validated
//! conventions they may see with the completion of their three
//! questionnaires; staff filter on a centre and a year, and export a
//! centre's answers of one questionnaire (CSV, XLSX).

use super::{KINDS, STATUSES, kind_key, status_key};
use crate::api::ApiError;
use crate::api::centres::{self, Centre};
use crate::api::client::Page;
use crate::api::evaluations::{self, EvaluationQuery, EvaluationRow, kind_code};
use crate::components::download::{Document, DownloadButton};
use crate::components::fields::{Select, TextInput};
use crate::components::loading::{Failure, Pending};
use crate::components::messages::FieldMessage;
use crate::components::reference::{code_of, from_code};
use crate::format;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::EvaluationKind;
use stages_domain::permissions::Decision;

#[component]
pub fn EvaluationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let is_staff = use_session().me().is_some_and(|m| m.is_staff());
    let centre = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Page<EvaluationRow>>);
    let error = RwSignal::new(None::<ApiError>);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let pending = RwSignal::new(false);
    let query = RwSignal::new(EvaluationQuery::default());

    let run = move |cursor: Option<String>| {
        let q = query.get_untracked();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match evaluations::search(&q, cursor.clone()).await {
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
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "search"))
                            .collect(),
                    );
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };
    run(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(EvaluationQuery {
            centre_id: centre.get_untracked(),
            academic_year: year.get_untracked(),
            kind: kind.get_untracked(),
            status: status.get_untracked(),
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
    let kind_options = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| (kind_code(*k).to_owned(), i18n.t(kind_key(*k))))
            .collect::<Vec<_>>()
    });
    let status_options = Signal::derive(move || {
        STATUSES
            .iter()
            .map(|s| (code_of(s), i18n.t(status_key(*s))))
            .collect::<Vec<_>>()
    });

    view! {
        <h1>{move || i18n.t("evaluations-title")}</h1>
        <section aria-labelledby="evaluation-search-title">
            <h2 id="evaluation-search-title">{move || i18n.t("evaluation-search-title")}</h2>
            <form class="search-form" on:submit=submit novalidate>
                <div class="field-row">
                    {is_staff.then(|| view! {
                        <Select path="search.centre_id" label="search-centre" value=centre options=centre_options messages=messages />
                        <TextInput path="search.academic_year" label="search-academic-year" value=year messages=messages />
                    })}
                    <Select path="search.kind" label="evaluation-kind" value=kind options=kind_options messages=messages />
                    <Select path="search.status" label="evaluation-status" value=status options=status_options messages=messages help="evaluation-status-help" />
                </div>
                <button type="submit" class="button" id="evaluation-search-submit" disabled=move || pending.get()>
                    {move || i18n.t("search-submit")}
                </button>
            </form>
        </section>
        {is_staff.then(|| view! { <Exports query=query /> })}
        {move || error.get().map(|e| view! { <Failure error=e retry=move || run(None) /> })}
        <section aria-labelledby="evaluation-results-title" aria-live="polite">
            <h2 id="evaluation-results-title">{move || i18n.t("search-results")}</h2>
            {move || match results.get() {
                None if error.get().is_some() => ().into_any(),
                None => view! { <Pending /> }.into_any(),
                Some(page) if page.items.is_empty() => {
                    view! { <p class="muted" id="evaluation-search-empty">{i18n.t("evaluation-search-none")}</p> }.into_any()
                }
                Some(page) => view! {
                    <ResultsTable rows=page.items.clone() />
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

/// The export of the searched centre's year, for the questionnaire
/// searched: all three are needed, else the section says what to choose.
#[component]
fn Exports(query: RwSignal<EvaluationQuery>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="evaluation-export-title">
            <h2 id="evaluation-export-title">{move || i18n.t("evaluation-export-title")}</h2>
            {move || {
                let q = query.get();
                let centre = q.centre_id.parse::<i64>().ok();
                let kind = from_code::<EvaluationKind>(&q.kind);
                let year = q.academic_year.trim().to_owned();
                match (centre, kind, year.is_empty()) {
                    (Some(centre), Some(kind), false) => {
                        let export = |format: &'static str| Document::EvaluationExport {
                            centre,
                            academic_year: year.clone(),
                            kind,
                            format,
                        };
                        view! {
                            <div class="actions">
                                <DownloadButton document=export("csv") label="export-csv" decision=Decision::Allowed id="evaluation-export-csv" />
                                <DownloadButton document=export("xlsx") label="export-xlsx" decision=Decision::Allowed id="evaluation-export-xlsx" />
                            </div>
                        }
                            .into_any()
                    }
                    _ => view! { <p class="muted" id="evaluation-export-help">{i18n.t("evaluation-export-help")}</p> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn ResultsTable(rows: Vec<EvaluationRow>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table" id="evaluation-results">
            <caption class="visually-hidden">{move || i18n.t("search-results")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("convention-number")}</th>
                    <th scope="col">{move || i18n.t("convention-student")}</th>
                    <th scope="col">{move || i18n.t("search-academic-year")}</th>
                    <th scope="col">{move || i18n.t("evaluation-end")}</th>
                    <th scope="col">{move || i18n.t("evaluation-kind-student")}</th>
                    <th scope="col">{move || i18n.t("evaluation-kind-supervisor")}</th>
                    <th scope="col">{move || i18n.t("evaluation-kind-tutor")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let id = row.convention_id;
                        let end = row.end_date;
                        let badge = |status| view! {
                            <span class="badge">{move || i18n.t(status_key(status))}</span>
                        };
                        view! {
                            <tr>
                                <td>
                                    <a href=format!("/evaluations/{id}")>{row.number.clone().unwrap_or_default()}</a>
                                </td>
                                <td>{format!("{} ({})", row.student_name, row.student_number)}</td>
                                <td>{row.academic_year.clone()}</td>
                                <td>{move || end.map(|d| format::date(i18n.lang.get(), d))}</td>
                                <td>{badge(row.student)}</td>
                                <td>{badge(row.supervisor)}</td>
                                <td>{badge(row.tutor)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
