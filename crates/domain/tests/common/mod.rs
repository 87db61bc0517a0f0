//! A complete, realistic convention and its check context, shared by the
//! integration tests and the benchmark.

#![allow(clippy::unwrap_used, dead_code)]

use chrono::NaiveDate;
use stages_domain::ids::{Country, Currency, Email, Ine, NafCode, Phone, Siret};
use stages_domain::messages::MessageKey;
use stages_domain::model::*;
use stages_domain::rules::{self, CheckContext};
use stages_domain::violation::Violation;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The day the checks run: before the internship starts.
pub fn today() -> NaiveDate {
    d(2025, 12, 1)
}

fn address(street: &str, postal_code: &str, city: &str) -> Address {
    Address {
        street: street.to_owned(),
        building: None,
        postal_code: postal_code.to_owned(),
        city: city.to_owned(),
        country: Some(Country::france()),
    }
}

fn nomenclature(code: &str, label: &str) -> NomenclatureRef {
    NomenclatureRef {
        code: code.to_owned(),
        label: label.to_owned(),
    }
}

/// An M1 student's 19-week internship at a software company in Nancy:
/// 13 April – 21 August 2026, exam week off, 35 h a week, 693 € a month.
/// Effective presence: 86 days of 7 h = 602 h.
pub fn convention() -> Convention {
    Convention {
        student: StudentStep {
            student: Student {
                student_number: "31912345".to_owned(),
                ine: Some(Ine::parse("0123456789M").unwrap()),
                last_name: "Martin".to_owned(),
                first_name: "Jeanne".to_owned(),
                usage_name: None,
                birth_date: Some(d(2002, 3, 14)),
                university_email: Some(Email::parse("jeanne.martin@etu.univ-lorraine.fr").unwrap()),
            },
            enrolment: Some(Enrolment {
                academic_year: AcademicYear::starting(2025),
                programme: nomenclature("M1INF", "Master 1 Informatique"),
                faculty: nomenclature("FST", "Faculté des sciences et technologies"),
                teaching_hours: Some(420),
                teaching_element: Some(nomenclature("M1INF-STG", "Stage M1")),
            }),
            address: address("12 rue de la Ravinelle", "54000", "Nancy"),
            personal_email: Some(Email::parse("jeanne.martin@example.org").unwrap()),
            phone: None,
            mobile_phone: Some(Phone::parse("06 12 34 56 78").unwrap()),
            health_insurance: HealthInsurance {
                fund: "CPAM de Meurthe-et-Moselle".to_owned(),
                region: Some("Grand Est".to_owned()),
                address: None,
            },
            legal_representative: None,
        },
        organisation: Some(Organisation {
            name: "Logiciels de l'Est SAS".to_owned(),
            siret: Some(Siret::parse("73282932000074").unwrap()),
            naf: Some(NafCode::parse("62.01Z").unwrap()),
            main_activity: Some("Édition de logiciels".to_owned()),
            headcount: Some(250),
            kind: Some(OrganisationKind::PrivateCompany),
            legal_status: Some(nomenclature("SAS", "Société par actions simplifiée")),
            address: address("4 boulevard des Aiguillettes", "54600", "Villers-lès-Nancy"),
            phone: Some(Phone::parse("03 83 00 00 00").unwrap()),
            email: None,
            website: None,
        }),
        host_service: Some(HostService {
            name: "Recherche et développement".to_owned(),
            address: address("4 boulevard des Aiguillettes", "54600", "Villers-lès-Nancy"),
            phone: None,
        }),
        tutor: Some(Contact {
            civility: Some(Civility::Mr),
            last_name: "Durand".to_owned(),
            first_name: "Paul".to_owned(),
            email: Some(Email::parse("paul.durand@logiciels-est.fr").unwrap()),
            phone: Some(Phone::parse("03 83 00 00 12").unwrap()),
            position: "Responsable R&D".to_owned(),
        }),
        internship: Internship {
            convention_type: Some(ConventionType::InitialMandatory),
            theme: Some(nomenclature("INFO", "Informatique")),
            language: Some(AgreementLanguage::Fr),
            subject: "Conception d'un moteur de règles pour la gestion des stages".to_owned(),
            tasks: "Analyse des besoins, développement en Rust, tests.".to_owned(),
            skills: "Modélisation, programmation système, travail en équipe.".to_owned(),
            details: None,
            start: Some(d(2026, 4, 13)),
            end: Some(d(2026, 8, 21)),
            interruptions: vec![Period {
                start: d(2026, 5, 11),
                end: d(2026, 5, 15),
            }],
            regular_schedule: Some(true),
            weekly_minutes: Some(35 * 60),
            days_per_week: Some(DaysPerWeek::FIVE),
            schedule_periods: vec![],
            working_time: Some(WorkingTime::FullTime),
            part_time_percentage: None,
            presence_type: Some(PresenceType::Continuous),
            working_time_comment: None,
            leave_days: Some(10),
            leave_terms: None,
            stipend_paid: Some(true),
            stipend: StipendTerms {
                amount_cents: Some(69_300),
                currency: Some(Currency::euro()),
                basis: Some(StipendBasis::Gross),
                unit: Some(StipendUnit::Month),
                payment_mode: Some(PaymentMode::BankTransfer),
            },
            benefits: Some("Titres-restaurant".to_owned()),
            supervision_mode: Some(
                "Point hebdomadaire avec le tuteur, visite de l'enseignant".to_owned(),
            ),
            work_to_deliver: Some(nomenclature("RAPPORT", "Rapport de stage")),
            validation_mode: Some(nomenclature("SOUT", "Soutenance")),
            confidentiality: Some(Confidentiality::None),
            night_sunday_holiday_work: None,
            night_work: None,
            host_accident_cover: None,
            found_through: Some(InternshipOrigin::Offer),
        },
        supervisor: Some(Supervisor {
            uid: "lbernard".to_owned(),
            last_name: "Bernard".to_owned(),
            first_name: "Lucie".to_owned(),
            email: Some(Email::parse("lucie.bernard@univ-lorraine.fr").unwrap()),
            phone: None,
            department: Some("LORIA".to_owned()),
        }),
        signatory: Some(Contact {
            civility: Some(Civility::Ms),
            last_name: "Petit".to_owned(),
            first_name: "Claire".to_owned(),
            email: Some(Email::parse("claire.petit@logiciels-est.fr").unwrap()),
            phone: Some(Phone::parse("03 83 00 00 01").unwrap()),
            position: "Présidente".to_owned(),
        }),
    }
}

