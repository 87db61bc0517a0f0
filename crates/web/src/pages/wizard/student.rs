//! Step 1, Étudiant (seed §4.1): the student's registry data and
//! enrolments, the contact details and health insurance they enter, a
//! recap, and a second confirmation. For a new convention the confirmation
//! creates the draft for the chosen enrolment.

use super::offer::OfferQuestion;
use super::{Wizard, next_href, use_wizard};
use crate::api::conventions::{self, ConventionView, EnrolmentChoice, StudentStepInput};
use crate::api::people::{self, EnrolmentRow, Student};
use crate::api::{ApiError, client::Page};
use crate::checks;
use crate::components::fields::TextInput;
use crate::components::loading::{ActionError, Failure, Pending};
use crate::components::messages::{
    ErrorSummary, FieldMessage, FieldMessages, beside_parsed, focus_element, focus_first_error,
    has_errors, merge, parse_field,
};
use crate::components::reference::TableSelect;
use crate::i18n::use_i18n;
use crate::nav::use_go;
use crate::session::use_session;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::task::spawn_local;
use stages_domain::ids::{Country, Email, Phone};
use stages_domain::model::{
    AcademicYear, Address, Contact, Convention, Enrolment, HealthInsurance, NomenclatureRef,
    StudentStep, WizardStep,
};

/// The value of an enrolment choice: `2026-2027|M1-INFO`.
fn enrolment_key(year: &str, programme: &str) -> String {
    format!("{year}|{programme}")
}

/// What the student types in step 1.
#[derive(Clone, Copy)]
struct Fields {
    enrolment: RwSignal<String>,
    street: RwSignal<String>,
    building: RwSignal<String>,
    postal_code: RwSignal<String>,
    city: RwSignal<String>,
    country: RwSignal<String>,
    personal_email: RwSignal<String>,
    phone: RwSignal<String>,
    mobile: RwSignal<String>,
    fund: RwSignal<String>,
    region: RwSignal<String>,
    fund_address: RwSignal<String>,
    /// From the registry (SAF-07 tells a minor by it); not typed here.
    birth_date: Option<NaiveDate>,
    /// A minor's legal representative (SAF-07).
    guardian_last: RwSignal<String>,
    guardian_first: RwSignal<String>,
    guardian_capacity: RwSignal<String>,
    guardian_email: RwSignal<String>,
    guardian_phone: RwSignal<String>,
}

fn guardian(step: &StudentStep) -> Contact {
    step.legal_representative.clone().unwrap_or_default()
}

