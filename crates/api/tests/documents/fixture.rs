//! The demo-like agreement the document tests and the PDF benchmark render.

#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use stages_api::documents::{ConventionDocument, Letterhead, Logo, LogoType, Signatory};
use stages_domain::ids::{Country, Currency, Email, NafCode, Phone, Siret};
use stages_domain::lifecycle::ConventionNumber;
use stages_domain::model::{
    AcademicYear, Address, AgreementLanguage, Civility, Confidentiality, Contact, Convention,
    ConventionType, DaysPerWeek, Enrolment, HealthInsurance, HostService, Internship,
    NomenclatureRef, Organisation, OrganisationKind, PaymentMode, PresenceType, StipendBasis,
    StipendTerms, StipendUnit, Student, StudentStep, Supervisor, WorkingTime,
};
use stages_domain::stipend::RateTable;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn nomenclature(code: &str, label: &str) -> NomenclatureRef {
    NomenclatureRef {
        code: code.into(),
        label: label.into(),
    }
}

pub fn address(street: &str, postal_code: &str, city: &str, country: &str) -> Address {
    Address {
        street: street.into(),
        building: None,
        postal_code: postal_code.into(),
        city: city.into(),
        country: Some(Country::parse(country).unwrap()),
    }
}

/// The demo's student in a complete agreement: 35 h a week from Monday
/// 5 January to Friday 6 March 2026, that is 315 h, paid 693 € a month.
pub fn demo_convention() -> Convention {
    Convention {
        student: StudentStep {
            student: Student {
                student_number: "22401234".into(),
                ine: None,
                last_name: "Martin".into(),
                first_name: "Camille".into(),
                usage_name: None,
                birth_date: Some(date(2003, 4, 12)),
                university_email: Some(Email::parse("camille.martin@etu.univ-demo.fr").unwrap()),
            },
            enrolment: Some(Enrolment {
                academic_year: AcademicYear::starting(2025),
                programme: nomenclature("M1INFO", "M1 Informatique"),
                faculty: nomenclature("UFRST", "UFR Sciences et techniques"),
                teaching_hours: Some(420),
                teaching_element: None,
            }),
            address: address("12 rue de la République", "25000", "Besançon", "FR"),
            personal_email: None,
            phone: None,
            mobile_phone: Some(Phone::parse("0612345678").unwrap()),
            health_insurance: HealthInsurance {
                fund: "CPAM du Doubs".into(),
                region: None,
                address: None,
            },
            legal_representative: None,
        },
        organisation: Some(Organisation {
            name: "Société Générale d'Ingénierie".into(),
            siret: Some(Siret::parse("73282932000074").unwrap()),
            naf: Some(NafCode::parse("62.01Z").unwrap()),
            main_activity: Some("Ingénierie logicielle".into()),
            headcount: Some(250),
            kind: Some(OrganisationKind::PrivateCompany),
            legal_status: Some(nomenclature("SAS", "Société par actions simplifiée")),
            address: address("Königstraße 5", "70173", "Stuttgart", "DE"),
            phone: None,
            email: Some(Email::parse("stages@sgi.example").unwrap()),
            website: Some("https://sgi.example".into()),
        }),
        host_service: Some(HostService {
            name: "Pôle Cœur de réseau".into(),
            address: address("8 avenue de Montrapon", "25000", "Besançon", "FR"),
            phone: None,
        }),
        tutor: Some(Contact {
            civility: Some(Civility::Ms),
            last_name: "Faure".into(),
            first_name: "Élodie".into(),
            email: Some(Email::parse("elodie.faure@sgi.example").unwrap()),
            phone: None,
            position: "Responsable technique".into(),
        }),
        internship: Internship {
            convention_type: Some(ConventionType::InitialMandatory),
            theme: Some(nomenclature("INFO", "Informatique")),
            language: Some(AgreementLanguage::Fr),
            subject: "Conception d’un outil de supervision réseau".into(),
            tasks: "Analyser les besoins, accueillir le señor García, client madrilène, \
                    et développer le tableau de bord « temps réel »."
                .into(),
            skills: "Conduite de projet, qualité logicielle, œuvre collective.".into(),
            details: None,
            start: Some(date(2026, 1, 5)),
            end: Some(date(2026, 3, 6)),
            interruptions: Vec::new(),
            regular_schedule: Some(true),
            weekly_minutes: Some(35 * 60),
            days_per_week: Some(DaysPerWeek::FIVE),
            schedule_periods: Vec::new(),
            working_time: Some(WorkingTime::FullTime),
            part_time_percentage: None,
            presence_type: Some(PresenceType::Continuous),
            working_time_comment: None,
            leave_days: Some(3),
            leave_terms: None,
            stipend_paid: Some(true),
            stipend: StipendTerms {
                amount_cents: Some(69_300),
                currency: Some(Currency::euro()),
                basis: Some(StipendBasis::Gross),
                unit: Some(StipendUnit::Month),
                payment_mode: Some(PaymentMode::BankTransfer),
            },
            benefits: Some("Titres-restaurant".into()),
            supervision_mode: Some("Point hebdomadaire avec la tutrice".into()),
            work_to_deliver: Some(nomenclature("RAP", "Rapport de stage")),
            validation_mode: Some(nomenclature("SOUT", "Soutenance")),
            confidentiality: Some(Confidentiality::None),
            night_sunday_holiday_work: None,
            night_work: None,
            host_accident_cover: None,
            found_through: None,
        },
        supervisor: Some(Supervisor {
            uid: "pdurand".into(),
            last_name: "Durand".into(),
            first_name: "Paul".into(),
            email: None,
            phone: None,
            department: Some("Département d'informatique".into()),
        }),
        signatory: Some(Contact {
            civility: Some(Civility::Mr),
            last_name: "Perrin".into(),
            first_name: "Jean-Luc".into(),
            email: None,
            phone: None,
            position: "Directeur des ressources humaines".into(),
        }),
    }
}

/// A small logo with transparency, as centres upload them.
pub fn logo() -> Logo {
    let picture = RgbaImage::from_fn(120, 40, |x, _| Rgba([0, 70, 140, (x * 2) as u8]));
    let mut bytes = Vec::new();
    DynamicImage::ImageRgba8(picture)
        .write_to(&mut bytes, ImageFormat::Png)
        .unwrap();
    Logo {
        bytes,
        media_type: LogoType::Png,
    }
}

pub fn letterhead() -> Letterhead {
    Letterhead {
        institution: "Université de Franche-Comté".into(),
        centre: "UFR Sciences et techniques".into(),
        address: address("16 route de Gray", "25000", "Besançon", "FR"),
        phone: Some("03 81 66 66 66".into()),
        email: Some("stages-st@univ-demo.fr".into()),
        logo: Some(logo()),
    }
}

pub fn number() -> ConventionNumber {
    ConventionNumber::new(2026, 123).unwrap()
}

pub fn convention_document(
    language: AgreementLanguage,
    convention: Convention,
) -> ConventionDocument {
    ConventionDocument {
        number: number(),
        convention,
        letterhead: letterhead(),
        institution_signatory: Signatory {
            name: "Géraldine Baviere".into(),
            position: "Directrice de l'UFR".into(),
        },
        academic_year: AcademicYear::starting(2025),
        programme: "M1 Informatique".into(),
        language,
        today: date(2025, 12, 1),
        rates: RateTable::compiled(),
    }
}
