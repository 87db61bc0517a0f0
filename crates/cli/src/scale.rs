//! `stages seed-demo --scale N`: a realistic volume for benchmarks — N host
//! organisations (each with a service and a contact), N/2 students and N
//! conventions spread over the demo centres, with their search words.
//! Deterministic (fixed seed), and written in multi-row batches with
//! explicit ids so that a million rows load in minutes on either backend.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use stages_api::db::AnyConnection;
use stages_api::db::schema::{
    contacts, conventions, enrolments, host_services, organisations, search_terms, students, users,
};
use stages_api::text;
use stages_domain::figures;
use stages_domain::ids::{Country, Email, NafCode, Phone, Siret};
use stages_domain::lifecycle::{ConventionNumber, Status, Workflow};
use stages_domain::model::{
    AcademicYear, Address, Civility, Confidentiality, Contact, Convention, ConventionType,
    DaysPerWeek, Enrolment, HealthInsurance, HostService, Internship, InternshipOrigin,
    NomenclatureRef, Organisation, OrganisationKind, PaymentMode, StipendBasis, StipendTerms,
    StipendUnit, Student, StudentStep, Supervisor, ValidationLevel, WorkingTime,
};

/// Rows per INSERT: under SQLite's and PostgreSQL's bound-parameter limits
/// for the widest table (conventions, 27 columns).
const BATCH: usize = 500;

const FIRST_NAMES: &[&str] = &[
    "Camille",
    "Léa",
    "Hugo",
    "Chloé",
    "Lucas",
    "Manon",
    "Louis",
    "Emma",
    "Gabriel",
    "Inès",
    "Arthur",
    "Jade",
    "Jules",
    "Louise",
    "Raphaël",
    "Alice",
    "Adam",
    "Lina",
    "Nathan",
    "Zoé",
    "Théo",
    "Juliette",
    "Maël",
    "Anaïs",
    "Noé",
    "Clémence",
    "Tom",
    "Élodie",
    "Paul",
    "Mathilde",
    "Antoine",
    "Océane",
    "Baptiste",
    "Margaux",
    "Yanis",
    "Sarah",
    "Enzo",
    "Pauline",
    "Axel",
    "Lucie",
    "Rayan",
    "Agathe",
    "Victor",
    "Romane",
    "Sacha",
    "Eva",
    "Maxime",
    "Noémie",
    "Quentin",
    "Justine",
];

const LAST_NAMES: &[&str] = &[
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefebvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
    "Dumont",
    "Marie",
    "Lemaire",
    "Noël",
    "Meyer",
    "Dufour",
    "Meunier",
    "Brun",
    "Blanchard",
    "Giraud",
    "Joly",
    "Rivière",
    "Lucas",
    "Brunet",
    "Gaillard",
    "Barbier",
    "Arnaud",
    "Martinez",
    "Gérard",
    "Roche",
    "Renard",
    "Schmitt",
    "Roy",
    "Leroux",
    "Colin",
    "Vidal",
    "Caron",
    "Picard",
    "Roger",
    "Fabre",
    "Aubert",
    "Lemoine",
    "Renaud",
    "Dumas",
    "Lacroix",
    "Olivier",
    "Philippe",
    "Bourgeois",
    "Pierre",
    "Benoît",
    "Rey",
    "Leclerc",
    "Payet",
    "Rolland",
    "Leclercq",
    "Guillaume",
    "Lecomte",
];

const ORG_FORMS: &[&str] = &[
    "Société",
    "Groupe",
    "Cabinet",
    "Atelier",
    "Laboratoire",
    "Bureau d'études",
    "Agence",
    "Association",
    "Fondation",
    "Institut",
    "Compagnie",
    "Coopérative",
];

const ORG_TRADES: &[&str] = &[
    "Informatique",
    "Ingénierie",
    "Conseil",
    "Architecture",
    "Communication",
    "Biotechnologies",
    "Transports",
    "Énergies",
    "Environnement",
    "Logistique",
    "Santé",
    "Édition",
    "Mécanique",
    "Électronique",
    "Agroalimentaire",
    "Tourisme",
    "Formation",
    "Numérique",
    "Bâtiment",
    "Design",
];

