//! Choices from the reference tables (nomenclatures): the lists and their
//! labels come from the server, in the reader's language, so that a table
//! an administrator renames reads the same everywhere.

use super::fields::Select;
use super::messages::FieldMessage;
use crate::api::nomenclatures::{self, NomenclatureValue};
use crate::i18n::use_i18n;
use leptos::prelude::*;
use serde::Serialize;

/// The active values of a table, loading once per page load.
fn table(kind: &'static str) -> LocalResource<Vec<NomenclatureValue>> {
    LocalResource::new(
        move || async move { nomenclatures::options(kind).await.unwrap_or_default() },
    )
}

/// A select fed by a reference table; its value is the chosen code.
#[component]
pub fn TableSelect(
    kind: &'static str,
    #[prop(into)] path: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] help: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let values = table(kind);
    let options = Signal::derive(move || {
        let english = i18n.is_english();
        values
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|v| (v.code.clone(), v.label_in(english).to_owned()))
            .collect::<Vec<_>>()
    });
    view! {
        <Select
            path=path
            label=label
            value=value
            options=options
            messages=messages
            required=required
            help=help
        />
    }
}

/// The label of a code of a table (the code itself until the table loads).
#[component]
pub fn CodeLabel(kind: &'static str, #[prop(into)] code: String) -> impl IntoView {
    let i18n = use_i18n();
    let values = table(kind);
    move || {
        let english = i18n.is_english();
        values
            .get()
            .unwrap_or_default()
            .iter()
            .find(|v| v.code == code)
            .map(|v| v.label_in(english).to_owned())
            .unwrap_or_else(|| code.clone())
    }
}

/// The code of a domain value as JSON names it (`initial_mandatory`), which
/// is its code in the system tables.
pub fn code_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        _ => String::new(),
    }
}

/// The domain value a code names, if any.
pub fn from_code<T: serde::de::DeserializeOwned>(code: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
}
