//! `/nomenclatures` and `/nomenclatures/:kind`: the reference tables, read
//! by staff, changed by administrators (a value is deactivated, never
//! deleted; system tables keep their codes).

use crate::api::ApiError;
use crate::api::auth::Role;
use crate::api::client::Page;
use crate::api::nomenclatures::{self, NewValue, NomenclatureKind, NomenclatureValue, ValueUpdate};
use crate::components::fields::{Checkbox, TextInput};
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{ErrorSummary, FieldMessage, focus_first_error};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

#[component]
pub fn NomenclaturesPage() -> impl IntoView {
    let i18n = use_i18n();
    let kinds = LocalResource::new(move || {
        i18n.lang.track();
        nomenclatures::kinds()
    });
    view! {
        <h1>{move || i18n.t("nomenclatures-title")}</h1>
        <p>{move || i18n.t("nomenclatures-intro")}</p>
        {loaded(kinds, move |kinds: Vec<NomenclatureKind>| view! {
            <table class="table">
                <caption class="visually-hidden">{move || i18n.t("nomenclatures-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("nomenclature-table")}</th>
                        <th scope="col">{move || i18n.t("nomenclature-values")}</th>
                        <th scope="col">{move || i18n.t("nomenclature-system")}</th>
                    </tr>
                </thead>
                <tbody>
                    {kinds.into_iter().map(|k| view! {
                        <tr>
                            <td><a href=format!("/nomenclatures/{}", k.kind)>{k.title.clone()}</a></td>
                            <td>{k.values.to_string()}</td>
                            <td>{move || if k.system { i18n.t("form-yes") } else { i18n.t("form-no") }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
        <p><a href="/hourly-rates" id="hourly-rates-link">{move || i18n.t("rates-link")}</a></p>
    }
}

#[component]
pub fn NomenclaturePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let admin = session.me().is_some_and(|m| m.has(Role::Admin));
    let params = use_params_map();
    let kind = Memo::new(move |_| params.read().get("kind").unwrap_or_default());
    let text = RwSignal::new(String::new());
    let query = RwSignal::new(String::new());
    let inactive = RwSignal::new(true);
    let cursor = RwSignal::new(None::<String>);
    let values = LocalResource::new(move || {
        let (kind, q, inactive, cursor) = (kind.get(), query.get(), inactive.get(), cursor.get());
        async move { nomenclatures::values(&kind, &q, inactive, cursor).await }
    });
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());
    let title = LocalResource::new(move || {
        let kind = kind.get();
        async move {
            nomenclatures::kinds()
                .await
                .ok()
                .and_then(|all| all.into_iter().find(|k| k.kind == kind))
        }
    });
    let reload = move || {
        nomenclatures::forget(&kind.get_untracked());
        values.refetch();
    };
    view! {
        <h1>{move || title.get().flatten().map(|k| k.title).unwrap_or_else(|| kind.get())}</h1>
        <p><a href="/nomenclatures">{move || i18n.t("nomenclatures-back")}</a></p>
        {(!admin).then(|| view! { <p class="denied-reason">{move || i18n.message("perm-11-admin-only", &Default::default())}</p> })}
        <form class="search-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            cursor.set(None);
            query.set(text.get_untracked());
        }>
            <div class="field-row">
                <TextInput path="nomenclature.q" label="nomenclature-search" value=text messages=no_messages />
                <Checkbox id="nomenclature-inactive" label="nomenclature-include-inactive" value=inactive />
            </div>
            <button type="submit" class="button">{move || i18n.t("search-submit")}</button>
        </form>
        {move || {
            let system = title.get().flatten().is_some_and(|k| k.system);
            (admin && !system).then(|| view! { <NewValueForm kind=kind.get() on_saved=reload /> })
        }}
        {loaded(values, move |page: Page<NomenclatureValue>| {
            let next = page.next_cursor.clone();
            view! {
                <table class="table">
                    <caption class="visually-hidden">{move || i18n.t("nomenclature-values")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("nomenclature-code")}</th>
                            <th scope="col">{move || i18n.t("nomenclature-label")}</th>
                            <th scope="col">{move || i18n.t("nomenclature-label-en")}</th>
                            <th scope="col">{move || i18n.t("nomenclature-active")}</th>
                            {admin.then(|| view! { <th scope="col">{move || i18n.t("table-actions")}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {page.items.into_iter().map(|v| view! { <ValueRow value=v admin=admin on_saved=reload /> }).collect_view()}
                    </tbody>
                </table>
                {next.map(|n| {
                    let n = StoredValue::new(n);
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| cursor.set(Some(n.get_value()))>
                            {move || i18n.t("search-next-page")}
                        </button>
                    }
                })}
            }
        })}
    }
}

#[component]
fn ValueRow(
    value: NomenclatureValue,
    admin: bool,
    #[prop(into)] on_saved: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(false);
    let label = RwSignal::new(value.label.clone());
    let label_en = RwSignal::new(value.label_en.clone().unwrap_or_default());
    let active = RwSignal::new(value.active);
    let error = RwSignal::new(None::<ApiError>);
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());
    let v = StoredValue::new(value);
    let save = move |_| {
        let value = v.get_value();
        let update = ValueUpdate {
            label: label.get_untracked().trim().to_owned(),
            label_en: Some(label_en.get_untracked().trim().to_owned()).filter(|s| !s.is_empty()),
            active: active.get_untracked(),
        };
        spawn_local(async move {
            match nomenclatures::update(&value.kind, &value.code, value.version, &update).await {
                Ok(_) => {
                    editing.set(false);
                    on_saved.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    move || {
        let value = v.get_value();
        let code = value.code.clone();
        if editing.get() {
            view! {
                <tr>
                    <td>{code.clone()}</td>
                    <td><TextInput path=format!("value.{code}.label") label="nomenclature-label" value=label messages=no_messages /></td>
                    <td><TextInput path=format!("value.{code}.label_en") label="nomenclature-label-en" value=label_en messages=no_messages /></td>
                    <td><Checkbox id=format!("value-{code}-active") label="nomenclature-active" value=active /></td>
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
                <tr class:inactive=!value.active>
                    <td>{code.clone()}</td>
                    <td>{value.label.clone()}</td>
                    <td>{value.label_en.clone().unwrap_or_default()}</td>
                    <td>{if value.active { i18n.t("form-yes") } else { i18n.t("form-no") }}</td>
                    {admin.then(|| view! {
                        <td>
                            <button type="button" class="button small secondary"
                                aria-label=format!("{} : {code}", i18n.t("form-edit"))
                                on:click=move |_| editing.set(true)>
                                {i18n.t("form-edit")}
                            </button>
                        </td>
                    })}
                </tr>
            }
            .into_any()
        }
    }
}

#[component]
fn NewValueForm(kind: String, #[prop(into)] on_saved: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let label = RwSignal::new(String::new());
    let label_en = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let kind = StoredValue::new(kind);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut missing = Vec::new();
        for (path, value) in [
            ("value.code", code.get_untracked()),
            ("value.label", label.get_untracked()),
        ] {
            if value.trim().is_empty() {
                missing.push(FieldMessage::local(path, "field-required"));
            }
        }
        messages.set(missing.clone());
        if !missing.is_empty() {
            focus_first_error();
            return;
        }
        let value = NewValue {
            code: code.get_untracked().trim().to_owned(),
            label: label.get_untracked().trim().to_owned(),
            label_en: Some(label_en.get_untracked().trim().to_owned()).filter(|s| !s.is_empty()),
        };
        spawn_local(async move {
            match nomenclatures::create(&kind.get_value(), &value).await {
                Ok(_) => {
                    code.set(String::new());
                    label.set(String::new());
                    label_en.set(String::new());
                    error.set(None);
                    on_saved.run(());
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "value"))
                            .collect(),
                    );
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="record-form" on:submit=submit novalidate aria-labelledby="new-value-title">
            <h2 id="new-value-title">{move || i18n.t("nomenclature-add")}</h2>
            <ErrorSummary messages=messages />
            <div class="field-row">
                <TextInput path="value.code" label="nomenclature-code" value=code messages=messages required=true />
                <TextInput path="value.label" label="nomenclature-label" value=label messages=messages required=true />
                <TextInput path="value.label_en" label="nomenclature-label-en" value=label_en messages=messages />
            </div>
            <ActionError error=error />
            <button type="submit" class="button">{move || i18n.t("nomenclature-add-submit")}</button>
        </form>
    }
}
