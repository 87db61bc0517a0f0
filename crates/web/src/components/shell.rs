//! The frame around every signed-in page: top menu, side menu, content.
//! Signed-out visitors are sent to the sign-in page.

use crate::components::menus::{SideMenu, TopMenu};
use crate::i18n::use_i18n;
use crate::pages::account::PasswordPage;
use crate::session::{SessionState, use_session};
use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};

#[component]
pub fn Shell() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    move || match session.state.get() {
        SessionState::Checking => view! {
            <p class="loading" role="status">{move || i18n.t("loading")}</p>
        }
        .into_any(),
        SessionState::SignedOut => view! { <Redirect path="/login" /> }.into_any(),
        SessionState::Unreachable(_) => view! {
            <div class="error-panel" role="alert">
                <p>{move || i18n.t("error-network")}</p>
                <button on:click=move |_| session.restore()>{move || i18n.t("error-retry")}</button>
            </div>
        }
        .into_any(),
        // A password reset by an administrator: nothing else until the
        // owner chose a new one (the API refuses the rest, AUTH-06).
        SessionState::SignedIn(me) if me.must_change_password => view! {
            <div class="app">
                <TopMenu me=me.clone() />
                <main id="main" class="content">
                    <p class="notice" role="alert" id="must-change-password">
                        {move || i18n.t("auth-06-must-change-password")}
                    </p>
                    <PasswordPage />
                </main>
            </div>
        }
        .into_any(),
        SessionState::SignedIn(me) => view! {
            <div class="app">
                {me.is_demo.then(|| view! {
                    <p class="demo-banner" role="note">{move || i18n.t("demo-banner")}</p>
                })}
                <TopMenu me=me.clone() />
                <div class="app-body">
                    <SideMenu me=me />
                    <main id="main" class="content">
                        <Outlet />
                    </main>
                </div>
                <footer class="app-footer">{move || i18n.t("footer-text")}</footer>
            </div>
        }
        .into_any(),
    }
}