const CITIES: &[(&str, &str)] = &[
    ("25000", "Besançon"),
    ("21000", "Dijon"),
    ("39000", "Lons-le-Saunier"),
    ("70000", "Vesoul"),
    ("90000", "Belfort"),
    ("25200", "Montbéliard"),
    ("69001", "Lyon"),
    ("75011", "Paris"),
    ("67000", "Strasbourg"),
    ("68100", "Mulhouse"),
    ("13001", "Marseille"),
    ("31000", "Toulouse"),
    ("33000", "Bordeaux"),
    ("59000", "Lille"),
    ("44000", "Nantes"),
    ("35000", "Rennes"),
    ("06000", "Nice"),
    ("34000", "Montpellier"),
    ("38000", "Grenoble"),
    ("20000", "Ajaccio"),
];

const STREETS: &[&str] = &[
    "rue de la République",
    "avenue Foch",
    "boulevard Carnot",
    "rue Pasteur",
    "rue Victor Hugo",
    "place de la Liberté",
    "rue des Jardins",
    "chemin des Vignes",
    "rue du Commerce",
    "avenue Jean Jaurès",
];

const NAF: &[&str] = &[
    "62.01Z", "62.02A", "71.12B", "70.22Z", "72.19Z", "73.11Z", "84.11Z", "94.99Z", "46.90Z",
    "58.29C", "86.10Z", "49.41A", "35.11Z", "41.20A", "10.71C",
];

const SUBJECTS: &[&str] = &[
    "Développement d'une application de suivi",
    "Étude de marché et plan de communication",
    "Conception d'un banc de mesure",
    "Analyse de données et tableaux de bord",
    "Refonte du site web",
    "Audit énergétique des bâtiments",
    "Organisation d'un événement culturel",
    "Traduction et localisation de documentation",
];

/// Programmes of the demo faculties (routing sends them to their centres).
const PROGRAMMES: &[(&str, &str, &str, &str)] = &[
    (
        "M1-INFO",
        "Master 1 Informatique",
        "UFR-ST",
        "UFR Sciences et Technologies",
    ),
    (
        "M2-MATH",
        "Master 2 Mathématiques appliquées",
        "UFR-ST",
        "UFR Sciences et Technologies",
    ),
    (
        "L3-PHYS",
        "Licence 3 Physique",
        "UFR-ST",
        "UFR Sciences et Technologies",
    ),
    (
        "L3-LEA",
        "Licence 3 Langues étrangères appliquées",
        "UFR-LLSH",
        "UFR Lettres, Langues et Sciences humaines",
    ),
    (
        "M1-HIST",
        "Master 1 Histoire",
        "UFR-LLSH",
        "UFR Lettres, Langues et Sciences humaines",
    ),
];

fn pick<'a, T>(rng: &mut StdRng, list: &'a [T]) -> &'a T {
    &list[rng.random_range(0..list.len())]
}

/// A SIRET that passes the domain's check, from random digits.
fn siret(rng: &mut StdRng) -> Siret {
    loop {
        let stem: String = (0..13)
            .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
            .collect();
        for last in 0..10u8 {
            if let Ok(siret) = Siret::parse(&format!("{stem}{last}")) {
                return siret;
            }
        }
    }
}

#[derive(Insertable)]
#[diesel(table_name = organisations)]
struct NewOrganisation {
    id: i64,
    name: String,
    siret: Option<String>,
    siren: Option<String>,
    naf_code: Option<String>,
    headcount: i32,
    kind: String,
    street: String,
    postal_code: String,
    city: String,
    country_code: String,
    department: Option<String>,
    phone: String,
    active: bool,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = host_services)]
struct NewService {
    id: i64,
    organisation_id: i64,
    name: String,
    street: String,
    postal_code: String,
    city: String,
    country_code: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = contacts)]
struct NewContact {
    id: i64,
    host_service_id: i64,
    civility: Option<String>,
    last_name: String,
    first_name: String,
    position: String,
    email: String,
    phone: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = students)]
struct NewStudent {
    id: i64,
    student_number: String,
    last_name: String,
    first_name: String,
    email: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = enrolments)]
struct NewEnrolment {
    student_id: i64,
    academic_year: String,
    programme_code: String,
    programme_label: String,
    faculty_code: String,
    faculty_label: String,
    teaching_hours: Option<i32>,
    created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = conventions)]
