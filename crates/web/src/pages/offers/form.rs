//! Writing an offer (staff): the host chosen among the organisations, the
//! kind, what it is about, the place, the dates and where to apply. The
//! domain checks what is typed as it is typed (identifiers that do not
//! parse, incoherent dates or contracts); what publishing still needs is
//! the server's to say, on the offer's page.

use super::{CONTRACTS, KINDS, contract_key, kind_key};
use crate::api::ApiError;
use crate::api::offers::{self, OfferInput, OfferView};
use crate::api::organisations::OrganisationRow;
use crate::components::fields::{Checkbox, Select, TextArea, TextInput, YesNo};
use crate::components::loading::ActionError;
use crate::components::messages::{
    ErrorSummary, FieldMessage, FieldMessages, focus_first_error, has_errors, merge,
};
use crate::components::reference::{TableSelect, code_of, from_code};
use crate::hosts::search::OrganisationSearch;
use crate::i18n::use_i18n;
use crate::nav::use_go;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::ids::{Country, Email, IdError};
use stages_domain::model::{Offer, OfferKind};
use stages_domain::offer::check_offer;
use stages_domain::rules::CheckMode;

/// `/offers/new`.
#[component]
pub fn NewOfferPage() -> impl IntoView {
    let i18n = use_i18n();
    let go = use_go();
    view! {
        <h1>{move || i18n.t("offer-create")}</h1>
        <OfferForm
            existing=None
            on_saved=move |saved: OfferView| go.to(format!("/offers/{}", saved.id))
            on_cancel=move || go.to("/offers")
        />
    }
}

/// The form's fields, as typed.
#[derive(Clone, Copy)]
struct Fields {
    host: RwSignal<Option<(i64, String)>>,
    kind: RwSignal<String>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    city: RwSignal<String>,
    postal_code: RwSignal<String>,
    country: RwSignal<String>,
    contract: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    paid: RwSignal<Option<bool>>,
    disability_friendly: RwSignal<bool>,
    contact_name: RwSignal<String>,
    contact_email: RwSignal<String>,
}

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Fields {
    fn new(existing: Option<&OfferView>) -> Self {
        let o = existing.map(|v| &v.offer);
        let text =
            |f: &dyn Fn(&Offer) -> Option<String>| RwSignal::new(o.and_then(f).unwrap_or_default());
        Self {
            host: RwSignal::new(existing.map(|v| (v.organisation.id, v.organisation.name.clone()))),
            kind: RwSignal::new(code_of(&o.map_or(OfferKind::Internship, |o| o.kind))),
            title: text(&|o| Some(o.title.clone())),
            description: text(&|o| Some(o.description.clone())),
            city: text(&|o| Some(o.city.clone())),
            postal_code: text(&|o| o.postal_code.clone()),
            country: RwSignal::new(
                o.map_or_else(|| "FR".to_owned(), |o| o.country.as_str().to_owned()),
            ),
            contract: text(&|o| o.contract.map(|c| code_of(&c))),
            start: text(&|o| o.start.map(|d| d.to_string())),
            end: text(&|o| o.end.map(|d| d.to_string())),
            paid: RwSignal::new(o.and_then(|o| o.paid)),
            disability_friendly: RwSignal::new(o.is_some_and(|o| o.disability_friendly)),
            contact_name: text(&|o| o.contact_name.clone()),
            contact_email: text(&|o| o.contact_email.as_ref().map(|e| e.as_str().to_owned())),
        }
    }

    /// The offer as typed, with the messages of what does not parse.
    fn offer(&self) -> (Option<Offer>, Vec<FieldMessage>) {
        let mut messages = Vec::new();
        let mut parse_id = |path: &str, text: &str, parse: &dyn Fn(&str) -> Result<(), IdError>| {
            if let Some(text) = optional(text)
                && let Err(e) = parse(&text)
            {
                messages.push(FieldMessage::from_id_error(path, &e));
            }
        };
        parse_id("offer.country", &self.country.get(), &|t| {
            Country::parse(t).map(drop)
        });
        parse_id("offer.contact_email", &self.contact_email.get(), &|t| {
            Email::parse(t).map(drop)
        });
        let mut date = |path: &str, text: &str| -> Option<NaiveDate> {
            let text = optional(text)?;
            let parsed = text.parse::<NaiveDate>().ok();
            if parsed.is_none() {
                messages.push(FieldMessage::local(path, "form-not-a-date"));
            }
            parsed
        };
        let start = date("offer.start", &self.start.get());
        let end = date("offer.end", &self.end.get());
        let country = Country::parse(self.country.get().trim()).ok();
        let offer = country.map(|country| Offer {
            kind: from_code(&self.kind.get()).unwrap_or(OfferKind::Internship),
            title: self.title.get().trim().to_owned(),
            description: self.description.get().trim().to_owned(),
            city: self.city.get().trim().to_owned(),
            postal_code: optional(&self.postal_code.get()),
            country,
            contract: from_code(&self.contract.get()),
            start,
            end,
            paid: self.paid.get(),
            disability_friendly: self.disability_friendly.get(),
            contact_name: optional(&self.contact_name.get()),
            contact_email: optional(&self.contact_email.get()).and_then(|e| Email::parse(&e).ok()),
        });
        (offer, messages)
    }

    /// The domain's errors on what is typed, on the form's paths; missing
    /// fields are left to the publication.
    fn check(&self) -> Vec<FieldMessage> {
        let (offer, parsed) = self.offer();
        let mut messages = parsed;
        if self.host.get().is_none() {
            messages.push(FieldMessage::local(
                "offer.organisation_id",
                "offer-host-required",
            ));
        }
        let found = offer
            .map(|o| check_offer(&o, CheckMode::Draft))
            .unwrap_or_default()
            .into_iter()
            .filter(|v| v.is_error())
            .map(|v| {
                let mut m = FieldMessage::from_violation(&v);
                m.field = format!("offer.{}", v.field);
                m
            });
        merge(messages, found.collect())
    }
}

