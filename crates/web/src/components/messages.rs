//! Messages attached to form fields: the browser's own checks (the domain's
//! violations, worded from their key so a language switch re-words them) and
//! the server's (already worded), merged without repeating a rule.

use crate::api::ProblemViolation;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use stages_domain::Violation;
use stages_domain::ids::IdError;
use stages_domain::violation::ArgValue;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Wording {
    /// A domain message key and its arguments.
    Key(String, BTreeMap<String, ArgValue>),
    /// A sentence the server wrote, or one of the SPA's own.
    Text(String),
}

/// A message on one field, by its JSON path (`internship.end`).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldMessage {
    pub field: String,
    pub rule: String,
    pub error: bool,
    pub wording: Wording,
}

impl FieldMessage {
    pub fn from_violation(v: &Violation) -> Self {
        Self {
            field: v.field.clone(),
            rule: v.rule.clone(),
            error: v.is_error(),
            wording: Wording::Key(v.message_key.clone(), v.args.clone()),
        }
    }

    /// A server violation; `root` prefixes a path the server gave relative
    /// to the request body (`personal_email` in step 1 is
    /// `student.personal_email` of the convention).
    pub fn from_problem(v: &ProblemViolation, root: &str) -> Self {
        let field = if root.is_empty() || v.field.starts_with(root) {
            v.field.clone()
        } else if v.field.is_empty() {
            root.to_owned()
        } else {
            format!("{root}.{}", v.field)
        };
        Self {
            field,
            rule: v.rule.clone(),
            error: v.is_error(),
            wording: Wording::Text(v.message.clone()),
        }
    }

    /// An identifier that does not parse, as the server would report it.
    pub fn from_id_error(field: &str, error: &IdError) -> Self {
        Self::from_violation(&error.to_violation(field))
    }

    /// A message of the SPA's own wording (e.g. a number that is not one).
    pub fn local(field: &str, key: &'static str) -> Self {
        Self {
            field: field.to_owned(),
            rule: "FORM".to_owned(),
            error: true,
            wording: Wording::Key(key.to_owned(), BTreeMap::new()),
        }
    }

    /// A required field left empty: told once the user tries to save, not
    /// while the form is being filled.
    pub fn is_missing(&self) -> bool {
        matches!(&self.wording, Wording::Key(key, _) if key == stages_domain::MessageKey::FieldRequired.as_str())
    }

    pub fn text(&self, i18n: &I18n) -> String {
        match &self.wording {
            Wording::Key(key, args) => i18n.message(key, args),
            Wording::Text(text) => text.clone(),
        }
    }
}

/// Both lists, the second's messages dropped when the first already has
/// that rule on that field (the browser and the server found the same).
pub fn merge(first: Vec<FieldMessage>, second: Vec<FieldMessage>) -> Vec<FieldMessage> {
    let mut all = first;
    for message in second {
        if !all
            .iter()
            .any(|m| m.field == message.field && m.rule == message.rule)
        {
            all.push(message);
        }
    }
    all
}

/// The messages found by the domain, except on fields whose text did not
/// even parse (the parse error says more than "required").
pub fn beside_parsed(parsed: Vec<FieldMessage>, found: Vec<FieldMessage>) -> Vec<FieldMessage> {
    let mut all = parsed;
    let unparsed: Vec<String> = all.iter().map(|m| m.field.clone()).collect();
    all.extend(found.into_iter().filter(|m| !unparsed.contains(&m.field)));
    all
}

/// Parses the text of an identifier field: `None` when empty; a parse
/// error becomes the field's message.
pub fn parse_field<T>(
    messages: &mut Vec<FieldMessage>,
    path: &str,
    text: &str,
    parse: impl Fn(&str) -> Result<T, IdError>,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    parse(text)
        .map_err(|e| messages.push(FieldMessage::from_id_error(path, &e)))
        .ok()
}

pub fn has_errors(messages: &[FieldMessage]) -> bool {
    messages.iter().any(|m| m.error)
}

/// The element id of a field path: `internship.interruptions[0].end` →
/// `internship-interruptions-0-end`.
pub fn dom_id(path: &str) -> String {
    path.chars()
        .filter(|c| *c != ']')
        .map(|c| if c == '.' || c == '[' { '-' } else { c })
        .collect()
}

/// Moves the focus to the first field marked invalid, once the page shows
/// the messages (after a failed submit).
pub fn focus_first_error() {
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        // The summary only when no field shows its error (a rule on a
        // field this form does not show).
        let target = ["[aria-invalid='true']", ".error-summary"]
            .into_iter()
            .find_map(|selector| document.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = target {
            let _ = element.focus();
        }
    });
}

/// The messages of one field, below it.
#[component]
pub fn FieldMessages(
    #[prop(into)] path: String,
    #[prop(into)] messages: Signal<Vec<FieldMessage>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}-messages", dom_id(&path));
    let mine = move || {
        messages
            .get()
            .into_iter()
            .filter(|m| m.field == path)
            .collect::<Vec<_>>()
    };
    view! {
        <div id=id class="field-messages" aria-live="polite">
            {move || {
                mine()
                    .into_iter()
                    .map(|m| {
                        let class = if m.error { "field-error" } else { "field-warning" };
                        view! { <p class=class>{m.text(&i18n)}</p> }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// The errors of a form above it once it was submitted; each entry takes
/// the focus to its field.
#[component]
pub fn ErrorSummary(#[prop(into)] messages: Signal<Vec<FieldMessage>>) -> impl IntoView {
    let i18n = use_i18n();
    let errors = move || {
        messages
            .get()
            .into_iter()
            .filter(|m| m.error)
            .collect::<Vec<_>>()
    };
    view! {
        <Show when=move || !errors().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1">
                <p class="summary-title">{move || i18n.t("form-errors-title")}</p>
                <ul>
                    {move || {
                        errors()
                            .into_iter()
                            .map(|m| {
                                let target = dom_id(&m.field);
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="link-button"
                                            on:click=move |_| focus_element(&target)
                                        >
                                            {m.text(&i18n)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// Focuses the element with this id, if the page shows it.
pub fn focus_element(id: &str) {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
