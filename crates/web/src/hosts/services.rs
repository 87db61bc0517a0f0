//! The services (sites, departments) of a host organisation: listed,
//! chosen, created and corrected on the spot (seed §4.3 and §4.7).

use crate::api::ApiError;
use crate::api::organisations::{self, HostServiceInput, HostServiceRow};
use crate::components::fields::TextInput;
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{
    ErrorSummary, FieldMessage, focus_first_error, has_errors, merge,
};
use crate::components::reference::TableSelect;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::ids::{Country, Phone};
use stages_domain::model::{Address, HostService};
use stages_domain::rules::check_host_service;

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Where a field of the domain's service sits in this form.
fn form_path(domain: &str) -> String {
    let field = domain.strip_prefix("address.").unwrap_or(domain);
    let field = if field == "country" {
        "country_code"
    } else {
        field
    };
    format!("service.{field}")
}

/// Creates a service of `organisation_id`, or corrects `existing`.
#[component]
pub fn ServiceForm(
    organisation_id: i64,
    existing: Option<HostServiceRow>,
    #[prop(into)] on_saved: Callback<HostServiceRow>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let e = existing.as_ref();
    let name = RwSignal::new(e.map(|s| s.name.clone()).unwrap_or_default());
    let street = RwSignal::new(e.map(|s| s.street.clone()).unwrap_or_default());
    let postal_code = RwSignal::new(e.map(|s| s.postal_code.clone()).unwrap_or_default());
    let city = RwSignal::new(e.map(|s| s.city.clone()).unwrap_or_default());
    let country = RwSignal::new(e.map_or_else(|| "FR".to_owned(), |s| s.country_code.clone()));
    let phone = RwSignal::new(e.and_then(|s| s.phone.clone()).unwrap_or_default());
    let target = e.map(|s| (s.id, s.version));
    let submitted = RwSignal::new(false);
    let server = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let input = move || HostServiceInput {
        name: name.get().trim().to_owned(),
        street: street.get().trim().to_owned(),
        postal_code: postal_code.get().trim().to_owned(),
        city: city.get().trim().to_owned(),
        country_code: optional(&country.get()),
        phone: optional(&phone.get()),
    };
    let live = Memo::new(move |_| {
        let input = input();
        let mut messages = Vec::new();
        let phone = match input.phone.as_deref().map(Phone::parse) {
            Some(Err(e)) => {
                messages.push(FieldMessage::from_id_error("service.phone", &e));
                None
            }
            Some(Ok(p)) => Some(p),
            None => None,
        };
        let service = HostService {
            name: input.name.clone(),
            address: Address {
                street: input.street.clone(),
                building: None,
                postal_code: input.postal_code.clone(),
                city: input.city.clone(),
                country: input
                    .country_code
                    .as_deref()
                    .and_then(|c| Country::parse(c).ok()),
            },
            phone,
        };
        let found = check_host_service(&service)
            .iter()
            .map(|v| {
                let mut m = FieldMessage::from_violation(v);
                m.field = form_path(&v.field);
                m
            })
            .collect();
        merge(messages, found)
    });
    let messages = Signal::derive(move || {
        let shown = live
            .get()
            .into_iter()
            .filter(|m| submitted.get() || !m.is_missing())
            .collect();
        merge(shown, server.get())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server.set(Vec::new());
        error.set(None);
        if has_errors(&live.get_untracked()) {
            focus_first_error();
            return;
        }
        let body = input();
        pending.set(true);
        spawn_local(async move {
            let saved = match target {
                Some((id, version)) => organisations::update_service(id, version, &body).await,
                None => organisations::create_service(organisation_id, &body).await,
            };
            pending.set(false);
            match saved {
                Ok(row) => on_saved.run(row),
                Err(e) => {
                    server.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "service"))
                            .collect(),
                    );
                    if e.violations().is_empty() {
                        error.set(Some(e));
                    }
                    focus_first_error();
                }
            }
        });
    };
    let title = if target.is_some() {
        "service-edit-title"
    } else {
        "service-create-title"
    };
    view! {
        <form class="record-form" on:submit=submit novalidate aria-labelledby="service-form-title">
            <h4 id="service-form-title">{move || i18n.t(title)}</h4>
            <ErrorSummary messages=messages />
            <TextInput path="service.name" label="service-name" value=name messages=messages required=true />
            <TextInput path="service.street" label="address-street" value=street messages=messages required=true />
            <div class="field-row">
                <TextInput path="service.postal_code" label="address-postal-code" value=postal_code messages=messages required=true />
                <TextInput path="service.city" label="address-city" value=city messages=messages required=true />
                <TableSelect kind="country" path="service.country_code" label="address-country" value=country messages=messages />
            </div>
            <TextInput path="service.phone" label="service-phone" value=phone messages=messages kind="tel" />
            <ActionError error=error />
            <div class="actions">
                <button type="submit" id="service-save" class="button" disabled=move || pending.get()>
                    {move || i18n.t(if target.is_some() { "form-save" } else { "service-create-submit" })}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t("form-cancel")}
                </button>
            </div>
        </form>
    }
}

