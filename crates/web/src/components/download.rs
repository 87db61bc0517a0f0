//! Downloading the documents the server prints. The API needs the access
//! token, which a plain link cannot send: the file is fetched, then handed
//! to the browser as a download.

use super::decision::DeniedReason;
use super::loading::ActionError;
use crate::api::client::File;
use crate::api::statistics::{self, Scope};
use crate::api::{ApiError, amendments, conventions, evaluations, signatures};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::EvaluationKind;
use stages_domain::permissions::Decision;
use wasm_bindgen::JsCast;

/// A document the server prints or exports.
#[derive(Debug, Clone, PartialEq)]
pub enum Document {
    Agreement(i64),
    Amendment(i64),
    Certificate(i64),
    /// One questionnaire of a convention.
    Evaluation(i64, EvaluationKind),
    /// A centre's submitted answers of one questionnaire for a year, in
    /// `format` (`csv` or `xlsx`).
    EvaluationExport {
        centre: i64,
        academic_year: String,
        kind: EvaluationKind,
        format: &'static str,
    },
    /// The indicators of a scope, in `format` (`csv` or `xlsx`).
    Statistics(Scope, &'static str),
    /// The agreement (or amendment) as sent for signature.
    SentForSignature(signatures::CircuitOf),
    /// The sealed signed agreement (or amendment).
    SignedAgreement(signatures::CircuitOf),
    /// The scan of a paper signature (circuit, signature).
    SignatureScan(signatures::CircuitOf, i64),
    /// The agreement a signing link shows.
    ToSign(String),
}

impl Document {
    async fn fetch(self) -> Result<File, ApiError> {
        match self {
            Self::Agreement(id) => conventions::agreement_pdf(id).await,
            Self::Amendment(id) => amendments::pdf(id).await,
            Self::Certificate(id) => conventions::certificate_pdf(id).await,
            Self::Evaluation(id, kind) => evaluations::pdf(id, kind).await,
            Self::EvaluationExport {
                centre,
                academic_year,
                kind,
                format,
            } => evaluations::export(centre, &academic_year, kind, format).await,
            Self::Statistics(scope, format) => statistics::export(&scope, format).await,
            Self::SentForSignature(of) => signatures::sent_document(of).await,
            Self::SignedAgreement(of) => signatures::signed_agreement(of).await,
            Self::SignatureScan(of, signature) => signatures::scan(of, signature).await,
            Self::ToSign(token) => signatures::document(&token).await,
        }
    }
}

/// Hands the bytes to the browser as a download under the file's name.
fn save(file: &File) -> Result<(), ApiError> {
    let failed = |e: wasm_bindgen::JsValue| ApiError::Network(format!("{e:?}"));
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(file.bytes.as_slice()));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&file.content_type);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| ApiError::Network("no document".into()))?;
    let link = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| ApiError::Network("no anchor".into()))?;
    link.set_href(&url);
    link.set_download(&file.name);
    link.click();
    web_sys::Url::revoke_object_url(&url).map_err(failed)
}

/// A button that downloads `document` when `decision` allows it, and shows
/// the reason when it does not. After a download it names the file saved.
#[component]
pub fn DownloadButton(
    document: Document,
    label: &'static str,
    decision: Decision,
    #[prop(into)] id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(None::<(String, usize)>);
    let allowed = decision.is_allowed();
    let reason_id = format!("{id}-reason");
    let download = move |_| {
        pending.set(true);
        error.set(None);
        let document = document.clone();
        spawn_local(async move {
            match document.fetch().await.and_then(|file| {
                save(&file)?;
                Ok((file.name, file.bytes.len()))
            }) {
                Ok(done) => saved.set(Some(done)),
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    view! {
        <div class="download">
            <button
                type="button"
                class="button secondary"
                id=id
                disabled=move || !allowed || pending.get()
                aria-describedby=(!allowed).then(|| reason_id.clone())
                on:click=download
            >
                {move || i18n.t(label)}
            </button>
            <DeniedReason decision=decision id=reason_id.clone() />
            <ActionError error=error />
            <p class="download-done" role="status">
                {move || {
                    saved
                        .get()
                        .map(|(name, size)| {
                            i18n.t_with(
                                "download-done",
                                &[("name", name), ("size", (size / 1024).max(1).to_string())],
                            )
                        })
                }}
            </p>
        </div>
    }
}
