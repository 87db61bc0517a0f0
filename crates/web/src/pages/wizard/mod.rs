//! The eight-step wizard (seed §4): tabs that return to any step while the
//! convention is editable, a progress indicator, and one module per step.

mod instructions;
mod internship;
mod offer;
mod organisation;
mod selection;
mod signatory;
mod student;
mod summary;
mod supervisor;

pub use instructions::NewConventionPage;
pub use supervisor::SupervisorSearch;

use crate::api::conventions::{self, ConventionView};
use crate::api::{ApiError, ProblemViolation};
use crate::components::decision::DeniedReason;
use crate::components::loading::{ActionError, loaded};
use crate::components::messages::{ErrorSummary, FieldMessage, focus_first_error};
use crate::i18n::use_i18n;
use crate::nav::{Go, use_go};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use serde::Serialize;
use stages_domain::model::WizardStep;

/// The eight steps in order (the summary last).
pub const STEPS: [WizardStep; 8] = [
    WizardStep::Student,
    WizardStep::Organisation,
    WizardStep::HostService,
    WizardStep::Tutor,
    WizardStep::Internship,
    WizardStep::Supervisor,
    WizardStep::Signatory,
    WizardStep::Summary,
];

/// A step's segment in the address.
pub fn slug(step: WizardStep) -> &'static str {
    match step {
        WizardStep::Student => "student",
        WizardStep::Organisation => "organisation",
        WizardStep::HostService => "host-service",
        WizardStep::Tutor => "tutor",
        WizardStep::Internship => "internship",
        WizardStep::Supervisor => "supervisor",
        WizardStep::Signatory => "signatory",
        WizardStep::Summary => "summary",
    }
}

fn step_of(slug_text: &str) -> Option<WizardStep> {
    STEPS.into_iter().find(|s| slug(*s) == slug_text)
}

/// The step's name as users know it ("Étudiant").
pub fn title_key(step: WizardStep) -> &'static str {
    match step {
        WizardStep::Student => "step-student",
        WizardStep::Organisation => "step-organisation",
        WizardStep::HostService => "step-host-service",
        WizardStep::Tutor => "step-tutor",
        WizardStep::Internship => "step-internship",
        WizardStep::Supervisor => "step-supervisor",
        WizardStep::Signatory => "step-signatory",
        WizardStep::Summary => "step-summary",
    }
}

pub fn step_href(id: i64, step: WizardStep) -> String {
    format!("/conventions/{id}/steps/{}", slug(step))
}

fn next(step: WizardStep) -> WizardStep {
    STEPS
        .into_iter()
        .skip_while(|s| *s != step)
        .nth(1)
        .unwrap_or(WizardStep::Summary)
}

/// The convention being entered, shared by the steps: each saved step
/// replaces it with the server's answer (new version, violations).
#[derive(Clone, Copy)]
pub struct Wizard {
    pub view: RwSignal<ConventionView>,
}

impl Wizard {
    /// Saves `step` at the version read; the answer becomes the current
    /// convention.
    pub async fn save<B: Serialize + ?Sized>(
        self,
        step: WizardStep,
        body: &B,
    ) -> Result<ConventionView, ApiError> {
        let (id, version) = self.view.with_untracked(|v| (v.id, v.version));
        let saved = conventions::save_step(id, version, step, body).await?;
        self.view.set(saved.clone());
        Ok(saved)
    }

    /// The server's blocking violations on `step` after a save: rules only
    /// the database can check (hours at the same host, quotas…).
    pub fn blocking(view: &ConventionView, step: WizardStep) -> Vec<FieldMessage> {
        view.violations
            .iter()
            .filter(|v: &&ProblemViolation| {
                v.is_error() && WizardStep::of_field(&v.field) == Some(step)
            })
            .map(|v| FieldMessage::from_problem(v, ""))
            .collect()
    }
}

/// Saving a step and moving on: its state and its feedback.
#[derive(Clone, Copy)]
pub struct Saving {
    pub pending: RwSignal<bool>,
    pub error: RwSignal<Option<ApiError>>,
    /// The server's blocking violations on the step.
    pub blocking: RwSignal<Vec<FieldMessage>>,
    go: Go,
}

/// The saving state of the calling step.
pub fn use_saving() -> Saving {
    Saving {
        pending: RwSignal::new(false),
        error: RwSignal::new(None),
        blocking: RwSignal::new(Vec::new()),
        go: use_go(),
    }
}

impl Saving {
    /// Saves `body` as `step`; moves to the next step unless the server
    /// found a blocking violation on this one.
    pub fn run<B: Serialize + 'static>(self, wizard: Wizard, step: WizardStep, body: B) {
        self.pending.set(true);
        self.error.set(None);
        self.blocking.set(Vec::new());
        spawn_local(async move {
            let saved = wizard.save(step, &body).await;
            self.pending.set(false);
            match saved {
                Ok(view) => {
                    let blocking = Wizard::blocking(&view, step);
                    if blocking.is_empty() {
                        self.go.to(next_href(view.id, step));
                    } else {
                        self.blocking.set(blocking);
                        focus_first_error();
                    }
                }
                Err(e) => self.error.set(Some(e)),
            }
        });
    }
}

/// What saving a step answered, when it did not move on.
#[component]
pub fn SavingFeedback(saving: Saving) -> impl IntoView {
    view! {
        <ErrorSummary messages=saving.blocking />
        <ActionError error=saving.error />
    }
}

