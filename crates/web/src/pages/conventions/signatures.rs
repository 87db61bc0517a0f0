//! The signature circuits on the convention's page (issue 17), the
//! agreement's and each validated amendment's: who signs,
//! who signed (when, how), who is asked now; staff send the agreement for
//! signature and record a paper signature with its scan; everyone who sees
//! the convention downloads the agreement sent, the scans and, once every
//! party signed, the sealed signed agreement.

use crate::api::ApiError;
use crate::api::conventions::ConventionView;
use crate::api::signatures::{self, CircuitOf, CircuitView, PartyView, party_code};
use crate::components::confirm::ConfirmButton;
use crate::components::decision::DeniedReason;
use crate::components::download::{Document, DownloadButton};
use crate::components::loading::ActionError;
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::permissions::Decision;
use stages_domain::signature::{CircuitStatus, Method, Party};
use wasm_bindgen::JsCast;

pub fn party_key(party: Party) -> &'static str {
    match party {
        Party::Student => "signature-party-student",
        Party::LegalRepresentative => "signature-party-legal-representative",
        Party::HostSignatory => "signature-party-host-signatory",
        Party::Tutor => "signature-party-tutor",
        Party::Supervisor => "signature-party-supervisor",
        Party::School => "signature-party-school",
    }
}

fn status_key(status: CircuitStatus) -> &'static str {
    match status {
        CircuitStatus::NotSent => "signature-status-not-sent",
        CircuitStatus::OutForSignature => "signature-status-out",
        CircuitStatus::Signed => "signature-status-signed",
    }
}

/// The party last sent a new link, in which circuit: the panel is rebuilt
/// with the convention, the confirmation stays.
type Renewed = RwSignal<Option<(CircuitOf, Party)>>;

/// The agreement's circuit, then each validated amendment's.
#[component]
pub fn SignaturePanel(current: RwSignal<ConventionView>) -> impl IntoView {
    let renewed: Renewed = RwSignal::new(None);
    move || {
        let v = current.get();
        let agreement = v.signature.clone().map(|circuit| {
            view! { <CircuitSection current=current circuit=circuit renewed=renewed /> }
        });
        let amendments = v
            .amendment_signatures
            .iter()
            .cloned()
            .map(|circuit| view! { <CircuitSection current=current circuit=circuit renewed=renewed /> })
            .collect_view();
        view! { {agreement} {amendments} }
    }
}

