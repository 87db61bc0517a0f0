//! Reference data every installation starts with: the nomenclature tables
//! (convention types, themes, countries, NAF codes, legal statuses…), loaded
//! by `stages migrate`. Values that exist are left alone, so administrators'
//! label changes survive upgrades.

use crate::db::AnyConnection;
use crate::db::schema::nomenclatures;
use crate::texts::Text;
use diesel::prelude::*;

const NAF_REV2: &str = include_str!("../../data/nomenclatures/naf-rev2.tsv");
const COUNTRIES: &str = include_str!("../../data/nomenclatures/countries.tsv");
const DEPARTMENTS: &str = include_str!("../../data/nomenclatures/departments.tsv");

/// A reference list: its code in the API, its title, and whether its
/// values are tied to behaviour (system lists: codes are
/// those of the domain's enums and cannot be added to).
pub struct Kind {
    pub code: &'static str,
    pub title: Text,
    pub system: bool,
}

pub const KINDS: &[Kind] = &[
    Kind {
        code: "convention_type",
        title: Text::TableConventionType,
        system: true,
    },
    Kind {
        code: "theme",
        title: Text::TableTheme,
        system: false,
    },
    Kind {
        code: "language",
        title: Text::TableLanguage,
        system: true,
    },
    Kind {
        code: "country",
        title: Text::TableCountry,
        system: false,
    },
    Kind {
        code: "department",
        title: Text::TableDepartment,
        system: false,
    },
    Kind {
        code: "naf",
        title: Text::TableNaf,
        system: false,
    },
    Kind {
        code: "legal_status",
        title: Text::TableLegalStatus,
        system: false,
    },
    Kind {
        code: "headcount_band",
        title: Text::TableHeadcountBand,
        system: false,
    },
    Kind {
        code: "organisation_type",
        title: Text::TableOrganisationType,
        system: true,
    },
    Kind {
        code: "working_time",
        title: Text::TableWorkingTime,
        system: true,
    },
    Kind {
        code: "stipend_unit",
        title: Text::TableStipendUnit,
        system: true,
    },
    Kind {
        code: "stipend_basis",
        title: Text::TableStipendBasis,
        system: true,
    },
    Kind {
        code: "payment_mode",
        title: Text::TablePaymentMode,
        system: true,
    },
    Kind {
        code: "currency",
        title: Text::TableCurrency,
        system: false,
    },
    Kind {
        code: "internship_origin",
        title: Text::TableInternshipOrigin,
        system: true,
    },
    Kind {
        code: "confidentiality",
        title: Text::TableConfidentiality,
        system: true,
    },
    Kind {
        code: "work_to_deliver",
        title: Text::TableWorkToDeliver,
        system: false,
    },
    Kind {
        code: "validation_mode",
        title: Text::TableValidationMode,
        system: false,
    },
];

pub fn kind(code: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.code == code)
}

/// (kind, code, French label, English label)
type Value = (&'static str, &'static str, &'static str, &'static str);

