//! Stages' single-page application.

mod api;
mod app;
mod checks;
mod components;
mod format;
mod hosts;
mod i18n;
mod nav;
mod pages;
mod session;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
