//! `/evaluations/:id`: a convention's three questionnaires, where each
//! stands and whether the caller may fill it in (else why not); staff make
//! or withdraw the workplace tutor's link here.

use super::{KINDS, kind_key, status_key};
use crate::api::ApiError;
use crate::api::conventions::{self, ConventionView};
use crate::api::evaluations::{self, EvaluationStatus, TutorLink, kind_code};
use crate::components::confirm::ConfirmButton;
use crate::components::decision::DeniedReason;
use crate::components::loading::{ActionError, loaded};
use crate::format;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use stages_domain::model::{EvaluationKind, EvaluationProgress};

#[component]
pub fn ConventionEvaluationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    // Fetched again when the language changes: the server words the
    // reasons in the reader's language.
    let both = LocalResource::new(move || {
        i18n.lang.track();
        let id = id.get();
        async move {
            let convention = conventions::get(id).await?;
            let list = evaluations::list(id).await?;
            Ok::<_, ApiError>((convention, list))
        }
    });
    view! {
        {loaded(both, move |(convention, list): (ConventionView, Vec<EvaluationStatus>)| {
            view! { <EvaluationsOf convention=convention list=list /> }
        })}
    }
}

#[component]
fn EvaluationsOf(convention: ConventionView, list: Vec<EvaluationStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let is_staff = use_session().me().is_some_and(|m| m.is_staff());
    let id = convention.id;
    let number = convention.number.clone().unwrap_or_default();
    let student = format!(
        "{} {}",
        convention.content.student.student.first_name, convention.content.student.student.last_name
    );
    let tutor_enabled = list.iter().any(|e| {
        e.kind == EvaluationKind::Tutor && e.enabled && e.status != EvaluationProgress::Submitted
    });
    // SIG-17: the tutor's address, where the scheduler mails the link,
    // while staff have not vouched for it.
    let tutor_unvouched = unvouched_tutor(&convention);
    let rows = KINDS
        .iter()
        .filter_map(|kind| list.iter().find(|e| e.kind == *kind).cloned())
        .collect::<Vec<_>>();
    view! {
        <h1>{move || i18n.t_with("evaluations-of", &[("number", number.clone())])}</h1>
        <p class="convention-meta">
            {student} " — "
            <a href=format!("/conventions/{id}")>{move || i18n.t("evaluation-convention-link")}</a>
        </p>
        <table class="table" id="evaluation-list">
            <caption class="visually-hidden">{move || i18n.t("evaluations-list")}</caption>
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t("evaluation-kind")}</th>
                    <th scope="col">{move || i18n.t("evaluation-status")}</th>
                    <th scope="col">{move || i18n.t("table-actions")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|e| view! { <EvaluationLine convention=id status=e /> }).collect_view()}
            </tbody>
        </table>
        {(is_staff && tutor_enabled).then(|| view! { <TutorLinkPanel convention=id unvouched=tutor_unvouched /> })}
    }
}

#[component]
fn EvaluationLine(convention: i64, status: EvaluationStatus) -> impl IntoView {
    let i18n = use_i18n();
    let kind = status.kind;
    let code = kind_code(kind);
    let href = format!("/evaluations/{convention}/{code}");
    let submitted_on = status.submitted_at.map(|t| t.date_naive());
    let state = status.status;
    let (fill, read) = (status.fill.clone(), status.read.clone());
    let action = if !status.enabled {
        view! { <span class="muted">{move || i18n.t("evaluation-disabled")}</span> }.into_any()
    } else if fill.is_allowed() {
        view! {
            <a class="button small" id=format!("evaluation-fill-{code}") href=href>
                {move || i18n.t("evaluation-fill")}
            </a>
        }
        .into_any()
    } else {
        // Once submitted, read-only is the rule: no reason to add.
        let reason_id = format!("evaluation-reason-{code}");
        view! {
            {read.is_allowed().then(|| view! {
                <a class="button small secondary" id=format!("evaluation-read-{code}") href=href.clone()>
                    {move || i18n.t("evaluation-read")}
                </a>
            })}
            {(state != EvaluationProgress::Submitted).then(|| view! { <DeniedReason decision=fill.clone() id=reason_id.clone() /> })}
        }
        .into_any()
    };
    view! {
        <tr id=format!("evaluation-{code}")>
            <th scope="row">{move || i18n.t(kind_key(kind))}</th>
            <td>
                <span class="badge">{move || i18n.t(status_key(state))}</span>
                {move || submitted_on.map(|d| format!(" {}", format::date(i18n.lang.get(), d)))}
            </td>
            <td>{action}</td>
        </tr>
    }
}