/// A minor's mother, as the student step names her (SAF-07).
pub fn legal_representative() -> Contact {
    Contact {
        civility: Some(Civility::Ms),
        last_name: "Martin".to_owned(),
        first_name: "Sophie".to_owned(),
        email: Some(Email::parse("sophie.martin@example.org").unwrap()),
        phone: Some(Phone::parse("06 98 76 54 32").unwrap()),
        position: "Mère".to_owned(),
    }
}

/// The realistic convention with its host and service in Germany, unpaid:
/// French stipend, leave and quota rules do not apply (GRAT-09, ABR-02).
pub fn abroad() -> Convention {
    let mut c = convention();
    let germany = Some(Country::parse("DE").unwrap());
    for address in [
        &mut c.organisation.as_mut().unwrap().address,
        &mut c.host_service.as_mut().unwrap().address,
    ] {
        address.country = germany.clone();
        address.postal_code = "10115".into();
    }
    let org = c.organisation.as_mut().unwrap();
    org.siret = None;
    org.naf = None;
    org.headcount = Some(10);
    c.internship.leave_days = None;
    c.internship.stipend_paid = Some(false);
    c.internship.stipend = StipendTerms::default();
    c
}

/// `n` other interns at the host for the whole of 2026 and 2027.
pub fn interns(n: usize) -> Vec<Period> {
    vec![
        Period {
            start: d(2026, 1, 1),
            end: d(2027, 12, 31),
        };
        n
    ]
}

/// What the database would say about that convention.
pub fn context() -> CheckContext {
    CheckContext {
        supervisor_ongoing: Some(10),
        tutor_ongoing: Some(1),
        host_interns: Some(interns(5)),
        ..CheckContext::new(today(), CentreSettings::default())
    }
}

/// Checks, and asserts every violation names a key the crate declares with
/// exactly its declared placeables (what the message files are tested for).
pub fn check(convention: &Convention, ctx: &CheckContext) -> Vec<Violation> {
    let violations = rules::check(convention, ctx);
    assert_well_formed(&violations);
    violations
}

pub fn assert_well_formed(violations: &[Violation]) {
    for v in violations {
        let key = MessageKey::from_id(&v.message_key)
            .unwrap_or_else(|| panic!("undeclared key {}", v.message_key));
        let args: Vec<&str> = v.args.keys().map(String::as_str).collect();
        let mut declared = key.args().to_vec();
        declared.sort_unstable();
        assert_eq!(
            args, declared,
            "placeables of {} on {}",
            v.message_key, v.field
        );
    }
}

/// `(rule, field)` of each violation, for compact assertions.
pub fn rules_and_fields(violations: &[Violation]) -> Vec<(String, String)> {
    violations
        .iter()
        .map(|v| (v.rule.clone(), v.field.clone()))
        .collect()
}

/// Whether a violation of `rule` is present.
pub fn has_rule(violations: &[Violation], rule: &str) -> bool {
    violations.iter().any(|v| v.rule == rule)
}

/// The internship 5 January – 27 February 2026 (8 weeks, no public holiday)
/// with `weekly_minutes` a week: 35 h gives 280 h.
pub fn eight_weeks(weekly_minutes: u32) -> Convention {
    let mut c = convention();
    c.internship.start = Some(d(2026, 1, 5));
    c.internship.end = Some(d(2026, 2, 27));
    c.internship.interruptions.clear();
    c.internship.weekly_minutes = Some(weekly_minutes);
    c
}
