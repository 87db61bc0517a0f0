//! A questionnaire and its answers, as the centre wrote it: yes/no, single
//! choice, multiple choice, a five-point scale and free text. Saved as a
//! draft, then submitted (read-only afterwards); the signed-in pages and
//! the tutor's link page share it, each with its own way to the server.

use crate::api::ApiError;
use crate::api::evaluations::{self, EvaluationSheet};
use crate::components::decision::DeniedReason;
use crate::components::download::{Document, DownloadButton};
use crate::components::loading::ActionError;
use crate::components::messages::{
    ErrorSummary, FieldMessage, FieldMessages, dom_id, focus_first_error, has_errors,
};
use crate::format;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::model::{Answer, EvaluationAnswers, EvaluationKind, Question, QuestionKind};
use stages_domain::permissions::Decision;
use stages_domain::rules::check_answers;
use std::collections::BTreeMap;

/// Where the answers go: a signed-in person's questionnaire of a
/// convention, or the tutor's through their link.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Convention(i64, EvaluationKind),
    Tutor(String),
}

impl Target {
    async fn send(
        self,
        version: i32,
        answers: BTreeMap<String, Answer>,
        submit: bool,
    ) -> Result<EvaluationSheet, ApiError> {
        match (self, submit) {
            (Self::Convention(id, kind), false) => {
                evaluations::save(id, kind, version, &answers).await
            }
            (Self::Convention(id, kind), true) => {
                evaluations::submit(id, kind, version, &answers).await
            }
            (Self::Tutor(token), false) => evaluations::tutor_save(&token, version, &answers)
                .await
                .map(|t| t.sheet),
            (Self::Tutor(token), true) => evaluations::tutor_submit(&token, version, &answers)
                .await
                .map(|t| t.sheet),
        }
    }
}

type Answers = RwSignal<BTreeMap<String, Answer>>;

