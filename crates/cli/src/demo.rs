//! Demo data for a fresh database: the accounts a newcomer signs in with,
//! centres, students, hosts, conventions and offers.

use diesel::prelude::*;
use stages_api::app::organisations as cases;
use stages_api::auth::password;
use stages_api::db::AnyConnection;
use stages_api::db::codec;
use stages_api::db::offers;
use stages_api::db::organisations;
use stages_api::db::schema::{
    centre_routes, centre_staff, centres, enrolments, organisations as organisations_table,
    students, users as users_table,
};
use stages_api::db::search::{self, Kind};
use stages_api::db::users::{self, NewUser};
use stages_api::error::ApiError;
use stages_api_types::organisations::{ContactInput, HostServiceInput, OrganisationInput};
use stages_domain::access::RouteKind;
use stages_domain::ids::{Country, Email};
use stages_domain::model::{
    CentreLevel, CentreSettings, Civility, ContractType, Convention, Offer, OfferKind, OfferStatus,
    OrganisationKind, PrintCondition, ValidationLevel, ValidationOrder,
};
use stages_domain::signature::CircuitSettings;

/// Password of every demo account.
pub const DEMO_PASSWORD: &str = "demo";

pub struct DemoAccount {
    pub username: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub department: Option<&'static str>,
    pub email: &'static str,
    pub affiliation: &'static str,
    pub student_number: Option<&'static str>,
    pub is_admin: bool,
    pub what: &'static str,
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "etudiant",
        first_name: "Camille",
        last_name: "Martin",
        department: None,
        email: "camille.martin@etu.univ-demo.fr",
        affiliation: "student",
        student_number: Some("22401234"),
        is_admin: false,
        what: "student (M1 Informatique)",
    },
    DemoAccount {
        username: "enseignant",
        first_name: "Paul",
        last_name: "Durand",
        department: Some("UFR Sciences et Technologies"),
        email: "paul.durand@univ-demo.fr",
        affiliation: "faculty",
        student_number: None,
        is_admin: false,
        what: "academic supervisor",
    },
    DemoAccount {
        username: "gestionnaire",
        first_name: "Géraldine",
        last_name: "Baviere",
        department: None,
        email: "geraldine.baviere@univ-demo.fr",
        affiliation: "staff",
        student_number: None,
        is_admin: false,
        what: "manager of the Sciences centre",
    },
    DemoAccount {
        username: "enseignant2",
        first_name: "Hélène",
        last_name: "Lefèvre",
        department: Some("UFR Lettres, Langues et Sciences humaines"),
        email: "helene.lefevre@univ-demo.fr",
        affiliation: "faculty",
        student_number: None,
        is_admin: false,
        what: "academic supervisor (humanities)",
    },
    DemoAccount {
        username: "gestionnaire2",
        first_name: "Marc",
        last_name: "Petit",
        department: None,
        email: "marc.petit@univ-demo.fr",
        affiliation: "staff",
        student_number: None,
        is_admin: false,
        what: "manager of the Humanities centre",
    },
    DemoAccount {
        username: "etudiant2",
        first_name: "Léa",
        last_name: "Durand",
        department: None,
        email: "lea.durand@etu.univ-demo.fr",
        affiliation: "student",
        student_number: Some("22405678"),
        is_admin: false,
        what: "student (L3 Langues étrangères appliquées)",
    },
    DemoAccount {
        username: "admin",
        first_name: "Alex",
        last_name: "Moreau",
        department: None,
        email: "alex.moreau@univ-demo.fr",
        affiliation: "staff",
        student_number: None,
        is_admin: true,
        what: "administrator",
    },
];

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("database error: {0}")]
    Db(#[from] diesel::result::Error),
    #[error("cannot hash a demo password: {0}")]
    Hash(String),
    #[error("invalid demo record: {0}")]
    Record(String),
    #[error("repository: {0}")]
    Repo(#[from] stages_api::db::RepoError),
    #[error(
        "this database holds {0} account(s) and none of the demo's: demo data is only loaded into an empty database (or one that has them already), never next to real accounts"
    )]
    NotADemoDatabase(i64),
}

impl From<ApiError> for DemoError {
    fn from(err: ApiError) -> Self {
        let problem = err.problem();
        let violations: Vec<String> = problem
            .violations
            .iter()
            .map(|v| format!("{} {}: {}", v.rule, v.field, v.message))
            .collect();
        Self::Record(format!("{} {}", problem.title, violations.join("; ")))
    }
}

