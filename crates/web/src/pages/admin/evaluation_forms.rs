//! A centre's questionnaires (student, supervisor, workplace tutor): ask
//! for them or not, order the sections and their questions, remove the
//! national questions the centre does not want and add its own. The
//! server checks the form (codes unique, choices with options).

use crate::api::ApiError;
use crate::api::evaluations::{self, CentreForm, kind_code};
use crate::components::fields::{Checkbox, Select, TextArea, TextInput};
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::FieldMessage;
use crate::components::reference::from_code;
use crate::i18n::use_i18n;
use crate::pages::evaluations::{KINDS, kind_key};
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::{EvaluationForm, EvaluationKind, Question, QuestionKind, Section};

/// The types of question a centre adds, as the editor names them.
const TYPES: [(&str, &str); 5] = [
    ("yes_no", "form-editor-type-yes-no"),
    ("single_choice", "form-editor-type-single"),
    ("multi_choice", "form-editor-type-multi"),
    ("scale", "form-editor-type-scale"),
    ("text", "form-editor-type-text"),
];

fn type_code(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::YesNo => "yes_no",
        QuestionKind::SingleChoice { .. } => "single_choice",
        QuestionKind::MultiChoice { .. } => "multi_choice",
        QuestionKind::Scale => "scale",
        QuestionKind::Text => "text",
    }
}

/// Moves the item at `from` one place up (`-1`) or down (`1`), if it can.
fn shift<T>(items: &mut [T], from: usize, by: isize) {
    if let Some(to) = from.checked_add_signed(by)
        && to < items.len()
    {
        items.swap(from, to);
    }
}

#[component]
pub fn EvaluationForms(centre: i64) -> impl IntoView {
    let i18n = use_i18n();
    let forms = LocalResource::new(move || evaluations::centre_forms(centre));
    view! {
        <section class="card" aria-labelledby="forms-title">
            <h2 id="forms-title">{move || i18n.t("form-editor-title")}</h2>
            <p>{move || i18n.t("form-editor-intro")}</p>
            {loaded(forms, move |all: Vec<CentreForm>| view! { <FormsEditor centre=centre forms=all /> })}
        </section>
    }
}

#[component]
fn FormsEditor(centre: i64, forms: Vec<CentreForm>) -> impl IntoView {
    let i18n = use_i18n();
    let forms = RwSignal::new(forms);
    let kind = RwSignal::new(kind_code(EvaluationKind::Student).to_owned());
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());
    let kind_options = Signal::derive(move || {
        KINDS
            .iter()
            .map(|k| (kind_code(*k).to_owned(), i18n.t(kind_key(*k))))
            .collect::<Vec<_>>()
    });
    view! {
        <Select path="forms.kind" label="evaluation-kind" value=kind options=kind_options messages=no_messages />
        {move || {
            let chosen = from_code::<EvaluationKind>(&kind.get())?;
            let form = forms.get_untracked().into_iter().find(|f| f.kind == chosen)?;
            Some(view! {
                <FormEditor
                    centre=centre
                    form=form
                    on_saved=move |saved: CentreForm| forms.update(|all| {
                        if let Some(slot) = all.iter_mut().find(|f| f.kind == saved.kind) {
                            *slot = saved;
                        }
                    })
                />
            })
        }}
    }
}

