//! `/admin/accounts`: administrators find people's accounts, deactivate
//! and reactivate them, grant and revoke the administrator rights, and
//! reset a local password (the temporary password is shown once). The
//! server refuses what would lock everyone out (ADMIN-01, ADMIN-02).

use crate::api::ApiError;
use crate::api::accounts::{self, Account, AccountChange};
use crate::api::auth::{Role, SignInMethod};
use crate::components::loading::{ActionError, loaded};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn sign_in_key(method: SignInMethod) -> &'static str {
    match method {
        SignInMethod::Password => "accounts-sign-in-password",
        SignInMethod::Directory => "accounts-sign-in-directory",
        SignInMethod::Cas => "accounts-sign-in-cas",
        SignInMethod::Oidc => "accounts-sign-in-oidc",
    }
}

fn role_key(role: Role) -> &'static str {
    match role {
        Role::Student => "role-student",
        Role::Supervisor => "role-supervisor",
        Role::Manager => "role-manager",
        Role::Admin => "role-admin",
    }
}

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(String::new());
    let searched = RwSignal::new(String::new());
    let list = LocalResource::new(move || {
        let q = searched.get();
        async move { accounts::search(&q).await }
    });
    // The temporary password of the latest reset, shown until the next
    // change: whose it is, and the password.
    let temporary = RwSignal::new(None::<(String, String)>);
    let error = RwSignal::new(None::<ApiError>);
    let act = Callback::new(move |(account, change): (Account, AccountChange)| {
        error.set(None);
        temporary.set(None);
        spawn_local(async move {
            match accounts::change(account.id, change).await {
                Ok(changed) => {
                    if let Some(password) = changed.temporary_password {
                        temporary.set(Some((changed.account.username, password)));
                    }
                    list.refetch();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    });
    view! {
        <h1>{move || i18n.t("accounts-title")}</h1>
        <p>{move || i18n.t("accounts-intro")}</p>
        <form class="search-form" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            searched.set(typed.get_untracked());
        }>
            <label for="account-search">{move || i18n.t("accounts-search")}</label>
            <input
                id="account-search"
                type="search"
                maxlength="200"
                prop:value=typed
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <button type="submit">{move || i18n.t("search-submit")}</button>
        </form>
        <ActionError error=error />
        {move || temporary.get().map(|(username, password)| view! {
            <p class="success-line" role="status" id="temporary-password">
                {i18n.t_with("accounts-temporary-password", &[("username", username)])}
                " " <code>{password}</code>
            </p>
        })}
        {loaded(list, move |page| view! {
            <table class="table" id="accounts">
                <caption class="visually-hidden">{move || i18n.t("accounts-title")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.t("accounts-username")}</th>
                        <th scope="col">{move || i18n.t("accounts-name")}</th>
                        <th scope="col">{move || i18n.t("accounts-sign-in")}</th>
                        <th scope="col">{move || i18n.t("accounts-roles")}</th>
                        <th scope="col">{move || i18n.t("accounts-state")}</th>
                        <th scope="col">{move || i18n.t("table-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {page.items.into_iter().map(|a| view! { <AccountRow account=a act=act /> }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

#[component]
fn AccountRow(account: Account, act: Callback<(Account, AccountChange)>) -> impl IntoView {
    let i18n = use_i18n();
    let roles = account
        .roles
        .iter()
        .map(|r| i18n.t(role_key(*r)))
        .collect::<Vec<_>>()
        .join(", ");
    let state = if !account.active {
        i18n.t("accounts-inactive")
    } else if account.must_change_password {
        i18n.t("accounts-must-change")
    } else {
        i18n.t("accounts-active")
    };
    let a = StoredValue::new(account.clone());
    let button = move |change: AccountChange, key: &'static str| {
        view! {
            <button
                type="button"
                class="button small secondary"
                data-action=key
                on:click=move |_| act.run((a.get_value(), change))
            >
                {move || i18n.t(key)}
            </button>
        }
    };
    view! {
        <tr data-username=account.username.clone()>
            <td>{account.username.clone()}</td>
            <td>{account.display_name.clone()}</td>
            <td>{i18n.t(sign_in_key(account.sign_in))}</td>
            <td>{roles}</td>
            <td>{state}</td>
            <td class="actions">
                {if account.active {
                    button(AccountChange::Deactivate, "accounts-deactivate")
                } else {
                    button(AccountChange::Reactivate, "accounts-reactivate")
                }}
                {if account.is_admin {
                    button(AccountChange::RevokeAdmin, "accounts-revoke-admin")
                } else {
                    button(AccountChange::GrantAdmin, "accounts-grant-admin")
                }}
                {(account.sign_in == SignInMethod::Password).then(|| {
                    button(AccountChange::ResetPassword, "accounts-reset-password")
                })}
            </td>
        </tr>
    }
}
