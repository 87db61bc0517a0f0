//! `/conventions/:id/amendments/new` (seed §7): an amendment's title,
//! reason and typed changes, checked by the domain on the convention it
//! would produce before the server checks it again.

use crate::api::ApiError;
use crate::api::amendments::{self, AmendmentInput, AmendmentView, ChangeInput};
use crate::api::conventions::{self, ConventionView};
use crate::api::organisations::{self, ContactRow, HostServiceRow};
use crate::api::people::Person;
use crate::checks;
use crate::components::fields::{Select, TextArea, TextInput, YesNo};
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{
    ErrorSummary, FieldMessage, FieldMessages, beside_parsed, dom_id, focus_first_error,
    has_errors, merge,
};
use crate::components::periods::{PeriodList, PeriodRow};
use crate::components::reference::{TableSelect, from_code};
use crate::format;
use crate::i18n::use_i18n;
use crate::nav::use_go;
use crate::pages::wizard::SupervisorSearch;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use stages_domain::amendment::{self, Amendment, AmendmentChange, TerminationInitiator};
use stages_domain::ids::{Currency, Email};
use stages_domain::model::{Period, StipendTerms, Supervisor};

/// The kinds of change, in the order the form offers them.
const KINDS: [&str; 10] = [
    "dates",
    "termination",
    "interruptions",
    "host_service",
    "tutor",
    "supervisor",
    "subject",
    "stipend",
    "accident_cover",
    "other",
];

/// Asked only of an internship abroad (ABR-03).
const ABROAD_ONLY: &str = "accident_cover";

/// One change being written; its fields as typed.
#[derive(Clone, Copy)]
enum Editor {
    Dates {
        start: RwSignal<String>,
        end: RwSignal<String>,
    },
    Termination {
        date: RwSignal<String>,
        comment: RwSignal<String>,
        initiated_by: RwSignal<String>,
    },
    Interruptions {
        periods: RwSignal<Vec<PeriodRow>>,
    },
    HostService {
        service: RwSignal<String>,
    },
    Tutor {
        contact: RwSignal<String>,
    },
    Supervisor {
        person: RwSignal<Option<Person>>,
    },
    Subject {
        subject: RwSignal<String>,
    },
    Stipend {
        paid: RwSignal<Option<bool>>,
        amount: RwSignal<String>,
        currency: RwSignal<String>,
        unit: RwSignal<String>,
        basis: RwSignal<String>,
        payment: RwSignal<String>,
    },
    AccidentCover {
        host: RwSignal<Option<bool>>,
    },
    Other {
        description: RwSignal<String>,
    },
}

impl Editor {
    fn new(kind: &str, current: &ConventionView) -> Option<Self> {
        let i = &current.effective.internship;
        let date =
            |d: Option<NaiveDate>| RwSignal::new(d.map(|d| d.to_string()).unwrap_or_default());
        let text = || RwSignal::new(String::new());
        Some(match kind {
            "dates" => Self::Dates {
                start: date(i.start),
                end: date(i.end),
            },
            "termination" => Self::Termination {
                date: text(),
                comment: text(),
                initiated_by: text(),
            },
            "interruptions" => Self::Interruptions {
                periods: RwSignal::new(
                    i.interruptions
                        .iter()
                        .map(|p| PeriodRow::of(p.start, p.end, String::new()))
                        .collect(),
                ),
            },
            "host_service" => Self::HostService { service: text() },
            "tutor" => Self::Tutor { contact: text() },
            "supervisor" => Self::Supervisor {
                person: RwSignal::new(None),
            },
            "subject" => Self::Subject {
                subject: RwSignal::new(i.subject.clone()),
            },
            "stipend" => Self::Stipend {
                paid: RwSignal::new(i.stipend_paid),
                amount: text(),
                currency: RwSignal::new("EUR".to_owned()),
                unit: text(),
                basis: text(),
                payment: text(),
            },
            "accident_cover" => Self::AccidentCover {
                host: RwSignal::new(i.host_accident_cover),
            },
            "other" => Self::Other {
                description: text(),
            },
            _ => return None,
        })
    }