/// Loads the demo data into an empty database; returns whether it loaded
/// anything (not when the demo accounts are there already). A database
/// with accounts but none of the demo's is a real one: refused, so that
/// `admin`/`demo` never lands in production.
pub fn seed(conn: &mut AnyConnection) -> Result<bool, DemoError> {
    match users::count_demo_and_other(conn)? {
        (0, 0) => {}
        (0, others) => return Err(DemoError::NotADemoDatabase(others)),
        _ => return Ok(false),
    }
    let hash = password::hash(DEMO_PASSWORD).map_err(|e| DemoError::Hash(e.to_string()))?;
    let now = chrono::Utc::now().naive_utc();
    conn.transaction(|conn| {
        for account in DEMO_ACCOUNTS {
            let display_name = format!("{} {}", account.first_name, account.last_name);
            let id = users::insert(
                conn,
                &NewUser {
                    username: account.username,
                    display_name: &display_name,
                    first_name: account.first_name,
                    last_name: account.last_name,
                    department: account.department,
                    email: Some(account.email),
                    password_hash: Some(&hash),
                    source: stages_api::db::users::Source::Local.as_str(),
                    affiliation: account.affiliation,
                    student_number: account.student_number,
                    is_admin: account.is_admin,
                    active: true,
                    created_at: now,
                    updated_at: now,
                    is_demo: true,
                },
            )?;
            search::index(
                conn,
                Kind::User,
                id,
                &[account.first_name, account.last_name],
            )?;
        }
        let user_id = |conn: &mut AnyConnection, name: &str| -> QueryResult<i64> {
            users_table::table
                .filter(users_table::username.eq(name))
                .select(users_table::id)
                .first(conn)
        };
        let admin = user_id(conn, "admin")?;
        let sciences = insert_centre(conn, &SCIENCES, now)?;
        let humanities = insert_centre(conn, &HUMANITIES, now)?;
        let university = insert_centre(conn, &UNIVERSITY, now)?;
        for (centre, manager) in [
            (sciences, "gestionnaire"),
            (humanities, "gestionnaire2"),
            (university, "admin"),
        ] {
            let manager = user_id(conn, manager)?;
            diesel::insert_into(centre_staff::table)
                .values((
                    centre_staff::centre_id.eq(centre),
                    centre_staff::user_id.eq(manager),
                ))
                .execute(conn)?;
        }
        for (centre, kind, code) in [
            (sciences, RouteKind::Faculty, "UFR-ST"),
            (humanities, RouteKind::Faculty, "UFR-LLSH"),
        ] {
            diesel::insert_into(centre_routes::table)
                .values((
                    centre_routes::centre_id.eq(centre),
                    centre_routes::kind.eq(codec::to_code(kind)),
                    centre_routes::code.eq(code),
                ))
                .execute(conn)?;
        }
        for student in STUDENTS {
            insert_student(conn, student, now)?;
        }
        for organisation in ORGANISATIONS {
            insert_organisation(conn, organisation, admin)?;
        }
        for convention in CONVENTIONS {
            insert_convention(conn, convention, admin)?;
        }
        let manager = user_id(conn, "gestionnaire")?;
        for offer in OFFERS {
            insert_offer(conn, offer, sciences, manager)?;
        }
        Ok::<_, DemoError>(())
    })?;
    Ok(true)
}

struct DemoCentre {
    name: &'static str,
    level: CentreLevel,
    is_fallback: bool,
    street: &'static str,
    postal_code: &'static str,
    city: &'static str,
    email: &'static str,
    phone: &'static str,
    signatory_name: &'static str,
    signatory_position: &'static str,
    levels: &'static [ValidationLevel],
    print_condition: PrintCondition,
}

const SCIENCES: DemoCentre = DemoCentre {
    name: "Centre de gestion UFR Sciences et Technologies",
    level: CentreLevel::Faculty,
    is_fallback: false,
    street: "16 route de Gray",
    postal_code: "25030",
    city: "Besançon",
    email: "stages-st@univ-demo.fr",
    phone: "03 81 66 66 66",
    signatory_name: "Claire Fontaine",
    signatory_position: "Directrice de l'UFR Sciences et Technologies",
    levels: &[
        ValidationLevel::Pedagogical,
        ValidationLevel::Administrative,
    ],
    print_condition: PrintCondition::AfterPedagogical,
};

const HUMANITIES: DemoCentre = DemoCentre {
    name: "Centre de gestion UFR Lettres, Langues et Sciences humaines",
    level: CentreLevel::Faculty,
    is_fallback: false,
    street: "30 rue Mégevand",
    postal_code: "25030",
    city: "Besançon",
    email: "stages-llsh@univ-demo.fr",
    phone: "03 81 66 53 00",
    signatory_name: "Olivier Garnier",
    signatory_position: "Directeur de l'UFR Lettres, Langues et Sciences humaines",
    levels: &[
        ValidationLevel::Pedagogical,
        ValidationLevel::AdministrativeCheck,
        ValidationLevel::Administrative,
    ],
    print_condition: PrintCondition::AfterBoth,
};

