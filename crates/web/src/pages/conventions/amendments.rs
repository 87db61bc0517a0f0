//! A convention's amendments (seed §7): listed with their changes, validated
//! by the centre, printed once validated; and the way to write one.

use crate::api::ApiError;
use crate::api::amendments::{self, AmendmentView};
use crate::api::conventions::ConventionView;
use crate::components::decision::DeniedReason;
use crate::components::download::{Document, DownloadButton};
use crate::components::loading::{ActionError, loaded};
use crate::format;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::amendment::AmendmentChange;

use super::amendment_form::initiator_key;

/// One change in words.
pub fn describe(i18n: &I18n, change: &AmendmentChange) -> String {
    let lang = i18n.lang.get_untracked();
    match change {
        AmendmentChange::Termination {
            date,
            comment,
            initiated_by,
        } => i18n.t_with(
            "change-termination-text",
            &[
                ("date", format::date(lang, *date)),
                (
                    "initiator",
                    initiated_by.map_or_else(|| "—".to_owned(), |who| i18n.t(initiator_key(who))),
                ),
                ("comment", comment.clone()),
            ],
        ),
        AmendmentChange::Dates { start, end } => i18n.t_with(
            "change-dates-text",
            &[
                ("start", format::date(lang, *start)),
                ("end", format::date(lang, *end)),
            ],
        ),
        AmendmentChange::Interruptions { periods } => {
            i18n.t_count("change-interruptions-text", "count", periods.len(), &[])
        }
        AmendmentChange::HostService { service } => i18n.t_with(
            "change-host-service-text",
            &[("name", service.name.clone())],
        ),
        AmendmentChange::Subject { subject } => {
            i18n.t_with("change-subject-text", &[("subject", subject.clone())])
        }
        AmendmentChange::Supervisor { supervisor } => i18n.t_with(
            "change-supervisor-text",
            &[(
                "name",
                format!("{} {}", supervisor.first_name, supervisor.last_name),
            )],
        ),
        AmendmentChange::Tutor { tutor } => i18n.t_with(
            "change-tutor-text",
            &[("name", format!("{} {}", tutor.first_name, tutor.last_name))],
        ),
        AmendmentChange::Stipend { paid, terms } => match (paid, terms.amount_cents) {
            (true, Some(cents)) => i18n.t_with(
                "change-stipend-text",
                &[(
                    "amount",
                    format::money(
                        lang,
                        cents,
                        terms.currency.as_ref().map(|c| c.as_str()).unwrap_or("EUR"),
                    ),
                )],
            ),
            _ => i18n.t("change-no-stipend-text"),
        },
        AmendmentChange::AccidentCover { host_insures } => i18n.t(if *host_insures {
            "change-accident-cover-host"
        } else {
            "change-accident-cover-french"
        }),
        AmendmentChange::Other { description } => description.clone(),
    }
}

#[component]
pub fn AmendmentsPanel(
    current: RwSignal<ConventionView>,
    #[prop(into)] reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = current.get_untracked().id;
    let list = LocalResource::new(move || {
        i18n.lang.track();
        amendments::list(id)
    });
    view! {
        <section class="amendments" id="amendments" aria-labelledby="amendments-title">
            <h2 id="amendments-title">{move || i18n.t("amendments-title")}</h2>
            {move || {
                let decision = current.get().permissions.create_amendment;
                let allowed = decision.is_allowed();
                view! {
                    <div class="action">
                        {if allowed {
                            view! {
                                <a class="button" id="amendment-new" href=format!("/conventions/{id}/amendments/new")>
                                    {i18n.t("amendment-create")}
                                </a>
                            }
                                .into_any()
                        } else {
                            view! {
                                <button type="button" class="button" id="amendment-new" disabled=true aria-describedby="amendment-new-reason">
                                    {i18n.t("amendment-create")}
                                </button>
                            }
                                .into_any()
                        }}
                        <DeniedReason decision=decision id="amendment-new-reason" />
                    </div>
                }
            }}
            {loaded(list, move |items: Vec<AmendmentView>| {
                if items.is_empty() {
                    view! { <p class="muted">{move || i18n.t("amendments-none")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="amendment-list">
                            {items.into_iter().map(|a| view! { <AmendmentItem amendment=a list=list reload=reload /> }).collect_view()}
                        </ol>
                    }
                        .into_any()
                }
            })}
        </section>
    }
}

#[component]
fn AmendmentItem(
    amendment: AmendmentView,
    list: LocalResource<Result<Vec<AmendmentView>, ApiError>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let a = amendment;
    let (id, version) = (a.id, a.version);
    let validate = move |_| {
        pending.set(true);
        spawn_local(async move {
            match amendments::validate(id, version).await {
                Ok(_) => {
                    list.refetch();
                    reload.run(());
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let remove = move |_| {
        pending.set(true);
        spawn_local(async move {
            match amendments::delete(id, version).await {
                Ok(()) => {
                    list.refetch();
                    reload.run(());
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let state = move || match a.validated_on {
        Some(on) => i18n.t_with(
            "amendment-validated-on",
            &[("date", format::date(i18n.lang.get(), on))],
        ),
        None => i18n.t("amendment-not-validated"),
    };
    let changes = a.changes.clone();
    let validate_allowed = a.permissions.validate.is_allowed();
    let may_validate = a.validated_on.is_none() && validate_allowed;
    let may_delete = a.permissions.edit.is_allowed();
    view! {
        <li class="amendment" id=format!("amendment-{}", a.position)>
            <h3>{move || i18n.t_with("amendment-heading", &[("position", a.position.to_string()), ("title", a.title.clone())])}</h3>
            <p class="amendment-state">{state}</p>
            <p>{a.reason.clone()}</p>
            <ul>{move || changes.iter().map(|c| view! { <li>{describe(&i18n, c)}</li> }).collect_view()}</ul>
            {(!a.violations.is_empty()).then(|| view! {
                <ul class="field-error">{a.violations.iter().map(|v| view! { <li>{v.message.clone()}</li> }).collect_view()}</ul>
            })}
            <div class="row-actions">
                {may_validate.then(|| view! {
                    <button type="button" class="button small" id=format!("amendment-validate-{}", a.position) disabled=move || pending.get() on:click=validate>
                        {move || i18n.t("amendment-validate")}
                    </button>
                })}
                <DownloadButton document=Document::Amendment(id) label="amendment-print" decision=a.permissions.print.clone() id=format!("amendment-print-{}", a.position) />
                {may_delete.then(|| view! {
                    <button type="button" class="button small danger" disabled=move || pending.get() on:click=remove>
                        {move || i18n.t("amendment-delete")}
                    </button>
                })}
            </div>
            <ActionError error=error />
        </li>
    }
}