    fn label_key(&self) -> &'static str {
        match self {
            Self::Dates { .. } => "change-dates",
            Self::Termination { .. } => "change-termination",
            Self::Interruptions { .. } => "change-interruptions",
            Self::HostService { .. } => "change-host-service",
            Self::Tutor { .. } => "change-tutor",
            Self::Supervisor { .. } => "change-supervisor",
            Self::Subject { .. } => "change-subject",
            Self::Stipend { .. } => "change-stipend",
            Self::AccidentCover { .. } => "change-accident-cover",
            Self::Other { .. } => "change-other",
        }
    }
}

/// The records a change may name, as loaded.
#[derive(Clone, Default, PartialEq)]
struct Records {
    services: Vec<HostServiceRow>,
    contacts: Vec<ContactRow>,
}

/// What the changes amount to: the body for the server, the domain's
/// changes for the checks, and the texts that are not what they should be.
fn build(
    editors: &[Editor],
    records: &Records,
) -> (Vec<ChangeInput>, Vec<AmendmentChange>, Vec<FieldMessage>) {
    let mut inputs = Vec::new();
    let mut changes = Vec::new();
    let mut messages = Vec::new();
    for (index, editor) in editors.iter().enumerate() {
        let path = format!("amendment.changes[{index}]");
        let mut date = |field: &str, text: &str| -> Option<NaiveDate> {
            let parsed = text.trim().parse::<NaiveDate>().ok();
            if parsed.is_none() {
                let key = if text.trim().is_empty() {
                    "field-required"
                } else {
                    "form-not-a-date"
                };
                messages.push(FieldMessage::local(&format!("{path}.{field}"), key));
            }
            parsed
        };
        match *editor {
            Editor::Dates { start, end } => {
                if let (Some(start), Some(end)) =
                    (date("start", &start.get()), date("end", &end.get()))
                {
                    inputs.push(ChangeInput::Dates { start, end });
                    changes.push(AmendmentChange::Dates { start, end });
                }
            }
            Editor::Termination {
                date: day,
                comment,
                initiated_by,
            } => {
                if let Some(day) = date("date", &day.get()) {
                    let comment = comment.get().trim().to_owned();
                    let initiated_by = TerminationInitiator::ALL
                        .into_iter()
                        .find(|who| who.as_str() == initiated_by.get());
                    inputs.push(ChangeInput::Termination {
                        date: day,
                        comment: comment.clone(),
                        initiated_by,
                    });
                    changes.push(AmendmentChange::Termination {
                        date: day,
                        comment,
                        initiated_by,
                    });
                }
            }
            Editor::Interruptions { periods } => {
                let mut list = Vec::new();
                for (row_index, row) in periods.get().iter().enumerate() {
                    let from = date(&format!("periods[{row_index}].start"), &row.start.get());
                    let to = date(&format!("periods[{row_index}].end"), &row.end.get());
                    if let (Some(start), Some(end)) = (from, to) {
                        list.push(Period { start, end });
                    }
                }
                inputs.push(ChangeInput::Interruptions {
                    periods: list.clone(),
                });
                changes.push(AmendmentChange::Interruptions { periods: list });
            }
            Editor::HostService { service } => {
                match records
                    .services
                    .iter()
                    .find(|s| s.id.to_string() == service.get())
                {
                    Some(row) => {
                        inputs.push(ChangeInput::HostService {
                            host_service_id: row.id,
                        });
                        changes.push(AmendmentChange::HostService {
                            service: row.to_domain(),
                        });
                    }
                    None => messages.push(FieldMessage::local(
                        &format!("{path}.host_service_id"),
                        "field-required",
                    )),
                }
            }
            Editor::Tutor { contact } => {
                match records
                    .contacts
                    .iter()
                    .find(|c| c.id.to_string() == contact.get())
                {
                    Some(row) => {
                        inputs.push(ChangeInput::Tutor { contact_id: row.id });
                        changes.push(AmendmentChange::Tutor {
                            tutor: row.to_domain(),
                        });
                    }
                    None => messages.push(FieldMessage::local(
                        &format!("{path}.contact_id"),
                        "field-required",
                    )),
                }
            }
            Editor::Supervisor { person } => match person.get() {
                Some(p) => {
                    inputs.push(ChangeInput::Supervisor { uid: p.uid.clone() });
                    changes.push(AmendmentChange::Supervisor {
                        supervisor: Supervisor {
                            uid: p.uid,
                            last_name: p.last_name,
                            first_name: p.first_name,
                            email: p.email.as_deref().and_then(|e| Email::parse(e).ok()),
                            phone: None,
                            department: p.department,
                        },
                    });
                }
                None => messages.push(FieldMessage::local(
                    &format!("{path}.uid"),
                    "field-required",
                )),
            },
            Editor::Subject { subject } => {
                let subject = subject.get().trim().to_owned();
                inputs.push(ChangeInput::Subject {
                    subject: subject.clone(),
                });
                changes.push(AmendmentChange::Subject { subject });
            }
            Editor::Stipend {
                paid,
                amount,
                currency,
                unit,
                basis,
                payment,
            } => {
                let paid = paid.get() == Some(true);
                let amount_text = amount.get();
                let cents = format::parse_cents(&amount_text);
                if paid && cents.is_none() && !amount_text.trim().is_empty() {
                    messages.push(FieldMessage::local(
                        &format!("{path}.amount"),
                        "form-not-an-amount",
                    ));
                }
                let terms = if paid {
                    StipendTerms {
                        amount_cents: cents,
                        currency: Currency::parse(&currency.get()).ok(),
                        basis: from_code(&basis.get()),
                        unit: from_code(&unit.get()),
                        payment_mode: from_code(&payment.get()),
                    }
                } else {
                    StipendTerms::default()
                };
                inputs.push(ChangeInput::Stipend {
                    paid,
                    terms: terms.clone(),
                });
                changes.push(AmendmentChange::Stipend { paid, terms });
            }
            Editor::AccidentCover { host } => match host.get() {
                Some(host_insures) => {
                    inputs.push(ChangeInput::AccidentCover { host_insures });
                    changes.push(AmendmentChange::AccidentCover { host_insures });
                }
                None => messages.push(FieldMessage::local(
                    &format!("{path}.host_insures"),
                    "field-required",
                )),
            },
            Editor::Other { description } => {
                let description = description.get().trim().to_owned();
                inputs.push(ChangeInput::Other {
                    description: description.clone(),
                });
                changes.push(AmendmentChange::Other { description });
            }
        }
    }
    (inputs, changes, messages)
}