const VALUES: &[Value] = &[
    (
        "convention_type",
        "initial_mandatory",
        "Formation initiale – stage obligatoire",
        "Initial training – compulsory internship",
    ),
    (
        "convention_type",
        "initial_recommended",
        "Formation initiale – stage conseillé",
        "Initial training – recommended internship",
    ),
    (
        "convention_type",
        "continuing_education",
        "Formation continue",
        "Continuing education",
    ),
    ("convention_type", "gap_year", "Césure", "Gap year"),
    (
        "convention_type",
        "reorientation",
        "Réorientation – insertion professionnelle",
        "Reorientation – professional integration",
    ),
    (
        "theme",
        "planning",
        "Aménagement, urbanisme, environnement",
        "Planning, urban design, environment",
    ),
    (
        "theme",
        "heritage",
        "Art, patrimoine, culture",
        "Art, heritage, culture",
    ),
    (
        "theme",
        "trade",
        "Commerce international, marketing",
        "International trade, marketing",
    ),
    (
        "theme",
        "communication",
        "Communication, journalisme",
        "Communication, journalism",
    ),
    ("theme", "law", "Droit, justice", "Law, justice"),
    (
        "theme",
        "education",
        "Éducation, formation",
        "Education, training",
    ),
    (
        "theme",
        "finance",
        "Finance, gestion, comptabilité",
        "Finance, management, accounting",
    ),
    (
        "theme",
        "industry",
        "Industrie, ingénierie",
        "Industry, engineering",
    ),
    (
        "theme",
        "computing",
        "Informatique, numérique",
        "Computing, digital",
    ),
    (
        "theme",
        "research",
        "Recherche, sciences",
        "Research, science",
    ),
    ("theme", "hr", "Ressources humaines", "Human resources"),
    ("theme", "health", "Santé, social", "Health, social work"),
    ("language", "fr", "Français", "French"),
    ("language", "en", "Anglais", "English"),
    ("language", "de", "Allemand", "German"),
    ("language", "es", "Espagnol", "Spanish"),
    ("language", "it", "Italien", "Italian"),
    (
        "legal_status",
        "10",
        "Entrepreneur individuel",
        "Sole proprietor",
    ),
    (
        "legal_status",
        "41",
        "Établissement public à caractère industriel ou commercial",
        "Public industrial or commercial establishment",
    ),
    (
        "legal_status",
        "54",
        "Société à responsabilité limitée (SARL)",
        "Limited liability company (SARL)",
    ),
    (
        "legal_status",
        "55",
        "Société anonyme à conseil d'administration",
        "Public limited company with a board of directors",
    ),
    (
        "legal_status",
        "56",
        "Société anonyme à directoire",
        "Public limited company with a management board",
    ),
    (
        "legal_status",
        "57",
        "Société par actions simplifiée (SAS)",
        "Simplified joint-stock company (SAS)",
    ),
    (
        "legal_status",
        "71",
        "Administration de l'État",
        "State administration",
    ),
    (
        "legal_status",
        "72",
        "Collectivité territoriale",
        "Local authority",
    ),
    (
        "legal_status",
        "73",
        "Établissement public administratif",
        "Public administrative establishment",
    ),
    (
        "legal_status",
        "82",
        "Organisme mutualiste",
        "Mutual organisation",
    ),
    (
        "legal_status",
        "92",
        "Association loi 1901 ou assimilé",
        "Non-profit association (1901 law)",
    ),
    ("legal_status", "93", "Fondation", "Foundation"),
    ("headcount_band", "00", "0 salarié", "No employee"),
    (
        "headcount_band",
        "01",
        "1 ou 2 salariés",
        "1 or 2 employees",
    ),
    ("headcount_band", "02", "3 à 5 salariés", "3 to 5 employees"),
    ("headcount_band", "03", "6 à 9 salariés", "6 to 9 employees"),
    (
        "headcount_band",
        "11",
        "10 à 19 salariés",
        "10 to 19 employees",
    ),
    (
        "headcount_band",
        "12",
        "20 à 49 salariés",
        "20 to 49 employees",
    ),
    (
        "headcount_band",
        "21",
        "50 à 99 salariés",
        "50 to 99 employees",
    ),
    (
        "headcount_band",
        "22",
        "100 à 199 salariés",
        "100 to 199 employees",
    ),
    (
        "headcount_band",
        "31",
        "200 à 249 salariés",
        "200 to 249 employees",
    ),
    (
        "headcount_band",
        "32",
        "250 à 499 salariés",
        "250 to 499 employees",
    ),
    (
        "headcount_band",
        "41",
        "500 à 999 salariés",
        "500 to 999 employees",
    ),
    (
        "headcount_band",
        "42",
        "1 000 à 1 999 salariés",
        "1,000 to 1,999 employees",
    ),
    (
        "headcount_band",
        "51",
        "2 000 à 4 999 salariés",
        "2,000 to 4,999 employees",
    ),
    (
        "headcount_band",
        "52",
        "5 000 à 9 999 salariés",
        "5,000 to 9,999 employees",
    ),
    (
        "headcount_band",
        "53",
        "10 000 salariés et plus",
        "10,000 employees or more",
    ),
    (
        "organisation_type",
        "private_company",
        "Entreprise privée",
        "Private company",
    ),
    (
        "organisation_type",
        "public_company",
        "Entreprise publique, SEM",
        "Public company",
    ),
    (
        "organisation_type",
        "public_administration",
        "Administration",
        "Public administration",
    ),
    (
        "organisation_type",
        "public_establishment",
        "Établissement public",
        "Public establishment",
    ),
    (
        "organisation_type",
        "association",
        "Association",
        "Association",
    ),
    (
        "organisation_type",
        "mutual_or_cooperative",
        "Mutuelle, coopérative",
        "Mutual or cooperative",
    ),
    ("organisation_type", "other", "Autre", "Other"),
    ("working_time", "full_time", "Temps plein", "Full time"),
    ("working_time", "part_time", "Temps partiel", "Part time"),
    ("stipend_unit", "hour", "par heure", "per hour"),
    ("stipend_unit", "day", "par jour", "per day"),
    ("stipend_unit", "week", "par semaine", "per week"),
    ("stipend_unit", "month", "par mois", "per month"),
    ("stipend_basis", "gross", "Brut", "Gross"),
    ("stipend_basis", "net", "Net", "Net"),
    (
        "payment_mode",
        "bank_transfer",
        "Virement bancaire",
        "Bank transfer",
    ),
    ("payment_mode", "cheque", "Chèque", "Cheque"),
    ("payment_mode", "cash", "Espèces", "Cash"),
    ("currency", "EUR", "Euro", "Euro"),
    ("currency", "CHF", "Franc suisse", "Swiss franc"),
    ("currency", "GBP", "Livre sterling", "Pound sterling"),
    ("currency", "USD", "Dollar américain", "US dollar"),
    ("currency", "CAD", "Dollar canadien", "Canadian dollar"),
    ("currency", "AUD", "Dollar australien", "Australian dollar"),
    ("currency", "JPY", "Yen", "Japanese yen"),
    ("currency", "CNY", "Yuan renminbi", "Chinese yuan"),
    ("currency", "SEK", "Couronne suédoise", "Swedish krona"),
    ("currency", "NOK", "Couronne norvégienne", "Norwegian krone"),
    ("currency", "DKK", "Couronne danoise", "Danish krone"),
    ("currency", "PLN", "Zloty", "Polish zloty"),
    ("currency", "CZK", "Couronne tchèque", "Czech koruna"),
    ("currency", "HUF", "Forint", "Hungarian forint"),
    ("currency", "RON", "Leu roumain", "Romanian leu"),
    ("currency", "MAD", "Dirham marocain", "Moroccan dirham"),
    ("currency", "TND", "Dinar tunisien", "Tunisian dinar"),
    (
        "currency",
        "XOF",
        "Franc CFA (BCEAO)",
        "West African CFA franc",
    ),
    ("currency", "XPF", "Franc CFP", "CFP franc"),
    ("currency", "SGD", "Dollar de Singapour", "Singapore dollar"),
    ("currency", "BRL", "Réal brésilien", "Brazilian real"),
    (
        "internship_origin",
        "offer",
        "Réponse à une offre",
        "Answer to an offer",
    ),
    (
        "internship_origin",
        "spontaneous_application",
        "Candidature spontanée",
        "Spontaneous application",
    ),
    (
        "internship_origin",
        "network",
        "Réseau de connaissances",
        "Personal network",
    ),
    (
        "internship_origin",
        "proposed_by_department",
        "Proposé par le département",
        "Proposed by the department",
    ),
    ("confidentiality", "none", "Aucune", "None"),
    ("confidentiality", "total", "Totale", "Total"),
    ("confidentiality", "free", "Libre", "Free"),
    (
        "work_to_deliver",
        "report",
        "Rapport de stage",
        "Internship report",
    ),
    ("work_to_deliver", "dissertation", "Mémoire", "Dissertation"),
    ("work_to_deliver", "logbook", "Carnet de bord", "Logbook"),
    ("work_to_deliver", "none", "Aucun", "None"),
    ("validation_mode", "defence", "Soutenance", "Oral defence"),
    (
        "validation_mode",
        "report",
        "Rapport écrit",
        "Written report",
    ),
    (
        "validation_mode",
        "tutor_assessment",
        "Évaluation du tuteur",
        "Tutor's assessment",
    ),
    (
        "validation_mode",
        "certificate",
        "Attestation de stage",
        "Internship certificate",
    ),
];

