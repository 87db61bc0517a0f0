//! `/account/tokens`: personal API tokens, for integrations and the
//! scripts generated from the OpenAPI document. Everyone sees and revokes
//! their own; administrators also see every token, revoke any, and issue
//! new ones (shown once). Tokens always expire (730 days at most).

use crate::api::ApiError;
use crate::api::auth::Role;
use crate::api::tokens::{self, ApiToken, NewApiToken, Scope};
use crate::components::loading::{ActionError, loaded};
use crate::format;
use crate::i18n::{I18n, use_i18n};
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn state(i18n: &I18n, token: &ApiToken) -> String {
    // The browser's clock (chrono has none in wasm32 without JS bindings).
    let now_ms = js_sys::Date::now();
    if token.revoked_at.is_some() {
        i18n.t("tokens-revoked")
    } else if token
        .expires_at
        .is_some_and(|at| (at.timestamp_millis() as f64) <= now_ms)
    {
        i18n.t("tokens-expired")
    } else {
        i18n.t("tokens-active")
    }
}

fn day(i18n: &I18n, at: Option<chrono::DateTime<chrono::Utc>>) -> String {
    at.map(|at| format::date(i18n.lang.get(), at.date_naive()))
        .unwrap_or_else(|| "—".to_owned())
}

/// One table of tokens; `revoke` ends one of them.
#[component]
fn TokenTable(
    id: &'static str,
    tokens: Vec<ApiToken>,
    show_owner: bool,
    revoke: Callback<i64>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="table" id=id>
            <caption class="visually-hidden">{move || i18n.t("tokens-title")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("tokens-name")}</th>
                    {show_owner.then(|| view! { <th scope="col">{move || i18n.t("tokens-owner")}</th> })}
                    <th scope="col">{move || i18n.t("tokens-scopes")}</th>
                    <th scope="col">{move || i18n.t("tokens-expires")}</th>
                    <th scope="col">{move || i18n.t("tokens-last-used")}</th>
                    <th scope="col">{move || i18n.t("accounts-state")}</th>
                    <th scope="col">{move || i18n.t("table-actions")}</th>
                </tr>
            </thead>
            <tbody>
                {tokens.into_iter().map(|t| {
                    let live = t.revoked_at.is_none();
                    let scopes = t.scopes.iter().map(|s| match s {
                        Scope::Read => i18n.t("tokens-scope-read"),
                        Scope::Write => i18n.t("tokens-scope-write"),
                    }).collect::<Vec<_>>().join(", ");
                    let token_id = t.id;
                    view! {
                        <tr data-token=t.name.clone()>
                            <td>{t.name.clone()}</td>
                            {show_owner.then(|| view! { <td>{i18n.t_with("tokens-account", &[("id", t.user_id.to_string())])}</td> })}
                            <td>{scopes}</td>
                            <td>{day(&i18n, t.expires_at)}</td>
                            <td>{day(&i18n, t.last_used_at)}</td>
                            <td>{state(&i18n, &t)}</td>
                            <td>
                                {live.then(|| view! {
                                    <button type="button" class="button small secondary" data-action="revoke"
                                        on:click=move |_| revoke.run(token_id)>
                                        {move || i18n.t("tokens-revoke")}
                                    </button>
                                })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn TokensPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = session.me();
    let admin = me.as_ref().is_some_and(|m| m.has(Role::Admin));
    let my_id = me.map(|m| m.id).unwrap_or_default();
    let mine = LocalResource::new(tokens::mine);
    let all = LocalResource::new(move || async move {
        if admin {
            tokens::all().await
        } else {
            Ok(Vec::new())
        }
    });
    let error = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<String>);
    let reload = move || {
        mine.refetch();
        all.refetch();
    };
    let revoke_mine = Callback::new(move |id: i64| {
        spawn_local(async move {
            match tokens::revoke_mine(id).await {
                Ok(()) => reload(),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let revoke_any = Callback::new(move |id: i64| {
        spawn_local(async move {
            match tokens::revoke(id).await {
                Ok(()) => reload(),
                Err(e) => error.set(Some(e)),
            }
        });
    });
    let name = RwSignal::new(String::new());
    let write = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        created.set(None);
        let mut scopes = vec![Scope::Read];
        if write.get_untracked() {
            scopes.push(Scope::Write);
        }
        let body = NewApiToken {
            user_id: my_id,
            name: name.get_untracked(),
            scopes,
            expires_in_days: None,
        };
        spawn_local(async move {
            match tokens::create(&body).await {
                Ok(token) => {
                    created.set(Some(token.token));
                    name.set(String::new());
                    reload();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <h1>{move || i18n.t("tokens-title")}</h1>
        <p>{move || i18n.t("tokens-intro")}</p>
        <ActionError error=error />
        {move || created.get().map(|token| view! {
            <p class="success-line" role="status" id="new-token">
                {i18n.t("tokens-created")} " " <code>{token}</code>
            </p>
        })}
        <h2>{move || i18n.t("tokens-mine")}</h2>
        {loaded(mine, move |list: Vec<ApiToken>| if list.is_empty() {
            view! { <p id="no-tokens">{move || i18n.t("tokens-none")}</p> }.into_any()
        } else {
            view! { <TokenTable id="my-tokens" tokens=list show_owner=false revoke=revoke_mine /> }.into_any()
        })}
        {admin.then(|| view! {
            <h2>{move || i18n.t("tokens-new")}</h2>
            <form class="token-form" on:submit=create>
                <label for="token-name">{move || i18n.t("tokens-name")}</label>
                <input id="token-name" required maxlength="100"
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
                <label class="checkbox">
                    <input id="token-write" type="checkbox"
                        prop:checked=write on:change=move |ev| write.set(event_target_checked(&ev)) />
                    {move || i18n.t("tokens-scope-write")}
                </label>
                <button type="submit" id="token-create">{move || i18n.t("tokens-create")}</button>
            </form>
            <h2>{move || i18n.t("tokens-all")}</h2>
            {loaded(all, move |list: Vec<ApiToken>| view! {
                <TokenTable id="all-tokens" tokens=list show_owner=true revoke=revoke_any />
            })}
        })}
    }
}
