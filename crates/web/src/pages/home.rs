//! Home page (user guide §3): welcome text and the personal-data notice.

use crate::api::auth::Role;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let me = move || session.me();
    let roles = move || {
        me().map(|me| {
            me.roles
                .iter()
                .map(|role| {
                    i18n.t(match role {
                        Role::Student => "role-student",
                        Role::Supervisor => "role-supervisor",
                        Role::Manager => "role-manager",
                        Role::Admin => "role-admin",
                    })
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    // Marked for the Element Timing API: the SPA's figures measure when
    // the welcome text is painted.
    let welcome = NodeRef::<leptos::html::P>::new();
    welcome.on_load(|p| {
        let _ = p.set_attribute("elementtiming", "home");
    });
    view! {
        <h1>{move || i18n.t("home-title")}</h1>
        <p class="welcome" node_ref=welcome>{move || i18n.t("home-welcome")}</p>
        <p class="signed-in-as">
            {move || me().map(|me| i18n.t_with("home-signed-in-as", &[("name", me.display_name)]))}
            " ("
            <span class="roles">{roles}</span>
            ")"
        </p>
        <section class="notice" aria-labelledby="privacy-title">
            <h2 id="privacy-title">{move || i18n.t("home-privacy-title")}</h2>
            <p>{move || i18n.t("home-privacy")}</p>
        </section>
    }
}