/// The creation form, or the correction form of `existing`.
#[component]
pub fn OfferForm(
    existing: Option<OfferView>,
    #[prop(into)] on_saved: Callback<OfferView>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let f = Fields::new(existing.as_ref());
    let choosing = RwSignal::new(existing.is_none());
    let submitted = RwSignal::new(false);
    let server = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let live = Memo::new(move |_| f.check());
    // The host's absence is told once the user tries to save.
    let messages = Signal::derive(move || {
        let shown: Vec<FieldMessage> = live
            .get()
            .into_iter()
            .filter(|m| submitted.get() || m.field != "offer.organisation_id")
            .collect();
        merge(shown, server.get())
    });
    let target = existing.as_ref().map(|v| (v.id, v.version, v.centre_id));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server.set(Vec::new());
        error.set(None);
        let (offer, _) = f.offer();
        let (Some(offer), Some((host, _)), false) = (
            offer,
            f.host.get_untracked(),
            has_errors(&live.get_untracked()),
        ) else {
            focus_first_error();
            return;
        };
        let input = OfferInput {
            organisation_id: host,
            centre_id: target.and_then(|(_, _, centre)| centre),
            offer,
        };
        pending.set(true);
        spawn_local(async move {
            let saved = match target {
                Some((id, version, _)) => offers::update(id, version, &input).await,
                None => offers::create(&input).await,
            };
            pending.set(false);
            match saved {
                Ok(view) => on_saved.run(view),
                Err(e) => {
                    server.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "offer"))
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
    let kind_options = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| (code_of(k), i18n.t(kind_key(*k))))
            .collect::<Vec<_>>()
    });
    let contract_options = Signal::derive(move || {
        CONTRACTS
            .iter()
            .map(|c| (code_of(c), i18n.t(contract_key(*c))))
            .collect::<Vec<_>>()
    });
    let pick = move |row: OrganisationRow| {
        f.host.set(Some((row.id, row.name)));
        choosing.set(false);
    };
    // The host search is a form of its own: it stands before the offer's
    // form, not inside it.
    view! {
        <section class="record-form" aria-labelledby="offer-form-title">
            <h2 id="offer-form-title">
                {move || i18n.t(if target.is_some() { "offer-edit-title" } else { "offer-create-title" })}
            </h2>
            <p class="muted">{move || i18n.t("form-required-note")}</p>
            <ErrorSummary messages=messages />
            <fieldset class="chosen" id="offer-organisation_id" tabindex="-1"
                aria-invalid=move || messages.get().iter().any(|m| m.field == "offer.organisation_id").then_some("true")>
                <legend>{move || i18n.t("offer-host")}<span class="required" aria-hidden="true">" *"</span></legend>
                {move || f.host.get().map(|(_, name)| view! {
                    <p class="chosen-line" id="offer-host-chosen">{name}</p>
                })}
                <Show when=move || !choosing.get()>
                    <button type="button" class="button secondary" id="offer-host-change" on:click=move |_| choosing.set(true)>
                        {move || i18n.t("offer-host-change")}
                    </button>
                </Show>
                <FieldMessages path="offer.organisation_id" messages=messages />
            </fieldset>
            <Show when=move || choosing.get()>
                <OrganisationSearch
                    on_select=pick
                    on_create=move || {
                        if let Some(window) = web_sys::window() {
                            let _ = window.open_with_url_and_target("/organisations", "_blank");
                        }
                    }
                    select_label="form-select"
                />
            </Show>
            <form on:submit=submit novalidate>
            <div class="field-row">
                <Select path="offer.kind" label="offer-kind" value=f.kind options=kind_options messages=messages required=true />
                <Select path="offer.contract" label="offer-contract" value=f.contract options=contract_options messages=messages help="offer-contract-help" />
            </div>
            <TextInput path="offer.title" label="offer-title" value=f.title messages=messages required=true />
            <TextArea path="offer.description" label="offer-description" value=f.description messages=messages required=true />
            <div class="field-row">
                <TextInput path="offer.city" label="address-city" value=f.city messages=messages required=true />
                <TextInput path="offer.postal_code" label="address-postal-code" value=f.postal_code messages=messages />
                <TableSelect kind="country" path="offer.country" label="address-country" value=f.country messages=messages required=true />
            </div>
            <div class="field-row">
                <TextInput path="offer.start" label="offer-start" value=f.start messages=messages kind="date" />
                <TextInput path="offer.end" label="offer-end" value=f.end messages=messages kind="date" />
            </div>
            <YesNo path="offer.paid" label="offer-paid" value=f.paid messages=messages />
            <Checkbox id="offer-disability_friendly" label="offer-disability-friendly" value=f.disability_friendly />
            <div class="field-row">
                <TextInput path="offer.contact_name" label="offer-contact-name" value=f.contact_name messages=messages />
                <TextInput path="offer.contact_email" label="offer-contact-email" value=f.contact_email messages=messages kind="email" help="offer-contact-email-help" />
            </div>
            <ActionError error=error />
            <div class="actions">
                <button type="submit" id="offer-save" class="button" disabled=move || pending.get()>
                    {move || i18n.t(if target.is_some() { "form-save" } else { "offer-create-submit" })}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>
                    {move || i18n.t("form-cancel")}
                </button>
            </div>
            </form>
        </section>
    }
}
