//! `/evaluation/tutor/:token`: the workplace tutor's questionnaire reached
//! by the link of the mail, without an account (the link is the
//! credential). A link that is expired, withdrawn or unknown is said so;
//! a spent one shows the answers read-only.

use super::sheet::{SheetForm, Target};
use crate::api::ApiError;
use crate::api::evaluations::{self, TutorSheet};
use crate::components::loading::{Failure, Pending};
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn TutorEvaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let sheet = LocalResource::new(move || {
        i18n.lang.track();
        let token = token.get();
        async move { evaluations::tutor_open(&token).await }
    });
    view! {
        <main class="standalone tutor-evaluation">
            <div class="standalone-head">
                <p class="standalone-brand">{move || i18n.t("app-name")}</p>
                <button class="lang-switch" on:click=move |_| i18n.toggle()>
                    {move || i18n.t("menu-language")}
                </button>
            </div>
            <h1>{move || i18n.t("evaluation-tutor-title")}</h1>
            <Suspense fallback=|| view! { <Pending /> }>
                {move || sheet.get().map(|result| match result {
                    Ok(t) => view! { <TutorSheetView sheet=t token=token.get_untracked() /> }.into_any(),
                    // No session to renew here: a 401 is the link itself.
                    Err(ApiError::Problem(p)) if p.status == 401 => view! {
                        <div class="warning-panel" role="alert" id="tutor-link-refused">
                            <p class="summary-title">{move || i18n.t("evaluation-link-refused")}</p>
                            <p>{move || i18n.t("evaluation-link-refused-help")}</p>
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <Failure error=e retry=move || sheet.refetch() /> }.into_any(),
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn TutorSheetView(sheet: TutorSheet, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let (start, end) = (sheet.start, sheet.end);
    let period = move || {
        let lang = i18n.lang.get();
        match (start, end) {
            (Some(s), Some(e)) => format!("{} – {}", format::date(lang, s), format::date(lang, e)),
            _ => String::new(),
        }
    };
    let (student, organisation) = (sheet.student.clone(), sheet.organisation.clone());
    view! {
        <dl class="pairs" id="tutor-intern">
            <dt>{move || i18n.t("evaluation-intern")}</dt>
            <dd>{student}</dd>
            <dt>{move || i18n.t("offer-host")}</dt>
            <dd>{organisation}</dd>
            <dt>{move || i18n.t("offer-dates")}</dt>
            <dd>{period}</dd>
        </dl>
        <SheetForm sheet=sheet.sheet target=Target::Tutor(token) />
    }
}