/// The questionnaire with its state, its questions and its two actions.
#[component]
pub fn SheetForm(sheet: EvaluationSheet, target: Target) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(sheet.clone());
    let answers: Answers = RwSignal::new(sheet.answers);
    let messages = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let read_only = Signal::derive(move || {
        let s = current.get();
        s.submitted || !s.fill.is_allowed()
    });
    let target = StoredValue::new(target);
    let send = move |submit: bool| {
        let s = current.get_untracked();
        let given = answers.get_untracked();
        if submit {
            let proposed = EvaluationAnswers {
                kind: s.kind,
                answers: given.clone(),
                submitted: true,
            };
            let found: Vec<FieldMessage> = check_answers(&s.form, &proposed)
                .iter()
                .map(FieldMessage::from_violation)
                .collect();
            if has_errors(&found) {
                messages.set(found);
                focus_first_error();
                return;
            }
        }
        messages.set(Vec::new());
        error.set(None);
        saved.set(false);
        pending.set(true);
        let target = target.get_value();
        spawn_local(async move {
            match target.send(s.version, given, submit).await {
                Ok(next) => {
                    answers.set(next.answers.clone());
                    current.set(next);
                    saved.set(true);
                }
                Err(e) => {
                    messages.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, ""))
                            .collect(),
                    );
                    if e.violations().is_empty() {
                        error.set(Some(e));
                    }
                    focus_first_error();
                }
            }
            pending.set(false);
        });
    };
    // The PDF prints the answers of a signed-in person's questionnaire once
    // there are some (the tutor's link gives no PDF).
    let pdf = move || match (target.get_value(), current.get().version) {
        (Target::Convention(id, kind), 1..) => Some(view! {
            <DownloadButton
                document=Document::Evaluation(id, kind)
                label="evaluation-pdf"
                decision=Decision::Allowed
                id="evaluation-pdf"
            />
        }),
        _ => None,
    };
    view! {
        {pdf}
        <SheetState current=current saved=saved />
        <form class="record-form questionnaire" novalidate on:submit=move |ev| {
            ev.prevent_default();
            send(true);
        }>
            <ErrorSummary messages=messages />
            {sheet
                .form
                .sections
                .into_iter()
                .enumerate()
                .map(|(i, section)| {
                    let title_id = format!("section-{i}");
                    let heading_id = title_id.clone();
                    view! {
                        <section class="questionnaire-section" aria-labelledby=title_id.clone()>
                            <h2 id=heading_id>{section.title}</h2>
                            {section
                                .questions
                                .into_iter()
                                .map(|q| view! { <QuestionField question=q answers=answers messages=messages read_only=read_only /> })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
            <ActionError error=error />
            <Show when=move || !read_only.get()>
                <div class="actions">
                    <button type="button" class="button secondary" id="evaluation-save"
                        disabled=move || pending.get() on:click=move |_| send(false)>
                        {move || i18n.t("evaluation-save")}
                    </button>
                    <button type="submit" class="button" id="evaluation-submit" disabled=move || pending.get()>
                        {move || i18n.t("evaluation-submit")}
                    </button>
                </div>
                <p class="muted">{move || i18n.t("evaluation-submit-help")}</p>
            </Show>
        </form>
    }
}

/// Submitted (when), open, or closed with the domain's reason.
#[component]
fn SheetState(current: RwSignal<EvaluationSheet>, saved: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let s = current.get();
        if s.submitted {
            let on = s
                .submitted_at
                .map(|t| format::date(i18n.lang.get(), t.date_naive()))
                .unwrap_or_default();
            view! {
                <div class="success-panel" role="status" id="evaluation-state">
                    {i18n.t_with("evaluation-submitted-on", &[("date", on)])}
                </div>
            }
            .into_any()
        } else if s.fill.is_allowed() {
            view! {
                <p class="success-line" role="status" id="evaluation-state">
                    {move || saved.get().then(|| i18n.t("evaluation-draft-saved"))}
                </p>
            }
            .into_any()
        } else {
            view! {
                <div class="warning-panel" id="evaluation-state">
                    <p class="summary-title">{i18n.t("evaluation-closed")}</p>
                    <DeniedReason decision=s.fill.clone() id="evaluation-closed-reason" />
                </div>
            }
            .into_any()
        }
    }
}

/// One question, its answer and its messages.
#[component]
fn QuestionField(
    question: Question,
    answers: Answers,
    messages: RwSignal<Vec<FieldMessage>>,
    read_only: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let path = format!("answers.{}", question.code);
    let id = dom_id(&path);
    let code = StoredValue::new(question.code.clone());
    let field = path.clone();
    let invalid = move || {
        messages
            .get()
            .iter()
            .any(|m| m.error && m.field == field)
            .then_some("true")
    };
    let required = question
        .required
        .then(|| view! { <span class="required" aria-hidden="true">" *"</span> });
    let described = format!("{id}-messages");
    let answer = move || answers.get().get(&code.get_value()).cloned();
    let set = move |value: Option<Answer>| {
        answers.update(|all| match value {
            Some(value) => {
                all.insert(code.get_value(), value);
            }
            None => {
                all.remove(&code.get_value());
            }
        });
    };
    if question.kind == QuestionKind::Text {
        return view! {
            <div class="field">
                <label for=id.clone()>{question.text}{required}</label>
                <textarea
                    id=id.clone()
                    name=path.clone()
                    rows="3"
                    aria-required=question.required.then_some("true")
                    aria-invalid=invalid
                    aria-describedby=described
                    disabled=move || read_only.get()
                    prop:value=move || match answer() {
                        Some(Answer::Text(text)) => text,
                        _ => String::new(),
                    }
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        set((!text.trim().is_empty()).then_some(Answer::Text(text)));
                    }
                ></textarea>
                <FieldMessages path=path messages=messages />
            </div>
        }
        .into_any();
    }
    // The choices of a radio or checkbox group: (value, label, answer it
    // gives or toggles).
    let choices: Vec<(String, String, Answer)> = match &question.kind {
        QuestionKind::YesNo => vec![
            ("yes".into(), i18n.t("form-yes"), Answer::YesNo(true)),
            ("no".into(), i18n.t("form-no"), Answer::YesNo(false)),
        ],
        QuestionKind::Scale => (1..=5u8)
            .map(|n| {
                let key = match n {
                    1 => "evaluation-scale-1",
                    5 => "evaluation-scale-5",
                    _ => "evaluation-scale-n",
                };
                let label = i18n.t_with(key, &[("n", n.to_string())]);
                (n.to_string(), label, Answer::Scale(n))
            })
            .collect(),
        QuestionKind::SingleChoice { options } => options
            .iter()
            .map(|o| (o.clone(), o.clone(), Answer::Choice(o.clone())))
            .collect(),
        QuestionKind::MultiChoice { options } => options
            .iter()
            .map(|o| (o.clone(), o.clone(), Answer::Choice(o.clone())))
            .collect(),
        QuestionKind::Text => Vec::new(),
    };
    let multiple = matches!(question.kind, QuestionKind::MultiChoice { .. });
    let class = if matches!(question.kind, QuestionKind::Scale) {
        "field question scale"
    } else {
        "field question"
    };
    view! {
        <fieldset class=class id=id.clone() tabindex="-1" aria-invalid=invalid aria-describedby=described>
            <legend>{question.text}{required}</legend>
            {choices
                .into_iter()
                .enumerate()
                .map(|(i, (value, label, given))| {
                    let input_id = format!("{id}-{i}");
                    let given = StoredValue::new(given);
                    let checked = move || match (answer(), given.get_value()) {
                        (Some(Answer::Choices(all)), Answer::Choice(one)) => all.contains(&one),
                        (Some(a), g) => a == g,
                        (None, _) => false,
                    };
                    let toggle = move |on: bool| {
                        if multiple {
                            let Answer::Choice(one) = given.get_value() else { return };
                            let mut all = match answer() {
                                Some(Answer::Choices(all)) => all,
                                _ => Vec::new(),
                            };
                            all.retain(|o| *o != one);
                            if on {
                                all.push(one);
                            }
                            set((!all.is_empty()).then_some(Answer::Choices(all)));
                        } else {
                            set(Some(given.get_value()));
                        }
                    };
                    view! {
                        <span class="choice">
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                id=input_id.clone()
                                name=path.clone()
                                value=value
                                disabled=move || read_only.get()
                                prop:checked=checked
                                on:change=move |ev| toggle(event_target_checked(&ev))
                            />
                            <label for=input_id>{label}</label>
                        </span>
                    }
                })
                .collect_view()}
            <FieldMessages path=path.clone() messages=messages />
        </fieldset>
    }
    .into_any()
}
