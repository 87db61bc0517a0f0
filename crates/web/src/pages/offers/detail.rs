//! `/offers/:id`: an offer with its number, which students type in the
//! wizard's offer question. Staff correct it, publish it, take it back and
//! close it; the domain's transitions decide which of these apply.

use super::form::OfferForm;
use super::search::{dates, place};
use super::{contract_key, kind_key, status_key};
use crate::api::ApiError;
use crate::api::offers::{self, OfferView};
use crate::components::confirm::ConfirmButton;
use crate::components::loading::{ActionError, loaded};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use stages_domain::model::OfferAction;
use stages_domain::offer::transition;

#[component]
pub fn OfferPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    // Fetched again when the language changes: the server words what
    // publishing still needs in the reader's language.
    let offer = LocalResource::new(move || {
        i18n.lang.track();
        offers::get(id.get())
    });
    view! {
        {loaded(offer, move |v: OfferView| {
            let current = RwSignal::new(v);
            view! { <OfferScreen current=current /> }
        })}
    }
}

#[component]
fn OfferScreen(current: RwSignal<OfferView>) -> impl IntoView {
    let i18n = use_i18n();
    let is_staff = use_session().me().is_some_and(|m| m.is_staff());
    let editing = RwSignal::new(false);
    view! {
        <h1>{move || current.get().offer.title}</h1>
        <p class="convention-meta">
            <span class="badge" id="offer-status">{move || i18n.t(status_key(current.get().status))}</span>
            " "
            {move || i18n.t(kind_key(current.get().offer.kind))}
        </p>
        {move || {
            if editing.get() {
                view! {
                    <OfferForm
                        existing=Some(current.get_untracked())
                        on_saved=move |saved| {
                            current.set(saved);
                            editing.set(false);
                        }
                        on_cancel=move || editing.set(false)
                    />
                }
                    .into_any()
            } else {
                view! {
                    <OfferDetails current=current is_staff=is_staff />
                    {is_staff.then(|| view! { <StaffActions current=current editing=editing /> })}
                }
                    .into_any()
            }
        }}
    }
}

#[component]
fn OfferDetails(current: RwSignal<OfferView>, is_staff: bool) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let v = current.get();
        let lang = i18n.lang.get();
        let o = v.offer.clone();
        let yes_no = |b: bool| i18n.t(if b { "form-yes" } else { "form-no" });
        view! {
            <section class="card" aria-labelledby="offer-details-title">
                <h2 id="offer-details-title">{i18n.t("offer-details")}</h2>
                <dl class="pairs">
                    <dt>{i18n.t("offer-number")}</dt>
                    <dd id="offer-number">{v.number.clone()}</dd>
                    <dt>{i18n.t("offer-host")}</dt>
                    <dd id="offer-host">{v.organisation.name.clone()}</dd>
                    <dt>{i18n.t("offer-place")}</dt>
                    <dd>{place(&v)}</dd>
                    <dt>{i18n.t("offer-dates")}</dt>
                    <dd>{dates(lang, o.start, o.end)}</dd>
                    {o.contract.map(|c| view! {
                        <dt>{i18n.t("offer-contract")}</dt>
                        <dd>{i18n.t(contract_key(c))}</dd>
                    })}
                    {o.paid.map(|p| view! {
                        <dt>{i18n.t("offer-paid")}</dt>
                        <dd>{yes_no(p)}</dd>
                    })}
                    {is_staff.then(|| view! {
                        <dt>{i18n.t("offer-conventions")}</dt>
                        <dd id="offer-conventions">{v.conventions.to_string()}</dd>
                    })}
                    <dt>{i18n.t("offer-disability-friendly")}</dt>
                    <dd>{yes_no(o.disability_friendly)}</dd>
                    {o.contact_name.clone().map(|n| view! {
                        <dt>{i18n.t("offer-contact-name")}</dt>
                        <dd>{n}</dd>
                    })}
                    {o.contact_email.clone().map(|e| {
                        let address = e.as_str().to_owned();
                        view! {
                            <dt>{i18n.t("offer-contact-email")}</dt>
                            <dd><a href=format!("mailto:{address}")>{address.clone()}</a></dd>
                        }
                    })}
                </dl>
                <h3>{i18n.t("offer-description")}</h3>
                <p class="offer-description">{o.description.clone()}</p>
                <p class="muted">{i18n.t_with("offer-link-help", &[("number", v.number.clone())])}</p>
            </section>
        }
    }
}

/// Correct, publish, take back, close: each shown when the offer's status
/// allows it, and what publishing still needs.
#[component]
fn StaffActions(current: RwSignal<OfferView>, editing: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let act = move |action: OfferAction| {
        let v = current.get_untracked();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let done = match action {
                OfferAction::Publish => offers::publish(v.id, v.version).await,
                OfferAction::Unpublish => offers::unpublish(v.id, v.version).await,
                OfferAction::CloseFilled => offers::close(v.id, v.version, true).await,
                OfferAction::CloseWithdrawn => offers::close(v.id, v.version, false).await,
            };
            match done {
                Ok(saved) => current.set(saved),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    move || {
        let v = current.get();
        let allows = |action| transition(v.status, action).is_ok();
        let editable = stages_domain::offer::check_editable(v.status).is_ok();
        let (errors, warnings): (Vec<_>, Vec<_>) =
            v.violations.iter().cloned().partition(|x| x.is_error());
        let item = |x: crate::api::ProblemViolation| view! { <li>{x.message}</li> };
        view! {
            {(!errors.is_empty()).then(|| view! {
                <div class="warning-summary" id="offer-missing">
                    <p class="summary-title">{i18n.t("offer-missing")}</p>
                    <ul>{errors.into_iter().map(item).collect_view()}</ul>
                </div>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <div class="warning-summary">
                    <p class="summary-title">{i18n.t("convention-warnings")}</p>
                    <ul>{warnings.into_iter().map(item).collect_view()}</ul>
                </div>
            })}
            <section class="actions-bar" aria-labelledby="offer-actions-title">
                <h2 id="offer-actions-title" class="visually-hidden">{i18n.t("offer-actions-title")}</h2>
                {editable.then(|| view! {
                    <button type="button" class="button secondary" id="offer-edit" on:click=move |_| editing.set(true)>
                        {i18n.t("form-edit")}
                    </button>
                })}
                {allows(OfferAction::Publish).then(|| view! {
                    <button type="button" class="button" id="offer-publish" disabled=move || pending.get()
                        on:click=move |_| act(OfferAction::Publish)>
                        {i18n.t("offer-publish")}
                    </button>
                })}
                {allows(OfferAction::Unpublish).then(|| view! {
                    <button type="button" class="button secondary" id="offer-unpublish" disabled=move || pending.get()
                        on:click=move |_| act(OfferAction::Unpublish)>
                        {i18n.t("offer-unpublish")}
                    </button>
                })}
                {allows(OfferAction::CloseFilled).then(|| view! {
                    <ConfirmButton
                        id="offer-close-filled"
                        label="offer-close-filled"
                        question="offer-close-question"
                        confirm="offer-close-confirm"
                        on_confirm=move || act(OfferAction::CloseFilled)
                        disabled=pending
                    />
                })}
                {allows(OfferAction::CloseWithdrawn).then(|| view! {
                    <ConfirmButton
                        id="offer-close-withdrawn"
                        label="offer-close-withdrawn"
                        question="offer-close-question"
                        confirm="offer-close-confirm"
                        on_confirm=move || act(OfferAction::CloseWithdrawn)
                        disabled=pending
                    />
                })}
                <ActionError error=error />
            </section>
        }
    }
}