/// The tutor's link: made on demand (the scheduler mails one by itself at
/// the end of the internship), shown once, withdrawn when it leaked.
#[component]
fn TutorLinkPanel(
    convention: i64,
    /// The tutor's address and the convention's version, when staff have
    /// not vouched for the address (SIG-17): nothing is mailed there.
    unvouched: Option<(String, i32)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let link = RwSignal::new(None::<TutorLink>);
    let unvouched = RwSignal::new(unvouched);
    let revoked = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let create = move |_| {
        pending.set(true);
        error.set(None);
        revoked.set(false);
        spawn_local(async move {
            match evaluations::create_link(convention).await {
                Ok(made) => link.set(Some(made)),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let revoke = move || {
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match evaluations::revoke_links(convention).await {
                Ok(()) => {
                    link.set(None);
                    revoked.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let vouch = move |()| {
        let Some((_, version)) = unvouched.get_untracked() else {
            return;
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match evaluations::vouch_tutor_address(convention, version).await {
                Ok(view) => unvouched.set(unvouched_tutor(&view)),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <section class="card" aria-labelledby="tutor-link-title">
            <h2 id="tutor-link-title">{move || i18n.t("evaluation-tutor-link")}</h2>
            <p>{move || i18n.t("evaluation-tutor-link-help")}</p>
            {move || unvouched.get().map(|(address, _)| view! {
                <div class="warning-panel" id="tutor-address-unvouched">
                    <p>{i18n.t_with("evaluation-tutor-address-unvouched", &[("address", address)])}</p>
                    <ConfirmButton
                        id="tutor-address-vouch"
                        label="signature-vouch-address"
                        question="signature-vouch-question"
                        confirm="signature-vouch-confirm"
                        on_confirm=vouch
                        disabled=pending
                    />
                </div>
            })}
            {move || link.get().map(|l| {
                let until = format::date(i18n.lang.get(), l.expires_at.date_naive());
                view! {
                    <div class="success-panel" role="status">
                        <label for="tutor-link-url">{i18n.t_with("evaluation-tutor-link-made", &[("date", until)])}</label>
                        <input id="tutor-link-url" type="text" readonly prop:value=l.url.clone() />
                        <p><a href=l.url.clone() id="tutor-link-open">{i18n.t("evaluation-tutor-link-open")}</a></p>
                    </div>
                }
            })}
            {move || revoked.get().then(|| view! {
                <p class="success-line" role="status" id="tutor-link-revoked">{i18n.t("evaluation-tutor-link-revoked")}</p>
            })}
            <div class="actions">
                <button type="button" class="button" id="tutor-link-create" disabled=move || pending.get() on:click=create>
                    {move || i18n.t("evaluation-tutor-link-create")}
                </button>
                <ConfirmButton
                    id="tutor-link-revoke"
                    label="evaluation-tutor-link-revoke"
                    question="evaluation-tutor-link-revoke-question"
                    confirm="evaluation-tutor-link-revoke-confirm"
                    on_confirm=revoke
                    disabled=pending
                />
            </div>
            <ActionError error=error />
        </section>
    }
}

/// The tutor's address for the evaluation link, and the convention's
/// version, while staff have not vouched for it (SIG-17).
fn unvouched_tutor(convention: &ConventionView) -> Option<(String, i32)> {
    convention
        .tutor_evaluation_address
        .as_ref()
        .filter(|a| !a.vouched)
        .map(|a| (a.address.clone(), convention.version))
}