struct NewConvention {
    id: i64,
    number: Option<String>,
    status: String,
    centre_id: i64,
    student_id: i64,
    created_by: i64,
    academic_year: String,
    programme_code: Option<String>,
    organisation_id: Option<i64>,
    host_service_id: Option<i64>,
    tutor_id: Option<i64>,
    signatory_id: Option<i64>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    effective_minutes: Option<i64>,
    stipend_paid: Option<bool>,
    stipend_hourly_cents: Option<i64>,
    country_code: Option<String>,
    department: Option<String>,
    language: Option<String>,
    content: String,
    workflow: String,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    submitted_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = search_terms)]
struct NewTerm {
    kind: &'static str,
    term: String,
    entity_id: i64,
}

/// Inserts `rows` in batches on whichever backend `conn` is.
macro_rules! insert_batches {
    ($conn:expr, $table:expr, $rows:expr) => {{
        for chunk in $rows.chunks(BATCH) {
            match &mut *$conn {
                AnyConnection::Postgresql(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?;
                }
                AnyConnection::Sqlite(c) => {
                    diesel::insert_into($table).values(chunk).execute(c)?;
                }
            }
        }
    }};
}

/// Ids of conventions counted by one call when PostgreSQL counts a load.
const COUNT_SLICE: i64 = 20_000;

/// Inserts the generated conventions. On PostgreSQL the statistics'
/// counting trigger is set aside and the load counted once at the end, a
/// slice of ids at a time: within the seeder's one transaction, a trigger
/// per insert would leave thousands of versions of the same few count rows
/// for every later update to wade through. SQLite's row triggers keep up.
fn insert_conventions(
    conn: &mut AnyConnection,
    rows: &[NewConvention],
) -> Result<(), crate::demo::DemoError> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Ok(());
    };
    if let AnyConnection::Postgresql(pg) = &mut *conn {
        pg.batch_execute(
            "ALTER TABLE conventions DISABLE TRIGGER statistics_conventions_inserted",
        )?;
    }
    insert_batches!(conn, conventions::table, rows);
    if let AnyConnection::Postgresql(pg) = conn {
        let mut from = first.id;
        while from <= last.id {
            diesel::sql_query(
                "SELECT statistics_apply(ARRAY(SELECT ROW(r.*)::conventions FROM conventions r \
                 WHERE r.id BETWEEN $1 AND $2), '{}'::conventions[])",
            )
            .bind::<diesel::sql_types::BigInt, _>(from)
            .bind::<diesel::sql_types::BigInt, _>(from + COUNT_SLICE - 1)
            .execute(pg)?;
            from += COUNT_SLICE;
        }
        pg.batch_execute("ALTER TABLE conventions ENABLE TRIGGER statistics_conventions_inserted")?;
    }
    Ok(())
}

/// The first free id after `max`.
fn next_id(max: Option<i64>) -> i64 {
    max.unwrap_or(0) + 1
}

fn terms(kind: &'static str, id: i64, texts: &[&str], out: &mut Vec<NewTerm>) {
    let mut words: Vec<String> = texts.iter().flat_map(|t| text::terms(t)).collect();
    words.sort();
    words.dedup();
    out.extend(words.into_iter().map(|term| NewTerm {
        kind,
        term,
        entity_id: id,
    }));
}