const UNIVERSITY: DemoCentre = DemoCentre {
    name: "Université de démonstration – service des stages",
    level: CentreLevel::Establishment,
    is_fallback: true,
    street: "1 rue Claude Goudimel",
    postal_code: "25000",
    city: "Besançon",
    email: "stages@univ-demo.fr",
    phone: "03 81 66 50 00",
    signatory_name: "Isabelle Roux",
    signatory_position: "Présidente de l'université",
    levels: &[ValidationLevel::Administrative],
    print_condition: PrintCondition::AfterAdministrative,
};

fn insert_centre(
    conn: &mut AnyConnection,
    c: &DemoCentre,
    now: chrono::NaiveDateTime,
) -> Result<i64, DemoError> {
    let settings = CentreSettings {
        validation_levels: ValidationOrder::new(c.levels.to_vec())
            .map_err(|e| DemoError::Record(e.to_string()))?,
        print_condition: c.print_condition,
        students_may_create: true,
        overlaps_allowed: false,
        signature: CircuitSettings::default(),
    };
    let settings =
        serde_json::to_string(&settings).map_err(|e| DemoError::Record(e.to_string()))?;
    Ok(diesel::insert_into(centres::table)
        .values((
            centres::name.eq(c.name),
            centres::level.eq(codec::to_code(c.level)),
            centres::is_fallback.eq(c.is_fallback),
            centres::street.eq(c.street),
            centres::postal_code.eq(c.postal_code),
            centres::city.eq(c.city),
            centres::country_code.eq("FR"),
            centres::email.eq(c.email),
            centres::phone.eq(c.phone),
            centres::signatory_name.eq(c.signatory_name),
            centres::signatory_position.eq(c.signatory_position),
            centres::settings.eq(settings),
            centres::version.eq(1),
            centres::created_at.eq(now),
            centres::updated_at.eq(now),
        ))
        .returning(centres::id)
        .get_result(conn)?)
}

/// (academic year, programme code, label, faculty code, label, teaching hours)
type DemoEnrolment = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
);

struct DemoStudent {
    number: &'static str,
    last_name: &'static str,
    first_name: &'static str,
    email: &'static str,
    username: Option<&'static str>,
    /// (academic year, programme code, label, faculty code, label, hours)
    enrolments: &'static [DemoEnrolment],
}

const STUDENTS: &[DemoStudent] = &[
    DemoStudent {
        number: "22401234",
        last_name: "Martin",
        first_name: "Camille",
        email: "camille.martin@etu.univ-demo.fr",
        username: Some("etudiant"),
        enrolments: &[
            (
                "2026-2027",
                "M1-INFO",
                "Master 1 Informatique",
                "UFR-ST",
                "UFR Sciences et Technologies",
                450,
            ),
            (
                "2025-2026",
                "L3-INFO",
                "Licence 3 Informatique",
                "UFR-ST",
                "UFR Sciences et Technologies",
                520,
            ),
        ],
    },
    DemoStudent {
        number: "22405678",
        last_name: "Durand",
        first_name: "Léa",
        email: "lea.durand@etu.univ-demo.fr",
        username: Some("etudiant2"),
        enrolments: &[(
            "2026-2027",
            "L3-LEA",
            "Licence 3 Langues étrangères appliquées",
            "UFR-LLSH",
            "UFR Lettres, Langues et Sciences humaines",
            480,
        )],
    },
    DemoStudent {
        number: "22407777",
        last_name: "Nguyễn",
        first_name: "Łucja",
        email: "lucja.nguyen@etu.univ-demo.fr",
        username: None,
        enrolments: &[(
            "2026-2027",
            "M1-INFO",
            "Master 1 Informatique",
            "UFR-ST",
            "UFR Sciences et Technologies",
            450,
        )],
    },
    DemoStudent {
        number: "22403456",
        last_name: "Bernard",
        first_name: "Chloé",
        email: "chloe.bernard@etu.univ-demo.fr",
        username: None,
        enrolments: &[(
            "2026-2027",
            "M1-INFO",
            "Master 1 Informatique",
            "UFR-ST",
            "UFR Sciences et Technologies",
            450,
        )],
    },
    DemoStudent {
        number: "22409012",
        last_name: "Nguyen",
        first_name: "Thomas",
        email: "thomas.nguyen@etu.univ-demo.fr",
        username: None,
        enrolments: &[(
            "2026-2027",
            "M2-MATH",
            "Master 2 Mathématiques appliquées",
            "UFR-ST",
            "UFR Sciences et Technologies",
            380,
        )],
    },
];