struct Row<'a> {
    kind: &'a str,
    code: &'a str,
    label: &'a str,
    label_en: Option<&'a str>,
    position: i32,
}

/// Rows of a tab-separated file with a header line.
fn tsv(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).map(|l| l.split('\t').collect())
}

fn rows() -> Vec<Row<'static>> {
    let mut rows = Vec::new();
    let mut position = std::collections::HashMap::<&str, i32>::new();
    let mut push =
        |kind: &'static str, code: &'static str, label: &'static str, en: Option<&'static str>| {
            let p = position.entry(kind).or_default();
            *p += 1;
            rows.push(Row {
                kind,
                code,
                label,
                label_en: en,
                position: *p,
            });
        };
    for &(kind, code, fr, en) in VALUES {
        push(kind, code, fr, Some(en));
    }
    for cells in tsv(NAF_REV2) {
        if let [code, label] = cells[..] {
            push("naf", code, label, None);
        }
    }
    for cells in tsv(COUNTRIES) {
        if let [code, fr, en, ..] = cells[..] {
            push("country", code, fr, Some(en));
        }
    }
    for cells in tsv(DEPARTMENTS) {
        if let [code, name, _region] = cells[..] {
            push("department", code, name, None);
        }
    }
    rows
}

/// Inserts the reference values that are missing; returns how many.
pub fn sync(conn: &mut AnyConnection) -> QueryResult<usize> {
    let existing: std::collections::HashSet<(String, String)> = nomenclatures::table
        .select((nomenclatures::kind, nomenclatures::code))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let now = chrono::Utc::now().naive_utc();
    conn.transaction(|conn| {
        let mut inserted = 0;
        for row in rows() {
            if existing.contains(&(row.kind.to_owned(), row.code.to_owned())) {
                continue;
            }
            let system = kind(row.kind).is_some_and(|k| k.system);
            diesel::insert_into(nomenclatures::table)
                .values((
                    nomenclatures::kind.eq(row.kind),
                    nomenclatures::code.eq(row.code),
                    nomenclatures::label.eq(row.label),
                    nomenclatures::label_en.eq(row.label_en),
                    nomenclatures::position.eq(row.position),
                    nomenclatures::active.eq(true),
                    nomenclatures::system.eq(system),
                    nomenclatures::version.eq(1),
                    nomenclatures::updated_at.eq(now),
                ))
                .execute(conn)?;
            inserted += 1;
        }
        Ok(inserted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_hold_the_real_lists() {
        let rows = rows();
        let count = |kind: &str| rows.iter().filter(|r| r.kind == kind).count();
        assert_eq!(count("naf"), 732);
        assert_eq!(count("country"), 250);
        assert!(count("department") >= 101);
        assert!(rows.iter().any(|r| r.kind == "naf" && r.code == "62.01Z"));
        assert!(
            rows.iter()
                .any(|r| r.kind == "country" && r.code == "DE" && r.label == "Allemagne")
        );
    }

    #[test]
    fn every_value_belongs_to_a_declared_list() {
        for row in rows() {
            assert!(kind(row.kind).is_some(), "{} has no list", row.kind);
        }
    }

    /// System lists hold exactly the codes of the domain's enums.
    #[test]
    fn system_codes_are_the_domain_codes() {
        use stages_domain::model::{ConventionType, OrganisationKind, PaymentMode, StipendUnit};
        let codes = |kind: &str| -> Vec<String> {
            rows()
                .iter()
                .filter(|r| r.kind == kind)
                .map(|r| format!("\"{}\"", r.code))
                .collect()
        };
        for code in codes("convention_type") {
            assert!(
                serde_json::from_str::<ConventionType>(&code).is_ok(),
                "{code}"
            );
        }
        for code in codes("organisation_type") {
            assert!(
                serde_json::from_str::<OrganisationKind>(&code).is_ok(),
                "{code}"
            );
        }
        for code in codes("payment_mode") {
            assert!(serde_json::from_str::<PaymentMode>(&code).is_ok(), "{code}");
        }
        for code in codes("stipend_unit") {
            assert!(serde_json::from_str::<StipendUnit>(&code).is_ok(), "{code}");
        }
    }
}
