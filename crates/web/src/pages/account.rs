//! `/account/password`: a local account changes its own password (the
//! current one required). The policy (length, not easy to guess) is the
//! server's; its refusals are shown at their fields.

use crate::api::auth::Me;
use crate::api::{ApiError, auth};
use crate::components::fields::TextInput;
use crate::components::loading::ActionError;
use crate::components::messages::{ErrorSummary, FieldMessage, focus_first_error};
use crate::i18n::use_i18n;
use crate::session::{SessionState, use_session};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let mut problems = Vec::new();
        if current.get_untracked().is_empty() {
            problems.push(FieldMessage::local(
                "password.current_password",
                "field-required",
            ));
        }
        if new.get_untracked() != again.get_untracked() {
            problems.push(FieldMessage::local("password.again", "password-mismatch"));
        }
        messages.set(problems);
        if !messages.get_untracked().is_empty() {
            focus_first_error();
            return;
        }
        pending.set(true);
        spawn_local(async move {
            match auth::change_password(&current.get_untracked(), &new.get_untracked()).await {
                Ok(()) => {
                    for field in [current, new, again] {
                        field.set(String::new());
                    }
                    error.set(None);
                    done.set(true);
                    // A password reset by an administrator is now replaced:
                    // the session learns it and opens the whole application.
                    if matches!(
                        session.state.get_untracked(),
                        SessionState::SignedIn(Me {
                            must_change_password: true,
                            ..
                        })
                    ) {
                        session.restore();
                    }
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "password"))
                            .collect(),
                    );
                    if messages.get_untracked().is_empty() {
                        error.set(Some(e));
                    } else {
                        focus_first_error();
                    }
                }
            }
            pending.set(false);
        });
    };
    view! {
        <h1>{move || i18n.t("password-title")}</h1>
        <p>{move || i18n.t("password-intro")}</p>
        <form class="record-form" id="password-form" on:submit=submit novalidate>
            <ErrorSummary messages=messages />
            <TextInput path="password.current_password" label="password-current" value=current messages=messages required=true kind="password" autocomplete="current-password" />
            <TextInput path="password.new_password" label="password-new" value=new messages=messages required=true kind="password" autocomplete="new-password" help="password-new-help" />
            <TextInput path="password.again" label="password-again" value=again messages=messages required=true kind="password" autocomplete="new-password" />
            <ActionError error=error />
            <p class="success-line" role="status">{move || done.get().then(|| i18n.t("password-changed"))}</p>
            <button type="submit" class="button" id="password-submit" disabled=move || pending.get()>{move || i18n.t("password-submit")}</button>
        </form>
    }
}
