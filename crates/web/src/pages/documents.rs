//! Documents utiles (seed §3): the notices for entering a convention in
//! French and English, the skills sheet and the user guide, served as
//! files from `/docs/`.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// (file, title key, description key)
const DOCUMENTS: [(&str, &str, &str); 4] = [
    (
        "notice-convention-fr.html",
        "doc-notice-fr",
        "doc-notice-fr-text",
    ),
    (
        "notice-convention-en.html",
        "doc-notice-en",
        "doc-notice-en-text",
    ),
    ("fiche-competences.html", "doc-skills", "doc-skills-text"),
    ("guide-utilisation.html", "doc-guide", "doc-guide-text"),
];

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t("documents-title")}</h1>
        <p>{move || i18n.t("documents-intro")}</p>
        <ul class="documents">
            {DOCUMENTS
                .into_iter()
                .map(|(file, title, text)| {
                    let href = format!("/docs/{file}");
                    view! {
                        <li>
                            // rel=external: a file, not a page of the application.
                            <a href=href.clone() rel="external" target="_blank" class="document-link">
                                {move || i18n.t(title)}
                            </a>
                            <p>{move || i18n.t(text)}</p>
                            <a href=href rel="external" download=file class="small-link">
                                {move || i18n.t("documents-download")}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
