//! The internship agreement: letterhead, parties, the fourteen articles
//! that carry CONV-08's fifteen mandatory mentions, and five signatures.

use stages_domain::abroad::{FRENCH_COVER_MAX_MONTHS, accident_cover};
use stages_domain::duration::{Presence, presence};
use stages_domain::ids::Currency;
use stages_domain::model::{
    Confidentiality, Convention, ConventionType, DaysPerWeek, Internship, PresenceType, Schedule,
    WorkingTime,
};
use stages_domain::stipend::{
    UnknownRate, is_mandatory, legal_minimum_cents, total_cents, unit_minutes,
};

use super::i18n::{Key, Words};
use super::layout::{DASH, Sheet};
use super::shared::{
    address, contact_name, join, or_dash, or_empty, payment_mode, periods, render,
    signature_section, stipend_terms, student_name, supervisor_name,
};
use super::{ConventionDocument, DocumentError};

/// Renders the agreement as PDF.
pub fn render_convention(doc: &ConventionDocument) -> Result<Vec<u8>, DocumentError> {
    let words = Words::new(doc.language);
    let title = words.get(Key::ConventionTitle);
    render(
        sheet(doc, &words),
        &words,
        &doc.letterhead,
        doc.number,
        &format!("{title} {}", doc.number),
    )
}

/// The figures of the law, computed once by the domain.
struct Figures {
    schedule: Option<Schedule>,
    /// Effective presence; `None` without dates or schedule.
    presence: Option<Presence>,
}

impl Figures {
    fn of(internship: &Internship) -> Self {
        let schedule = internship.schedule();
        let presence = match (internship.dates(), &schedule) {
            (Some((start, end)), Some(schedule)) => {
                Some(presence(start, end, &internship.interruptions, schedule))
            }
            _ => None,
        };
        Self { schedule, presence }
    }
}

/// What an article prints under its heading.
type Article = fn(&mut Sheet, &ConventionDocument, &Words, &Figures);

/// The articles in order, with the CONV-08 mentions they carry.
const ARTICLES: [(Key, Article); 14] = [
    (Key::ArtProgramme, programme),     // 1°
    (Key::ArtSubject, subject),         // 4°
    (Key::ArtSkills, skills),           // 3°
    (Key::ArtDates, dates),             // 5°
    (Key::ArtHours, hours),             // 6°
    (Key::ArtSupervision, supervision), // 2° and 7°
    (Key::ArtStipend, stipend),         // 8°
    (Key::ArtSocial, social),           // 9°
    (Key::ArtLeave, leave),             // 10°
    (Key::ArtTermination, termination), // 11°
    (Key::ArtValidation, validation),   // 12°
    (Key::ArtBenefits, benefits),       // 13°
    (Key::ArtRules, rules),             // 14°
    (Key::ArtCertificate, certificate), // 15°
];

fn sheet(doc: &ConventionDocument, words: &Words) -> Sheet {
    let figures = Figures::of(&doc.convention.internship);
    let mut sheet = Sheet::new();
    sheet.letterhead(&doc.letterhead, words);
    sheet.title(&words.get(Key::ConventionTitle));
    sheet.subtitle(&words.with(
        Key::ConventionSubtitle,
        vec![
            ("number", doc.number.to_string().into()),
            ("year", doc.academic_year.to_string().into()),
        ],
    ));
    parties(&mut sheet, doc, words);
    sheet.space(0.5);
    sheet.paragraphs(&words.get(Key::AgreedIntro));
    for (number, (title, article)) in (1u64..).zip(ARTICLES) {
        sheet.heading(&words.with(
            Key::ArticleHeading,
            vec![
                ("number", number.to_string().into()),
                ("title", words.get(title).into()),
            ],
        ));
        article(&mut sheet, doc, words, &figures);
    }
    // ABR-01: abroad, the country's information sheet is annexed.
    if !doc.convention.is_in_france() {
        sheet.heading(&words.get(Key::AnnexesTitle));
        sheet.paragraphs(&words.with(
            Key::AnnexCountrySheet,
            vec![(
                "country",
                or_dash(doc.convention.country().map_or("", |c| c.as_str()))
                    .to_owned()
                    .into(),
            )],
        ));
    }
    signature_section(
        &mut sheet,
        words,
        &doc.convention,
        &doc.institution_signatory,
        &doc.letterhead,
        doc.today,
    );
    sheet
}

