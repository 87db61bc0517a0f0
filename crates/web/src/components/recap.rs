//! The summary of a convention (récapitulatif, seed §4.8 and §9): every
//! step's data as entered, and the figures.

use super::figures::FiguresPanel;
use super::reference::{CodeLabel, code_of};
use crate::format;
use crate::i18n::{I18n, use_i18n};
use leptos::prelude::*;
use stages_domain::figures::Figures;
use stages_domain::model::{
    Address, Contact, Convention, HostService, Internship, Organisation, StudentStep, Supervisor,
};

/// A label and its value; nothing when the value is empty.
fn pair(i18n: &I18n, key: &'static str, value: String) -> Option<AnyView> {
    (!value.trim().is_empty()).then(|| {
        let label = i18n.t(key);
        view! {
            <dt>{label}</dt>
            <dd>{value}</dd>
        }
        .into_any()
    })
}

/// A label and the label of a code of a reference table.
fn coded(i18n: &I18n, key: &'static str, table: &'static str, code: String) -> Option<AnyView> {
    (!code.is_empty()).then(|| {
        let label = i18n.t(key);
        view! {
            <dt>{label}</dt>
            <dd>
                <CodeLabel kind=table code=code />
            </dd>
        }
        .into_any()
    })
}

fn address(a: &Address) -> String {
    let building = a.building.as_deref().unwrap_or_default();
    let country = a.country.as_ref().map(|c| c.as_str()).unwrap_or_default();
    [
        a.street.as_str(),
        building,
        &format!("{} {}", a.postal_code, a.city),
        country,
    ]
    .iter()
    .map(|s| s.trim())
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

fn text<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(T::to_string).unwrap_or_default()
}

fn section(
    i18n: &I18n,
    title: &'static str,
    id: &'static str,
    rows: Vec<Option<AnyView>>,
) -> AnyView {
    let rows: Vec<AnyView> = rows.into_iter().flatten().collect();
    let empty = rows.is_empty();
    let title = i18n.t(title);
    let none = i18n.t("recap-empty");
    view! {
        <section class="recap-section" aria-labelledby=id>
            <h3 id=id>{title}</h3>
            {if empty {
                view! { <p class="muted">{none}</p> }.into_any()
            } else {
                view! { <dl class="pairs">{rows}</dl> }.into_any()
            }}
        </section>
    }
    .into_any()
}

fn student(i18n: &I18n, s: &StudentStep) -> AnyView {
    let enrolment = s.enrolment.as_ref();
    section(
        i18n,
        "step-student",
        "recap-student",
        vec![
            pair(
                i18n,
                "recap-name",
                format!("{} {}", s.student.first_name, s.student.last_name),
            ),
            pair(i18n, "student-number", s.student.student_number.clone()),
            pair(
                i18n,
                "student-university-email",
                text(&s.student.university_email),
            ),
            pair(
                i18n,
                "student-academic-year",
                enrolment
                    .map(|e| e.academic_year.to_string())
                    .unwrap_or_default(),
            ),
            pair(
                i18n,
                "student-programme",
                enrolment
                    .map(|e| e.programme.label.clone())
                    .unwrap_or_default(),
            ),
            pair(
                i18n,
                "student-faculty",
                enrolment
                    .map(|e| e.faculty.label.clone())
                    .unwrap_or_default(),
            ),
            pair(i18n, "student-address", address(&s.address)),
            pair(i18n, "student-personal-email", text(&s.personal_email)),
            pair(i18n, "student-phone", text(&s.phone)),
            pair(i18n, "student-mobile", text(&s.mobile_phone)),
            pair(
                i18n,
                "student-insurance-fund",
                s.health_insurance.fund.clone(),
            ),
        ],
    )
}

fn organisation(i18n: &I18n, o: Option<&Organisation>) -> AnyView {
    let rows = o
        .map(|o| {
            vec![
                pair(i18n, "org-name", o.name.clone()),
                pair(i18n, "org-siret", text(&o.siret)),
                pair(i18n, "org-naf", text(&o.naf)),
                pair(
                    i18n,
                    "org-activity",
                    o.main_activity.clone().unwrap_or_default(),
                ),
                pair(i18n, "org-headcount", text(&o.headcount)),
                coded(
                    i18n,
                    "org-kind",
                    "organisation_type",
                    o.kind.as_ref().map(code_of).unwrap_or_default(),
                ),
                pair(i18n, "org-address", address(&o.address)),
                pair(i18n, "org-phone", text(&o.phone)),
                pair(i18n, "org-email", text(&o.email)),
            ]
        })
        .unwrap_or_default();
    section(i18n, "step-organisation", "recap-organisation", rows)
}

fn service(i18n: &I18n, s: Option<&HostService>) -> AnyView {
    let rows = s
        .map(|s| {
            vec![
                pair(i18n, "service-name", s.name.clone()),
                pair(i18n, "service-address", address(&s.address)),
                pair(i18n, "service-phone", text(&s.phone)),
            ]
        })
        .unwrap_or_default();
    section(i18n, "step-host-service", "recap-host-service", rows)
}

fn contact(i18n: &I18n, title: &'static str, id: &'static str, c: Option<&Contact>) -> AnyView {
    let rows = c
        .map(|c| {
            vec![
                pair(
                    i18n,
                    "recap-name",
                    format!("{} {}", c.first_name, c.last_name),
                ),
                pair(i18n, "contact-position", c.position.clone()),
                pair(i18n, "contact-email", text(&c.email)),
                pair(i18n, "contact-phone", text(&c.phone)),
            ]
        })
        .unwrap_or_default();
    section(i18n, title, id, rows)
}

