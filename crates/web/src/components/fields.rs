//! Form controls with their label, optional help (the regulatory
//! information of P-Stage's tooltips) and the messages of their field.
//!
//! Each control is named by the JSON path of its field, which is also where
//! the domain and the server put their violations; its element id derives
//! from the path, so a message, its field and the focus after a failed
//! submit all meet.

use super::messages::{FieldMessage, FieldMessages, dom_id};
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// What a control shares: ids, the invalid state, and its description.
#[derive(Clone)]
struct Wiring {
    id: String,
    path: String,
    messages: Signal<Vec<FieldMessage>>,
    help: Option<&'static str>,
}

impl Wiring {
    /// `help` is the message key of the field's help; empty for none.
    fn new(path: String, messages: Signal<Vec<FieldMessage>>, help: &'static str) -> Self {
        Self {
            id: dom_id(&path),
            path,
            messages,
            help: some(help),
        }
    }

    fn invalid(&self) -> Signal<Option<&'static str>> {
        let (messages, path) = (self.messages, self.path.clone());
        Signal::derive(move || {
            messages
                .get()
                .iter()
                .any(|m| m.error && m.field == path)
                .then_some("true")
        })
    }

    fn described_by(&self) -> String {
        let mut ids = vec![format!("{}-messages", self.id)];
        if self.help.is_some() {
            ids.push(format!("{}-help", self.id));
        }
        ids.join(" ")
    }
}

/// An optional attribute given as a possibly empty string.
fn some(value: &'static str) -> Option<&'static str> {
    (!value.is_empty()).then_some(value)
}

/// The label of a control, with the mark of a required field.
#[component]
fn Label(id: String, label: &'static str, required: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label for=id>
            {move || i18n.t(label)}
            {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
        </label>
    }
}

/// The regulatory information of a field, behind a button.
#[component]
pub fn Help(id: String, label: &'static str, text: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let help_id = format!("{id}-help");
    view! {
        <button
            type="button"
            class="help-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls=help_id.clone()
            aria-label=move || i18n.t_with("help-about", &[("field", i18n.t(label))])
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "?"
        </button>
        <p id=help_id class="help-text" hidden=move || !open.get()>
            {move || i18n.t(text)}
        </p>
    }
}

fn help_view(w: &Wiring, label: &'static str) -> Option<impl IntoView + use<>> {
    w.help
        .map(|text| view! { <Help id=w.id.clone() label=label text=text /> })
}

/// A one-line text input (also dates, e-mails, phones, numbers).
#[component]
pub fn TextInput(
    #[prop(into)] path: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] help: &'static str,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] inputmode: &'static str,
) -> impl IntoView {
    let w = Wiring::new(path, messages, help);
    view! {
        <div class="field">
            <div class="label-line">
                <Label id=w.id.clone() label=label required=required />
                {help_view(&w, label)}
            </div>
            <input
                id=w.id.clone()
                name=w.path.clone()
                type=some(kind).unwrap_or("text")
                autocomplete=some(autocomplete)
                inputmode=some(inputmode)
                aria-required=required.then_some("true")
                aria-invalid=w.invalid()
                aria-describedby=w.described_by()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            <FieldMessages path=w.path.clone() messages=messages />
        </div>
    }
}

/// A multi-line text.
#[component]
pub fn TextArea(
    #[prop(into)] path: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] help: &'static str,
) -> impl IntoView {
    let w = Wiring::new(path, messages, help);
    view! {
        <div class="field">
            <div class="label-line">
                <Label id=w.id.clone() label=label required=required />
                {help_view(&w, label)}
            </div>
            <textarea
                id=w.id.clone()
                name=w.path.clone()
                rows="4"
                aria-required=required.then_some("true")
                aria-invalid=w.invalid()
                aria-describedby=w.described_by()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            <FieldMessages path=w.path.clone() messages=messages />
        </div>
    }
}

/// A choice in a list of (value, label) options; the empty value is "not
/// chosen".
#[component]
pub fn Select(
    #[prop(into)] path: String,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] help: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let w = Wiring::new(path, messages, help);
    view! {
        <div class="field">
            <div class="label-line">
                <Label id=w.id.clone() label=label required=required />
                {help_view(&w, label)}
            </div>
            <select
                id=w.id.clone()
                name=w.path.clone()
                aria-required=required.then_some("true")
                aria-invalid=w.invalid()
                aria-describedby=w.described_by()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="" prop:selected=move || value.get().is_empty()>
                    {move || i18n.t("form-choose")}
                </option>
                {move || {
                    options
                        .get()
                        .into_iter()
                        .map(|(code, text)| {
                            let selected_code = code.clone();
                            view! {
                                <option value=code prop:selected=move || value.get() == selected_code>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <FieldMessages path=w.path.clone() messages=messages />
        </div>
    }
}

/// A yes/no question as two radio buttons; `None` until answered.
#[component]
pub fn YesNo(
    #[prop(into)] path: String,
    label: &'static str,
    value: RwSignal<Option<bool>>,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
    #[prop(optional)] required: bool,
    #[prop(optional)] help: &'static str,
    #[prop(optional)] yes: &'static str,
    #[prop(optional)] no: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let w = Wiring::new(path, messages, help);
    let invalid = w.invalid();
    let (yes_id, no_id) = (w.id.clone(), format!("{}-no", w.id));
    let name = w.path.clone();
    view! {
        <fieldset class="field yes-no" aria-describedby=w.described_by()>
            <legend>
                {move || i18n.t(label)}
                {required.then(|| view! { <span class="required" aria-hidden="true">" *"</span> })}
            </legend>
            {help_view(&w, label)}
            <span class="choice">
                <input
                    type="radio"
                    id=yes_id.clone()
                    name=name.clone()
                    aria-invalid=invalid
                    prop:checked=move || value.get() == Some(true)
                    on:change=move |_| value.set(Some(true))
                />
                <label for=yes_id>{move || i18n.t(some(yes).unwrap_or("form-yes"))}</label>
            </span>
            <span class="choice">
                <input
                    type="radio"
                    id=no_id.clone()
                    name=name
                    prop:checked=move || value.get() == Some(false)
                    on:change=move |_| value.set(Some(false))
                />
                <label for=no_id>{move || i18n.t(some(no).unwrap_or("form-no"))}</label>
            </span>
            <FieldMessages path=w.path.clone() messages=messages />
        </fieldset>
    }
}

/// A checkbox with its label after it.
#[component]
pub fn Checkbox(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=id.clone()
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))
            />
            <label for=id>{move || i18n.t(label)}</label>
        </div>
    }
}