fn insert_student(
    conn: &mut AnyConnection,
    s: &DemoStudent,
    now: chrono::NaiveDateTime,
) -> Result<(), DemoError> {
    let user_id: Option<i64> = match s.username {
        Some(name) => users_table::table
            .filter(users_table::username.eq(name))
            .select(users_table::id)
            .first(conn)
            .optional()?,
        None => None,
    };
    let id: i64 = diesel::insert_into(students::table)
        .values((
            students::student_number.eq(s.number),
            students::last_name.eq(s.last_name),
            students::first_name.eq(s.first_name),
            students::email.eq(s.email),
            students::user_id.eq(user_id),
            students::created_at.eq(now),
            students::updated_at.eq(now),
        ))
        .returning(students::id)
        .get_result(conn)?;
    search::index(conn, Kind::Student, id, &[s.last_name, s.first_name])?;
    for &(year, code, label, faculty, faculty_label, hours) in s.enrolments {
        diesel::insert_into(enrolments::table)
            .values((
                enrolments::student_id.eq(id),
                enrolments::academic_year.eq(year),
                enrolments::programme_code.eq(code),
                enrolments::programme_label.eq(label),
                enrolments::faculty_code.eq(faculty),
                enrolments::faculty_label.eq(faculty_label),
                enrolments::teaching_hours.eq(Some(hours)),
                enrolments::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// (civility, last name, first name, position, e-mail, phone)
type DemoContact = (
    Civility,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

struct DemoOrganisation {
    name: &'static str,
    siret: Option<&'static str>,
    naf: Option<&'static str>,
    activity: Option<&'static str>,
    headcount: u32,
    kind: OrganisationKind,
    legal_status: Option<&'static str>,
    street: &'static str,
    postal_code: &'static str,
    city: &'static str,
    country: &'static str,
    phone: &'static str,
    email: &'static str,
    /// (service name, [(civility, last name, first name, position, email, phone)])
    services: &'static [(&'static str, &'static [DemoContact])],
}

const ORGANISATIONS: &[DemoOrganisation] = &[
    DemoOrganisation {
        name: "Société Générale d'Ingénierie",
        siret: Some("73282932000074"),
        naf: Some("71.12B"),
        activity: None,
        headcount: 120,
        kind: OrganisationKind::PrivateCompany,
        legal_status: Some("57"),
        street: "12 rue de la République",
        postal_code: "25000",
        city: "Besançon",
        country: "FR",
        phone: "03 81 00 00 00",
        email: "contact@sgi-ingenierie.fr",
        services: &[
            (
                "Direction des systèmes d'information",
                &[
                    (
                        Civility::Ms,
                        "Lefèvre",
                        "Sophie",
                        "Responsable des systèmes d'information",
                        "sophie.lefevre@sgi-ingenierie.fr",
                        "03 81 00 00 02",
                    ),
                    (
                        Civility::Mr,
                        "Garcia",
                        "Hugo",
                        "Ingénieur développement",
                        "hugo.garcia@sgi-ingenierie.fr",
                        "03 81 00 00 03",
                    ),
                ],
            ),
            (
                "Direction générale",
                &[(
                    Civility::Mr,
                    "Dupont",
                    "Marc",
                    "Président",
                    "marc.dupont@sgi-ingenierie.fr",
                    "03 81 00 00 01",
                )],
            ),
        ],
    },
    // A host whose name is written in Chinese characters, for the
    // agreements' fonts (issue 17): the signed agreement prints it exactly.
    DemoOrganisation {
        name: "北京科技有限公司",
        siret: Some("85249135600014"),
        naf: Some("62.01Z"),
        activity: None,
        headcount: 60,
        kind: OrganisationKind::PrivateCompany,
        legal_status: Some("57"),
        street: "40 avenue d'Italie",
        postal_code: "75013",
        city: "Paris",
        country: "FR",
        phone: "01 45 00 00 00",
        email: "contact@beijing-keji-demo.fr",
        services: &[
            (
                "Direction technique",
                &[(
                    Civility::Ms,
                    "Wang",
                    "Fang",
                    "Responsable du développement",
                    "fang.wang@beijing-keji-demo.fr",
                    "01 45 00 00 02",
                )],
            ),
            (
                "Direction générale",
                &[(
                    Civility::Mr,
                    "Li",
                    "Wei",
                    "Directeur général",
                    "wei.li@beijing-keji-demo.fr",
                    "01 45 00 00 01",
                )],
            ),
        ],
    },
    DemoOrganisation {
        name: "Mairie de Besançon",
        siret: Some("13000548100010"),
        naf: Some("84.11Z"),
        activity: None,
        headcount: 3500,
        kind: OrganisationKind::PublicAdministration,
        legal_status: Some("72"),
        street: "2 rue Mégevand",
        postal_code: "25000",
        city: "Besançon",
        country: "FR",
        phone: "03 81 61 50 50",
        email: "accueil@besancon-demo.fr",
        services: &[(
            "Service communication",
            &[(
                Civility::Ms,
                "Bernard",
                "Julie",
                "Cheffe du service communication",
                "julie.bernard@besancon-demo.fr",
                "03 81 61 50 60",
            )],
        )],
    },
    DemoOrganisation {
        name: "Association Les Petits Débrouillards de Franche-Comté",
        siret: Some("40483304800030"),
        naf: Some("94.99Z"),
        activity: None,
        headcount: 12,
        kind: OrganisationKind::Association,
        legal_status: Some("92"),
        street: "8 rue de Vesoul",
        postal_code: "25000",
        city: "Besançon",
        country: "FR",
        phone: "03 81 50 00 10",
        email: "fc@debrouillards-demo.org",
        services: &[(
            "Animation scientifique",
            &[(
                Civility::Mr,
                "Roussel",
                "Antoine",
                "Coordinateur",
                "antoine.roussel@debrouillards-demo.org",
                "03 81 50 00 11",
            )],
        )],
    },
    DemoOrganisation {
        name: "Bäckerei Müller GmbH",
        siret: None,
        naf: None,
        activity: Some("Boulangerie-pâtisserie"),
        headcount: 45,
        kind: OrganisationKind::PrivateCompany,
        legal_status: None,
        street: "Friedrichstraße 12",
        postal_code: "10117",
        city: "Berlin",
        country: "DE",
        phone: "+49 30 1234567",
        email: "info@baeckerei-mueller-demo.de",
        services: &[(
            "Verwaltung",
            &[(
                Civility::Ms,
                "Schäfer",
                "Anna",
                "Geschäftsführerin",
                "anna.schaefer@baeckerei-mueller-demo.de",
                "+49 30 1234568",
            )],
        )],
    },
];

/// The one demo host address that staff have not vouched for (SIG-17), as
/// if Łucja had entered her tutor herself: her circuit shows staff the
/// address to check, and no link goes there until they do.
const ENTERED_BY_A_STUDENT: &str = "fang.wang@beijing-keji-demo.fr";

fn insert_organisation(
    conn: &mut AnyConnection,
    o: &DemoOrganisation,
    admin: i64,
) -> Result<(), DemoError> {
    let input = OrganisationInput {
        name: o.name.into(),
        siret: o.siret.map(Into::into),
        naf_code: o.naf.map(Into::into),
        activity: o.activity.map(Into::into),
        headcount: Some(o.headcount),
        kind: Some(o.kind),
        legal_status_code: o.legal_status.map(Into::into),
        street: o.street.into(),
        street2: None,
        postal_code: o.postal_code.into(),
        city: o.city.into(),
        country_code: Some(o.country.into()),
        phone: Some(o.phone.into()),
        email: Some(o.email.into()),
        website: None,
    };
    let mut checked = cases::check(&input)?;
    cases::label_legal_status(conn, &mut checked.columns)?;
    let organisation = organisations::insert(conn, &checked.columns, admin)?;
    for &(name, contacts) in o.services {
        let service = cases::check_service(&HostServiceInput {
            name: name.into(),
            street: o.street.into(),
            postal_code: o.postal_code.into(),
            city: o.city.into(),
            country_code: Some(o.country.into()),
            phone: None,
        })?;
        let service = organisations::insert_service(conn, organisation.id, &service, admin)?;
        for &(civility, last_name, first_name, position, email, phone) in contacts {
            let contact = cases::check_contact(&ContactInput {
                civility: Some(civility),
                last_name: last_name.into(),
                first_name: first_name.into(),
                position: position.into(),
                email: email.into(),
                phone: phone.into(),
            })?;
            // The seeder writes as an administrator: the demo's host
            // addresses are vouched for (SIG-17), but for one.
            let vouched = email != ENTERED_BY_A_STUDENT;
            organisations::insert_contact(conn, service.id, &contact, admin, vouched)?;
        }
    }
    Ok(())
}

/// A demo convention: who, where, when, and how far it went.
struct DemoConvention {
    student: &'static str,
    programme: &'static str,
    organisation: &'static str,
    service: &'static str,
    tutor: &'static str,
    signatory: Option<&'static str>,
    supervisor: Option<&'static str>,
    subject: &'static str,
    start: (i32, u32, u32),
    end: (i32, u32, u32),
    /// Levels given; `None` keeps it a draft.
    validations: Option<&'static [ValidationLevel]>,
}

const CONVENTIONS: &[DemoConvention] = &[
    DemoConvention {
        student: "22407777",
        programme: "M1-INFO",
        organisation: "北京科技有限公司",
        service: "Direction technique",
        tutor: "Wang",
        signatory: Some("Li"),
        supervisor: Some("enseignant"),
        subject: "Refonte de l'outil de suivi des chantiers",
        start: (2027, 1, 4),
        end: (2027, 3, 26),
        validations: Some(&[ValidationLevel::Pedagogical]),
    },
    DemoConvention {
        student: "22409012",
        programme: "M2-MATH",
        organisation: "Mairie de Besançon",
        service: "Service communication",
        tutor: "Bernard",
        signatory: Some("Bernard"),
        supervisor: Some("enseignant"),
        subject: "Analyse statistique de la fréquentation des services municipaux",
        start: (2027, 2, 1),
        end: (2027, 6, 30),
        validations: Some(&[
            ValidationLevel::Pedagogical,
            ValidationLevel::Administrative,
        ]),
    },
    // An earlier intern at the engineering firm's IT department, so that a
    // new convention there asks whether it is the same post (DUR-03). It
    // ends after the tests' "day after the end" (2027-03-29), whose
    // schedulers count the evaluations they request.
    DemoConvention {
        student: "22403456",
        programme: "M1-INFO",
        organisation: "Société Générale d'Ingénierie",
        service: "Direction des systèmes d'information",
        tutor: "Garcia",
        signatory: Some("Dupont"),
        supervisor: Some("enseignant"),
        subject: "Refonte de l'outil de suivi des chantiers",
        start: (2027, 2, 1),
        end: (2027, 4, 2),
        validations: Some(&[
            ValidationLevel::Pedagogical,
            ValidationLevel::Administrative,
        ]),
    },
    DemoConvention {
        student: "22405678",
        programme: "L3-LEA",
        organisation: "Bäckerei Müller GmbH",
        service: "Verwaltung",
        tutor: "Schäfer",
        signatory: None,
        supervisor: None,
        subject: "Traduction des supports de vente en français",
        start: (2027, 4, 6),
        end: (2027, 6, 25),
        validations: None,
    },
];

fn insert_convention(
    conn: &mut AnyConnection,
    c: &DemoConvention,
    admin: i64,
) -> Result<(), DemoError> {
    use stages_api::db::conventions as repo;
    use stages_api::db::schema::{contacts, host_services, organisations as orgs};
    use stages_domain::ids::Currency;
    use stages_domain::lifecycle::Workflow;
    use stages_domain::model::{
        AgreementLanguage, Confidentiality, ConventionType, DaysPerWeek, Enrolment,
        HealthInsurance, Internship, InternshipOrigin, NomenclatureRef, PaymentMode, StipendBasis,
        StipendTerms, StipendUnit, Student, StudentStep, Supervisor, WorkingTime,
    };
    let record = |e: String| DemoError::Record(e);
    let date = |(y, m, d): (i32, u32, u32)| {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| record(format!("bad date {y}-{m}-{d}")))
    };
    let student = students::table
        .filter(students::student_number.eq(c.student))
        .select(stages_api::db::students::StudentRow::as_select())
        .first(conn)?;
    let enrolment = enrolments::table
        .filter(enrolments::student_id.eq(student.id))
        .filter(enrolments::programme_code.eq(c.programme))
        .select(stages_api::db::students::EnrolmentRecord::as_select())
        .first(conn)?;
    let centre =
        stages_api::db::centres::route(conn, &enrolment.programme_code, &enrolment.faculty_code)?
            .map_err(|r| record(r.to_string()))?;
    let organisation: i64 = orgs::table
        .filter(orgs::name.eq(c.organisation))
        .select(orgs::id)
        .first(conn)?;
    let organisation = organisations::find(conn, organisation)?;
    let service: i64 = host_services::table
        .filter(host_services::organisation_id.eq(organisation.id))
        .filter(host_services::name.eq(c.service))
        .select(host_services::id)
        .first(conn)?;
    let service = organisations::find_service(conn, service)?;
    let contact = |conn: &mut AnyConnection,
                   last_name: &str|
     -> Result<organisations::ContactRecord, DemoError> {
        let id: i64 = contacts::table
            .inner_join(host_services::table)
            .filter(host_services::organisation_id.eq(organisation.id))
            .filter(contacts::last_name.eq(last_name))
            .select(contacts::id)
            .first(conn)?;
        Ok(organisations::find_contact(conn, id)?)
    };
    let tutor = contact(conn, c.tutor)?;
    let signatory = match c.signatory {
        Some(name) => Some(contact(conn, name)?),
        None => None,
    };
    let year = stages_domain::model::AcademicYear::parse(&enrolment.academic_year)
        .map_err(|e| record(e.to_string()))?;
    let content = Convention {
        student: StudentStep {
            student: Student {
                student_number: student.student_number.clone(),
                last_name: student.last_name.clone(),
                first_name: student.first_name.clone(),
                university_email: student
                    .email
                    .as_deref()
                    .and_then(|e| stages_domain::ids::Email::parse(e).ok()),
                ..Student::default()
            },
            enrolment: Some(Enrolment {
                academic_year: year,
                programme: NomenclatureRef {
                    code: enrolment.programme_code.clone(),
                    label: enrolment.programme_label.clone(),
                },
                faculty: NomenclatureRef {
                    code: enrolment.faculty_code.clone(),
                    label: enrolment.faculty_label.clone(),
                },
                teaching_hours: enrolment.teaching_hours.and_then(|h| u32::try_from(h).ok()),
                teaching_element: None,
            }),
            address: stages_domain::model::Address {
                street: "4 rue des Jardins".into(),
                building: None,
                postal_code: "25000".into(),
                city: "Besançon".into(),
                country: Some(stages_domain::ids::Country::france()),
            },
            personal_email: stages_domain::ids::Email::parse("etudiant.demo@example.org").ok(),
            mobile_phone: stages_domain::ids::Phone::parse("06 12 34 56 78").ok(),
            health_insurance: HealthInsurance {
                fund: "CPAM du Doubs".into(),
                region: None,
                address: None,
            },
            ..StudentStep::default()
        },
        organisation: Some(organisation.to_domain()),
        host_service: Some(service.to_domain()),
        tutor: Some(tutor.to_domain()),
        signatory: signatory
            .as_ref()
            .map(organisations::ContactRecord::to_domain),
        supervisor: None,
        internship: Internship {
            convention_type: Some(ConventionType::InitialMandatory),
            theme: Some(NomenclatureRef {
                code: "computing".into(),
                label: "Informatique, numérique".into(),
            }),
            language: Some(AgreementLanguage::Fr),
            subject: c.subject.into(),
            tasks: "Analyse des besoins, réalisation, tests et documentation.".into(),
            skills: "Conduite de projet, travail en équipe, communication écrite.".into(),
            start: Some(date(c.start)?),
            end: Some(date(c.end)?),
            regular_schedule: Some(true),
            weekly_minutes: Some(35 * 60),
            days_per_week: Some(DaysPerWeek::FIVE),
            working_time: Some(WorkingTime::FullTime),
            leave_days: Some(5),
            stipend_paid: Some(true),
            stipend: StipendTerms {
                amount_cents: Some(70_000),
                currency: Currency::parse("EUR").ok(),
                basis: Some(StipendBasis::Gross),
                unit: Some(StipendUnit::Month),
                payment_mode: Some(PaymentMode::BankTransfer),
            },
            supervision_mode: Some(
                "Point hebdomadaire avec le tuteur, visite de l'enseignant à mi-parcours.".into(),
            ),
            work_to_deliver: Some(NomenclatureRef {
                code: "report".into(),
                label: "Rapport de stage".into(),
            }),
            validation_mode: Some(NomenclatureRef {
                code: "defence".into(),
                label: "Soutenance".into(),
            }),
            confidentiality: Some(Confidentiality::None),
            night_sunday_holiday_work: Some("Aucun".into()),
            found_through: Some(InternshipOrigin::SpontaneousApplication),
            benefits: Some("Titres-restaurant".into()),
            ..Internship::default()
        },
    };
    let id = repo::insert_draft(
        conn,
        centre,
        student.id,
        admin,
        &enrolment.academic_year,
        &enrolment.programme_code,
        &content,
    )?;
    let mut loaded = repo::load(conn, id)?;
    loaded.parties.organisation_id = Some(organisation.id);
    loaded.parties.host_service_id = Some(service.id);
    loaded.parties.tutor_id = Some(tutor.id);
    loaded.parties.signatory_id = signatory.as_ref().map(|s| s.id);
    if let Some(uid) = c.supervisor {
        let person: (String, String, String, Option<String>, Option<String>) = users_table::table
            .filter(users_table::username.eq(uid))
            .select((
                users_table::username,
                users_table::first_name,
                users_table::last_name,
                users_table::email,
                users_table::department,
            ))
            .first(conn)?;
        let person = stages_api::directory::Person {
            uid: person.0,
            first_name: person.1,
            last_name: person.2,
            email: person.3,
            department: person.4,
        };
        loaded.parties.supervisor_id =
            Some(stages_api::directory::upsert_supervisor(conn, &person)?);
        loaded.content.supervisor = Some(Supervisor {
            uid: person.uid,
            last_name: person.last_name,
            first_name: person.first_name,
            email: person
                .email
                .as_deref()
                .and_then(|e| stages_domain::ids::Email::parse(e).ok()),
            phone: None,
            department: person.department,
        });
    }
    if let Some(levels) = c.validations {
        let number = repo::next_number(conn, 2026)?;
        // Demo conventions start validated as the centre once decided.
        loaded.workflow = Workflow::restore(Some(number), levels.to_vec(), None, 0, None);
    }
    let amended = stages_api::db::amendments::amendment_list(conn, id)?;
    repo::save(conn, &mut loaded, &amended)?;
    Ok(())
}

struct DemoOffer {
    host: &'static str,
    kind: OfferKind,
    title: &'static str,
    description: &'static str,
    city: &'static str,
    postal_code: Option<&'static str>,
    country: &'static str,
    contract: Option<ContractType>,
    start: (i32, u32, u32),
    end: (i32, u32, u32),
    contact: &'static str,
    published: bool,
}

const OFFERS: &[DemoOffer] = &[
    DemoOffer {
        host: "Société Générale d'Ingénierie",
        kind: OfferKind::Internship,
        title: "Développement web : outil de suivi des chantiers",
        description: "Au sein de la DSI, vous participez à la refonte de l'outil de suivi \
                      des chantiers : analyse des besoins, développement (Rust, TypeScript), \
                      tests et mise en production. Profil : master 1 informatique.",
        city: "Besançon",
        postal_code: Some("25000"),
        country: "FR",
        contract: None,
        start: (2027, 4, 6),
        end: (2027, 8, 27),
        contact: "recrutement@sgi-ingenierie.fr",
        published: true,
    },
    DemoOffer {
        host: "Mairie de Besançon",
        kind: OfferKind::Apprenticeship,
        title: "Alternance : technicien·ne systèmes et réseaux",
        description: "Deux ans d'alternance au service informatique de la ville : parc de \
                      postes, réseau des écoles, assistance aux agents.",
        city: "Besançon",
        postal_code: Some("25000"),
        country: "FR",
        contract: Some(ContractType::Apprenticeship),
        start: (2027, 9, 1),
        end: (2029, 8, 31),
        contact: "emploi@besancon-demo.fr",
        published: true,
    },
    DemoOffer {
        host: "Bäckerei Müller GmbH",
        kind: OfferKind::Internship,
        title: "Stage marketing et export (allemand courant)",
        description: "Études de marché pour l'export vers la France, animation des réseaux \
                      sociaux de la boulangerie, salons professionnels.",
        city: "Freiburg im Breisgau",
        postal_code: None,
        country: "DE",
        contract: None,
        start: (2027, 5, 3),
        end: (2027, 7, 30),
        contact: "info@baeckerei-mueller-demo.de",
        published: true,
    },
    DemoOffer {
        host: "Association Les Petits Débrouillards de Franche-Comté",
        kind: OfferKind::Job,
        title: "Animateur·rice scientifique (CDD 12 mois)",
        description: "Ateliers de culture scientifique dans les écoles et les quartiers.",
        city: "Besançon",
        postal_code: Some("25000"),
        country: "FR",
        contract: Some(ContractType::FixedTerm),
        start: (2027, 1, 4),
        end: (2027, 12, 31),
        contact: "fc@debrouillards-demo.org",
        published: false,
    },
];

fn insert_offer(
    conn: &mut AnyConnection,
    demo: &DemoOffer,
    centre: i64,
    manager: i64,
) -> Result<(), DemoError> {
    let host: i64 = organisations_table::table
        .filter(organisations_table::name.eq(demo.host))
        .select(organisations_table::id)
        .first(conn)?;
    let date = |(y, m, d): (i32, u32, u32)| chrono::NaiveDate::from_ymd_opt(y, m, d);
    let record = |what: &str| DemoError::Record(format!("{}: {what}", demo.title));
    let offer = Offer {
        kind: demo.kind,
        title: demo.title.to_owned(),
        description: demo.description.to_owned(),
        city: demo.city.to_owned(),
        postal_code: demo.postal_code.map(str::to_owned),
        country: Country::parse(demo.country).map_err(|_| record("country"))?,
        contract: demo.contract,
        start: date(demo.start),
        end: date(demo.end),
        paid: Some(true),
        disability_friendly: true,
        contact_name: None,
        contact_email: Some(Email::parse(demo.contact).map_err(|_| record("contact"))?),
    };
    let found =
        stages_domain::offer::check_offer(&offer, stages_domain::rules::CheckMode::Complete);
    if let Some(v) = found.first() {
        return Err(record(&v.field));
    }
    let today = chrono::Utc::now().date_naive();
    let row = offers::insert(conn, &offer, host, Some(centre), manager, today)?;
    if demo.published {
        offers::set_status(conn, &row, OfferStatus::Published)?;
    }
    Ok(())
}