/// Generates the volume; returns the number of conventions written.
pub fn seed(conn: &mut AnyConnection, n: usize) -> Result<usize, crate::demo::DemoError> {
    let now = chrono::Utc::now().naive_utc();
    let centres: Vec<(i64, String)> = stages_api::db::schema::centre_routes::table
        .select((
            stages_api::db::schema::centre_routes::centre_id,
            stages_api::db::schema::centre_routes::code,
        ))
        .load(conn)?;
    let centre_of = |faculty: &str| {
        centres
            .iter()
            .find(|(_, c)| c == faculty)
            .map(|(id, _)| *id)
    };
    let admin: i64 = users::table
        .filter(users::is_admin.eq(true))
        .select(users::id)
        .first(conn)?;
    let org_start = next_id(
        organisations::table
            .select(diesel::dsl::max(organisations::id))
            .first(conn)?,
    );
    let service_start = next_id(
        host_services::table
            .select(diesel::dsl::max(host_services::id))
            .first(conn)?,
    );
    let contact_start = next_id(
        contacts::table
            .select(diesel::dsl::max(contacts::id))
            .first(conn)?,
    );
    let student_start = next_id(
        students::table
            .select(diesel::dsl::max(students::id))
            .first(conn)?,
    );
    let convention_start = next_id(
        conventions::table
            .select(diesel::dsl::max(conventions::id))
            .first(conn)?,
    );
    // Seeded by where this run starts, so that a second run adds other
    // organisations (other SIRETs) instead of colliding with the first.
    let mut rng = StdRng::seed_from_u64(u64::try_from(org_start).unwrap_or(0));
    let students_count = (n / 2).max(1);
    let n_i64 = i64::try_from(n).unwrap_or(i64::MAX);

    // Organisations with one service and one contact each.
    let mut orgs = Vec::with_capacity(n);
    let mut services = Vec::with_capacity(n);
    let mut people = Vec::with_capacity(n);
    let mut words = Vec::with_capacity(n * 10);
    let mut snapshots: Vec<(Organisation, HostService, Contact)> = Vec::with_capacity(n);
    for i in 0..n_i64 {
        let (postal_code, city) = *pick(&mut rng, CITIES);
        let name = format!(
            "{} {} {} {}",
            pick(&mut rng, ORG_FORMS),
            pick(&mut rng, LAST_NAMES),
            pick(&mut rng, ORG_TRADES),
            i + org_start
        );
        let street = format!("{} {}", rng.random_range(1..200), pick(&mut rng, STREETS));
        let siret = siret(&mut rng);
        let naf = pick(&mut rng, NAF).to_string();
        let phone = format!("03{:08}", rng.random_range(0..100_000_000u32));
        let headcount = rng.random_range(1..2000);
        let id = org_start + i;
        terms("organisation", id, &[&name], &mut words);
        terms(
            "organisation_address",
            id,
            &[&street, postal_code, city],
            &mut words,
        );
        let service_name = format!("Service {}", pick(&mut rng, ORG_TRADES));
        terms(
            "host_service",
            service_start + i,
            &[&service_name],
            &mut words,
        );
        let (first, last) = (*pick(&mut rng, FIRST_NAMES), *pick(&mut rng, LAST_NAMES));
        let email = format!(
            "{}.{}{}@example.org",
            text::normalise(first),
            text::normalise(last),
            i
        );
        let address = Address {
            street: street.clone(),
            building: None,
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            country: Some(Country::france()),
        };
        snapshots.push((
            Organisation {
                name: name.clone(),
                siret: Some(siret.clone()),
                naf: NafCode::parse(&naf).ok(),
                main_activity: None,
                headcount: u32::try_from(headcount).ok(),
                kind: Some(OrganisationKind::PrivateCompany),
                legal_status: None,
                address: address.clone(),
                phone: Phone::parse(&phone).ok(),
                email: None,
                website: None,
            },
            HostService {
                name: service_name.clone(),
                address,
                phone: None,
            },
            Contact {
                civility: Some(Civility::Ms),
                last_name: last.to_owned(),
                first_name: first.to_owned(),
                email: Email::parse(&email).ok(),
                phone: Phone::parse(&phone).ok(),
                position: "Responsable".to_owned(),
            },
        ));
        orgs.push(NewOrganisation {
            id,
            name,
            siren: Some(siret.siren().as_str().to_owned()),
            siret: Some(siret.as_str().to_owned()),
            naf_code: Some(naf),
            headcount,
            kind: "private_company".to_owned(),
            street: street.clone(),
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            country_code: "FR".to_owned(),
            department: Some(postal_code[..2].to_owned()),
            phone: phone.clone(),
            active: true,
            version: 1,
            created_at: now,
            updated_at: now,
        });
        services.push(NewService {
            id: service_start + i,
            organisation_id: id,
            name: service_name,
            street,
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            country_code: "FR".to_owned(),
            version: 1,
            created_at: now,
            updated_at: now,
        });
        people.push(NewContact {
            id: contact_start + i,
            host_service_id: service_start + i,
            civility: Some("ms".to_owned()),
            last_name: last.to_owned(),
            first_name: first.to_owned(),
            position: "Responsable".to_owned(),
            email,
            phone,
            version: 1,
            created_at: now,
            updated_at: now,
        });
    }

    // Students, each enrolled in one programme this year.
    let year = AcademicYear::starting(2026);
    let mut new_students = Vec::with_capacity(students_count);
    let mut new_enrolments = Vec::with_capacity(students_count);
    let mut student_snapshots = Vec::with_capacity(students_count);
    for i in 0..i64::try_from(students_count).unwrap_or(i64::MAX) {
        let id = student_start + i;
        let (first, last) = (*pick(&mut rng, FIRST_NAMES), *pick(&mut rng, LAST_NAMES));
        let programme = *pick(&mut rng, PROGRAMMES);
        let number = format!("3{id:07}");
        terms("student", id, &[first, last], &mut words);
        new_students.push(NewStudent {
            id,
            student_number: number.clone(),
            last_name: last.to_owned(),
            first_name: first.to_owned(),
            email: Some(format!("{number}@etu.univ-demo.fr")),
            created_at: now,
            updated_at: now,
        });
        new_enrolments.push(NewEnrolment {
            student_id: id,
            academic_year: year.to_string(),
            programme_code: programme.0.to_owned(),
            programme_label: programme.1.to_owned(),
            faculty_code: programme.2.to_owned(),
            faculty_label: programme.3.to_owned(),
            teaching_hours: Some(400),
            created_at: now,
        });
        student_snapshots.push((id, number, first, last, programme));
    }

    // Conventions over six academic years (2021-2022 to 2026-2027): most
    // validated, some in validation, a few drafts; numbered per year after
    // the numbers already given.
    let mut new_conventions = Vec::with_capacity(n);
    let mut counters: std::collections::BTreeMap<i32, i64> = std::collections::BTreeMap::new();
    for year in 2021..=2026 {
        let last: Option<i64> = stages_api::db::schema::convention_counters::table
            .find(year)
            .select(stages_api::db::schema::convention_counters::last_value)
            .first(conn)
            .optional()?;
        counters.insert(year, last.unwrap_or(0));
    }
    for i in 0..n_i64 {
        let start_year = 2021 + i32::try_from(i % 6).unwrap_or(0);
        let year = AcademicYear::starting(start_year);
        let base = NaiveDate::from_ymd_opt(start_year + 1, 1, 4).unwrap_or_default();
        let (student_id, number, first, last, programme) =
            student_snapshots[rng.random_range(0..student_snapshots.len())].clone();
        let org_index = rng.random_range(0..snapshots.len());
        let (organisation, service, tutor) = snapshots[org_index].clone();
        let start = base + Duration::days(rng.random_range(0..150));
        let weeks = rng.random_range(4..24);
        let end = start + Duration::days(weeks * 7 - 3);
        let paid = weeks > 8;
        let content = Convention {
            student: StudentStep {
                student: Student {
                    student_number: number,
                    last_name: last.to_owned(),
                    first_name: first.to_owned(),
                    ..Student::default()
                },
                enrolment: Some(Enrolment {
                    academic_year: year,
                    programme: NomenclatureRef {
                        code: programme.0.to_owned(),
                        label: programme.1.to_owned(),
                    },
                    faculty: NomenclatureRef {
                        code: programme.2.to_owned(),
                        label: programme.3.to_owned(),
                    },
                    teaching_hours: Some(400),
                    teaching_element: None,
                }),
                health_insurance: HealthInsurance {
                    fund: "CPAM".to_owned(),
                    region: None,
                    address: None,
                },
                ..StudentStep::default()
            },
            organisation: Some(organisation),
            host_service: Some(service),
            tutor: Some(tutor.clone()),
            signatory: Some(tutor),
            supervisor: Some(Supervisor {
                uid: "enseignant".to_owned(),
                last_name: "Durand".to_owned(),
                first_name: "Paul".to_owned(),
                ..Supervisor::default()
            }),
            internship: Internship {
                convention_type: Some(ConventionType::InitialMandatory),
                subject: pick(&mut rng, SUBJECTS).to_string(),
                tasks: "Analyse, réalisation, documentation.".to_owned(),
                skills: "Autonomie, travail en équipe.".to_owned(),
                start: Some(start),
                end: Some(end),
                regular_schedule: Some(true),
                weekly_minutes: Some(35 * 60),
                days_per_week: Some(DaysPerWeek::FIVE),
                working_time: Some(WorkingTime::FullTime),
                leave_days: Some(2),
                stipend_paid: Some(paid),
                stipend: if paid {
                    StipendTerms {
                        amount_cents: Some(70_000),
                        currency: stages_domain::ids::Currency::parse("EUR").ok(),
                        basis: Some(StipendBasis::Gross),
                        unit: Some(StipendUnit::Month),
                        payment_mode: Some(PaymentMode::BankTransfer),
                    }
                } else {
                    StipendTerms::default()
                },
                confidentiality: Some(Confidentiality::None),
                found_through: Some(InternshipOrigin::SpontaneousApplication),
                ..Internship::default()
            },
        };
        let figures = figures::measure(&content.internship);
        let draft = start_year == 2026 && rng.random_range(0..5) == 0;
        let number = if draft {
            None
        } else {
            let seq = counters.entry(start_year).or_default();
            *seq += 1;
            ConventionNumber::new(start_year, u32::try_from(*seq).unwrap_or(u32::MAX)).ok()
        };
        let validations = match rng.random_range(0..4) {
            0 => vec![ValidationLevel::Pedagogical],
            _ => vec![
                ValidationLevel::Pedagogical,
                ValidationLevel::Administrative,
            ],
        };
        let workflow = Workflow::restore(number, validations, None, 0, None);
        let status = if draft {
            Status::Draft
        } else if workflow.validations().len() == 2 {
            Status::Validated
        } else {
            Status::InValidation
        };
        new_conventions.push(NewConvention {
            id: convention_start + i,
            number: workflow.number().map(|n| n.to_string()),
            status: stages_api::db::codec::to_code(status),
            centre_id: centre_of(programme.2).unwrap_or(1),
            student_id,
            created_by: admin,
            academic_year: year.to_string(),
            programme_code: Some(programme.0.to_owned()),
            organisation_id: Some(org_start + i64::try_from(org_index).unwrap_or(0)),
            host_service_id: Some(service_start + i64::try_from(org_index).unwrap_or(0)),
            tutor_id: Some(contact_start + i64::try_from(org_index).unwrap_or(0)),
            signatory_id: Some(contact_start + i64::try_from(org_index).unwrap_or(0)),
            start_date: Some(start),
            end_date: Some(end),
            effective_minutes: figures
                .as_ref()
                .and_then(|f| i64::try_from(f.effective_minutes).ok()),
            stipend_paid: Some(paid),
            stipend_hourly_cents: figures.as_ref().and_then(|f| f.stipend_hourly_cents),
            country_code: Some("FR".to_owned()),
            department: orgs[org_index].department.clone(),
            language: Some("fr".to_owned()),
            content: serde_json::to_string(&content)
                .map_err(|e| crate::demo::DemoError::Record(e.to_string()))?,
            workflow: serde_json::to_string(&workflow)
                .map_err(|e| crate::demo::DemoError::Record(e.to_string()))?,
            version: 1,
            created_at: now,
            updated_at: now,
            submitted_at: (!draft).then_some(now),
        });
    }

    conn.transaction(|conn| {
        insert_batches!(conn, organisations::table, orgs);
        insert_batches!(conn, host_services::table, services);
        insert_batches!(conn, contacts::table, people);
        insert_batches!(conn, students::table, new_students);
        insert_batches!(conn, enrolments::table, new_enrolments);
        insert_conventions(conn, &new_conventions)?;
        insert_batches!(conn, search_terms::table, words);
        if let AnyConnection::Postgresql(pg) = conn {
            // Explicit ids leave the identity sequences behind.
            for table in ["organisations", "host_services", "contacts", "students", "conventions"] {
                pg.batch_execute(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                ))?;
            }
        }
        for (year, last) in &counters {
            stages_api::db::conventions::set_counter(conn, *year, *last)?;
        }
        Ok::<_, crate::demo::DemoError>(())
    })?;
    match conn {
        // As autovacuum would after a bulk load: statistics for the planner
        // and the visibility map that index-only scans need.
        AnyConnection::Postgresql(pg) => pg.batch_execute("VACUUM ANALYZE")?,
        AnyConnection::Sqlite(sqlite) => sqlite.batch_execute("ANALYZE")?,
    }
    Ok(n)
}
