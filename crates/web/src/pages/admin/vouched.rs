//! `/admin/vouched-addresses`: administrators review the addresses the
//! centres' staff vouched for (SIG-17), to which signing links for host
//! signatories, tutors and minors' legal representatives, and tutors'
//! evaluation links, go; and withdraw one vouched for by mistake, which
//! revokes the unspent links that went there.

use crate::api::ApiError;
use crate::api::vouched::{self, VouchedAddress};
use crate::components::confirm::ConfirmButton;
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::focus_element;
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn VouchedAddressesPage() -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let searched = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let q = searched.get();
        async move { vouched::search(&q).await }
    });
    let error = RwSignal::new(None::<ApiError>);
    let withdrawn = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let withdraw = Callback::new(move |address: String| {
        error.set(None);
        withdrawn.set(None);
        pending.set(true);
        spawn_local(async move {
            match vouched::withdraw(&address).await {
                Ok(()) => {
                    withdrawn.set(Some(address));
                    list.refetch();
                    // The row and its button are gone: the focus goes to
                    // what happened.
                    request_animation_frame(|| focus_element("vouch-withdrawn"));
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    });
    view! {
        <h1>{move || i18n.t("vouched-title")}</h1>
        <p>{move || i18n.t("vouched-intro")}</p>
        <form class="search-form" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            searched.set(typed.get_untracked());
        }>
            <label for="vouched-search">{move || i18n.t("vouched-search")}</label>
            <input
                id="vouched-search"
                type="search"
                maxlength="254"
                prop:value=typed
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <button type="submit">{move || i18n.t("search-submit")}</button>
        </form>
        <ActionError error=error />
        {move || withdrawn.get().map(|address| view! {
            <p class="success-line" role="status" id="vouch-withdrawn" tabindex="-1">
                {i18n.t_with("vouched-withdrawn", &[("address", address)])}
            </p>
        })}
        {loaded(list, move |page| {
            if page.items.is_empty() {
                return view! { <p id="vouched-none">{move || i18n.t("vouched-none")}</p> }.into_any();
            }
            view! {
                <table class="table" id="vouched-addresses">
                    <caption class="visually-hidden">{move || i18n.t("vouched-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("vouched-address")}</th>
                            <th scope="col">{move || i18n.t("vouched-by")}</th>
                            <th scope="col">{move || i18n.t("vouched-at")}</th>
                            <th scope="col">{move || i18n.t("table-actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {page.items.into_iter().enumerate().map(|(i, a)| view! {
                            <VouchedRow position=i address=a withdraw=withdraw pending=pending />
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        })}
    }
}

#[component]
fn VouchedRow(
    position: usize,
    address: VouchedAddress,
    withdraw: Callback<String>,
    pending: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let on = address.vouched_at.date_naive();
    let target = address.address.clone();
    let cell = format!("vouched-address-{position}");
    view! {
        <tr data-address=address.address.clone()>
            <td id=cell.clone()>{address.address.clone()}</td>
            <td>{address.vouched_by.clone().unwrap_or_else(|| "—".to_owned())}</td>
            <td>{move || format::date(i18n.lang.get(), on)}</td>
            <td class="actions">
                <ConfirmButton
                    id=format!("vouched-withdraw-{position}")
                    label="vouched-withdraw"
                    question="vouched-withdraw-question"
                    confirm="vouched-withdraw-confirm"
                    on_confirm=move |()| withdraw.run(target.clone())
                    disabled=pending
                    described_by=cell
                />
            </td>
        </tr>
    }
}
