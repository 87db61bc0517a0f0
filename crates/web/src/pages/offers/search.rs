//! `/offers`: searching the offers by keywords, place, kind, dates and
//! number; staff also filter on the status and create offers.

use super::{KINDS, STATUSES, kind_key, status_key};
use crate::api::ApiError;
use crate::api::client::Page;
use crate::api::offers::{self, OfferQuery, OfferView};
use crate::components::fields::{Select, TextInput};
use crate::components::loading::{Failure, Pending};
use crate::components::messages::FieldMessage;
use crate::components::reference::code_of;
use crate::format;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn OffersPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let is_staff = session.me().is_some_and(|m| m.is_staff());
    let text = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let number = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let results = RwSignal::new(None::<Page<OfferView>>);
    let error = RwSignal::new(None::<ApiError>);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let pending = RwSignal::new(false);
    let query = StoredValue::new(OfferQuery::default());

    let run = move |cursor: Option<String>| {
        let q = query.get_value();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match offers::search(&q, cursor.clone()).await {
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
    // The offers the caller may see, newest first, until they search.
    run(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set_value(OfferQuery {
            text: text.get_untracked(),
            place: place.get_untracked(),
            kind: kind.get_untracked(),
            from: from.get_untracked(),
            until: until.get_untracked(),
            number: number.get_untracked(),
            status: status.get_untracked(),
        });
        run(None);
    };
    let kind_options = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| (code_of(k), i18n.t(kind_key(*k))))
            .collect::<Vec<_>>()
    });
    let status_options = Signal::derive(move || {
        STATUSES
            .iter()
            .map(|s| (code_of(s), i18n.t(status_key(*s))))
            .collect::<Vec<_>>()
    });

    view! {
        <h1>{move || i18n.t("offers-title")}</h1>
        <p>{move || i18n.t("offers-intro")}</p>
        {is_staff.then(|| view! {
            <p>
                <a class="button" href="/offers/new" id="offer-new">{move || i18n.t("offer-create")}</a>
            </p>
        })}
        <section aria-labelledby="offer-search-title">
            <h2 id="offer-search-title">{move || i18n.t("offer-search-title")}</h2>
            <form class="search-form" on:submit=submit novalidate>
                <div class="field-row">
                    <TextInput path="search.q" label="offer-search-text" value=text messages=messages help="offer-search-text-help" />
                    <TextInput path="search.place" label="offer-search-place" value=place messages=messages help="offer-search-place-help" />
                    <Select path="search.kind" label="offer-kind" value=kind options=kind_options messages=messages />
                </div>
                <div class="field-row">
                    <TextInput path="search.from" label="offer-search-from" value=from messages=messages kind="date" />
                    <TextInput path="search.until" label="offer-search-until" value=until messages=messages kind="date" />
                    <TextInput path="search.number" label="offer-number" value=number messages=messages />
                    {is_staff.then(|| view! {
                        <Select path="search.status" label="offer-status" value=status options=status_options messages=messages />
                    })}
                </div>
                <button type="submit" class="button" id="offer-search-submit" disabled=move || pending.get()>
                    {move || i18n.t("search-submit")}
                </button>
            </form>
        </section>
        {move || error.get().map(|e| view! { <Failure error=e retry=move || run(None) /> })}
        <section aria-labelledby="offer-results-title" aria-live="polite">
            <h2 id="offer-results-title">{move || i18n.t("search-results")}</h2>
            {move || match results.get() {
                None if error.get().is_some() => ().into_any(),
                None => view! { <Pending /> }.into_any(),
                Some(page) if page.items.is_empty() => {
                    view! { <p class="muted" id="offer-search-empty">{i18n.t("offer-search-none")}</p> }.into_any()
                }
                Some(page) => view! {
                    <OffersTable rows=page.items.clone() is_staff=is_staff />
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
fn OffersTable(rows: Vec<OfferView>, is_staff: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table" id="offer-results">
            <caption class="visually-hidden">{move || i18n.t("search-results")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("offer-number")}</th>
                    <th scope="col">{move || i18n.t("offer-title")}</th>
                    <th scope="col">{move || i18n.t("offer-host")}</th>
                    <th scope="col">{move || i18n.t("offer-place")}</th>
                    <th scope="col">{move || i18n.t("offer-kind")}</th>
                    <th scope="col">{move || i18n.t("offer-dates")}</th>
                    {is_staff.then(|| view! { <th scope="col">{move || i18n.t("offer-status")}</th> })}
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let o = row.offer.clone();
                        let dates = move || dates(i18n.lang.get(), o.start, o.end);
                        view! {
                            <tr>
                                <td>
                                    <a href=format!("/offers/{}", row.id)>{row.number.clone()}</a>
                                </td>
                                <td>{row.offer.title.clone()}</td>
                                <td>{row.organisation.name.clone()}</td>
                                <td>{place(&row)}</td>
                                <td>{move || i18n.t(kind_key(row.offer.kind))}</td>
                                <td>{dates}</td>
                                {is_staff.then(|| view! {
                                    <td><span class="badge">{move || i18n.t(status_key(row.status))}</span></td>
                                })}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// Where the work is: postcode and town, and the country abroad.
pub fn place(row: &OfferView) -> String {
    let o = &row.offer;
    let town = match &o.postal_code {
        Some(code) => format!("{code} {}", o.city),
        None => o.city.clone(),
    };
    if o.country.is_french_territory() {
        town
    } else {
        format!("{town} ({})", o.country.as_str())
    }
}

/// The expected period, as far as the offer says.
pub fn dates(
    lang: crate::i18n::Lang,
    start: Option<chrono::NaiveDate>,
    end: Option<chrono::NaiveDate>,
) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{} – {}", format::date(lang, s), format::date(lang, e)),
        (Some(s), None) => format!("{} –", format::date(lang, s)),
        (None, Some(e)) => format!("– {}", format::date(lang, e)),
        (None, None) => String::new(),
    }
}