/// What the service list shows below itself.
#[derive(Clone, PartialEq)]
enum Editing {
    Nothing,
    New,
    Existing(HostServiceRow),
}

/// The services of an organisation with a button to choose each, and the
/// forms to create or correct one. A created service is chosen at once.
#[component]
pub fn ServicePicker(
    organisation_id: i64,
    #[prop(into)] selected: Signal<Option<i64>>,
    #[prop(into)] on_select: Callback<HostServiceRow>,
    select_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let services = LocalResource::new(move || organisations::services(organisation_id));
    let editing = RwSignal::new(Editing::Nothing);
    let saved = move |row: HostServiceRow| {
        editing.set(Editing::Nothing);
        services.refetch();
        on_select.run(row);
    };
    view! {
        {loaded(services, move |rows: Vec<HostServiceRow>| {
            if rows.is_empty() {
                view! { <p class="muted">{move || i18n.t("service-none")}</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <caption class="visually-hidden">{move || i18n.t("service-list")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("service-name")}</th>
                                <th scope="col">{move || i18n.t("service-address")}</th>
                                <th scope="col">{move || i18n.t("table-actions")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    let id = row.id;
                                    let place = format!("{}, {} {}", row.street, row.postal_code, row.city);
                                    let (chosen, edited) = (row.clone(), row.clone());
                                    let name = StoredValue::new(row.name.clone());
                                    view! {
                                        <tr class:selected=move || selected.get() == Some(id)>
                                            <td>{row.name.clone()}</td>
                                            <td>{place}</td>
                                            <td class="row-actions">
                                                <button
                                                    type="button"
                                                    class="button small"
                                                    aria-label=move || format!("{} : {}", i18n.t(select_label), name.get_value())
                                                    aria-pressed=move || (selected.get() == Some(id)).to_string()
                                                    on:click=move |_| on_select.run(chosen.clone())
                                                >
                                                    {move || i18n.t(select_label)}
                                                </button>
                                                <button
                                                    type="button"
                                                    class="button small secondary"
                                                    aria-label=move || format!("{} : {}", i18n.t("form-edit"), name.get_value())
                                                    on:click=move |_| editing.set(Editing::Existing(edited.clone()))
                                                >
                                                    {move || i18n.t("form-edit")}
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                    .into_any()
            }
        })}
        {move || match editing.get() {
            Editing::Nothing => view! {
                <button type="button" class="button secondary" id="service-create" on:click=move |_| editing.set(Editing::New)>
                    {move || i18n.t("service-create")}
                </button>
            }
                .into_any(),
            Editing::New => view! {
                <ServiceForm organisation_id=organisation_id existing=None on_saved=saved on_cancel=move || editing.set(Editing::Nothing) />
            }
                .into_any(),
            Editing::Existing(row) => view! {
                <ServiceForm organisation_id=organisation_id existing=Some(row) on_saved=saved on_cancel=move || editing.set(Editing::Nothing) />
            }
                .into_any(),
        }}
    }
}
