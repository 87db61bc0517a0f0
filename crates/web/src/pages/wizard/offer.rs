//! Between steps 1 and 2 (seed §4.1): "l'application vous proposera de lier
//! ou non une offre de stage". With the offer's number, the convention
//! takes the offer's host, which step 2 then shows for confirmation.

use super::{next_href, step_href};
use crate::api::ApiError;
use crate::api::conventions::{self, ConventionView, OrganisationChoice};
use crate::components::fields::TextInput;
use crate::components::loading::ActionError;
use crate::components::messages::{FieldMessage, focus_element, focus_first_error};
use crate::i18n::use_i18n;
use crate::nav::use_go;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::WizardStep;

#[component]
pub fn OfferQuestion(view: ConventionView) -> impl IntoView {
    let i18n = use_i18n();
    let go = use_go();
    let linking = RwSignal::new(false);
    let number = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let (id, version) = (view.id, view.version);
    let link = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = number.get_untracked().trim().to_owned();
        if text.is_empty() {
            messages.set(vec![FieldMessage::local("offer_number", "field-required")]);
            focus_first_error();
            return;
        }
        let choice = OrganisationChoice {
            organisation_id: None,
            offer_number: Some(text),
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match conventions::save_step(id, version, WizardStep::Organisation, &choice).await {
                Ok(saved) => go.to(step_href(saved.id, WizardStep::Organisation)),
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, ""))
                            .collect(),
                    );
                    error.set(Some(e));
                    focus_first_error();
                }
            }
            pending.set(false);
        });
    };
    request_animation_frame(|| focus_element("offer-question"));
    view! {
        <section class="offer-question" aria-labelledby="offer-question">
            <h3 id="offer-question" tabindex="-1">{move || i18n.t("offer-question")}</h3>
            <p>{move || i18n.t("offer-question-help")}</p>
            <Show
                when=move || linking.get()
                fallback=move || view! {
                    <div class="actions">
                        <button type="button" class="button" id="offer-yes" on:click=move |_| {
                            linking.set(true);
                            request_animation_frame(|| focus_element("offer_number"));
                        }>
                            {move || i18n.t("form-yes")}
                        </button>
                        <button type="button" class="button secondary" id="offer-no"
                            on:click=move |_| go.to(next_href(id, WizardStep::Student))>
                            {move || i18n.t("form-no")}
                        </button>
                    </div>
                }
            >
                <form class="inline-form" on:submit=link novalidate>
                    <TextInput path="offer_number" label="offer-number" value=number messages=messages help="offer-number-help" />
                    <button type="submit" class="button" id="offer-link" disabled=move || pending.get()>
                        {move || i18n.t("offer-link")}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| go.to(next_href(id, WizardStep::Student))>
                        {move || i18n.t("offer-skip")}
                    </button>
                </form>
                <ActionError error=error />
            </Show>
        </section>
    }
}