/// One questionnaire being changed; saved as a whole.
#[component]
fn FormEditor(
    centre: i64,
    form: CentreForm,
    #[prop(into)] on_saved: Callback<CentreForm>,
) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(form.version);
    let enabled = RwSignal::new(form.enabled);
    let sheet = RwSignal::new(form.form);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let pending = RwSignal::new(false);
    let new_section = RwSignal::new(String::new());
    let no_messages = Signal::stored(Vec::<FieldMessage>::new());
    let edit = move |change: &dyn Fn(&mut EvaluationForm)| {
        saved.set(false);
        sheet.update(|s| change(s));
    };
    let save = move |_| {
        pending.set(true);
        error.set(None);
        saved.set(false);
        let (v, on, form) = (
            version.get_untracked(),
            enabled.get_untracked(),
            sheet.get_untracked(),
        );
        spawn_local(async move {
            match evaluations::set_centre_form(centre, v, on, &form).await {
                Ok(next) => {
                    version.set(next.version);
                    sheet.set(next.form.clone());
                    saved.set(true);
                    on_saved.run(next);
                }
                Err(e) => error.set(Some(e)),
            }
            pending.set(false);
        });
    };
    let add_section = move |_| {
        let title = new_section.get_untracked().trim().to_owned();
        if title.is_empty() {
            return;
        }
        edit(&|s| {
            s.sections.push(Section {
                title: title.clone(),
                questions: Vec::new(),
            })
        });
        new_section.set(String::new());
    };
    view! {
        <Checkbox id="form-enabled" label="form-editor-enabled" value=enabled />
        {move || {
            let sections = sheet.get().sections;
            let count = sections.len();
            sections
                .into_iter()
                .enumerate()
                .map(|(s, section)| {
                    let title = section.title.clone();
                    let questions = section.questions.len();
                    view! {
                        <fieldset class="form-section">
                            <legend>{section.title.clone()}</legend>
                            <div class="row-actions">
                                <MoveButtons
                                    what=title.clone()
                                    first=s == 0
                                    last=s + 1 == count
                                    on_move=move |by| edit(&|f| shift(&mut f.sections, s, by))
                                />
                                <button type="button" class="button small danger"
                                    aria-label=format!("{} : {}", i18n.t("form-editor-remove"), title)
                                    on:click=move |_| edit(&|f| if s < f.sections.len() { f.sections.remove(s); })>
                                    {i18n.t("form-editor-remove")}
                                </button>
                            </div>
                            <ol class="form-questions">
                                {section.questions.into_iter().enumerate().map(|(q, question)| {
                                    let text = question.text.clone();
                                    view! {
                                        <li>
                                            <span>{question.text.clone()}</span>
                                            " "
                                            <span class="muted">
                                                {format!("({} — {}{})",
                                                    question.code,
                                                    i18n.t(TYPES.iter().find(|(c, _)| *c == type_code(&question.kind)).map_or("", |(_, k)| k)),
                                                    if question.required { format!(", {}", i18n.t("form-editor-required")) } else { String::new() })}
                                            </span>
                                            <div class="row-actions">
                                                <MoveButtons
                                                    what=text.clone()
                                                    first=q == 0
                                                    last=q + 1 == questions
                                                    on_move=move |by| edit(&|f| if let Some(at) = f.sections.get_mut(s) { shift(&mut at.questions, q, by) })
                                                />
                                                <button type="button" class="button small danger"
                                                    aria-label=format!("{} : {}", i18n.t("form-editor-remove"), text)
                                                    on:click=move |_| edit(&|f| if let Some(at) = f.sections.get_mut(s) && q < at.questions.len() { at.questions.remove(q); })>
                                                    {i18n.t("form-editor-remove")}
                                                </button>
                                            </div>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                            <NewQuestion section=s on_add=move |question: Question| edit(&|f| if let Some(at) = f.sections.get_mut(s) { at.questions.push(question.clone()) }) />
                        </fieldset>
                    }
                })
                .collect_view()
        }}
        <div class="inline-form">
            <TextInput path="forms.new_section" label="form-editor-new-section" value=new_section messages=no_messages />
            <button type="button" class="button secondary" id="form-section-add" on:click=add_section>
                {move || i18n.t("form-editor-add-section")}
            </button>
        </div>
        <ActionError error=error />
        <p class="success-line" role="status" id="form-saved">
            {move || saved.get().then(|| i18n.t("form-saved"))}
        </p>
        <button type="button" class="button" id="form-save" disabled=move || pending.get() on:click=save>
            {move || i18n.t("form-editor-save")}
        </button>
    }
}

/// Up and down, named after what they move.
#[component]
fn MoveButtons(
    what: String,
    first: bool,
    last: bool,
    #[prop(into)] on_move: Callback<isize>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (up, down) = (
        format!("{} : {what}", i18n.t("form-editor-up")),
        format!("{} : {what}", i18n.t("form-editor-down")),
    );
    view! {
        <button type="button" class="button small secondary" aria-label=up disabled=first on:click=move |_| on_move.run(-1)>
            "↑"
        </button>
        <button type="button" class="button small secondary" aria-label=down disabled=last on:click=move |_| on_move.run(1)>
            "↓"
        </button>
    }
}

/// A question of the centre's own, added at the end of a section.
#[component]
fn NewQuestion(section: usize, #[prop(into)] on_add: Callback<Question>) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let code = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let kind = RwSignal::new("yes_no".to_owned());
    let options = RwSignal::new(String::new());
    let required = RwSignal::new(true);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let at = move |field: &str| format!("forms.sections[{section}].new.{field}");
    let type_options = Signal::derive(move || {
        TYPES
            .iter()
            .map(|(c, k)| ((*c).to_owned(), i18n.t(k)))
            .collect::<Vec<_>>()
    });
    let add = move |_| {
        let listed: Vec<String> = options
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_owned)
            .collect();
        let question_kind = match kind.get_untracked().as_str() {
            "single_choice" => QuestionKind::SingleChoice { options: listed },
            "multi_choice" => QuestionKind::MultiChoice { options: listed },
            "scale" => QuestionKind::Scale,
            "text" => QuestionKind::Text,
            _ => QuestionKind::YesNo,
        };
        let missing: Vec<FieldMessage> = [("code", code), ("text", text)]
            .into_iter()
            .filter(|(_, value)| value.get_untracked().trim().is_empty())
            .map(|(field, _)| FieldMessage::local(&at(field), "field-required"))
            .collect();
        if !missing.is_empty() {
            messages.set(missing);
            return;
        }
        messages.set(Vec::new());
        on_add.run(Question {
            code: code.get_untracked().trim().to_owned(),
            text: text.get_untracked().trim().to_owned(),
            kind: question_kind,
            required: required.get_untracked(),
        });
        code.set(String::new());
        text.set(String::new());
        options.set(String::new());
        open.set(false);
    };
    let choices = move || matches!(kind.get().as_str(), "single_choice" | "multi_choice");
    view! {
        <Show
            when=move || open.get()
            fallback=move || view! {
                <button type="button" class="button small secondary" id=format!("form-question-new-{section}")
                    on:click=move |_| open.set(true)>
                    {move || i18n.t("form-editor-add-question")}
                </button>
            }
        >
            <div class="new-question">
                <div class="field-row">
                    <TextInput path=at("code") label="form-editor-code" value=code messages=messages required=true help="form-editor-code-help" />
                    <Select path=at("type") label="form-editor-type" value=kind options=type_options messages=messages required=true />
                </div>
                <TextInput path=at("text") label="form-editor-text" value=text messages=messages required=true />
                <Show when=choices>
                    <TextArea path=at("options") label="form-editor-options" value=options messages=messages help="form-editor-options-help" />
                </Show>
                <Checkbox id=format!("form-question-required-{section}") label="form-editor-required" value=required />
                <button type="button" class="button secondary" id=format!("form-question-add-{section}") on:click=add>
                    {move || i18n.t("form-editor-add")}
                </button>
            </div>
        </Show>
    }
}
