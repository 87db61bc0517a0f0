//! Stages' single-page application.

mod api;
mod app;
mod components;
mod i18n;
mod pages;
mod session;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
