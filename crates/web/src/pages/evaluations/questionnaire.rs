//! `/evaluations/:id/:kind`: one questionnaire of a convention, filled in
//! by the person it belongs to and read by the others who may; its PDF.

use super::kind_key;
use super::sheet::{SheetForm, Target};
use crate::api::evaluations::{self, EvaluationSheet};
use crate::components::loading::loaded;
use crate::components::reference::from_code;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use stages_domain::model::EvaluationKind;

#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    let kind = Memo::new(move |_| {
        params
            .read()
            .get("kind")
            .and_then(|k| from_code::<EvaluationKind>(&k))
    });
    view! {
        <p><a href=move || format!("/evaluations/{}", id.get())>{move || i18n.t("evaluation-back")}</a></p>
        {move || match kind.get() {
            Some(kind) => view! { <Questionnaire id=id.get() kind=kind /> }.into_any(),
            None => view! {
                <div class="error-panel" role="alert"><p>{i18n.t("error-not-found")}</p></div>
            }
            .into_any(),
        }}
    }
}

#[component]
fn Questionnaire(id: i64, kind: EvaluationKind) -> impl IntoView {
    let i18n = use_i18n();
    // Fetched again when the language changes: the server words the
    // reason a questionnaire is closed in the reader's language.
    let sheet = LocalResource::new(move || {
        i18n.lang.track();
        evaluations::get(id, kind)
    });
    view! {
        <h1>{move || i18n.t(kind_key(kind))}</h1>
        {loaded(sheet, move |s: EvaluationSheet| {
            let target = Target::Convention(s.convention_id, s.kind);
            view! { <SheetForm sheet=s target=target /> }
        })}
    }
}
