//! The contacts of a host service (future tutors and signatories): listed,
//! chosen, created and corrected on the spot (seed §4.4 and §4.7).

use crate::api::ApiError;
use crate::api::organisations::{self, ContactInput, ContactRow};
use crate::components::fields::{Select, TextInput};
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{
    ErrorSummary, FieldMessage, focus_first_error, has_errors, merge,
};
use crate::components::reference::{code_of, from_code};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::ids::{Email, Phone};
use stages_domain::model::{Civility, Contact};
use stages_domain::rules::check_contact;

/// Creates a contact of `service_id`, or corrects `existing`.
#[component]
pub fn ContactForm(
    service_id: i64,
    existing: Option<ContactRow>,
    #[prop(into)] on_saved: Callback<ContactRow>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let e = existing.as_ref();
    let civility = RwSignal::new(e.and_then(|c| c.civility.clone()).unwrap_or_default());
    let last_name = RwSignal::new(e.map(|c| c.last_name.clone()).unwrap_or_default());
    let first_name = RwSignal::new(e.map(|c| c.first_name.clone()).unwrap_or_default());
    let position = RwSignal::new(e.map(|c| c.position.clone()).unwrap_or_default());
    let email = RwSignal::new(e.map(|c| c.email.clone()).unwrap_or_default());
    let phone = RwSignal::new(e.map(|c| c.phone.clone()).unwrap_or_default());
    let target = e.map(|c| (c.id, c.version));
    let submitted = RwSignal::new(false);
    let server = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let input = move || ContactInput {
        civility: from_code::<Civility>(&civility.get()),
        last_name: last_name.get().trim().to_owned(),
        first_name: first_name.get().trim().to_owned(),
        position: position.get().trim().to_owned(),
        email: email.get().trim().to_owned(),
        phone: phone.get().trim().to_owned(),
    };
    let live = Memo::new(move |_| {
        let input = input();
        let mut messages = Vec::new();
        let email = (!input.email.is_empty())
            .then(|| Email::parse(&input.email))
            .and_then(|r| {
                r.map_err(|e| messages.push(FieldMessage::from_id_error("contact.email", &e)))
                    .ok()
            });
        let phone = (!input.phone.is_empty())
            .then(|| Phone::parse(&input.phone))
            .and_then(|r| {
                r.map_err(|e| messages.push(FieldMessage::from_id_error("contact.phone", &e)))
                    .ok()
            });
        let contact = Contact {
            civility: input.civility,
            last_name: input.last_name,
            first_name: input.first_name,
            email,
            phone,
            position: input.position,
        };
        let found = check_contact(&contact)
            .iter()
            .filter(|v| {
                !messages
                    .iter()
                    .any(|m: &FieldMessage| m.field == format!("contact.{}", v.field))
            })
            .map(|v| {
                let mut m = FieldMessage::from_violation(v);
                m.field = format!("contact.{}", v.field);
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
    let civilities = Signal::derive(move || {
        vec![
            (code_of(&Civility::Ms), i18n.t("civility-ms")),
            (code_of(&Civility::Mr), i18n.t("civility-mr")),
        ]
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
                Some((id, version)) => organisations::update_contact(id, version, &body).await,
                None => organisations::create_contact(service_id, &body).await,
            };
            pending.set(false);
            match saved {
                Ok(row) => on_saved.run(row),
                Err(e) => {
                    server.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "contact"))
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
        "contact-edit-title"
    } else {
        "contact-create-title"
    };
    view! {
        <form class="record-form" on:submit=submit novalidate aria-labelledby="contact-form-title">
            <h4 id="contact-form-title">{move || i18n.t(title)}</h4>
            <ErrorSummary messages=messages />
            <Select path="contact.civility" label="contact-civility" value=civility options=civilities messages=messages />
            <div class="field-row">
                <TextInput path="contact.last_name" label="contact-last-name" value=last_name messages=messages required=true autocomplete="off" />
                <TextInput path="contact.first_name" label="contact-first-name" value=first_name messages=messages required=true autocomplete="off" />
            </div>
            <TextInput path="contact.position" label="contact-position" value=position messages=messages required=true />
            <div class="field-row">
                <TextInput path="contact.email" label="contact-email" value=email messages=messages required=true kind="email" autocomplete="off" />
                <TextInput path="contact.phone" label="contact-phone" value=phone messages=messages required=true kind="tel" autocomplete="off" />
            </div>
            <ActionError error=error />
            <div class="actions">
                <button type="submit" id="contact-save" class="button" disabled=move || pending.get()>
                    {move || i18n.t(if target.is_some() { "form-save" } else { "contact-create-submit" })}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t("form-cancel")}
                </button>
            </div>
        </form>
    }
}

#[derive(Clone, PartialEq)]
enum Editing {
    Nothing,
    New,
    Existing(ContactRow),
}

/// The contacts of a service with a button to choose each, and the forms
/// to create or correct one. A created contact is chosen at once.
#[component]
pub fn ContactPicker(
    service_id: i64,
    #[prop(into)] selected: Signal<Option<i64>>,
    #[prop(into)] on_select: Callback<ContactRow>,
    /// The label of each contact's choice button; empty where contacts are
    /// only managed, not chosen.
    #[prop(optional)]
    select_label: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let selectable = !select_label.is_empty();
    let contacts = LocalResource::new(move || organisations::contacts(service_id));
    let editing = RwSignal::new(Editing::Nothing);
    let saved = move |row: ContactRow| {
        editing.set(Editing::Nothing);
        contacts.refetch();
        on_select.run(row);
    };
    let create_id = format!("contact-create-{service_id}");
    view! {
        {loaded(contacts, move |rows: Vec<ContactRow>| {
            if rows.is_empty() {
                view! { <p class="muted">{move || i18n.t("contact-none")}</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <caption class="visually-hidden">{move || i18n.t("contact-list")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t("recap-name")}</th>
                                <th scope="col">{move || i18n.t("contact-position")}</th>
                                <th scope="col">{move || i18n.t("contact-email")}</th>
                                <th scope="col">{move || i18n.t("table-actions")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows
                                .into_iter()
                                .map(|row| {
                                    let id = row.id;
                                    let (chosen, edited) = (row.clone(), row.clone());
                                    let name = StoredValue::new(row.full_name());
                                    view! {
                                        <tr class:selected=move || selected.get() == Some(id)>
                                            <td>{row.full_name()}</td>
                                            <td>{row.position.clone()}</td>
                                            <td>{row.email.clone()}</td>
                                            <td class="row-actions">
                                                {selectable.then(|| view! {
                                                    <button
                                                        type="button"
                                                        class="button small"
                                                        aria-label=move || format!("{} : {}", i18n.t(select_label), name.get_value())
                                                        aria-pressed=move || (selected.get() == Some(id)).to_string()
                                                        on:click=move |_| on_select.run(chosen.clone())
                                                    >
                                                        {move || i18n.t(select_label)}
                                                    </button>
                                                })}
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
                <button type="button" class="button secondary" id=create_id.clone() on:click=move |_| editing.set(Editing::New)>
                    {move || i18n.t("contact-create")}
                </button>
            }
                .into_any(),
            Editing::New => view! {
                <ContactForm service_id=service_id existing=None on_saved=saved on_cancel=move || editing.set(Editing::Nothing) />
            }
                .into_any(),
            Editing::Existing(row) => view! {
                <ContactForm service_id=service_id existing=Some(row) on_saved=saved on_cancel=move || editing.set(Editing::Nothing) />
            }
                .into_any(),
        }}
    }
}
