//! `/signer/:token`: a party signs the agreement by the link of their mail,
//! without an account (the link is the credential): they read the agreement
//! sent (its SHA-256 shown), ask for a one-time code mailed to them, and
//! sign with it. An expired, withdrawn or spent link is said so.

use crate::api::ApiError;
use crate::api::signatures::{self, SigningInput, SigningState, SigningView};
use crate::components::download::{Document, DownloadButton};
use crate::components::loading::{ActionError, Failure, Pending};
use crate::i18n::use_i18n;
use crate::pages::conventions::signatures::party_key;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use stages_domain::permissions::Decision;

#[component]
pub fn SigningPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let token = Memo::new(move |_| params.read().get("token").unwrap_or_default());
    let request = LocalResource::new(move || {
        let token = token.get();
        async move { signatures::open(&token).await }
    });
    view! {
        <main class="standalone signing">
            <div class="standalone-head">
                <p class="standalone-brand">{move || i18n.t("app-name")}</p>
                <button class="lang-switch" on:click=move |_| i18n.toggle()>
                    {move || i18n.t("menu-language")}
                </button>
            </div>
            <h1>{move || i18n.t("signing-title")}</h1>
            <Suspense fallback=|| view! { <Pending /> }>
                {move || request.get().map(|result| match result {
                    Ok(v) => {
                        let current = RwSignal::new(v);
                        view! { <SigningForm current=current token=token.get_untracked() /> }.into_any()
                    }
                    Err(ApiError::Problem(p)) if p.status == 401 => view! {
                        <div class="warning-panel" role="alert" id="signing-link-refused">
                            <p class="summary-title">{move || i18n.t("signing-link-refused")}</p>
                            <p>{move || i18n.t("signing-link-refused-help")}</p>
                        </div>
                    }
                    .into_any(),
                    Err(e) => view! { <Failure error=e retry=move || request.refetch() /> }.into_any(),
                })}
            </Suspense>
        </main>
    }
}

#[component]
fn SigningForm(current: RwSignal<SigningView>, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let ask_token = token.clone();
    let ask = move |_| {
        let token = ask_token.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match signatures::ask_code(&token).await {
                Ok(view) => current.set(view),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let sign_token = token.clone();
    let sign = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let token = sign_token.clone();
        let input = SigningInput {
            code: code.get_untracked().trim().to_owned(),
            document_sha256: current.get_untracked().document_sha256,
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match signatures::sign(&token, &input).await {
                Ok(view) => current.set(view),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let v = current.get_untracked();
    // An amendment is read and signed as such.
    let (read, consent, submit) = if v.amendment.is_some() {
        (
            "signing-read-amendment",
            "signing-consent-amendment",
            "signing-submit-amendment",
        )
    } else {
        ("signing-read", "signing-consent", "signing-submit")
    };
    view! {
        <dl class="pairs" id="signing-summary">
            <dt>{move || i18n.t("signing-agreement")}</dt>
            <dd>{v.number.clone()}</dd>
            {v.amendment.clone().map(|a| view! {
                <dt>{move || i18n.t("signing-amendment")}</dt>
                <dd id="signing-amendment">{i18n.t_with("signing-amendment-name", &[("position", a.position.to_string()), ("title", a.title.clone())])}</dd>
            })}
            <dt>{move || i18n.t("evaluation-intern")}</dt>
            <dd>{v.student.clone()}</dd>
            <dt>{move || i18n.t("offer-host")}</dt>
            <dd>{v.host.clone()}</dd>
            <dt>{move || i18n.t("signing-as")}</dt>
            <dd>{format!("{} ({})", v.signer_name, i18n.t(party_key(v.party)))}</dd>
        </dl>
        <p class="muted" id="signing-hash">{i18n.t_with("signature-hash", &[("sha", v.document_sha256.clone())])}</p>
        <DownloadButton document=Document::ToSign(token.clone()) label=read decision=Decision::Allowed id="signing-read" />
        {move || {
            let v = current.get();
            match v.state {
                SigningState::Signed => view! {
                    <div class="success-panel" role="status" id="signing-done">
                        <p>{i18n.t("signing-done")}</p>
                    </div>
                }
                .into_any(),
                SigningState::Closed => view! {
                    <div class="warning-panel" role="status" id="signing-closed">
                        <p>{i18n.t("signing-closed")}</p>
                    </div>
                }
                .into_any(),
                SigningState::NotYourTurn => view! {
                    <div class="warning-panel" role="status" id="signing-not-your-turn">
                        <p>{i18n.t("signing-not-your-turn")}</p>
                    </div>
                }
                .into_any(),
                SigningState::Awaiting => view! {
                    <section aria-labelledby="signing-confirm-title">
                        <h2 id="signing-confirm-title">{i18n.t("signing-confirm-title")}</h2>
                        <p>{i18n.t_with("signing-code-help", &[("email", v.email.clone())])}</p>
                        <button type="button" class="button secondary" id="signing-ask-code"
                            disabled=move || pending.get() on:click=ask.clone()>
                            {i18n.t("signing-ask-code")}
                        </button>
                        {v.code_sent.then(|| view! {
                            <p role="status" id="signing-code-sent">{i18n.t_with("signing-code-sent", &[("email", v.email.clone())])}</p>
                        })}
                        <form class="record-form" on:submit=sign.clone() novalidate>
                            <div class="field">
                                <label for="signing-code">{i18n.t("signing-code")}</label>
                                <input type="text" id="signing-code" inputmode="numeric" autocomplete="one-time-code" maxlength="6"
                                    on:input=move |ev| code.set(event_target_value(&ev)) />
                            </div>
                            <p>{i18n.t(consent)}</p>
                            <button type="submit" class="button" id="signing-submit" disabled=move || pending.get()>
                                {i18n.t(submit)}
                            </button>
                        </form>
                    </section>
                }
                .into_any(),
            }
        }}
        <ActionError error=error />
    }
}
