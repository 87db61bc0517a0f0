//! Creating or correcting a host organisation with the mandatory fields of
//! seed §4.2 (name, SIRET in France, headcount, type, NAF code or activity,
//! postal address, phone), checked by the domain as they are typed.

use crate::api::ApiError;
use crate::api::organisations::{self, OrganisationInput, OrganisationRow};
use crate::components::fields::TextInput;
use crate::components::loading::ActionError;
use crate::components::messages::{
    ErrorSummary, FieldMessage, focus_first_error, has_errors, merge,
};
use crate::components::reference::{TableSelect, from_code};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::ids::{Country, Email, NafCode, Phone, Siret};
use stages_domain::model::{Address, Organisation};
use stages_domain::rules::check_organisation;

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    name: RwSignal<String>,
    siret: RwSignal<String>,
    naf: RwSignal<String>,
    activity: RwSignal<String>,
    headcount: RwSignal<String>,
    kind: RwSignal<String>,
    legal_status: RwSignal<String>,
    street: RwSignal<String>,
    street2: RwSignal<String>,
    postal_code: RwSignal<String>,
    city: RwSignal<String>,
    country: RwSignal<String>,
    phone: RwSignal<String>,
    email: RwSignal<String>,
    website: RwSignal<String>,
}

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Fields {
    fn new(row: Option<&OrganisationRow>) -> Self {
        let text =
            |f: fn(&OrganisationRow) -> String| RwSignal::new(row.map(f).unwrap_or_default());
        Self {
            name: text(|r| r.name.clone()),
            siret: text(|r| r.siret.clone().unwrap_or_default()),
            naf: text(|r| r.naf_code.clone().unwrap_or_default()),
            activity: text(|r| r.activity.clone().unwrap_or_default()),
            headcount: text(|r| r.headcount.to_string()),
            kind: text(|r| r.kind.clone()),
            legal_status: text(|r| r.legal_status_code.clone().unwrap_or_default()),
            street: text(|r| r.street.clone()),
            street2: text(|r| r.street2.clone().unwrap_or_default()),
            postal_code: text(|r| r.postal_code.clone()),
            city: text(|r| r.city.clone()),
            country: RwSignal::new(row.map_or_else(|| "FR".to_owned(), |r| r.country_code.clone())),
            phone: text(|r| r.phone.clone()),
            email: text(|r| r.email.clone().unwrap_or_default()),
            website: text(|r| r.website.clone().unwrap_or_default()),
        }
    }

    fn input(&self) -> OrganisationInput {
        OrganisationInput {
            name: self.name.get().trim().to_owned(),
            siret: optional(&self.siret.get()),
            naf_code: optional(&self.naf.get()),
            activity: optional(&self.activity.get()),
            headcount: self.headcount.get().trim().parse().ok(),
            kind: from_code(&self.kind.get()),
            legal_status_code: optional(&self.legal_status.get()),
            street: self.street.get().trim().to_owned(),
            street2: optional(&self.street2.get()),
            postal_code: self.postal_code.get().trim().to_owned(),
            city: self.city.get().trim().to_owned(),
            country_code: optional(&self.country.get()),
            phone: optional(&self.phone.get()),
            email: optional(&self.email.get()),
            website: optional(&self.website.get()),
        }
    }

    /// The domain's findings on what is typed: identifiers that do not
    /// parse, then the organisation's rules, on the form's paths.
    fn check(&self) -> Vec<FieldMessage> {
        let input = self.input();
        let mut messages = Vec::new();
        let mut parse =
            |path: &str,
             text: &Option<String>,
             parse: &dyn Fn(&str) -> Result<(), stages_domain::ids::IdError>| {
                if let Some(text) = text
                    && let Err(e) = parse(text)
                {
                    messages.push(FieldMessage::from_id_error(path, &e));
                }
            };
        parse("organisation.siret", &input.siret, &|t| {
            Siret::parse(t).map(drop)
        });
        parse("organisation.naf_code", &input.naf_code, &|t| {
            NafCode::parse(t).map(drop)
        });
        parse("organisation.phone", &input.phone, &|t| {
            Phone::parse(t).map(drop)
        });
        parse("organisation.email", &input.email, &|t| {
            Email::parse(t).map(drop)
        });
        parse("organisation.country_code", &input.country_code, &|t| {
            Country::parse(t).map(drop)
        });
        if !self.headcount.get().trim().is_empty() && input.headcount.is_none() {
            messages.push(FieldMessage::local(
                "organisation.headcount",
                "form-not-a-number",
            ));
        }
        let organisation = Organisation {
            name: input.name.clone(),
            siret: input.siret.as_deref().and_then(|s| Siret::parse(s).ok()),
            naf: input
                .naf_code
                .as_deref()
                .and_then(|s| NafCode::parse(s).ok()),
            main_activity: input.activity.clone(),
            headcount: input.headcount,
            kind: input.kind,
            legal_status: None,
            address: Address {
                street: input.street.clone(),
                building: input.street2.clone(),
                postal_code: input.postal_code.clone(),
                city: input.city.clone(),
                country: input
                    .country_code
                    .as_deref()
                    .and_then(|c| Country::parse(c).ok()),
            },
            phone: input.phone.as_deref().and_then(|s| Phone::parse(s).ok()),
            email: input.email.as_deref().and_then(|s| Email::parse(s).ok()),
            website: input.website.clone(),
        };
        let found = check_organisation(&organisation).into_iter().map(|v| {
            let mut m = FieldMessage::from_violation(&v);
            m.field = format!("organisation.{}", form_path(&v.field));
            m
        });
        merge(messages, found.collect())
    }
}

