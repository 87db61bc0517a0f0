//! Signaler un problème (seed §12): a ticket for the helpdesk, linked to
//! the page — and the convention or organisation — the user was on; and
//! the user's earlier tickets with their answers.

use crate::api::ApiError;
use crate::api::tickets::{self, NewTicket, Ticket};
use crate::components::fields::{TextArea, TextInput};
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{ErrorSummary, FieldMessage, focus_first_error};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use stages_domain::model::TicketStatus;

/// The id in `/conventions/12/…` or `/organisations/3`.
fn record_id(page: &str, prefix: &str) -> Option<i64> {
    page.strip_prefix(prefix)?
        .split(['/', '#', '?'])
        .next()?
        .parse()
        .ok()
}

fn status_key(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Open => "ticket-open",
        TicketStatus::Answered => "ticket-answered",
        TicketStatus::Closed => "ticket-closed",
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = Memo::new(move |_| query.read().get("page").unwrap_or_default());
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let sent = RwSignal::new(None::<Ticket>);
    let pending = RwSignal::new(false);
    let mine = LocalResource::new(tickets::list);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut missing = Vec::new();
        for (path, value) in [
            ("ticket.subject", subject.get_untracked()),
            ("ticket.body", body.get_untracked()),
        ] {
            if value.trim().is_empty() {
                missing.push(FieldMessage::local(path, "field-required"));
            }
        }
        messages.set(missing.clone());
        if !missing.is_empty() {
            focus_first_error();
            return;
        }
        let page = page.get_untracked();
        let ticket = NewTicket {
            subject: subject.get_untracked().trim().to_owned(),
            body: body.get_untracked().trim().to_owned(),
            convention_id: record_id(&page, "/conventions/"),
            organisation_id: record_id(&page, "/organisations/"),
            page: (!page.is_empty()).then_some(page),
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match tickets::create(&ticket).await {
                Ok(created) => {
                    sent.set(Some(created));
                    subject.set(String::new());
                    body.set(String::new());
                    mine.refetch();
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "ticket"))
                            .collect(),
                    );
                    error.set(Some(e));
                }
            }
            pending.set(false);
        });
    };

    view! {
        <h1>{move || i18n.t("report-title")}</h1>
        <p>{move || i18n.t("report-intro")}</p>
        {move || {
            let p = page.get();
            (!p.is_empty()).then(|| view! { <p class="muted" id="report-page">{i18n.t_with("report-page", &[("page", p)])}</p> })
        }}
        {move || sent.get().map(|t| view! {
            <div class="success-panel" role="status" id="report-sent">
                {i18n.t_with("report-sent", &[("id", t.id.to_string())])}
            </div>
        })}
        <form class="record-form" on:submit=submit novalidate>
            <ErrorSummary messages=messages />
            <TextInput path="ticket.subject" label="report-subject" value=subject messages=messages required=true />
            <TextArea path="ticket.body" label="report-body" value=body messages=messages required=true />
            <ActionError error=error />
            <button type="submit" class="button" id="report-submit" disabled=move || pending.get()>
                {move || i18n.t("report-submit")}
            </button>
        </form>
        <section aria-labelledby="my-tickets">
            <h2 id="my-tickets">{move || i18n.t("report-mine")}</h2>
            {loaded(mine, move |page: crate::api::Page<Ticket>| {
                if page.items.is_empty() {
                    view! { <p class="muted">{move || i18n.t("report-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="tickets">
                            {page.items.into_iter().map(|t| view! {
                                <li>
                                    <strong>{format!("#{} — {}", t.id, t.subject)}</strong>
                                    " "
                                    <span class="badge">{move || i18n.t(status_key(t.status))}</span>
                                    {t.answer.clone().map(|a| view! { <p class="answer">{a}</p> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            })}
        </section>
    }
}
