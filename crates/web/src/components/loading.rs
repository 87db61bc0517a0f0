//! Loading states and failures: every screen that waits for the server
//! says so, and one that cannot get its data says why and offers to retry,
//! never a blank page.

use crate::api::ApiError;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;

#[component]
pub fn Pending() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="loading" role="status">{move || i18n.t("loading")}</p> }
}

/// The sentence for a failed call: the server's own when it gave one.
pub fn error_text(i18n: &I18n, error: &ApiError) -> String {
    match error {
        ApiError::Network(_) => i18n.t("error-network"),
        ApiError::Problem(p) if p.status == 404 => i18n.t("error-not-found"),
        ApiError::Problem(p) if p.status == 412 => i18n.t("error-stale"),
        ApiError::Problem(p) => {
            let violations: Vec<&str> = p.violations.iter().map(|v| v.message.as_str()).collect();
            match (&p.detail, violations.is_empty()) {
                (Some(detail), _) => detail.clone(),
                (None, false) => violations.join(" "),
                (None, true) => p.title.clone(),
            }
        }
    }
}

/// A failed load, with a retry.
#[component]
pub fn Failure(error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="error-panel" role="alert">
            <p>{move || error_text(&i18n, &error)}</p>
            <button type="button" class="button secondary" on:click=move |_| retry.run(())>
                {move || i18n.t("error-retry")}
            </button>
        </div>
    }
}

/// A failed action, next to the button that tried it.
#[component]
pub fn ActionError(#[prop(into)] error: Signal<Option<ApiError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().map(|e| {
            view! { <p class="form-error" role="alert">{error_text(&i18n, &e)}</p> }
        })
    }
}

/// Shows what `resource` loads with `view`; while it loads, a status; when
/// it fails, the reason and a retry.
pub fn loaded<T, V, F>(resource: LocalResource<Result<T, ApiError>>, view: F) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
{
    view! {
        <Suspense fallback=|| view! { <Pending /> }>
            {move || {
                resource
                    .get()
                    .map(|result| match result {
                        Ok(value) => view(value).into_any(),
                        Err(error) => {
                            view! { <Failure error=error retry=move || resource.refetch() /> }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}
