//! Stages' single-page application.

mod api;
mod app;
mod checks;
mod components;
mod hosts;
mod i18n;
mod nav;
mod pages;
mod session;

use stages_web_format::format;

/// Mounts the application once the wording of the reader's language has
/// arrived, so that no screen shows a message key in the meantime.
fn main() {
    console_error_panic_hook::set_once();
    wasm_bindgen_futures::spawn_local(async {
        i18n::load(i18n::stored_lang()).await;
        leptos::mount::mount_to_body(app::App);
    });
}
