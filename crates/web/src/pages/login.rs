//! Sign-in with the university account: through the university's CAS
//! server ("ENT") when the installation has one, or with a username and
//! password. A CAS sign-in that failed comes back here with its reason.

use crate::api::{ApiError, auth};
use crate::i18n::use_i18n;
use crate::session::{SessionState, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn Login() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let query = use_query_map();
    // The reason a CAS sign-in failed, as the server names it; an unknown
    // one reads as a refused ticket.
    let sso_error = move || {
        query.read().get("sso_error").map(|code| {
            let key = match code.as_str() {
                "unavailable" => "sso-error-unavailable",
                "identity" => "sso-error-identity",
                "busy" => "sso-error-busy",
                "ACCOUNT-01" => "sso-error-no-access",
                "ACCOUNT-02" => "sso-error-reserved",
                _ => "sso-error-ticket",
            };
            i18n.t(key)
        })
    };
    let options = LocalResource::new(auth::options);
    let offered = move |which: fn(&auth::SignInOptions) -> bool| {
        options.get().is_some_and(|o| o.as_ref().is_ok_and(which))
    };
    let cas = move || offered(|o| o.cas);
    let oidc = move || offered(|o| o.oidc);

    Effect::new({
        let navigate = navigate.clone();
        move |_| {
            if matches!(session.state.get(), SessionState::SignedIn(_)) {
                navigate("/", Default::default());
            }
        }
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let (user, pass) = (username.get_untracked(), password.get_untracked());
        spawn_local(async move {
            match auth::login(&user, &pass).await {
                Ok(res) => session.signed_in(res),
                Err(ApiError::Problem(p)) if p.status == 401 => {
                    error.set(Some(i18n.t("login-failed")))
                }
                Err(ApiError::Problem(p)) => error.set(Some(p.detail.unwrap_or(p.title))),
                Err(ApiError::Network(_)) => error.set(Some(i18n.t("error-network"))),
            }
            pending.set(false);
        });
    };

    view! {
        <main class="standalone login">
            <h1>{move || i18n.t("app-name")} " — " {move || i18n.t("login-title")}</h1>
            <p>{move || i18n.t("login-intro")}</p>
            {move || sso_error().map(|e| view! {
                <p class="form-error" id="sso-error" role="alert">{e}</p>
            })}
            {move || cas().then(|| view! {
                <p class="sso">
                    <a class="button" id="cas-login" rel="external" href=auth::cas_login_href("/")>
                        {move || i18n.t("login-cas")}
                    </a>
                </p>
            })}
            {move || oidc().then(|| view! {
                <p class="sso">
                    <a class="button" id="oidc-login" rel="external" href=auth::oidc_login_href("/")>
                        {move || i18n.t("login-oidc")}
                    </a>
                </p>
            })}
            {move || (cas() || oidc()).then(|| view! {
                <p class="sso-or">{move || i18n.t("login-or-password")}</p>
            })}
            <form on:submit=submit>
                <label for="username">{move || i18n.t("login-username")}</label>
                <input
                    id="username"
                    name="username"
                    autocomplete="username"
                    required
                    prop:value=username
                    on:input=move |ev| username.set(event_target_value(&ev))
                />
                <label for="password">{move || i18n.t("login-password")}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                <button type="submit" id="login-submit" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t("login-pending") } else { i18n.t("login-submit") }}
                </button>
            </form>
            <button class="lang-switch" on:click=move |_| i18n.toggle()>
                {move || i18n.t("menu-language")}
            </button>
        </main>
    }
}
