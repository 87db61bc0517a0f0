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

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
