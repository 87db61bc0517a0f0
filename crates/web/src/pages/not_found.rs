//! Shown for any address the application does not know.

use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <main class="standalone">
            <h1>{move || i18n.t("not-found-title")}</h1>
            <p>{move || i18n.t("not-found-text")}</p>
            <a href="/">{move || i18n.t("not-found-back")}</a>
        </main>
    }
}