#[component]
pub fn NewAmendmentPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    let data = LocalResource::new(move || {
        let id = id.get();
        async move {
            let view = conventions::get(id).await?;
            let list = amendments::list(id).await?;
            Ok::<_, ApiError>((view, list))
        }
    });
    view! {
        {loaded(data, move |(view, list): (ConventionView, Vec<AmendmentView>)| {
            view! { <AmendmentForm current=view existing=list /> }
        })}
    }
}

#[component]
fn AmendmentForm(current: ConventionView, existing: Vec<AmendmentView>) -> impl IntoView {
    let i18n = use_i18n();
    let go = use_go();
    let title = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let editors = RwSignal::new(Vec::<Editor>::new());
    let new_kind = RwSignal::new(String::new());
    let submitted = RwSignal::new(false);
    let server = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let id = current.id;
    let version = current.version;
    let organisation = current.parties.organisation_id;
    let current_service = current.parties.host_service_id;
    let validated: Vec<Amendment> = existing
        .iter()
        .filter(|a| a.validated_on.is_some())
        .map(AmendmentView::to_domain)
        .collect();
    let original = StoredValue::new(current.content.clone());
    let validated = StoredValue::new(validated);
    let current = StoredValue::new(current);

    let services = LocalResource::new(move || async move {
        match organisation {
            Some(org) => organisations::services(org).await.unwrap_or_default(),
            None => Vec::new(),
        }
    });
    // The tutor is a contact of the new service when the amendment moves
    // the internship, else of the current one.
    let tutor_service = Memo::new(move |_| {
        editors
            .get()
            .iter()
            .find_map(|e| match e {
                Editor::HostService { service } => service.get().parse::<i64>().ok(),
                _ => None,
            })
            .or(current_service)
    });
    let contacts = LocalResource::new(move || {
        let service = tutor_service.get();
        async move {
            match service {
                Some(s) => organisations::contacts(s).await.unwrap_or_default(),
                None => Vec::new(),
            }
        }
    });
    let records = Memo::new(move |_| Records {
        services: services.get().unwrap_or_default(),
        contacts: contacts.get().unwrap_or_default(),
    });
    let built = Memo::new(move |_| build(&editors.get(), &records.get()));
    let rates = checks::use_rates();
    let live = Memo::new(move |_| {
        let (_, changes, parsed) = built.get();
        let proposed = Amendment {
            title: title.get().trim().to_owned(),
            reason: reason.get().trim().to_owned(),
            changes,
            validated_on: None,
        };
        let found = checks::amendment(
            &original.get_value(),
            &validated.get_value(),
            &proposed,
            &rates.get(),
        )
        .iter()
        .map(FieldMessage::from_violation)
        .collect();
        beside_parsed(parsed, found)
    });
    let messages = Signal::derive(move || {
        let shown = live
            .get()
            .into_iter()
            .filter(|m| submitted.get() || !(m.is_missing() || m.rule == amendment::FORM_RULE))
            .collect();
        merge(shown, server.get())
    });
    let add = move |_| {
        if let Some(editor) = Editor::new(&new_kind.get_untracked(), &current.get_value()) {
            editors.update(|list| list.push(editor));
            new_kind.set(String::new());
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server.set(Vec::new());
        error.set(None);
        if has_errors(&live.get_untracked()) {
            focus_first_error();
            return;
        }
        let input = AmendmentInput {
            title: title.get_untracked().trim().to_owned(),
            reason: reason.get_untracked().trim().to_owned(),
            changes: built.get_untracked().0,
        };
        pending.set(true);
        spawn_local(async move {
            match amendments::create(id, version, &input).await {
                Ok(_) => go.to(format!("/conventions/{id}#amendments")),
                Err(e) => {
                    server.set(
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
    let abroad = !current.get_value().effective.is_in_france();
    let kind_options = Signal::derive(move || {
        KINDS
            .iter()
            .filter(|k| abroad || **k != ABROAD_ONLY)
            .map(|k| {
                (
                    (*k).to_owned(),
                    i18n.t(&format!("change-{}", k.replace('_', "-"))),
                )
            })
            .collect::<Vec<_>>()
    });
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());
    let number = current.get_value().number.unwrap_or_default();

    view! {
        <h1>{move || i18n.t_with("amendment-new-title", &[("number", number.clone())])}</h1>
        <p>{move || i18n.t("amendment-new-intro")}</p>
        <form class="step-form" on:submit=submit novalidate>
            <ErrorSummary messages=messages />
            <TextInput path="amendment.title" label="amendment-title" value=title messages=messages required=true />
            <TextArea path="amendment.reason" label="amendment-reason" value=reason messages=messages required=true />
            <section aria-labelledby="changes-title">
                <h2 id="changes-title">{move || i18n.t("amendment-changes")}</h2>
                {move || {
                    editors
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(index, editor)| view! {
                            <ChangeFields
                                index=index
                                editor=editor
                                messages=messages
                                services=Signal::derive(move || records.get().services)
                                contacts=Signal::derive(move || records.get().contacts)
                                on_remove=move || editors.update(|list| { list.remove(index); })
                            />
                        })
                        .collect_view()
                }}
                <div class="add-change">
                    <Select path="amendment.new_change" label="amendment-add-kind" value=new_kind options=kind_options messages=no_messages />
                    <button type="button" class="button secondary" id="amendment-add-change" on:click=add>
                        {move || i18n.t("amendment-add-change")}
                    </button>
                </div>
            </section>
            <ActionError error=error />
            <div class="actions">
                <button type="submit" class="button" id="amendment-submit" disabled=move || pending.get()>
                    {move || i18n.t("amendment-submit")}
                </button>
                <a class="button secondary" href=format!("/conventions/{id}")>{move || i18n.t("form-cancel")}</a>
            </div>
        </form>
    }
}

/// The fields of one change.
#[component]
fn ChangeFields(
    index: usize,
    editor: Editor,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    #[prop(into)] services: Signal<Vec<HostServiceRow>>,
    #[prop(into)] contacts: Signal<Vec<ContactRow>>,
    #[prop(into)] on_remove: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let path = format!("amendment.changes[{index}]");
    let at = move |field: &str| format!("{path}.{field}");
    let fields = match editor {
        Editor::Dates { start, end } => view! {
            <div class="field-row">
                <TextInput path=at("start") label="change-new-start" value=start messages=messages required=true kind="date" />
                <TextInput path=at("end") label="change-new-end" value=end messages=messages required=true kind="date" />
            </div>
        }
            .into_any(),
        Editor::Termination {
            date,
            comment,
            initiated_by,
        } => {
            let options = Signal::derive(move || {
                TerminationInitiator::ALL
                    .into_iter()
                    .map(|who| (who.as_str().to_owned(), i18n.t(initiator_key(who))))
                    .collect::<Vec<_>>()
            });
            view! {
                <TextInput path=at("date") label="change-termination-date" value=date messages=messages required=true kind="date" />
                <Select path=at("initiated_by") label="change-termination-initiator" value=initiated_by options=options messages=messages required=true />
                <TextArea path=at("comment") label="change-termination-comment" value=comment messages=messages required=true />
            }
            .into_any()
        }
        Editor::Interruptions { periods } => view! {
            <PeriodList root=at("periods") legend="change-interruptions" rows=periods messages=messages with_hours=false />
        }
            .into_any(),
        Editor::HostService { service } => {
            let options = Signal::derive(move || {
                services.get().into_iter().map(|s| (s.id.to_string(), s.name)).collect::<Vec<_>>()
            });
            view! { <Select path=at("host_service_id") label="change-host-service" value=service options=options messages=messages required=true /> }
                .into_any()
        }
        Editor::Tutor { contact } => {
            let options = Signal::derive(move || {
                contacts.get().into_iter().map(|c| (c.id.to_string(), c.full_name())).collect::<Vec<_>>()
            });
            view! { <Select path=at("contact_id") label="change-tutor" value=contact options=options messages=messages required=true /> }
                .into_any()
        }
        Editor::Supervisor { person } => {
            let chosen = move || person.get().map(|p| format!("{} {}", p.first_name, p.last_name));
            view! {
                <p class="chosen-line" id=dom_id(&at("uid")) tabindex="-1">
                    {move || chosen().unwrap_or_else(|| i18n.t("change-supervisor-none"))}
                </p>
                <SupervisorSearch on_select=move |p: Person| person.set(Some(p)) select_label="form-select" />
            }
                .into_any()
        }
        Editor::Subject { subject } => view! {
            <TextArea path=at("subject") label="change-subject" value=subject messages=messages required=true />
        }
            .into_any(),
        Editor::Stipend { paid, amount, currency, unit, basis, payment } => view! {
            <YesNo path=at("paid") label="internship-stipend-paid" value=paid messages=messages required=true />
            <Show when=move || paid.get() == Some(true)>
                <div class="field-row">
                    <TextInput path=at("amount") label="internship-stipend-amount" value=amount messages=messages required=true inputmode="decimal" />
                    <TableSelect kind="currency" path=at("currency") label="internship-stipend-currency" value=currency messages=messages />
                    <TableSelect kind="stipend_unit" path=at("unit") label="internship-stipend-unit" value=unit messages=messages required=true />
                </div>
                <div class="field-row">
                    <TableSelect kind="stipend_basis" path=at("basis") label="internship-stipend-basis" value=basis messages=messages required=true />
                    <TableSelect kind="payment_mode" path=at("payment_mode") label="internship-stipend-payment" value=payment messages=messages required=true />
                </div>
            </Show>
        }
            .into_any(),
        Editor::AccidentCover { host } => view! {
            <YesNo path=at("host_insures") label="internship-host-cover" value=host messages=messages required=true help="internship-host-cover-help" />
        }
            .into_any(),
        Editor::Other { description } => view! {
            <TextArea path=at("description") label="change-other" value=description messages=messages required=true />
        }
            .into_any(),
    };
    let heading = editor.label_key();
    view! {
        <fieldset class="change">
            <legend>{move || format!("{} {} — {}", i18n.t("amendment-change"), index + 1, i18n.t(heading))}</legend>
            {fields}
            <FieldMessages path=format!("amendment.changes[{index}]") messages=messages />
            <button type="button" class="button small secondary" on:click=move |_| on_remove.run(())>
                {move || i18n.t("amendment-remove-change")}
            </button>
        </fieldset>
    }
}

/// Who asked for an early termination, in words (DUR-03).
pub fn initiator_key(who: TerminationInitiator) -> &'static str {
    match who {
        TerminationInitiator::Intern => "termination-by-intern",
        TerminationInitiator::Host => "termination-by-host",
        TerminationInitiator::School => "termination-by-school",
    }
}