fn supervisor(i18n: &I18n, s: Option<&Supervisor>) -> AnyView {
    let rows = s
        .map(|s| {
            vec![
                pair(
                    i18n,
                    "recap-name",
                    format!("{} {}", s.first_name, s.last_name),
                ),
                pair(i18n, "contact-email", text(&s.email)),
                pair(
                    i18n,
                    "supervisor-department",
                    s.department.clone().unwrap_or_default(),
                ),
            ]
        })
        .unwrap_or_default();
    section(i18n, "step-supervisor", "recap-supervisor", rows)
}

fn internship(i18n: &I18n, i: &Internship) -> AnyView {
    let lang = i18n.lang.get_untracked();
    let dates = match (i.start, i.end) {
        (Some(start), Some(end)) => i18n.t_with(
            "recap-from-to",
            &[
                ("start", format::date(lang, start)),
                ("end", format::date(lang, end)),
            ],
        ),
        _ => String::new(),
    };
    let interruptions = i
        .interruptions
        .iter()
        .map(|p| {
            i18n.t_with(
                "recap-from-to",
                &[
                    ("start", format::date(lang, p.start)),
                    ("end", format::date(lang, p.end)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    let schedule = match (i.regular_schedule, i.weekly_minutes) {
        (Some(true), Some(weekly)) => i18n.t_with(
            "recap-weekly",
            &[("hours", format::hours(lang, u64::from(weekly)))],
        ),
        (Some(false), _) => i18n.t_count("recap-irregular", "count", i.schedule_periods.len(), &[]),
        _ => String::new(),
    };
    let stipend = match (i.stipend_paid, i.stipend.amount_cents) {
        (Some(false), _) => i18n.t("recap-no-stipend"),
        (Some(true), Some(cents)) => {
            let currency = i
                .stipend
                .currency
                .as_ref()
                .map(|c| c.as_str())
                .unwrap_or("EUR");
            format::money(lang, cents, currency)
        }
        _ => String::new(),
    };
    section(
        i18n,
        "step-internship",
        "recap-internship",
        vec![
            coded(
                i18n,
                "internship-convention-type",
                "convention_type",
                i.convention_type.as_ref().map(code_of).unwrap_or_default(),
            ),
            pair(
                i18n,
                "internship-theme",
                i.theme
                    .as_ref()
                    .map(|t| t.label.clone())
                    .unwrap_or_default(),
            ),
            coded(
                i18n,
                "internship-language",
                "language",
                i.language.as_ref().map(code_of).unwrap_or_default(),
            ),
            pair(i18n, "internship-subject", i.subject.clone()),
            pair(i18n, "internship-tasks", i.tasks.clone()),
            pair(i18n, "internship-skills", i.skills.clone()),
            pair(i18n, "recap-dates", dates),
            pair(i18n, "internship-interruptions", interruptions),
            pair(i18n, "recap-schedule", schedule),
            coded(
                i18n,
                "internship-working-time",
                "working_time",
                i.working_time.as_ref().map(code_of).unwrap_or_default(),
            ),
            pair(i18n, "internship-leave-days", text(&i.leave_days)),
            pair(
                i18n,
                "internship-leave-terms",
                i.leave_terms.clone().unwrap_or_default(),
            ),
            pair(i18n, "recap-stipend", stipend),
            coded(
                i18n,
                "internship-stipend-unit",
                "stipend_unit",
                i.stipend.unit.as_ref().map(code_of).unwrap_or_default(),
            ),
            pair(
                i18n,
                "internship-benefits",
                i.benefits.clone().unwrap_or_default(),
            ),
            pair(
                i18n,
                "internship-supervision",
                i.supervision_mode.clone().unwrap_or_default(),
            ),
            pair(
                i18n,
                "internship-work-to-deliver",
                i.work_to_deliver
                    .as_ref()
                    .map(|t| t.label.clone())
                    .unwrap_or_default(),
            ),
            pair(
                i18n,
                "internship-validation-mode",
                i.validation_mode
                    .as_ref()
                    .map(|t| t.label.clone())
                    .unwrap_or_default(),
            ),
            coded(
                i18n,
                "internship-confidentiality",
                "confidentiality",
                i.confidentiality.as_ref().map(code_of).unwrap_or_default(),
            ),
            coded(
                i18n,
                "internship-found-through",
                "internship_origin",
                i.found_through.as_ref().map(code_of).unwrap_or_default(),
            ),
        ],
    )
}

/// Every step of `convention`, then the figures.
#[component]
pub fn Recap(convention: Convention, figures: Option<Figures>) -> impl IntoView {
    let i18n = use_i18n();
    let figures = Signal::stored(figures);
    view! {
        <div class="recap">
            {move || {
                i18n.lang.track();
                let c = &convention;
                view! {
                    {student(&i18n, &c.student)}
                    {organisation(&i18n, c.organisation.as_ref())}
                    {service(&i18n, c.host_service.as_ref())}
                    {contact(&i18n, "step-tutor", "recap-tutor", c.tutor.as_ref())}
                    {internship(&i18n, &c.internship)}
                    {supervisor(&i18n, c.supervisor.as_ref())}
                    {contact(&i18n, "step-signatory", "recap-signatory", c.signatory.as_ref())}
                }
            }}
            <FiguresPanel figures=figures />
        </div>
    }
}