/// Where a field of the domain's organisation sits in this form (and in
/// the API's flat body).
fn form_path(domain: &str) -> &str {
    match domain {
        "naf" => "naf_code",
        "address.street" => "street",
        "address.postal_code" => "postal_code",
        "address.city" => "city",
        "address.country" => "country_code",
        other => other,
    }
}

/// The creation form, or the correction form of `existing`.
#[component]
pub fn OrganisationForm(
    existing: Option<OrganisationRow>,
    #[prop(into)] on_saved: Callback<OrganisationRow>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let f = Fields::new(existing.as_ref());
    let submitted = RwSignal::new(false);
    let server = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let live = Memo::new(move |_| f.check());
    // Missing fields are told once the user tries to save; malformed ones
    // as soon as they are typed.
    let messages = Signal::derive(move || {
        let shown: Vec<FieldMessage> = live
            .get()
            .into_iter()
            .filter(|m| submitted.get() || !m.is_missing())
            .collect();
        merge(shown, server.get())
    });
    let target = existing.as_ref().map(|r| (r.id, r.version));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server.set(Vec::new());
        error.set(None);
        if has_errors(&live.get_untracked()) {
            focus_first_error();
            return;
        }
        let input = f.input();
        pending.set(true);
        spawn_local(async move {
            let saved = match target {
                Some((id, version)) => organisations::update(id, version, &input).await,
                None => organisations::create(&input).await,
            };
            pending.set(false);
            match saved {
                Ok(row) => on_saved.run(row),
                Err(e) => {
                    server.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "organisation"))
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
    let title = if existing.is_some() {
        "org-edit-title"
    } else {
        "org-create-title"
    };
    view! {
        <form class="record-form" on:submit=submit novalidate aria-labelledby="org-form-title">
            <h3 id="org-form-title">{move || i18n.t(title)}</h3>
            <p class="muted">{move || i18n.t("form-required-note")}</p>
            <ErrorSummary messages=messages />
            <TextInput path="organisation.name" label="org-name" value=f.name messages=messages required=true />
            <div class="field-row">
                <TextInput
                    path="organisation.siret"
                    label="org-siret"
                    value=f.siret
                    messages=messages
                    inputmode="numeric"
                    help="org-siret-help"
                />
                <TextInput
                    path="organisation.headcount"
                    label="org-headcount"
                    value=f.headcount
                    messages=messages
                    required=true
                    inputmode="numeric"
                    help="org-headcount-help"
                />
            </div>
            <div class="field-row">
                <TableSelect
                    kind="organisation_type"
                    path="organisation.kind"
                    label="org-kind"
                    value=f.kind
                    messages=messages
                    required=true
                    help="org-kind-help"
                />
                <TableSelect
                    kind="legal_status"
                    path="organisation.legal_status_code"
                    label="org-legal-status"
                    value=f.legal_status
                    messages=messages
                />
            </div>
            <div class="field-row">
                <TextInput path="organisation.naf_code" label="org-naf" value=f.naf messages=messages help="org-naf-help" />
                <TextInput path="organisation.activity" label="org-activity" value=f.activity messages=messages />
            </div>
            <TextInput path="organisation.street" label="address-street" value=f.street messages=messages required=true />
            <TextInput path="organisation.street2" label="address-building" value=f.street2 messages=messages />
            <div class="field-row">
                <TextInput path="organisation.postal_code" label="address-postal-code" value=f.postal_code messages=messages required=true />
                <TextInput path="organisation.city" label="address-city" value=f.city messages=messages required=true />
                <TableSelect kind="country" path="organisation.country_code" label="address-country" value=f.country messages=messages />
            </div>
            <div class="field-row">
                <TextInput path="organisation.phone" label="org-phone" value=f.phone messages=messages required=true kind="tel" />
                <TextInput path="organisation.email" label="org-email" value=f.email messages=messages kind="email" />
                <TextInput path="organisation.website" label="org-website" value=f.website messages=messages />
            </div>
            <ActionError error=error />
            <div class="actions">
                <button type="submit" id="org-save" class="button" disabled=move || pending.get()>
                    {move || i18n.t(if target.is_some() { "form-save" } else { "org-create-submit" })}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t("form-cancel")}
                </button>
            </div>
        </form>
    }
}
