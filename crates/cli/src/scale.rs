//! `stages seed-demo --scale N`: a realistic volume for benchmarks — N host
//! organisations (each with a service and a contact), N/2 students, N
//! conventions spread over the demo centres and N/10 published offers,
//! with their search documents.
//! Deterministic (each record from its own seed, so that a convention
//! regenerates the host and student it embeds instead of keeping them all),
//! generated a chunk at a time and written in multi-row batches with
//! explicit ids, so that a million rows load in minutes on either backend
//! and the seeder's memory does not grow with N.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use stages_api::db::AnyConnection;
use stages_api::db::schema::{
    contacts, conventions, enrolments, host_services, offer_counters, offers, organisations,
    students, users,
};
use stages_api::db::search::{self, Access, Kind};
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

/// Offer titles: a trade, then a subject (searched by keyword).
const OFFER_TRADES: &[&str] = &[
    "Stage développement logiciel",
    "Stage marketing digital",
    "Stage logistique",
    "Stage comptabilité",
    "Stage juridique",
    "Stage ressources humaines",
    "Stage chimie analytique",
    "Stage biologie moléculaire",
    "Alternance maintenance industrielle",
    "Stage communication",
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
#[diesel(table_name = offers)]
struct NewOffer {
    id: i64,
    number: String,
    kind: String,
    title: String,
    description: String,
    organisation_id: i64,
    city: String,
    postal_code: Option<String>,
    country_code: String,
    department: Option<String>,
    start_date: Option<NaiveDate>,
    end_date: Option<NaiveDate>,
    contact_email: Option<String>,
    status: String,
    published_at: Option<NaiveDateTime>,
    paid: Option<bool>,
    disability_friendly: bool,
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

/// Records generated and written at a time: memory holds one chunk, so the
/// seeder's peak does not grow with N.
const CHUNK: i64 = 5_000;

/// On PostgreSQL the statistics' counting trigger is set aside while `load`
/// inserts the conventions `first..=last`, and the load is counted once at
/// the end, a slice of ids at a time: within the seeder's one transaction,
/// a trigger per insert would leave thousands of versions of the same few
/// count rows for every later update to wade through. SQLite's row
/// triggers keep up.
fn with_deferred_counts(
    conn: &mut AnyConnection,
    first: i64,
    last: i64,
    load: impl FnOnce(&mut AnyConnection) -> Result<(), crate::demo::DemoError>,
) -> Result<(), crate::demo::DemoError> {
    if let AnyConnection::Postgresql(pg) = &mut *conn {
        pg.batch_execute(
            "ALTER TABLE conventions DISABLE TRIGGER statistics_conventions_inserted",
        )?;
    }
    load(conn)?;
    if let AnyConnection::Postgresql(pg) = conn {
        let mut from = first;
        while from <= last {
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

/// The search document of record `id` of `kind` (db/search.rs), if it has
/// words.
fn document(kind: Kind, id: i64, texts: &[&str], access: &[Access], out: &mut Vec<(i64, String)>) {
    let words = search::document(kind, texts, access);
    if !words.is_empty() {
        out.push((kind.key(id), words));
    }
}

/// Writes search documents [`BATCH`] at a time, each batch as one bound
/// parameter (arrays on PostgreSQL, a JSON array on SQLite, whose triggers
/// index each document in FTS5).
fn write_documents(
    conn: &mut AnyConnection,
    documents: &[(i64, String)],
) -> Result<(), crate::demo::DemoError> {
    use diesel::sql_types::{Array, BigInt, Text};
    for chunk in documents.chunks(BATCH) {
        match &mut *conn {
            AnyConnection::Postgresql(c) => {
                let (keys, words): (Vec<i64>, Vec<&str>) =
                    chunk.iter().map(|(k, w)| (*k, w.as_str())).unzip();
                diesel::sql_query(
                    "INSERT INTO search_documents (key, words) \
                     SELECT k, CAST(w AS tsvector) FROM unnest($1, $2) AS t (k, w)",
                )
                .bind::<Array<BigInt>, _>(keys)
                .bind::<Array<Text>, _>(words)
                .execute(c)?;
            }
            AnyConnection::Sqlite(c) => {
                let json = serde_json::to_string(chunk)
                    .map_err(|e| crate::demo::DemoError::Record(e.to_string()))?;
                diesel::sql_query(
                    "INSERT INTO search_documents (key, words) \
                     SELECT value ->> 0, value ->> 1 FROM json_each(?)",
                )
                .bind::<Text, _>(json)
                .execute(c)?;
            }
        }
    }
    Ok(())
}

/// Where this run's records start, and what they share.
struct Plan {
    /// Seeds every record's generator, with the record's index.
    seed: u64,
    org_start: i64,
    service_start: i64,
    contact_start: i64,
    student_start: i64,
    convention_start: i64,
    offer_start: i64,
    /// The last offer number given in the current year.
    offer_number: i64,
    now: NaiveDateTime,
}

impl Plan {
    /// The generator of record `index` of a kind (`salt`): the same
    /// record comes out each time it is asked for, so that a convention
    /// embeds its organisation and student without keeping them all.
    fn rng(&self, salt: u64, index: i64) -> StdRng {
        let index = u64::try_from(index).unwrap_or(0);
        StdRng::seed_from_u64(
            self.seed
                ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ index.wrapping_mul(0xC2B2_AE3D_27D4_EB4F),
        )
    }
}

/// One generated host: the organisation, its service and its contact, as
/// rows and as a convention embeds them.
struct Host {
    row: NewOrganisation,
    service: NewService,
    contact: NewContact,
    embedded: (Organisation, HostService, Contact),
}

/// Host `i` of this run.
fn host(plan: &Plan, i: i64) -> Host {
    let mut rng = plan.rng(1, i);
    let now = plan.now;
    let (postal_code, city) = *pick(&mut rng, CITIES);
    let id = plan.org_start + i;
    let name = format!(
        "{} {} {} {}",
        pick(&mut rng, ORG_FORMS),
        pick(&mut rng, LAST_NAMES),
        pick(&mut rng, ORG_TRADES),
        id
    );
    let street = format!("{} {}", rng.random_range(1..200), pick(&mut rng, STREETS));
    let siret = siret(&mut rng);
    let naf = pick(&mut rng, NAF).to_string();
    let phone = format!("03{:08}", rng.random_range(0..100_000_000u32));
    let headcount = rng.random_range(1..2000);
    let service_name = format!("Service {}", pick(&mut rng, ORG_TRADES));
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
    Host {
        embedded: (
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
        ),
        row: NewOrganisation {
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
        },
        service: NewService {
            id: plan.service_start + i,
            organisation_id: id,
            name: service_name,
            street,
            postal_code: postal_code.to_owned(),
            city: city.to_owned(),
            country_code: "FR".to_owned(),
            version: 1,
            created_at: now,
            updated_at: now,
        },
        contact: NewContact {
            id: plan.contact_start + i,
            host_service_id: plan.service_start + i,
            civility: Some("ms".to_owned()),
            last_name: last.to_owned(),
            first_name: first.to_owned(),
            position: "Responsable".to_owned(),
            email,
            phone,
            version: 1,
            created_at: now,
            updated_at: now,
        },
    }
}

type Programme = (&'static str, &'static str, &'static str, &'static str);

/// One generated student, enrolled in one programme this year.
struct GeneratedStudent {
    row: NewStudent,
    enrolment: NewEnrolment,
    first: &'static str,
    last: &'static str,
    programme: Programme,
}

/// Student `i` of this run.
fn student(plan: &Plan, i: i64) -> GeneratedStudent {
    let mut rng = plan.rng(2, i);
    let id = plan.student_start + i;
    let (first, last) = (*pick(&mut rng, FIRST_NAMES), *pick(&mut rng, LAST_NAMES));
    let programme = *pick(&mut rng, PROGRAMMES);
    let number = format!("3{id:07}");
    GeneratedStudent {
        row: NewStudent {
            id,
            student_number: number.clone(),
            last_name: last.to_owned(),
            first_name: first.to_owned(),
            email: Some(format!("{number}@etu.univ-demo.fr")),
            created_at: plan.now,
            updated_at: plan.now,
        },
        enrolment: NewEnrolment {
            student_id: id,
            academic_year: AcademicYear::starting(2026).to_string(),
            programme_code: programme.0.to_owned(),
            programme_label: programme.1.to_owned(),
            faculty_code: programme.2.to_owned(),
            faculty_label: programme.3.to_owned(),
            teaching_hours: Some(400),
            created_at: plan.now,
        },
        first,
        last,
        programme,
    }
}

/// Where conventions are numbered and filed, for [`convention`].
struct Filing<'a> {
    /// Each faculty's centre.
    centres: &'a [(i64, String)],
    admin: i64,
    /// The last number given, per year.
    counters: std::collections::BTreeMap<i32, i64>,
}

/// Convention `i` of this run, of a student and a host among those
/// generated (`students`, `hosts`), drawn by `rng`, with its search
/// document.
fn convention(
    plan: &Plan,
    filing: &mut Filing<'_>,
    rng: &mut StdRng,
    i: i64,
    (students, hosts): (i64, i64),
) -> Result<(NewConvention, (i64, String)), crate::demo::DemoError> {
    let start_year = 2021 + i32::try_from(i % 6).unwrap_or(0);
    let year = AcademicYear::starting(start_year);
    let base = NaiveDate::from_ymd_opt(start_year + 1, 1, 4).unwrap_or_default();
    let student_index = rng.random_range(0..students);
    let GeneratedStudent {
        row: student_row,
        first,
        last,
        programme,
        ..
    } = student(plan, student_index);
    let host_index = rng.random_range(0..hosts);
    let Host {
        row: host_row,
        embedded: (organisation, service, tutor),
        ..
    } = host(plan, host_index);
    let start = base + Duration::days(rng.random_range(0..150));
    let weeks = rng.random_range(4..24);
    let end = start + Duration::days(weeks * 7 - 3);
    let paid = weeks > 8;
    let content = Convention {
        student: StudentStep {
            student: Student {
                student_number: student_row.student_number,
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
            subject: pick(rng, SUBJECTS).to_string(),
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
        let seq = filing.counters.entry(start_year).or_default();
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
    let centre = filing
        .centres
        .iter()
        .find(|(_, code)| code == programme.2)
        .map_or(1, |(id, _)| *id);
    let record = |e: serde_json::Error| crate::demo::DemoError::Record(e.to_string());
    let id = plan.convention_start + i;
    let access = [Access::Centre(centre), Access::Student(student_row.id)];
    let words = search::document(Kind::Convention, &[last, first], &access);
    let row = NewConvention {
        id,
        number: workflow.number().map(|n| n.to_string()),
        status: stages_api::db::codec::to_code(status),
        centre_id: centre,
        student_id: student_row.id,
        created_by: filing.admin,
        academic_year: year.to_string(),
        programme_code: Some(programme.0.to_owned()),
        organisation_id: Some(host_row.id),
        host_service_id: Some(plan.service_start + host_index),
        tutor_id: Some(plan.contact_start + host_index),
        signatory_id: Some(plan.contact_start + host_index),
        start_date: Some(start),
        end_date: Some(end),
        effective_minutes: figures
            .as_ref()
            .and_then(|f| i64::try_from(f.effective_minutes).ok()),
        stipend_paid: Some(paid),
        stipend_hourly_cents: figures.as_ref().and_then(|f| f.stipend_hourly_cents),
        country_code: Some("FR".to_owned()),
        department: host_row.department,
        language: Some("fr".to_owned()),
        content: serde_json::to_string(&content).map_err(record)?,
        workflow: serde_json::to_string(&workflow).map_err(record)?,
        version: 1,
        created_at: plan.now,
        updated_at: plan.now,
        submitted_at: (!draft).then_some(plan.now),
    };
    Ok((row, (Kind::Convention.key(id), words)))
}

/// Offer `i` of this run, published by one of the `hosts`, with its two
/// search documents (keywords, place).
fn offer(plan: &Plan, i: i64, hosts: i64) -> (NewOffer, [(i64, String); 2]) {
    let mut rng = plan.rng(4, i);
    let host_index = rng.random_range(0..hosts);
    let Host { row: host, .. } = host(plan, host_index);
    let trade = pick(&mut rng, OFFER_TRADES);
    let subject = pick(&mut rng, SUBJECTS);
    let title = format!("{trade} : {subject}");
    let description = format!(
        "{subject} au sein de {}, à {}. Profil : licence 3 ou master.",
        host.name, host.city
    );
    let start = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default()
        + Duration::days(rng.random_range(0..120));
    let id = plan.offer_start + i;
    let keywords = search::document(Kind::Offer, &[&title, &description, &host.name], &[]);
    let place = search::document(
        Kind::OfferPlace,
        &[
            &host.city,
            &host.postal_code,
            host.department.as_deref().unwrap_or(""),
            &host.country_code,
        ],
        &[],
    );
    let row = NewOffer {
        id,
        number: format!(
            "OF-{}-{:04}",
            plan.now.date().format("%Y"),
            plan.offer_number + i + 1
        ),
        kind: stages_api::db::codec::to_code(stages_domain::model::OfferKind::Internship),
        title,
        description,
        organisation_id: host.id,
        city: host.city,
        postal_code: Some(host.postal_code),
        country_code: host.country_code,
        department: host.department,
        start_date: Some(start),
        end_date: Some(start + Duration::weeks(rng.random_range(8..26))),
        contact_email: Some(format!("stages{id}@example.org")),
        status: stages_api::db::codec::to_code(stages_domain::model::OfferStatus::Published),
        published_at: Some(plan.now),
        paid: Some(true),
        disability_friendly: rng.random_bool(0.3),
        version: 1,
        created_at: plan.now,
        updated_at: plan.now,
    };
    (
        row,
        [
            (Kind::Offer.key(id), keywords),
            (Kind::OfferPlace.key(id), place),
        ],
    )
}

/// The chunks of `0..n`, each at most [`CHUNK`] long.
fn chunks(n: i64) -> impl Iterator<Item = std::ops::Range<i64>> {
    (0..n)
        .step_by(usize::try_from(CHUNK).unwrap_or(1))
        .map(move |from| from..(from + CHUNK).min(n))
}

/// Generates the volume; returns the number of conventions written. Each
/// kind is generated and written a chunk at a time, in one transaction.
pub fn seed(conn: &mut AnyConnection, n: usize) -> Result<usize, crate::demo::DemoError> {
    let centres: Vec<(i64, String)> = stages_api::db::schema::centre_routes::table
        .select((
            stages_api::db::schema::centre_routes::centre_id,
            stages_api::db::schema::centre_routes::code,
        ))
        .load(conn)?;
    let admin: i64 = users::table
        .filter(users::is_admin.eq(true))
        .select(users::id)
        .first(conn)?;
    let org_start = next_id(
        organisations::table
            .select(diesel::dsl::max(organisations::id))
            .first(conn)?,
    );
    let now = chrono::Utc::now().naive_utc();
    let offer_year: i32 = now.date().format("%Y").to_string().parse().unwrap_or(2026);
    let plan = Plan {
        // Seeded by where this run starts, so that a second run adds other
        // organisations (other SIRETs) instead of colliding with the first.
        seed: u64::try_from(org_start).unwrap_or(0),
        org_start,
        service_start: next_id(
            host_services::table
                .select(diesel::dsl::max(host_services::id))
                .first(conn)?,
        ),
        contact_start: next_id(
            contacts::table
                .select(diesel::dsl::max(contacts::id))
                .first(conn)?,
        ),
        student_start: next_id(
            students::table
                .select(diesel::dsl::max(students::id))
                .first(conn)?,
        ),
        convention_start: next_id(
            conventions::table
                .select(diesel::dsl::max(conventions::id))
                .first(conn)?,
        ),
        offer_start: next_id(
            offers::table
                .select(diesel::dsl::max(offers::id))
                .first(conn)?,
        ),
        offer_number: offer_counters::table
            .find(offer_year)
            .select(offer_counters::last_value)
            .first(conn)
            .optional()?
            .unwrap_or(0),
        now,
    };
    let hosts = i64::try_from(n).unwrap_or(i64::MAX);
    let students = (hosts / 2).max(1);
    let mut counters = std::collections::BTreeMap::new();
    for year in 2021..=2026 {
        let last: Option<i64> = stages_api::db::schema::convention_counters::table
            .find(year)
            .select(stages_api::db::schema::convention_counters::last_value)
            .first(conn)
            .optional()?;
        counters.insert(year, last.unwrap_or(0));
    }
    let mut filing = Filing {
        centres: &centres,
        admin,
        counters,
    };

    conn.transaction(|conn| {
        // Organisations with one service and one contact each.
        for range in chunks(hosts) {
            let generated: Vec<Host> = range.map(|i| host(&plan, i)).collect();
            let mut words = Vec::new();
            for h in &generated {
                document(Kind::Organisation, h.row.id, &[&h.row.name], &[], &mut words);
                document(
                    Kind::OrganisationAddress,
                    h.row.id,
                    &[&h.row.street, &h.row.postal_code, &h.row.city],
                    &[],
                    &mut words,
                );
                document(Kind::HostService, h.service.id, &[&h.service.name], &[], &mut words);
            }
            let (rows, rest): (Vec<_>, Vec<_>) = generated
                .into_iter()
                .map(|h| (h.row, (h.service, h.contact)))
                .unzip();
            let (services, people): (Vec<_>, Vec<_>) = rest.into_iter().unzip();
            insert_batches!(conn, organisations::table, rows);
            insert_batches!(conn, host_services::table, services);
            insert_batches!(conn, contacts::table, people);
            write_documents(conn, &words)?;
        }
        // Students, each enrolled in one programme this year.
        for range in chunks(students) {
            let mut words = Vec::new();
            let (rows, enrolments): (Vec<_>, Vec<_>) = range
                .map(|i| {
                    let s = student(&plan, i);
                    document(Kind::Student, s.row.id, &[s.first, s.last], &[], &mut words);
                    (s.row, s.enrolment)
                })
                .unzip();
            insert_batches!(conn, students::table, rows);
            insert_batches!(conn, enrolments::table, enrolments);
            write_documents(conn, &words)?;
        }
        // Conventions over six academic years (2021-2022 to 2026-2027):
        // most validated, some in validation, a few drafts; numbered per
        // year after the numbers already given.
        let mut rng = plan.rng(3, 0);
        with_deferred_counts(
            conn,
            plan.convention_start,
            plan.convention_start + hosts - 1,
            |conn| {
                for range in chunks(hosts) {
                    let (rows, words): (Vec<_>, Vec<_>) = range
                        .map(|i| convention(&plan, &mut filing, &mut rng, i, (students, hosts)))
                        .collect::<Result<Vec<_>, _>>()?
                        .into_iter()
                        .unzip();
                    insert_batches!(conn, conventions::table, rows);
                    write_documents(conn, &words)?;
                }
                Ok(())
            },
        )?;
        // Published offers, one for ten hosts.
        let published = (hosts / 10).max(1);
        for range in chunks(published) {
            let (rows, words): (Vec<NewOffer>, Vec<[(i64, String); 2]>) =
                range.map(|i| offer(&plan, i, hosts)).unzip();
            insert_batches!(conn, offers::table, rows);
            let words: Vec<(i64, String)> = words.into_iter().flatten().collect();
            write_documents(conn, &words)?;
        }
        stages_api::db::offers::set_counter(conn, offer_year, plan.offer_number + published)?;
        if let AnyConnection::Postgresql(pg) = conn {
            // Explicit ids leave the identity sequences behind.
            for table in [
                "organisations",
                "host_services",
                "contacts",
                "students",
                "conventions",
                "offers",
            ] {
                pg.batch_execute(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
                ))?;
            }
        }
        for (year, last) in &filing.counters {
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