/// One circuit: its state, its parties, and what staff may do. The
/// agreement's elements have ids `signature-…`; an amendment's
/// `amendment-signature-N-…` (N its number).
#[component]
fn CircuitSection(
    current: RwSignal<ConventionView>,
    circuit: CircuitView,
    renewed: Renewed,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let of = CircuitOf {
        convention: current.get_untracked().id,
        amendment: circuit.amendment.as_ref().map(|a| a.id),
    };
    let prefix = match &circuit.amendment {
        None => "signature".to_owned(),
        Some(a) => format!("amendment-signature-{}", a.position),
    };
    let title = match &circuit.amendment {
        None => i18n.t("signature-title"),
        Some(a) => i18n.t_with(
            "signature-amendment-title",
            &[
                ("position", a.position.to_string()),
                ("title", a.title.clone()),
            ],
        ),
    };
    let send = move |_| {
        let version = current.get_untracked().version;
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match signatures::send(of, version).await {
                Ok(view) => current.set(view),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let lang = i18n.lang.get_untracked();
    let manage = circuit.manage.is_allowed();
    let sent = circuit
        .sent_on
        .map(|d| i18n.t_with("signature-sent-on", &[("date", format::date(lang, d))]));
    let rows = circuit
        .parties
        .iter()
        .cloned()
        .map(|p| view! { <PartyRow of=of prefix=prefix.clone() party=p manage=manage circuit=circuit.clone() current=current renewed=renewed /> })
        .collect_view();
    let id = |suffix: &str| format!("{prefix}-{suffix}");
    view! {
        <section class="signature" id=prefix.clone() aria-labelledby=id("title")>
            <h2 id=id("title")>{title}</h2>
            <p>
                <span class="badge" id=id("status")>{i18n.t(status_key(circuit.status))}</span>
                " "
                {sent}
            </p>
            {circuit.document_sha256.clone().map(|sha| view! {
                <p class="muted" id=id("hash")>{i18n.t_with("signature-hash", &[("sha", sha)])}</p>
            })}
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby=id("title")>
                <table class="records" id=id("parties")>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("signature-col-party")}</th>
                            <th scope="col">{i18n.t("signature-col-name")}</th>
                            <th scope="col">{i18n.t("signature-col-state")}</th>
                            <th scope="col">{i18n.t("signature-col-action")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <div class="actions-bar">
                {(circuit.status == CircuitStatus::NotSent).then(|| view! {
                    <div class="action">
                        <button type="button" class="button" id=id("send")
                            disabled=move || !manage || pending.get()
                            aria-describedby=id("send-reason")
                            on:click=send>
                            {i18n.t("signature-send")}
                        </button>
                        <DeniedReason decision=circuit.manage.clone() id=id("send-reason") />
                    </div>
                })}
                {circuit.document_sha256.is_some().then(|| view! {
                    <DownloadButton document=Document::SentForSignature(of) label="signature-download-sent" decision=Decision::Allowed id=id("download-sent") />
                })}
                {circuit.signed_document.then(|| {
                    let label = if of.amendment.is_some() {
                        "signature-download-signed-amendment"
                    } else {
                        "signature-download-signed"
                    };
                    view! {
                        <DownloadButton document=Document::SignedAgreement(of) label=label decision=Decision::Allowed id=id("download-signed") />
                    }
                })}
            </div>
            <ActionError error=error />
        </section>
    }
}

/// One party: who, signed or not, and for staff the paper form.
#[component]
fn PartyRow(
    of: CircuitOf,
    prefix: String,
    party: PartyView,
    manage: bool,
    circuit: CircuitView,
    current: RwSignal<ConventionView>,
    renewed: Renewed,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let code = party_code(party.party);
    let state = match &party.signature {
        Some(s) => {
            let how = match s.method {
                Method::Electronic => "signature-electronic",
                Method::Paper => "signature-paper",
            };
            i18n.t_with(how, &[("date", format::date(lang, s.signed_on))])
        }
        None if party.awaited => i18n.t("signature-awaited"),
        None => i18n.t("signature-waiting"),
    };
    // SIG-17: no link goes to this address until staff vouch for it.
    let unvouched = party.address_vouched == Some(false);
    let action = match &party.signature {
        Some(s) if s.scan => Some(
            view! {
                <DownloadButton document=Document::SignatureScan(of, s.id) label="signature-download-scan" decision=Decision::Allowed id=format!("{prefix}-scan-{code}") />
            }
            .into_any(),
        ),
        Some(_) => None,
        None if manage => Some(
            view! {
                {unvouched.then(|| view! { <VouchAddress of=of prefix=prefix.clone() party=party.party current=current /> })}
                {(party.awaited && !unvouched).then(|| view! { <RenewLink of=of prefix=prefix.clone() party=party.party current=current renewed=renewed /> })}
                <PaperForm of=of prefix=prefix.clone() party=party.party opened_on=circuit.opened_on current=current />
            }
            .into_any(),
        ),
        None => None,
    };
    view! {
        <tr id=format!("{prefix}-row-{code}")>
            <td>{i18n.t(party_key(party.party))}</td>
            <td>
                {party.name.clone()}
                {party.email.clone().map(|email| view! {
                    <br /><span class="muted" id=format!("{prefix}-email-{code}")>{email}</span>
                })}
                {unvouched.then(|| view! {
                    <br /><span class="address-warning" id=format!("{prefix}-unvouched-{code}")>{i18n.t("signature-address-unvouched")}</span>
                })}
            </td>
            <td class="signature-state">{state}</td>
            <td>{action}</td>
        </tr>
    }
}

/// Staff send an awaited party a new signing link, when theirs was lost,
/// expired or locked: the earlier ones stop working.
#[component]
fn RenewLink(
    of: CircuitOf,
    prefix: String,
    party: Party,
    current: RwSignal<ConventionView>,
    renewed: Renewed,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = party_code(party);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let renew = move |_| {
        let version = current.get_untracked().version;
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match signatures::renew_link(of, version, party).await {
                Ok(view) => {
                    renewed.set(Some((of, party)));
                    current.set(view);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="action">
            <button type="button" class="button secondary" id=format!("{prefix}-renew-{code}")
                disabled=move || pending.get()
                on:click=renew>
                {i18n.t("signature-renew-link")}
            </button>
            <Show when=move || renewed.get() == Some((of, party))>
                <p role="status" class="muted">{i18n.t("signature-link-renewed")}</p>
            </Show>
            <ActionError error=error />
        </div>
    }
}

/// Staff vouch for the address of the host's signatory, the tutor or a
/// minor's legal representative, once asked whether they checked it (the
/// effect is for every convention),
/// having checked it is theirs (SIG-17): links go there from now on, and
/// an awaited party is mailed theirs at once.
#[component]
fn VouchAddress(
    of: CircuitOf,
    prefix: String,
    party: Party,
    current: RwSignal<ConventionView>,
) -> impl IntoView {
    let code = party_code(party);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let vouch = move |()| {
        let version = current.get_untracked().version;
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match signatures::vouch_address(of, version, party).await {
                Ok(view) => current.set(view),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="action">
            <ConfirmButton
                id=format!("{prefix}-vouch-{code}")
                label="signature-vouch-address"
                question="signature-vouch-question"
                confirm="signature-vouch-confirm"
                on_confirm=vouch
                disabled=Signal::derive(move || pending.get())
            />
            <ActionError error=error />
        </div>
    }
}

/// Staff record a paper signature: the date written and the signed scan.
#[component]
fn PaperForm(
    of: CircuitOf,
    prefix: String,
    party: Party,
    opened_on: chrono::NaiveDate,
    current: RwSignal<ConventionView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = party_code(party);
    let date = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let file_id = format!("{prefix}-scan-file-{code}");
    let date_id = format!("{prefix}-date-{code}");
    let input_id = file_id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(signed_on) = date.get_untracked().parse::<chrono::NaiveDate>() else {
            error.set(Some(ApiError::Network(i18n.t("signature-date-required"))));
            return;
        };
        let Some(file) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&input_id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            error.set(Some(ApiError::Network(i18n.t("signature-scan-required"))));
            return;
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(e) => {
                    error.set(Some(ApiError::Network(format!("{e:?}"))));
                    pending.set(false);
                    return;
                }
            };
            let version = current.get_untracked().version;
            match signatures::record_paper(of, version, party, signed_on, bytes).await {
                Ok(view) => current.set(view),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <form class="paper-signature" id=format!("{prefix}-paper-{code}") on:submit=submit novalidate>
            <div class="field">
                <label for=date_id.clone()>{i18n.t("signature-date")}</label>
                <input type="date" id=date_id min=opened_on.to_string()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=file_id.clone()>{i18n.t("signature-scan")}</label>
                <input type="file" id=file_id accept="application/pdf" />
            </div>
            <button type="submit" class="button secondary" id=format!("{prefix}-record-{code}") disabled=move || pending.get()>
                {i18n.t("signature-record")}
            </button>
            <ActionError error=error />
        </form>
    }
}