fn parties(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words) {
    let c: &Convention = &doc.convention;
    sheet.heading(&words.get(Key::PartiesTitle));

    sheet.subheading(&words.get(Key::PartyInstitution));
    sheet.field(
        &words.get(Key::LabelInstitution),
        &doc.letterhead.institution,
    );
    sheet.field(&words.get(Key::LabelCentre), &doc.letterhead.centre);
    sheet.field(
        &words.get(Key::LabelAddress),
        &address(&doc.letterhead.address),
    );
    sheet.field(
        &words.get(Key::LabelRepresentedBy),
        &doc.institution_signatory.name,
    );
    sheet.field(
        &words.get(Key::LabelPosition),
        &doc.institution_signatory.position,
    );

    let step = &c.student;
    let student = &step.student;
    sheet.subheading(&words.get(Key::PartyStudent));
    sheet.field(&words.get(Key::LabelName), &student_name(words, student));
    if let Some(usage) = &student.usage_name {
        sheet.field(&words.get(Key::LabelUsageName), usage);
    }
    sheet.field(&words.get(Key::LabelStudentNumber), &student.student_number);
    sheet.field(
        &words.get(Key::LabelIne),
        or_empty(student.ine.as_ref().map(|ine| ine.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelBirthDate),
        &student
            .birth_date
            .map(|d| words.date(d))
            .unwrap_or_default(),
    );
    sheet.field(&words.get(Key::LabelAddress), &address(&step.address));
    let email = step
        .personal_email
        .as_ref()
        .or(student.university_email.as_ref());
    sheet.field(
        &words.get(Key::LabelEmail),
        or_empty(email.map(|e| e.as_str())),
    );
    let phone = step.mobile_phone.as_ref().or(step.phone.as_ref());
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(phone.map(|p| p.as_str())),
    );
    // SAF-07: a minor is a party with their legal representative.
    if c.intern_is_minor() {
        let representative = step.legal_representative.clone().unwrap_or_default();
        sheet.field(
            &words.get(Key::LabelLegalRepresentative),
            &join(
                ", ",
                [
                    contact_name(words, &representative).as_str(),
                    representative.position.as_str(),
                    or_empty(representative.email.as_ref().map(|e| e.as_str())),
                    or_empty(representative.phone.as_ref().map(|p| p.as_str())),
                ],
            ),
        );
    }

    sheet.subheading(&words.get(Key::PartyHost));
    let organisation = c.organisation.clone().unwrap_or_default();
    sheet.field(&words.get(Key::LabelName), &organisation.name);
    sheet.field(
        &words.get(Key::LabelSiret),
        or_empty(organisation.siret.as_ref().map(|s| s.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelActivity),
        &join(
            " – ",
            [
                or_empty(organisation.naf.as_ref().map(|n| n.as_str())),
                or_empty(organisation.main_activity.as_deref()),
            ],
        ),
    );
    sheet.field(
        &words.get(Key::LabelLegalStatus),
        or_empty(organisation.legal_status.as_ref().map(|s| s.label.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelAddress),
        &address(&organisation.address),
    );
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(organisation.phone.as_ref().map(|p| p.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelEmail),
        or_empty(organisation.email.as_ref().map(|e| e.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelWebsite),
        or_empty(organisation.website.as_deref()),
    );
    let signatory = c.signatory.clone().unwrap_or_default();
    sheet.field(
        &words.get(Key::LabelRepresentedBy),
        &contact_name(words, &signatory),
    );
    sheet.field(&words.get(Key::LabelPosition), &signatory.position);

    sheet.subheading(&words.get(Key::PartyService));
    let host_service = c.host_service.clone().unwrap_or_default();
    sheet.field(&words.get(Key::LabelName), &host_service.name);
    sheet.field(
        &words.get(Key::LabelAddress),
        &address(&host_service.address),
    );
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(host_service.phone.as_ref().map(|p| p.as_str())),
    );

    sheet.subheading(&words.get(Key::PartyTutor));
    let tutor = c.tutor.clone().unwrap_or_default();
    sheet.field(&words.get(Key::LabelName), &contact_name(words, &tutor));
    sheet.field(&words.get(Key::LabelPosition), &tutor.position);
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(tutor.phone.as_ref().map(|p| p.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelEmail),
        or_empty(tutor.email.as_ref().map(|e| e.as_str())),
    );

    sheet.subheading(&words.get(Key::PartySupervisor));
    let supervisor = c.supervisor.clone().unwrap_or_default();
    sheet.field(
        &words.get(Key::LabelName),
        &supervisor_name(words, &supervisor),
    );
    sheet.field(
        &words.get(Key::LabelDepartment),
        or_empty(supervisor.department.as_deref()),
    );
    sheet.field(
        &words.get(Key::LabelPhone),
        or_empty(supervisor.phone.as_ref().map(|p| p.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelEmail),
        or_empty(supervisor.email.as_ref().map(|e| e.as_str())),
    );
}

fn programme(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    let enrolment = doc.convention.student.enrolment.as_ref();
    sheet.field(&words.get(Key::LabelProgramme), &doc.programme);
    sheet.field(
        &words.get(Key::LabelAcademicYear),
        &doc.academic_year.to_string(),
    );
    sheet.field(
        &words.get(Key::LabelFaculty),
        or_empty(enrolment.map(|e| e.faculty.label.as_str())),
    );
    let teaching_hours = enrolment.and_then(|e| e.teaching_hours).map(|hours| {
        words.with(
            Key::TeachingHoursValue,
            vec![("hours", words.hours(u64::from(hours) * 60).into())],
        )
    });
    sheet.field(
        &words.get(Key::LabelTeachingHours),
        or_empty(teaching_hours.as_deref()),
    );
    sheet.field(
        &words.get(Key::LabelTeachingElement),
        or_empty(
            enrolment
                .and_then(|e| e.teaching_element.as_ref())
                .map(|t| t.label.as_str()),
        ),
    );
    let convention_type = doc.convention.internship.convention_type.map(|t| {
        words.get(match t {
            ConventionType::InitialMandatory => Key::TypeInitialMandatory,
            ConventionType::InitialRecommended => Key::TypeInitialRecommended,
            ConventionType::ContinuingEducation => Key::TypeContinuingEducation,
            ConventionType::GapYear => Key::TypeGapYear,
            ConventionType::Reorientation => Key::TypeReorientation,
        })
    });
    sheet.field(
        &words.get(Key::LabelConventionType),
        or_empty(convention_type.as_deref()),
    );
}

fn subject(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    let i = &doc.convention.internship;
    sheet.field(
        &words.get(Key::LabelTheme),
        or_empty(i.theme.as_ref().map(|t| t.label.as_str())),
    );
    sheet.long_field(&words.get(Key::LabelSubject), &i.subject);
    sheet.long_field(&words.get(Key::LabelTasks), &i.tasks);
    sheet.long_field(
        &words.get(Key::LabelDetails),
        or_empty(i.details.as_deref()),
    );
    let confidentiality = i.confidentiality.map(|c| {
        words.get(match c {
            Confidentiality::None => Key::ConfidentialityNone,
            Confidentiality::Total => Key::ConfidentialityTotal,
            Confidentiality::Free => Key::ConfidentialityFree,
        })
    });
    sheet.field(
        &words.get(Key::LabelConfidentiality),
        or_empty(confidentiality.as_deref()),
    );
}

fn skills(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    sheet.long_field(
        &words.get(Key::LabelSkills),
        &doc.convention.internship.skills,
    );
}

fn dates(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, figures: &Figures) {
    let i = &doc.convention.internship;
    sheet.field(
        &words.get(Key::LabelStart),
        &i.start.map(|d| words.date(d)).unwrap_or_default(),
    );
    sheet.field(
        &words.get(Key::LabelEnd),
        &i.end.map(|d| words.date(d)).unwrap_or_default(),
    );
    sheet.field(
        &words.get(Key::LabelInterruptions),
        &periods(words, &i.interruptions),
    );
    let presence = figures.presence.as_ref().map(|p| {
        words.with(
            Key::DurationValue,
            vec![
                ("hours", words.hours(p.minutes).into()),
                ("breakdown", words.breakdown(p.breakdown()).into()),
            ],
        )
    });
    sheet.field(
        &words.get(Key::LabelEffectivePresence),
        or_empty(presence.as_deref()),
    );
    sheet.paragraphs(&words.get(Key::CountingRule));
}

/// `5`, `4,5`, `4.5`.
fn days_per_week(words: &Words, days: DaysPerWeek) -> String {
    let half_days = days.half_days();
    let whole = words.integer(u64::from(half_days / 2));
    if half_days.is_multiple_of(2) {
        whole
    } else {
        format!("{whole}{}5", words.decimal_separator())
    }
}

fn hours(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, figures: &Figures) {
    let i = &doc.convention.internship;
    match &figures.schedule {
        Some(Schedule::Regular {
            weekly_minutes,
            days_per_week: days,
        }) => {
            sheet.field(
                &words.get(Key::LabelWeeklyHours),
                &words.hours(u64::from(*weekly_minutes)),
            );
            sheet.field(
                &words.get(Key::LabelDaysPerWeek),
                &words.with(
                    Key::DaysPerWeekValue,
                    vec![("days", days_per_week(words, *days).into())],
                ),
            );
        }
        Some(Schedule::Irregular { periods }) => {
            sheet.field(
                &words.get(Key::LabelSchedule),
                &words.get(Key::ScheduleIrregular),
            );
            for period in periods {
                sheet.paragraphs(&words.with(
                    Key::SchedulePeriod,
                    vec![
                        ("start", words.date(period.start).into()),
                        ("end", words.date(period.end).into()),
                        (
                            "hours",
                            words.hours(u64::from(period.minutes_per_day)).into(),
                        ),
                    ],
                ));
            }
        }
        None => sheet.field(&words.get(Key::LabelWeeklyHours), DASH),
    }
    let working_time = i.working_time.map(|t| match t {
        WorkingTime::FullTime => words.get(Key::WorkingTimeFull),
        WorkingTime::PartTime => words.with(
            Key::WorkingTimePart,
            vec![(
                "percentage",
                i.part_time_percentage
                    .map_or(DASH.to_owned(), |p| p.to_string())
                    .into(),
            )],
        ),
    });
    sheet.field(
        &words.get(Key::LabelWorkingTime),
        or_empty(working_time.as_deref()),
    );
    let presence_type = i.presence_type.map(|p| {
        words.get(match p {
            PresenceType::Continuous => Key::PresenceContinuous,
            PresenceType::Discontinuous => Key::PresenceDiscontinuous,
        })
    });
    sheet.field(
        &words.get(Key::LabelPresenceType),
        or_empty(presence_type.as_deref()),
    );
    if let Some(comment) = &i.working_time_comment {
        sheet.field(&words.get(Key::LabelWorkingTimeComment), comment);
    }
    sheet.field(
        &words.get(Key::LabelNightSundayHoliday),
        or_empty(i.night_sunday_holiday_work.as_deref()),
    );
    if let Some(night) = i.night_work {
        sheet.field(
            &words.get(Key::LabelNightWork),
            &words.get(if night {
                Key::NightWorkYes
            } else {
                Key::NightWorkNo
            }),
        );
    }
    sheet.paragraphs(&words.get(Key::ClauseHours));
}

fn supervision(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    let c = &doc.convention;
    let supervisor = c.supervisor.as_ref().map(|s| supervisor_name(words, s));
    sheet.field(
        &words.get(Key::LabelSupervisor),
        or_empty(supervisor.as_deref()),
    );
    let tutor = c.tutor.as_ref().map(|t| contact_name(words, t));
    sheet.field(&words.get(Key::LabelTutor), or_empty(tutor.as_deref()));
    sheet.long_field(
        &words.get(Key::LabelSupervisionMode),
        or_empty(c.internship.supervision_mode.as_deref()),
    );
    sheet.paragraphs(&words.get(Key::ClauseSupervision));
}

fn stipend(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, figures: &Figures) {
    let c = &doc.convention;
    let i = &c.internship;
    match i.stipend_paid {
        Some(true) => {
            sheet.field(
                &words.get(Key::LabelStipendAmount),
                &stipend_terms(words, &i.stipend),
            );
            sheet.field(
                &words.get(Key::LabelPaymentMode),
                &payment_mode(words, i.stipend.payment_mode),
            );
            sheet.field(
                &words.get(Key::LabelStipendTotal),
                &planned_total(words, i, figures).unwrap_or_default(),
            );
        }
        Some(false) => sheet.field(
            &words.get(Key::LabelStipendPaid),
            &words.get(Key::StipendNone),
        ),
        None => sheet.field(&words.get(Key::LabelStipendPaid), DASH),
    }
    legal_minimum(sheet, doc, words, figures);
    sheet.paragraphs(&words.get(Key::ClauseStipend));
}

/// What the stipend amounts to for the planned presence (GRAT-07's
/// arithmetic, by the domain).
fn planned_total(words: &Words, i: &Internship, figures: &Figures) -> Option<String> {
    let terms = &i.stipend;
    let per_unit = unit_minutes(
        terms.unit?,
        figures.schedule.as_ref()?,
        figures.presence.as_ref()?,
    )?;
    let minutes = figures.presence.as_ref()?.minutes;
    let total = total_cents(terms.amount_cents?, per_unit, minutes);
    let currency = terms.currency.clone().unwrap_or_else(Currency::euro);
    Some(words.money(total, &currency))
}

/// The legal minimum for the presence (GRAT-01, GRAT-02) at the
/// installation's rates, each year's rate named (and, for a year not
/// entered yet, the year whose rate serves as its floor), or why there is
/// none.
fn legal_minimum(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, figures: &Figures) {
    let c = &doc.convention;
    if c.internship.convention_type == Some(ConventionType::ContinuingEducation) {
        sheet.paragraphs(&words.get(Key::StipendContinuingEducation));
        return;
    }
    if !c.is_in_france() {
        sheet.paragraphs(&words.get(Key::StipendAbroad));
        return;
    }
    let label = words.get(Key::LabelLegalMinimum);
    let Some(presence) = &figures.presence else {
        sheet.field(&label, DASH);
        return;
    };
    match legal_minimum_cents(presence, &doc.rates) {
        Ok(cents) => {
            let euro = Currency::euro();
            let rates = presence
                .by_year
                .iter()
                .filter_map(|y| {
                    let rate = doc.rates.rate(y.year)?;
                    let money = words.money(rate.cents, &euro);
                    Some(if rate.of_year == y.year {
                        words.with(
                            Key::HourlyRate,
                            vec![("rate", money.into()), ("year", y.year.to_string().into())],
                        )
                    } else {
                        words.with(
                            Key::HourlyRateFloor,
                            vec![
                                ("rate", money.into()),
                                ("year", y.year.to_string().into()),
                                ("rate_year", rate.of_year.to_string().into()),
                            ],
                        )
                    })
                })
                .collect::<Vec<_>>()
                .join(", ");
            let value = words.with(
                Key::LegalMinimumValue,
                vec![
                    ("amount", words.money(cents, &euro).into()),
                    ("rates", rates.into()),
                ],
            );
            sheet.field(&label, &value);
        }
        Err(UnknownRate { year }) => sheet.field(
            &label,
            &words.with(
                Key::LegalMinimumUnknown,
                vec![("year", year.to_string().into())],
            ),
        ),
    }
    sheet.paragraphs(&words.get(if is_mandatory(presence.minutes) {
        Key::StipendMandatory
    } else {
        Key::StipendOptional
    }));
}

fn social(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    let c = &doc.convention;
    let insurance = &c.student.health_insurance;
    sheet.field(
        &words.get(Key::LabelHealthInsurance),
        &join(
            " – ",
            [
                insurance.fund.as_str(),
                or_empty(insurance.region.as_deref()),
                or_empty(insurance.address.as_deref()),
            ],
        ),
    );
    if c.is_in_france() {
        sheet.paragraphs(&words.get(Key::ClauseSocial));
    } else {
        sheet.paragraphs(&words.get(Key::ClauseSocialAbroad));
        sheet.field(
            &words.get(Key::LabelAccidentCover),
            &accident_cover_abroad(doc, words),
        );
    }
}

/// ABR-03: who covers work accidents abroad, as the domain decides it: the
/// French cover with the conditions it keeps, or the host.
fn accident_cover_abroad(doc: &ConventionDocument, words: &Words) -> String {
    let c = &doc.convention;
    let cover = accident_cover(c, &doc.rates);
    if c.internship.host_accident_cover == Some(true) {
        return words.get(Key::AccidentCoverHost);
    }
    match (cover, c.internship.dates()) {
        (Some(cover), Some((start, end))) if cover.french_cover_continues() => words.with(
            Key::AccidentCoverFrench,
            vec![
                ("months", u64::from(FRENCH_COVER_MAX_MONTHS).into()),
                ("start", words.date(start).into()),
                ("end", words.date(end).into()),
                (
                    "limit",
                    cover
                        .limit
                        .map_or(DASH.to_owned(), |(_, cents)| {
                            words.money(cents, &Currency::euro())
                        })
                        .into(),
                ),
                (
                    "host",
                    or_dash(c.organisation.as_ref().map_or("", |o| o.name.as_str()))
                        .to_owned()
                        .into(),
                ),
                (
                    "country",
                    or_dash(c.country().map_or("", |country| country.as_str()))
                        .to_owned()
                        .into(),
                ),
            ],
        ),
        _ => words.get(Key::AccidentCoverToDeclare),
    }
}

fn leave(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    let i = &doc.convention.internship;
    let days = i
        .leave_days
        .map(|days| words.with(Key::LeaveDaysValue, vec![("days", u64::from(days).into())]));
    sheet.field(&words.get(Key::LabelLeaveDays), or_empty(days.as_deref()));
    sheet.field(
        &words.get(Key::LabelLeaveTerms),
        or_empty(i.leave_terms.as_deref()),
    );
    // ABR-02: abroad, French leave law does not apply.
    sheet.paragraphs(&words.get(if doc.convention.is_in_france() {
        Key::ClauseLeave
    } else {
        Key::ClauseLeaveAbroad
    }));
}

fn termination(sheet: &mut Sheet, _: &ConventionDocument, words: &Words, _: &Figures) {
    sheet.paragraphs(&words.get(Key::ClauseTermination));
}

fn validation(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    let i = &doc.convention.internship;
    sheet.field(
        &words.get(Key::LabelValidationMode),
        or_empty(i.validation_mode.as_ref().map(|v| v.label.as_str())),
    );
    sheet.field(
        &words.get(Key::LabelWorkToDeliver),
        or_empty(i.work_to_deliver.as_ref().map(|w| w.label.as_str())),
    );
    sheet.paragraphs(&words.get(Key::ClauseValidation));
}

fn benefits(sheet: &mut Sheet, doc: &ConventionDocument, words: &Words, _: &Figures) {
    sheet.field(
        &words.get(Key::LabelBenefits),
        or_empty(doc.convention.internship.benefits.as_deref()),
    );
    // ABR-02: the access to employees' rights (the official model's 5bis)
    // is left out of an agreement with a host abroad.
    if doc.convention.is_in_france() {
        sheet.paragraphs(&words.get(Key::ClauseBenefits));
    }
}

fn rules(sheet: &mut Sheet, _: &ConventionDocument, words: &Words, _: &Figures) {
    sheet.paragraphs(&words.get(Key::ClauseRules));
}

fn certificate(sheet: &mut Sheet, _: &ConventionDocument, words: &Words, _: &Figures) {
    sheet.paragraphs(&words.get(Key::ClauseCertificate));
}

#[cfg(test)]
mod tests {
    use super::*;
    use stages_domain::model::AgreementLanguage;

    #[test]
    fn days_per_week_in_the_locale() {
        let half = |n| DaysPerWeek::from_half_days(n).unwrap_or(DaysPerWeek::FIVE);
        let fr = Words::new(AgreementLanguage::Fr);
        let en = Words::new(AgreementLanguage::En);
        assert_eq!(days_per_week(&fr, half(10)), "5");
        assert_eq!(days_per_week(&fr, half(9)), "4,5");
        assert_eq!(days_per_week(&en, half(9)), "4.5");
    }
}
