//! The map of the application: its routes.

use crate::components::shell::Shell;
use crate::i18n::provide_i18n;
use crate::pages::{home::Home, login::Login, not_found::NotFound};
use crate::session::provide_session;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    provide_session();
    view! {
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/login") view=Login />
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=Home />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
