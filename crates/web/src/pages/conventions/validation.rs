//! Validating a convention (seed §6): the centre's levels in its order,
//! each given or not, given or withdrawn by those the server allows, and
//! rejection with a reason the student then reads.

use super::level_key;
use crate::api::ApiError;
use crate::api::conventions::{self, ConventionView};
use crate::components::decision::DeniedReason;
use crate::components::fields::TextArea;
use crate::components::loading::ActionError;
use crate::components::messages::{FieldMessage, focus_first_error};
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::ValidationLevel;

#[derive(Clone, Copy)]
enum Act {
    Give(ValidationLevel),
    Withdraw(ValidationLevel),
}

#[component]
pub fn ValidationPanel(current: RwSignal<ConventionView>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Staff see every level with its state and reason; others only the
    // levels' state (a student never validates).
    let acts = session.me().is_some_and(|m| m.is_staff())
        || current
            .get_untracked()
            .permissions
            .validate
            .iter()
            .any(|d| d.decision.is_allowed());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_messages = RwSignal::new(Vec::<FieldMessage>::new());

    let act = move |what: Act| {
        let v = current.get_untracked();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let done = match what {
                Act::Give(level) => conventions::validate(v.id, v.version, level).await,
                Act::Withdraw(level) => conventions::unvalidate(v.id, v.version, level).await,
            };
            match done {
                Ok(view) => current.set(view),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let reject = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = reason.get_untracked();
        if text.trim().is_empty() {
            reason_messages.set(vec![FieldMessage::local(
                "rejection.reason",
                "rejection-reason-required",
            )]);
            focus_first_error();
            return;
        }
        reason_messages.set(Vec::new());
        let v = current.get_untracked();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match conventions::reject(v.id, v.version, text.trim()).await {
                Ok(view) => {
                    current.set(view);
                    reason.set(String::new());
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };

    move || {
        let v = current.get();
        // Only a created convention is validated.
        v.number.as_ref()?;
        let given = v.workflow.validations().to_vec();
        let unvalidate = v.permissions.unvalidate.clone();
        let rows = v
            .permissions
            .validate
            .iter()
            .map(|decision| {
                let level = decision.level;
                let is_given = given.contains(&level);
                let withdraw = unvalidate
                    .iter()
                    .find(|d| d.level == level)
                    .map(|d| d.decision.clone());
                let slug = level.as_str();
                let give_id = format!("validate-{slug}");
                let reason_id = format!("validate-{slug}-reason");
                view! {
                    <li class="level" class:given=is_given>
                        <span class="level-name">{i18n.t(level_key(level))}</span>
                        " : "
                        <span class="level-state" id=format!("level-{slug}-state")>
                            {if is_given { i18n.t("level-given") } else { i18n.t("level-not-given") }}
                        </span>
                        {(acts && !is_given).then(|| {
                            let allowed = decision.decision.is_allowed();
                            view! {
                                <button
                                    type="button"
                                    class="button small"
                                    id=give_id
                                    disabled=move || !allowed || pending.get()
                                    aria-describedby=(!allowed).then(|| reason_id.clone())
                                    on:click=move |_| act(Act::Give(level))
                                >
                                    {i18n.t_with("validate-level", &[("level", i18n.t(level_key(level)))])}
                                </button>
                                <DeniedReason decision=decision.decision.clone() id=reason_id.clone() />
                            }
                        })}
                        {(acts && is_given)
                            .then_some(withdraw)
                            .flatten()
                            .filter(|d| d.is_allowed())
                            .map(|_| view! {
                                <button
                                    type="button"
                                    class="button small secondary"
                                    id=format!("unvalidate-{slug}")
                                    disabled=move || pending.get()
                                    on:click=move |_| act(Act::Withdraw(level))
                                >
                                    {i18n.t("validate-withdraw")}
                                </button>
                            })}
                    </li>
                }
            })
            .collect_view();
        let may_reject = v.permissions.reject.is_allowed();
        Some(view! {
            <section class="validation" id="validation" aria-labelledby="validation-title">
                <h2 id="validation-title">{i18n.t("validation-title")}</h2>
                <ol class="levels">{rows}</ol>
                <ActionError error=error />
                {(acts && may_reject).then(|| view! {
                    <form class="reject-form" on:submit=reject novalidate>
                        <TextArea path="rejection.reason" label="rejection-reason" value=reason messages=reason_messages required=true />
                        <button type="submit" class="button danger" id="convention-reject" disabled=move || pending.get()>
                            {move || i18n.t("rejection-submit")}
                        </button>
                    </form>
                })}
            </section>
        })
    }
}