fn optional(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl Fields {
    fn new(step: Option<&StudentStep>) -> Self {
        let text = |f: fn(&StudentStep) -> String| RwSignal::new(step.map(f).unwrap_or_default());
        Self {
            enrolment: text(|s| {
                s.enrolment
                    .as_ref()
                    .map(|e| enrolment_key(&e.academic_year.to_string(), &e.programme.code))
                    .unwrap_or_default()
            }),
            street: text(|s| s.address.street.clone()),
            building: text(|s| s.address.building.clone().unwrap_or_default()),
            postal_code: text(|s| s.address.postal_code.clone()),
            city: text(|s| s.address.city.clone()),
            country: RwSignal::new(
                step.and_then(|s| s.address.country.as_ref().map(|c| c.as_str().to_owned()))
                    .unwrap_or_else(|| "FR".to_owned()),
            ),
            personal_email: text(|s| {
                s.personal_email
                    .as_ref()
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default()
            }),
            phone: text(|s| {
                s.phone
                    .as_ref()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default()
            }),
            mobile: text(|s| {
                s.mobile_phone
                    .as_ref()
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default()
            }),
            fund: text(|s| s.health_insurance.fund.clone()),
            region: text(|s| s.health_insurance.region.clone().unwrap_or_default()),
            fund_address: text(|s| s.health_insurance.address.clone().unwrap_or_default()),
            birth_date: step.and_then(|s| s.student.birth_date),
            guardian_last: text(|s| guardian(s).last_name),
            guardian_first: text(|s| guardian(s).first_name),
            guardian_capacity: text(|s| guardian(s).position),
            guardian_email: text(|s| {
                guardian(s)
                    .email
                    .map(|e| e.as_str().to_owned())
                    .unwrap_or_default()
            }),
            guardian_phone: text(|s| {
                guardian(s)
                    .phone
                    .map(|p| p.as_str().to_owned())
                    .unwrap_or_default()
            }),
        }
    }

    /// The enrolment chosen among the student's.
    fn chosen<'a>(&self, student: &'a Student) -> Option<&'a EnrolmentRow> {
        let key = self.enrolment.get();
        student
            .enrolments
            .iter()
            .find(|e| enrolment_key(&e.academic_year, &e.programme_code) == key)
    }

    /// The step as the domain and the server take it, and the identifiers
    /// that do not parse.
    fn build(
        &self,
        student: &Student,
    ) -> (StudentStep, Option<EnrolmentChoice>, Vec<FieldMessage>) {
        let mut messages = Vec::new();
        let email = parse_field(
            &mut messages,
            "student.personal_email",
            &self.personal_email.get(),
            Email::parse,
        );
        let phone = parse_field(
            &mut messages,
            "student.phone",
            &self.phone.get(),
            Phone::parse,
        );
        let mobile = parse_field(
            &mut messages,
            "student.mobile_phone",
            &self.mobile.get(),
            Phone::parse,
        );
        let guardian_email = parse_field(
            &mut messages,
            "student.legal_representative.email",
            &self.guardian_email.get(),
            Email::parse,
        );
        let guardian_phone = parse_field(
            &mut messages,
            "student.legal_representative.phone",
            &self.guardian_phone.get(),
            Phone::parse,
        );
        let guardian = Contact {
            civility: None,
            last_name: self.guardian_last.get().trim().to_owned(),
            first_name: self.guardian_first.get().trim().to_owned(),
            email: guardian_email,
            phone: guardian_phone,
            position: self.guardian_capacity.get().trim().to_owned(),
        };
        let chosen = self.chosen(student);
        let enrolment = chosen.and_then(|row| {
            Some(Enrolment {
                academic_year: AcademicYear::parse(&row.academic_year).ok()?,
                programme: NomenclatureRef {
                    code: row.programme_code.clone(),
                    label: row.programme_label.clone(),
                },
                faculty: NomenclatureRef {
                    code: row.faculty_code.clone(),
                    label: row.faculty_label.clone(),
                },
                teaching_hours: row.teaching_hours.and_then(|h| u32::try_from(h).ok()),
                teaching_element: None,
            })
        });
        let step = StudentStep {
            student: stages_domain::model::Student {
                student_number: student.student_number.clone(),
                ine: None,
                last_name: student.last_name.clone(),
                first_name: student.first_name.clone(),
                usage_name: None,
                birth_date: self.birth_date,
                university_email: student.email.as_deref().and_then(|e| Email::parse(e).ok()),
            },
            enrolment,
            address: Address {
                street: self.street.get().trim().to_owned(),
                building: optional(&self.building.get()),
                postal_code: self.postal_code.get().trim().to_owned(),
                city: self.city.get().trim().to_owned(),
                country: Country::parse(&self.country.get()).ok(),
            },
            personal_email: email,
            phone,
            mobile_phone: mobile,
            health_insurance: HealthInsurance {
                fund: self.fund.get().trim().to_owned(),
                region: optional(&self.region.get()),
                address: optional(&self.fund_address.get()),
            },
            legal_representative: (guardian != Contact::default()).then_some(guardian),
        };
        let choice = chosen.map(|row| EnrolmentChoice {
            academic_year: row.academic_year.clone(),
            programme_code: row.programme_code.clone(),
        });
        (step, choice, messages)
    }
}

