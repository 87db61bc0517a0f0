//! The two menus of P-Stage's home page (user guide §3): the top menu and
//! the side menu, whose entries depend on the user's roles.

use crate::api::auth::{Me, SignInMethod};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

#[component]
pub fn TopMenu(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();
    // The report names the page it was made from; on the report page
    // itself, the page it came from.
    let report = move || {
        let path = location.pathname.get();
        let from = if path == "/tickets/new" {
            location.query.read().get("page").unwrap_or_default()
        } else {
            path
        };
        format!(
            "/tickets/new?page={}",
            String::from(js_sys::encode_uri_component(&from))
        )
    };
    // A CAS account leaves for CAS's logout, which brings the browser back
    // to the sign-in page; the others go there at once.
    let through_cas = me.sign_in == SignInMethod::Cas;
    let sign_out = move |_| {
        session.sign_out();
        if !through_cas {
            navigate("/login", Default::default());
        }
    };
    view! {
        <header class="top-bar">
            <a class="brand" href="/">
                <span class="brand-name">{move || i18n.t("app-name")}</span>
                <span class="brand-tagline">{move || i18n.t("app-tagline")}</span>
            </a>
            <nav class="top-menu" aria-label=move || i18n.t("menu-top-title")>
                <A href="/">{move || i18n.t("menu-home")}</A>
                <A href=report>{move || i18n.t("menu-report-problem")}</A>
                <button class="link-button" id="sign-out" on:click=sign_out>
                    {move || i18n.t("menu-sign-out")}
                </button>
                <button
                    class="lang-switch"
                    id="lang-switch"
                    title=move || i18n.t("menu-language-title")
                    on:click=move |_| i18n.toggle()
                >
                    {move || i18n.t("menu-language")}
                </button>
            </nav>
            {if me.sign_in == SignInMethod::Password {
                view! {
                    <A href="/account/password" attr:class="user-name" attr:title=move || i18n.t("password-title")>{me.display_name}</A>
                }.into_any()
            } else {
                view! { <span class="user-name">{me.display_name}</span> }.into_any()
            }}
        </header>
    }
}

#[component]
pub fn SideMenu(me: Me) -> impl IntoView {
    let i18n = use_i18n();
    let staff = me.is_staff();
    let admin = me.has(crate::api::auth::Role::Admin);
    view! {
        <nav class="side-menu" aria-label=move || i18n.t("menu-side-title")>
            <ul>
                {staff.then(|| view! {
                    <li><A href="/centres">{move || i18n.t("menu-centres")}</A></li>
                })}
                <li><A href="/conventions">{move || i18n.t("menu-conventions")}</A></li>
                <li><A href="/organisations">{move || i18n.t("menu-organisations")}</A></li>
                <li><A href="/offers">{move || i18n.t("menu-offers")}</A></li>
                <li><A href="/evaluations">{move || i18n.t("menu-evaluations")}</A></li>
                {staff.then(|| view! {
                    <li><A href="/statistics">{move || i18n.t("menu-statistics")}</A></li>
                    <li><A href="/nomenclatures">{move || i18n.t("menu-nomenclatures")}</A></li>
                })}
                <li><A href="/documents">{move || i18n.t("menu-documents")}</A></li>
                {admin.then(|| view! {
                    <li><A href="/admin/accounts">{move || i18n.t("menu-accounts")}</A></li>
                    <li><A href="/admin/vouched-addresses">{move || i18n.t("menu-vouched")}</A></li>
                })}
                {staff.then(|| view! {
                    <li><A href="/account/tokens">{move || i18n.t("menu-tokens")}</A></li>
                })}
            </ul>
        </nav>
    }
}
