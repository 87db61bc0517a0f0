//! A second click before an action that cannot be undone (deleting a
//! convention): the question appears in place, with the focus on it.

use super::messages::focus_element;
use crate::i18n::use_i18n;
use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    #[prop(into)] id: String,
    /// The button's label.
    label: &'static str,
    /// The question asked before acting.
    question: &'static str,
    /// The label of the button that acts.
    confirm: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(into)] disabled: Signal<bool>,
    #[prop(optional, into)] described_by: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let question_id = format!("{id}-question");
    let focus_id = question_id.clone();
    view! {
        <div class="confirm">
            <button
                type="button"
                class="button danger"
                id=id.clone()
                disabled=move || disabled.get()
                aria-describedby=described_by
                aria-expanded=move || asking.get().to_string()
                on:click=move |_| {
                    asking.set(true);
                    let target = focus_id.clone();
                    request_animation_frame(move || focus_element(&target));
                }
            >
                {move || i18n.t(label)}
            </button>
            <Show when=move || asking.get()>
                <div class="confirm-question" role="alertdialog" aria-labelledby=question_id.clone()>
                    <p id=question_id.clone() tabindex="-1">{move || i18n.t(question)}</p>
                    <button
                        type="button"
                        class="button danger"
                        id=format!("{id}-confirm")
                        on:click=move |_| {
                            asking.set(false);
                            on_confirm.run(());
                        }
                    >
                        {move || i18n.t(confirm)}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                        {move || i18n.t("form-cancel")}
                    </button>
                </div>
            </Show>
        </div>
    }
}
