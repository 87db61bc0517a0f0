//! `/hourly-rates`: the minimum hourly stipend of each year (GRAT-02),
//! read by staff, kept by administrators. The wizard's figures and the
//! server's checks read the same table; a year not entered yet is checked
//! against the latest rate as a floor.

use crate::api::ApiError;
use crate::api::auth::Role;
use crate::api::rates::{self, HourlyRate, HourlyRateInput};
use crate::components::fields::TextInput;
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{ErrorSummary, FieldMessage, focus_first_error};
use crate::format;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// What the form typed, or the fields to fix.
fn input(rate: &str, source: &str, root: &str) -> Result<HourlyRateInput, Vec<FieldMessage>> {
    let mut problems = Vec::new();
    let cents = format::parse_cents(rate);
    if rate.trim().is_empty() {
        problems.push(FieldMessage::local(
            &format!("{root}.cents"),
            "field-required",
        ));
    } else if cents.is_none() {
        problems.push(FieldMessage::local(
            &format!("{root}.cents"),
            "form-not-an-amount",
        ));
    }
    if source.trim().is_empty() {
        problems.push(FieldMessage::local(
            &format!("{root}.source"),
            "field-required",
        ));
    }
    match cents {
        Some(cents) if problems.is_empty() => Ok(HourlyRateInput {
            cents,
            source: source.trim().to_owned(),
        }),
        _ => Err(problems),
    }
}

#[component]
pub fn HourlyRatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let admin = session.me().is_some_and(|m| m.has(Role::Admin));
    let list = LocalResource::new(rates::list);
    let reload = move || {
        rates::forget();
        list.refetch();
    };
    view! {
        <h1>{move || i18n.t("rates-title")}</h1>
        <p>{move || i18n.t("rates-intro")}</p>
        <p><a href="/nomenclatures">{move || i18n.t("nomenclatures-back")}</a></p>
        {(!admin).then(|| view! { <p class="denied-reason">{move || i18n.message("perm-11-admin-only", &Default::default())}</p> })}
        {admin.then(|| view! { <NewRateForm on_saved=reload /> })}
        {loaded(list, move |all: Vec<HourlyRate>| view! {
            <table class="table" id="hourly-rates">
                <caption class="visually-hidden">{move || i18n.t("rates-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("rates-year")}</th>
                        <th scope="col">{move || i18n.t("rates-rate")}</th>
                        <th scope="col">{move || i18n.t("rates-source")}</th>
                        {admin.then(|| view! { <th scope="col">{move || i18n.t("table-actions")}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {all.into_iter().rev().map(|r| view! { <RateRow rate=r admin=admin on_saved=reload /> }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

#[component]
fn RateRow(rate: HourlyRate, admin: bool, #[prop(into)] on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    // Removing a year's rate is asked twice: the rules then fall back to
    // the year before as a floor.
    let confirming = RwSignal::new(false);
    let lang = i18n.lang.get_untracked();
    let amount = RwSignal::new(format::cents_input(lang, rate.cents));
    let source = RwSignal::new(rate.source.clone());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let r = StoredValue::new(rate);
    let root = format!("rate.{}", r.get_value().year);
    let path = StoredValue::new(root.clone());
    let save = move |_| {
        let rate = r.get_value();
        let body = match input(
            &amount.get_untracked(),
            &source.get_untracked(),
            &path.get_value(),
        ) {
            Ok(body) => body,
            Err(problems) => {
                messages.set(problems);
                focus_first_error();
                return;
            }
        };
        spawn_local(async move {
            match rates::update(rate.year, rate.version, &body).await {
                Ok(_) => {
                    editing.set(false);
                    on_saved.run(());
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, &path.get_value()))
                            .collect(),
                    );
                    error.set(Some(e));
                }
            }
        });
    };
    let remove = move |_| {
        let rate = r.get_value();
        spawn_local(async move {
            match rates::remove(rate.year, rate.version).await {
                Ok(()) => on_saved.run(()),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    move || {
        let rate = r.get_value();
        let year = rate.year.to_string();
        if editing.get() {
            view! {
                <tr>
                    <td>{year.clone()}</td>
                    <td><TextInput path=format!("{}.cents", path.get_value()) label="rates-rate" value=amount messages=messages /></td>
                    <td><TextInput path=format!("{}.source", path.get_value()) label="rates-source" value=source messages=messages /></td>
                    <td>
                        <button type="button" class="button small" on:click=save>{i18n.t("form-save")}</button>
                        <button type="button" class="button small secondary" on:click=move |_| editing.set(false)>{i18n.t("form-cancel")}</button>
                        <ActionError error=error />
                    </td>
                </tr>
            }
            .into_any()
        } else {
            view! {
                <tr>
                    <td>{year.clone()}</td>
                    <td>{move || format::euros(i18n.lang.get(), rate.cents)}</td>
                    <td>{rate.source.clone()}</td>
                    {admin.then(|| view! {
                        <td>
                            <button type="button" class="button small secondary"
                                aria-label=format!("{} : {year}", i18n.t("form-edit"))
                                on:click=move |_| editing.set(true)>
                                {i18n.t("form-edit")}
                            </button>
                            <Show
                                when=move || confirming.get()
                                fallback=move || view! {
                                    <button type="button" class="button small secondary"
                                        aria-label=format!("{} : {}", i18n.t("rates-remove"), rate.year)
                                        on:click=move |_| confirming.set(true)>
                                        {i18n.t("rates-remove")}
                                    </button>
                                }
                            >
                                <p role="alert">{i18n.t_with("rates-remove-confirm", &[("year", rate.year.to_string())])}</p>
                                <button type="button" class="button small danger" on:click=remove>
                                    {i18n.t("rates-remove-yes")}
                                </button>
                                <button type="button" class="button small secondary" on:click=move |_| confirming.set(false)>
                                    {i18n.t("form-cancel")}
                                </button>
                            </Show>
                            <ActionError error=error />
                        </td>
                    })}
                </tr>
            }
            .into_any()
        }
    }
}

#[component]
fn NewRateForm(#[prop(into)] on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let year = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed_year = year.get_untracked().trim().parse::<i32>().ok();
        let mut problems = Vec::new();
        if typed_year.is_none() {
            problems.push(FieldMessage::local("rate.year", "form-not-a-number"));
        }
        let body = match input(&amount.get_untracked(), &source.get_untracked(), "rate") {
            Ok(body) => Some(body),
            Err(more) => {
                problems.extend(more);
                None
            }
        };
        messages.set(problems);
        let (Some(typed_year), Some(body)) = (typed_year, body) else {
            focus_first_error();
            return;
        };
        spawn_local(async move {
            match rates::create(typed_year, &body).await {
                Ok(_) => {
                    year.set(String::new());
                    amount.set(String::new());
                    source.set(String::new());
                    error.set(None);
                    on_saved.run(());
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "rate"))
                            .collect(),
                    );
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="record-form" id="new-rate" on:submit=submit novalidate aria-labelledby="new-rate-title">
            <h2 id="new-rate-title">{move || i18n.t("rates-add")}</h2>
            <ErrorSummary messages=messages />
            <div class="field-row">
                <TextInput path="rate.year" label="rates-year" value=year messages=messages required=true />
                <TextInput path="rate.cents" label="rates-rate" value=amount messages=messages required=true />
                <TextInput path="rate.source" label="rates-source" value=source messages=messages required=true />
            </div>
            <ActionError error=error />
            <button type="submit" class="button">{move || i18n.t("rates-add-submit")}</button>
        </form>
    }
}
