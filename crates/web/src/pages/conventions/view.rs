//! `/conventions/:id`: a convention's summary with what the caller may do
//! with it (seed §5, §9–10): modify while editable, print when the centre
//! allows it, delete with confirmation; once validated, the page says that
//! an amendment is the way. Staff validate it here (§6) and everyone finds
//! its amendments (§7).

use super::amendments::AmendmentsPanel;
use super::post_review::PostReviewPanel;
use super::signatures::SignaturePanel;
use super::status_key;
use super::validation::ValidationPanel;
use crate::api::ApiError;
use crate::api::conventions::{self, ConventionView};
use crate::components::confirm::ConfirmButton;
use crate::components::decision::DeniedReason;
use crate::components::download::{Document, DownloadButton};
use crate::components::loading::{ActionError, loaded};
use crate::components::recap::Recap;
use crate::format;
use crate::i18n::use_i18n;
use crate::nav::use_go;
use crate::pages::wizard::step_href;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_params_map};
use stages_domain::model::WizardStep;

#[component]
pub fn ConventionPage() -> impl IntoView {
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
    // violations in the reader's language.
    let convention = LocalResource::new(move || {
        i18n.lang.track();
        conventions::get(id.get())
    });
    view! {
        {loaded(convention, move |v: ConventionView| {
            let current = RwSignal::new(v);
            view! { <ConventionScreen current=current reload=move || convention.refetch() /> }
        })}
    }
}

#[component]
fn ConventionScreen(
    current: RwSignal<ConventionView>,
    #[prop(into)] reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // Links from the search results point at a section (#validation).
    Effect::new(move |_| {
        let hash = location.hash.get();
        let target = hash.trim_start_matches('#').to_owned();
        if !target.is_empty() {
            request_animation_frame(move || {
                if let Some(element) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&target))
                {
                    element.scroll_into_view();
                }
            });
        }
    });
    let heading = move || match current.get().number {
        Some(number) => i18n.t_with("convention-title", &[("number", number)]),
        None => i18n.t("convention-title-draft"),
    };
    view! {
        <h1>{heading}</h1>
        <p class="convention-meta">
            <span class="badge" id="convention-status">{move || i18n.t(status_key(current.get().status))}</span>
            " "
            {move || {
                let v = current.get();
                i18n.t_with("convention-meta", &[("centre", v.centre.name), ("year", v.academic_year)])
            }}
        </p>
        <Rejection current=current />
        <Actions current=current />
        <PostReviewPanel current=current />
        <ValidationPanel current=current />
        <SignaturePanel current=current />
        <Violations current=current />
        <section aria-labelledby="recap-title">
            <h2 id="recap-title">{move || i18n.t("recap-title")}</h2>
            {move || {
                let v = current.get();
                view! { <Recap convention=v.effective.clone() figures=v.figures.clone() /> }
            }}
        </section>
        <AmendmentsPanel current=current reload=reload />
    }
}

/// The reason a manager gave when sending the convention back.
#[component]
fn Rejection(current: RwSignal<ConventionView>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        current.get().workflow.rejection().cloned().map(|r| {
            let on = format::date(i18n.lang.get(), r.on);
            view! {
                <div class="warning-panel" role="status" id="rejection">
                    <p class="summary-title">{i18n.t_with("rejection-title", &[("date", on)])}</p>
                    <p>{r.reason}</p>
                </div>
            }
        })
    }
}

/// Modify, print, certificate, delete: each enabled or with its reason.
#[component]
fn Actions(current: RwSignal<ConventionView>) -> impl IntoView {
    let i18n = use_i18n();
    let go = use_go();
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    move || {
        let v = current.get();
        let id = v.id;
        let p = v.permissions.clone();
        let first_step = if v.number.is_some() {
            WizardStep::Summary
        } else {
            v.completion
                .incomplete
                .first()
                .copied()
                .unwrap_or(WizardStep::Summary)
        };
        let edit_allowed = p.edit.is_allowed();
        let delete_allowed = p.delete.is_allowed();
        let delete = move |_| {
            let version = current.get_untracked().version;
            pending.set(true);
            spawn_local(async move {
                match conventions::delete(id, version).await {
                    Ok(()) => go.to("/conventions"),
                    Err(e) => error.set(Some(e)),
                }
                pending.set(false);
            });
        };
        view! {
            <section class="actions-bar" aria-labelledby="actions-title">
                <h2 id="actions-title" class="visually-hidden">{i18n.t("actions-title")}</h2>
                <div class="action">
                    {if edit_allowed {
                        view! {
                            <a class="button" id="convention-edit" href=step_href(id, first_step)>
                                {i18n.t("action-edit")}
                            </a>
                        }
                            .into_any()
                    } else {
                        view! {
                            <button type="button" class="button" id="convention-edit" disabled=true aria-describedby="convention-edit-reason">
                                {i18n.t("action-edit")}
                            </button>
                        }
                            .into_any()
                    }}
                    <DeniedReason decision=p.edit.clone() id="convention-edit-reason" />
                </div>
                <DownloadButton document=Document::Agreement(id) label="action-print" decision=p.print.clone() id="convention-print" />
                <DownloadButton document=Document::Certificate(id) label="action-certificate" decision=p.certificate.clone() id="convention-certificate" />
                <div class="action">
                    <ConfirmButton
                        id="convention-delete"
                        label="action-delete"
                        question="convention-delete-question"
                        confirm="convention-delete-confirm"
                        on_confirm=delete
                        disabled=Signal::derive(move || !delete_allowed || pending.get())
                        described_by="convention-delete-reason"
                    />
                    <DeniedReason decision=p.delete.clone() id="convention-delete-reason" />
                </div>
                <ActionError error=error />
            </section>
        }
    }
}

/// What the convention breaks: errors block its creation and validation.
#[component]
fn Violations(current: RwSignal<ConventionView>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let v = current.get();
        let (errors, warnings): (Vec<_>, Vec<_>) =
            v.violations.into_iter().partition(|x| x.is_error());
        let item = |x: crate::api::ProblemViolation| view! { <li>{x.message}</li> };
        view! {
            {(!errors.is_empty()).then(|| view! {
                <div class="error-summary" id="convention-errors">
                    <p class="summary-title">{i18n.t("convention-errors")}</p>
                    <ul>{errors.into_iter().map(item).collect_view()}</ul>
                </div>
            })}
            {(!warnings.is_empty()).then(|| view! {
                <div class="warning-summary">
                    <p class="summary-title">{i18n.t("convention-warnings")}</p>
                    <ul>{warnings.into_iter().map(item).collect_view()}</ul>
                </div>
            })}
        }
    }
}