/// Where the wizard goes once `step` is saved.
pub fn next_href(id: i64, step: WizardStep) -> String {
    step_href(id, next(step))
}

/// The tabs: each step, its state, a link back while it is editable.
#[component]
pub fn StepTabs(
    #[prop(into)] current: Signal<WizardStep>,
    #[prop(into)] view: Signal<Option<ConventionView>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let complete_count = move || {
        view.get()
            .map(|v| v.completion.complete.len())
            .unwrap_or_default()
    };
    view! {
        <nav class="wizard-tabs" aria-label=move || i18n.t("wizard-steps")>
            <ol>
                {STEPS
                    .into_iter()
                    .map(|step| {
                        let state = move || {
                            let v = view.get();
                            let complete = v
                                .as_ref()
                                .is_some_and(|v| v.completion.complete.contains(&step));
                            let editable = v
                                .as_ref()
                                .is_some_and(|v| {
                                    step == WizardStep::Summary
                                        || v.permissions.editable_steps.contains(&step)
                                });
                            (v.map(|v| v.id), complete, editable)
                        };
                        view! {
                            <li class:current=move || current.get() == step class:complete=move || state().1>
                                {move || {
                                    let (id, complete, editable) = state();
                                    let label = format!("{}. {}", step.number(), i18n.t(title_key(step)));
                                    let done = complete.then(|| {
                                        view! {
                                            <span class="tab-done" aria-hidden="true">" ✓"</span>
                                            <span class="visually-hidden">{i18n.t("wizard-step-complete")}</span>
                                        }
                                    });
                                    match id {
                                        Some(id) if editable => view! {
                                            <a
                                                href=step_href(id, step)
                                                aria-current=move || (current.get() == step).then_some("step")
                                            >
                                                {label}
                                                {done}
                                            </a>
                                        }
                                            .into_any(),
                                        _ => view! {
                                            <span
                                                class="tab-disabled"
                                                aria-current=move || (current.get() == step).then_some("step")
                                            >
                                                {label}
                                                {done}
                                            </span>
                                        }
                                            .into_any(),
                                    }
                                }}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
        <div class="wizard-progress">
            <p id="wizard-progress-text">
                {move || {
                    i18n.t_count(
                        "wizard-progress",
                        "complete",
                        complete_count(),
                        &[("step", current.get().number().to_string())],
                    )
                }}
            </p>
            <progress
                max="7"
                value=move || complete_count().to_string()
                aria-labelledby="wizard-progress-text"
            ></progress>
        </div>
    }
}

/// `/conventions/:id/steps/:step`: one step of an existing convention.
#[component]
pub fn WizardPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or_default()
    });
    let step = Memo::new(move |_| {
        params
            .read()
            .get("step")
            .and_then(|s| step_of(&s))
            .unwrap_or(WizardStep::Student)
    });
    let convention = LocalResource::new(move || conventions::get(id.get()));
    view! {
        {loaded(convention, move |view: ConventionView| {
            let wizard = Wizard { view: RwSignal::new(view) };
            provide_context(wizard);
            view! { <WizardFrame wizard=wizard step=step /> }
        })}
    }
}

#[component]
fn WizardFrame(wizard: Wizard, #[prop(into)] step: Signal<WizardStep>) -> impl IntoView {
    let i18n = use_i18n();
    let view = Signal::derive(move || Some(wizard.view.get()));
    let heading = move || {
        let v = wizard.view.get();
        match v.number {
            Some(number) => i18n.t_with("wizard-title-number", &[("number", number)]),
            None => i18n.t("wizard-title-draft"),
        }
    };
    view! {
        <h1>{heading}</h1>
        <StepTabs current=step view=view />
        <section class="wizard-step" aria-labelledby="step-title">
            <h2 id="step-title">
                {move || format!("{} {} — {}", i18n.t("wizard-step"), step.get().number(), i18n.t(title_key(step.get())))}
            </h2>
            {move || {
                let current = step.get();
                let v = wizard.view.get_untracked();
                let editable = current == WizardStep::Summary
                    || v.permissions.editable_steps.contains(&current);
                if !editable {
                    return view! {
                        <div class="notice-panel" role="status">
                            <DeniedReason decision=v.permissions.edit.clone() />
                            <p>
                                <a href=format!("/conventions/{}", v.id)>{i18n.t("wizard-back-to-convention")}</a>
                            </p>
                        </div>
                    }
                        .into_any();
                }
                match current {
                    WizardStep::Student => view! { <student::StudentStepForm existing=Some(v) /> }.into_any(),
                    WizardStep::Organisation => view! { <organisation::OrganisationStep wizard=wizard /> }.into_any(),
                    WizardStep::HostService => view! { <selection::HostServiceStep wizard=wizard /> }.into_any(),
                    WizardStep::Tutor => view! { <selection::TutorStep wizard=wizard /> }.into_any(),
                    WizardStep::Internship => view! { <internship::InternshipStep wizard=wizard /> }.into_any(),
                    WizardStep::Supervisor => view! { <supervisor::SupervisorStep wizard=wizard /> }.into_any(),
                    WizardStep::Signatory => view! { <signatory::SignatoryStep wizard=wizard /> }.into_any(),
                    WizardStep::Summary => view! { <summary::SummaryStep wizard=wizard /> }.into_any(),
                }
            }}
        </section>
    }
}

/// The wizard of the page, for the steps.
pub fn use_wizard() -> Option<Wizard> {
    use_context::<Wizard>()
}