/// Step 1, for a new convention (`existing` is `None`) or an existing one.
#[component]
pub fn StudentStepForm(existing: Option<ConventionView>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let is_staff = session.me().is_some_and(|m| m.is_staff());
    // The registry record: the convention's student; for a new one, the
    // signed-in student's own (a student sees only theirs), or the one
    // staff look for.
    let number = existing
        .as_ref()
        .map(|v| v.content.student.student.student_number.clone());
    let picks_student = number.is_none() && is_staff;
    let typed = RwSignal::new(String::new());
    let query = RwSignal::new((!picks_student).then(|| number.unwrap_or_default()));
    let students = LocalResource::new(move || {
        let q = query.get();
        async move {
            match q {
                Some(q) => people::students(&q).await,
                None => Ok(Page {
                    items: Vec::new(),
                    next_cursor: None,
                }),
            }
        }
    });
    let picked = RwSignal::new(None::<Student>);
    let step = existing.as_ref().map(|v| v.content.student.clone());
    let fields = Fields::new(step.as_ref());
    let existing = StoredValue::new(existing);

    view! {
        {picks_student.then(|| view! {
            <form class="search-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                query.set(Some(typed.get_untracked()));
            }>
                <p>{move || i18n.t("student-search-intro")}</p>
                <TextInput path="student-search" label="student-search" value=typed messages=Signal::stored(Vec::new()) />
                <button type="submit" class="button">{move || i18n.t("search-submit")}</button>
            </form>
        })}
        <Show when=move || query.get().is_some()>
            <Suspense fallback=|| view! { <Pending /> }>
                {move || students.get().map(|result| match result {
                    Err(error) => view! { <Failure error=error retry=move || students.refetch() /> }.into_any(),
                    Ok(page) => {
                        let single = page.items.len() == 1 && !picks_student;
                        if single || picked.get().is_some() {
                            let student = picked.get().or_else(|| page.items.first().cloned());
                            match student {
                                Some(student) => view! {
                                    <StudentForm student=student fields=fields existing=existing.get_value() is_staff=is_staff />
                                }.into_any(),
                                None => view! { <p>{i18n.t("student-none")}</p> }.into_any(),
                            }
                        } else if page.items.is_empty() {
                            view! { <p class="muted">{i18n.t("student-none")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="choice-list">
                                    {page.items.into_iter().map(|s| {
                                        let label = format!("{} {} ({})", s.first_name, s.last_name, s.student_number);
                                        view! {
                                            <li>
                                                <button type="button" class="button small" on:click=move |_| picked.set(Some(s.clone()))>
                                                    {label}
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </Show>
    }
}

/// The form itself, once the student is known.
#[component]
fn StudentForm(
    student: Student,
    fields: Fields,
    existing: Option<ConventionView>,
    is_staff: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let go = use_go();
    let wizard = use_wizard();
    let is_draft = existing.as_ref().is_none_or(|v| v.number.is_none());
    let student = StoredValue::new(student);
    let content = StoredValue::new(
        existing
            .as_ref()
            .map(|v| v.content.clone())
            .unwrap_or_default(),
    );
    let submitted = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let server = RwSignal::new(Vec::<FieldMessage>::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    // Once saved without a host yet, the question of the offer.
    let asks_offer = RwSignal::new(None::<ConventionView>);

    // Only one enrolment: it is the one.
    if fields.enrolment.get_untracked().is_empty()
        && let [only] = student.get_value().enrolments.as_slice()
    {
        fields
            .enrolment
            .set(enrolment_key(&only.academic_year, &only.programme_code));
    }

    let built = Memo::new(move |_| {
        let (step, _, parse) = fields.build(&student.get_value());
        (step, parse)
    });
    let rates = checks::use_rates();
    let live = Memo::new(move |_| {
        let (step, parse) = built.get();
        let convention = Convention {
            student: step,
            ..content.get_value()
        };
        let found = checks::step(WizardStep::Student, &convention, true, &rates.get())
            .iter()
            .map(FieldMessage::from_violation)
            .collect();
        beside_parsed(parse, found)
    });
    let messages = Signal::derive(move || {
        let shown = live
            .get()
            .into_iter()
            .filter(|m| submitted.get() || !m.is_missing())
            .collect();
        merge(shown, server.get())
    });

    let validate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server.set(Vec::new());
        if has_errors(&live.get_untracked()) {
            focus_first_error();
        } else {
            confirming.set(true);
            request_animation_frame(|| focus_element("step-recap"));
        }
    };

    let confirm = move |_| {
        let (step, choice, _) = fields.build(&student.get_value());
        let Some(choice) = choice else {
            return;
        };
        let body = StudentStepInput {
            address: step.address,
            personal_email: step.personal_email,
            phone: step.phone,
            mobile_phone: step.mobile_phone,
            health_insurance: step.health_insurance,
            enrolment: is_draft.then(|| choice.clone()),
            legal_representative: step.legal_representative,
        };
        // Staff create it for the student; a student for themself.
        let student_id = is_staff.then(|| student.get_value().id);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let saved = match wizard {
                Some(wizard) => wizard.save(WizardStep::Student, &body).await,
                None => save_new(&choice, &body, student_id).await,
            };
            pending.set(false);
            match saved {
                Ok(view) => {
                    let blocking = Wizard::blocking(&view, WizardStep::Student);
                    if !blocking.is_empty() {
                        server.set(blocking);
                        confirming.set(false);
                        focus_first_error();
                    } else if view.parties.organisation_id.is_none() {
                        asks_offer.set(Some(view));
                    } else {
                        go.to(next_href(view.id, WizardStep::Student));
                    }
                }
                Err(e) => {
                    server.set(
                        e.violations()
                            .iter()
                            .map(|v| FieldMessage::from_problem(v, "student"))
                            .collect(),
                    );
                    error.set(Some(e));
                    confirming.set(false);
                    focus_first_error();
                }
            }
        });
    };

    let s = student.get_value();
    let enrolment_options = s.enrolments.clone();
    // SAF-07: a student who may be a minor on the first day names a legal
    // representative (the dates come in step 5).
    let minor =
        content.with_value(|c| c.intern_may_be_minor() || c.student.legal_representative.is_some());
    view! {
        <section class="registry" aria-labelledby="registry-title">
            <h3 id="registry-title">{move || i18n.t("student-registry")}</h3>
            <dl class="pairs">
                <dt>{move || i18n.t("recap-name")}</dt>
                <dd id="student-name">{format!("{} {}", s.first_name, s.last_name)}</dd>
                <dt>{move || i18n.t("student-number")}</dt>
                <dd>{s.student_number.clone()}</dd>
                <dt>{move || i18n.t("student-ine")}</dt>
                <dd>{s.ine.clone().unwrap_or_default()}</dd>
                <dt>{move || i18n.t("student-university-email")}</dt>
                <dd>{s.email.clone().unwrap_or_default()}</dd>
            </dl>
        </section>
        {move || asks_offer.get().map(|view| view! { <OfferQuestion view=view /> })}
        <Show
            when=move || !confirming.get()
            fallback=move || view! {
                <StudentRecap fields=fields student=student.get_value() />
                <ActionError error=error />
                <div class="actions">
                    <button type="button" class="button" id="step-confirm" disabled=move || pending.get() || asks_offer.get().is_some() on:click=confirm>
                        {move || i18n.t("wizard-confirm")}
                    </button>
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>
                        {move || i18n.t("form-edit")}
                    </button>
                </div>
            }
        >
            <form class="step-form" on:submit=validate novalidate>
                <p class="muted">{move || i18n.t("form-required-note")}</p>
                <ErrorSummary messages=messages />
                <fieldset class="field" aria-describedby="student-enrolment-messages">
                    <legend>
                        {move || i18n.t("student-enrolment")}
                        <span class="required" aria-hidden="true">" *"</span>
                    </legend>
                    {enrolment_options.iter().enumerate().map(|(index, e)| {
                        let key = enrolment_key(&e.academic_year, &e.programme_code);
                        let id = if index == 0 { "student-enrolment".to_owned() } else { format!("student-enrolment-{index}") };
                        let label = format!("{} — {} ({})", e.academic_year, e.programme_label, e.faculty_label);
                        let checked_key = key.clone();
                        view! {
                            <span class="choice">
                                <input
                                    type="radio"
                                    name="enrolment"
                                    id=id.clone()
                                    disabled=!is_draft
                                    aria-invalid=move || messages.get().iter().any(|m| m.error && m.field == "student.enrolment").then_some("true")
                                    prop:checked=move || fields.enrolment.get() == checked_key
                                    on:change=move |_| fields.enrolment.set(key.clone())
                                />
                                <label for=id>{label}</label>
                            </span>
                        }
                    }).collect_view()}
                    <FieldMessages path="student.enrolment" messages=messages />
                </fieldset>
                <h3>{move || i18n.t("student-address-title")}</h3>
                <TextInput path="student.address.street" label="address-street" value=fields.street messages=messages required=true autocomplete="street-address" />
                <TextInput path="student.address.building" label="address-building" value=fields.building messages=messages />
                <div class="field-row">
                    <TextInput path="student.address.postal_code" label="address-postal-code" value=fields.postal_code messages=messages required=true autocomplete="postal-code" />
                    <TextInput path="student.address.city" label="address-city" value=fields.city messages=messages required=true autocomplete="address-level2" />
                    <TableSelect kind="country" path="student.address.country" label="address-country" value=fields.country messages=messages required=true />
                </div>
                <div class="field-row">
                    <TextInput path="student.personal_email" label="student-personal-email" value=fields.personal_email messages=messages required=true kind="email" autocomplete="email" help="student-personal-email-help" />
                    <TextInput path="student.phone" label="student-phone" value=fields.phone messages=messages kind="tel" autocomplete="tel" />
                    <TextInput path="student.mobile_phone" label="student-mobile" value=fields.mobile messages=messages kind="tel" autocomplete="tel" />
                </div>
                <h3>{move || i18n.t("student-insurance-title")}</h3>
                <TextInput path="student.health_insurance.fund" label="student-insurance-fund" value=fields.fund messages=messages required=true help="student-insurance-help" />
                <div class="field-row">
                    <TextInput path="student.health_insurance.region" label="student-insurance-region" value=fields.region messages=messages />
                    <TextInput path="student.health_insurance.address" label="student-insurance-address" value=fields.fund_address messages=messages />
                </div>
                {minor.then(|| view! {
                    <h3>{move || i18n.t("student-guardian-title")}</h3>
                    <p class="muted">{move || i18n.t("student-guardian-help")}</p>
                    <div class="field-row">
                        <TextInput path="student.legal_representative.last_name" label="contact-last-name" value=fields.guardian_last messages=messages required=true />
                        <TextInput path="student.legal_representative.first_name" label="contact-first-name" value=fields.guardian_first messages=messages required=true />
                        <TextInput path="student.legal_representative.position" label="student-guardian-capacity" value=fields.guardian_capacity messages=messages required=true />
                    </div>
                    <div class="field-row">
                        <TextInput path="student.legal_representative.email" label="contact-email" value=fields.guardian_email messages=messages required=true kind="email" />
                        <TextInput path="student.legal_representative.phone" label="contact-phone" value=fields.guardian_phone messages=messages required=true kind="tel" />
                    </div>
                })}
                <button type="submit" class="button" id="step-validate">{move || i18n.t("wizard-validate")}</button>
            </form>
        </Show>
    }
}

/// Creates the draft for the chosen enrolment, then saves step 1 on it.
async fn save_new(
    choice: &EnrolmentChoice,
    body: &StudentStepInput,
    student_id: Option<i64>,
) -> Result<ConventionView, ApiError> {
    let draft =
        conventions::create_draft(&choice.academic_year, &choice.programme_code, student_id)
            .await?;
    conventions::save_step(draft.id, draft.version, WizardStep::Student, body).await
}

/// The first confirmation's recap of step 1.
#[component]
fn StudentRecap(fields: Fields, student: Student) -> impl IntoView {
    let i18n = use_i18n();
    let enrolment = fields
        .chosen(&student)
        .map(|e| {
            format!(
                "{} — {} ({})",
                e.academic_year, e.programme_label, e.faculty_label
            )
        })
        .unwrap_or_default();
    let address = [
        fields.street.get_untracked(),
        fields.building.get_untracked(),
        format!(
            "{} {}",
            fields.postal_code.get_untracked(),
            fields.city.get_untracked()
        ),
        fields.country.get_untracked(),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    view! {
        <section class="step-recap" aria-labelledby="step-recap-title" tabindex="-1" id="step-recap">
            <h3 id="step-recap-title">{move || i18n.t("wizard-recap-title")}</h3>
            <p>{move || i18n.t("wizard-recap-intro")}</p>
            <dl class="pairs">
                <dt>{move || i18n.t("recap-name")}</dt>
                <dd>{format!("{} {}", student.first_name, student.last_name)}</dd>
                <dt>{move || i18n.t("student-enrolment")}</dt>
                <dd>{enrolment}</dd>
                <dt>{move || i18n.t("student-address")}</dt>
                <dd>{address}</dd>
                <dt>{move || i18n.t("student-personal-email")}</dt>
                <dd>{fields.personal_email.get_untracked()}</dd>
                <dt>{move || i18n.t("student-mobile")}</dt>
                <dd>{fields.mobile.get_untracked()}</dd>
                <dt>{move || i18n.t("student-insurance-fund")}</dt>
                <dd>{fields.fund.get_untracked()}</dd>
            </dl>
        </section>
    }
}
