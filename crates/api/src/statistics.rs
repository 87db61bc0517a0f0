//! The indicators of a centre's academic year (or the whole university's):
//! counted by the database over a covering index (four grouped queries,
//! whatever the size of the year), summed up by the domain
//! ([`stages_domain::statistics`]), and the same as spreadsheet tables.
//!
//! Every indicator but the statuses counts the conventions past the draft
//! (those with a number): a draft is not an internship yet.

use crate::db::AnyConnection;
use crate::db::schema::{
    conventions, enrolments, evaluation_answers, nomenclatures, organisations,
};
use crate::error::ApiError;
use crate::evaluations::{UNTOUCHED_VERSION, defaults::KINDS, kind_code};
use crate::exports::{Cell, Table};
use crate::i18n::Lang;
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};
use serde::Serialize;
use stages_domain::lifecycle::Status;
use stages_domain::model::{AcademicYear, EvaluationKind};
use stages_domain::statistics::{
    DurationBand, DurationSummary, StipendBand, StipendCounts, StipendSummary, summarise_durations,
    summarise_stipends,
};
use std::collections::HashMap;
use utoipa::ToSchema;

/// Organisations listed by name; the rest are summed as "others".
pub const TOP_ORGANISATIONS: i64 = 20;

/// One line of a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Count {
    /// The code (status, country, department, programme, organisation id).
    pub key: String,
    /// What people read.
    pub label: String,
    pub count: u64,
}

/// Where a questionnaire stands over the validated conventions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct EvaluationCompletion {
    pub kind: EvaluationKind,
    pub submitted: u64,
    pub draft: u64,
    pub not_started: u64,
}

/// Every indicator of a centre's year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Statistics {
    /// `None`: the whole university.
    pub centre_id: Option<i64>,
    #[schema(example = "2026-2027")]
    pub academic_year: String,
    /// Conventions past the draft.
    pub total: u64,
    /// Every convention, drafts included, by status.
    pub by_status: Vec<Count>,
    /// The most frequent hosts, most first.
    pub by_organisation: Vec<Count>,
    /// Conventions with other hosts than those listed.
    pub other_organisations: u64,
    /// By country of the host.
    pub by_country: Vec<Count>,
    /// By French department of the host.
    pub by_department: Vec<Count>,
    /// By programme (formation).
    pub by_programme: Vec<Count>,
    pub durations: DurationSummary,
    pub stipends: StipendSummary,
    /// Over validated (or terminated) conventions.
    pub evaluations: Vec<EvaluationCompletion>,
}

/// Which conventions: a year, and one centre or all.
#[derive(Debug, Clone)]
pub struct Scope {
    pub centre_id: Option<i64>,
    pub academic_year: AcademicYear,
}

/// The scope's conventions, boxed (a macro: each backend needs the
/// query's concrete type).
macro_rules! scoped {
    ($scope:expr) => {{
        let scope: &Scope = $scope;
        let mut q = conventions::table
            .filter(conventions::academic_year.eq(scope.academic_year.to_string()))
            .into_boxed();
        if let Some(centre) = scope.centre_id {
            q = q.filter(conventions::centre_id.eq(centre));
        }
        q
    }};
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn label(conn: &mut AnyConnection, kind: &str, code: &str, lang: Lang) -> QueryResult<String> {
    let found: Option<(String, Option<String>)> = nomenclatures::table
        .find((kind, code))
        .select((nomenclatures::label, nomenclatures::label_en))
        .first(conn)
        .optional()?;
    Ok(match (found, lang) {
        (Some((_, Some(en))), Lang::En) => en,
        (Some((fr, _)), _) => fr,
        (None, _) => code.to_owned(),
    })
}

fn status_label(status: &str, lang: Lang) -> String {
    let (fr, en) = match status {
        "draft" => ("Brouillon", "Draft"),
        "created" => ("Créée", "Created"),
        "rejected" => ("Renvoyée pour correction", "Sent back"),
        "in_validation" => ("En cours de validation", "Being validated"),
        "validated" => ("Validée", "Validated"),
        "terminated_early" => ("Rompue", "Terminated early"),
        other => (other, other),
    };
    match lang {
        Lang::Fr => fr.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// Sorted most first, then by key.
fn sorted(mut counts: Vec<Count>) -> Vec<Count> {
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    counts
}

/// One group of the dimensions query: the low-cardinality columns.
#[derive(Debug, QueryableByName)]
struct DimensionGroup {
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Nullable<Text>)]
    programme_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    country_code: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    department: Option<String>,
    #[diesel(sql_type = Nullable<Bool>)]
    stipend_paid: Option<bool>,
    #[diesel(sql_type = BigInt)]
    n: i64,
    /// How many of the group have a host organisation.
    #[diesel(sql_type = BigInt)]
    with_host: i64,
    /// How many of the group are unpaid though long enough to be due a
    /// stipend.
    #[diesel(sql_type = BigInt)]
    unpaid_due: i64,
}

/// One group of a high-cardinality column (host, minutes, hourly cents).
#[derive(Debug, QueryableByName)]
struct ValueGroup {
    #[diesel(sql_type = BigInt)]
    value: i64,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The grouped queries. Each reads the covering index once and lets the
/// database count (a centre's year may hold a hundred thousand
/// conventions); the high-cardinality columns get their own grouping so
/// that the dimensions' groups stay few.
#[derive(Debug, Clone, Copy)]
enum Grouping {
    Dimensions,
    Hosts,
    Durations,
    Hourly,
}

/// The SQL of a grouping: `$1` the year, `$2` the centre when there is
/// one (`?` on SQLite). The draft status is this program's constant code.
fn grouping_sql(grouping: Grouping, postgres: bool, with_centre: bool) -> String {
    let mut scope = "academic_year = $1".to_owned();
    if with_centre {
        scope.push_str(" AND centre_id = $2");
    }
    let draft = crate::conventions::status_code(Status::Draft);
    let (true_, false_, threshold) = (
        if postgres { "TRUE" } else { "1" },
        if postgres { "FALSE" } else { "0" },
        stages_domain::stipend::THRESHOLD_MINUTES,
    );
    let hint = if postgres {
        ""
    } else {
        "INDEXED BY conventions_statistics"
    };
    let sql = match grouping {
        // Grouped on the index's own column order so that the database
        // streams the groups without sorting; the host and the stipend's
        // due-ness are counted inside each group.
        Grouping::Dimensions => format!(
            "SELECT status, programme_code, country_code, department, stipend_paid, count(*) AS n, \
             sum(CASE WHEN organisation_id IS NOT NULL THEN 1 ELSE 0 END) AS with_host, \
             sum(CASE WHEN stipend_paid = {false_} AND effective_minutes > {threshold} \
             THEN 1 ELSE 0 END) AS unpaid_due \
             FROM conventions WHERE {scope} \
             GROUP BY status, programme_code, country_code, department, stipend_paid"
        ),
        // SQLite would rather walk the organisation index, which reads
        // every convention of every year: the covering index is named.
        Grouping::Hosts => format!(
            "SELECT organisation_id AS value, count(*) AS n FROM conventions {hint} \
             WHERE {scope} AND status <> '{draft}' AND organisation_id IS NOT NULL \
             GROUP BY organisation_id ORDER BY n DESC, organisation_id LIMIT {TOP_ORGANISATIONS}"
        ),
        Grouping::Durations => format!(
            "SELECT effective_minutes AS value, count(*) AS n FROM conventions \
             WHERE {scope} AND status <> '{draft}' AND effective_minutes IS NOT NULL \
             GROUP BY effective_minutes"
        ),
        Grouping::Hourly => format!(
            "SELECT stipend_hourly_cents AS value, count(*) AS n FROM conventions \
             WHERE {scope} AND status <> '{draft}' AND stipend_paid = {true_} \
             AND stipend_hourly_cents IS NOT NULL GROUP BY stipend_hourly_cents"
        ),
    };
    if postgres {
        sql
    } else {
        sql.replace("$1", "?1").replace("$2", "?2")
    }
}

/// Runs a grouping on the scope.
fn grouped<
    T: QueryableByName<diesel::pg::Pg> + QueryableByName<diesel::sqlite::Sqlite> + 'static,
>(
    conn: &mut AnyConnection,
    scope: &Scope,
    grouping: Grouping,
) -> QueryResult<Vec<T>> {
    let year = scope.academic_year.to_string();
    let centre = scope.centre_id;
    match conn {
        AnyConnection::Postgresql(pg) => {
            let q = diesel::sql_query(grouping_sql(grouping, true, centre.is_some()))
                .into_boxed()
                .bind::<Text, _>(year);
            match centre {
                Some(c) => q.bind::<BigInt, _>(c).load(pg),
                None => q.load(pg),
            }
        }
        AnyConnection::Sqlite(sqlite) => {
            let q = diesel::sql_query(grouping_sql(grouping, false, centre.is_some()))
                .into_boxed()
                .bind::<Text, _>(year);
            match centre {
                Some(c) => q.bind::<BigInt, _>(c).load(sqlite),
                None => q.load(sqlite),
            }
        }
    }
}

fn add(map: &mut HashMap<String, u64>, key: Option<String>, n: u64) {
    if let Some(key) = key {
        *map.entry(key).or_default() += n;
    }
}

/// Computes every indicator of the scope, then the labels of what was
/// found.
pub fn compute(
    conn: &mut AnyConnection,
    scope: &Scope,
    lang: Lang,
) -> Result<Statistics, ApiError> {
    let draft = crate::conventions::status_code(Status::Draft);
    let mut statuses: HashMap<String, u64> = HashMap::new();
    let mut countries: HashMap<String, u64> = HashMap::new();
    let mut departments: HashMap<String, u64> = HashMap::new();
    let mut programmes: HashMap<Option<String>, u64> = HashMap::new();
    let mut stipends = StipendCounts::default();
    let mut with_host = 0;
    for group in grouped::<DimensionGroup>(conn, scope, Grouping::Dimensions)? {
        let n = to_u64(group.n);
        let numbered = group.status != draft;
        *statuses.entry(group.status).or_default() += n;
        if !numbered {
            continue;
        }
        add(&mut countries, group.country_code, n);
        add(&mut departments, group.department, n);
        *programmes.entry(group.programme_code).or_default() += n;
        with_host += to_u64(group.with_host);
        match group.stipend_paid {
            Some(true) => stipends.paid += n,
            Some(false) => {
                stipends.unpaid += n;
                stipends.unpaid_though_due += to_u64(group.unpaid_due);
            }
            None => stipends.unknown += n,
        }
    }
    let value_groups = |conn: &mut AnyConnection, grouping| -> QueryResult<Vec<(i64, u64)>> {
        Ok(grouped::<ValueGroup>(conn, scope, grouping)?
            .into_iter()
            .map(|g| (g.value, to_u64(g.n)))
            .collect())
    };
    let hosts = value_groups(conn, Grouping::Hosts)?;
    let histogram: Vec<(u64, u64)> = value_groups(conn, Grouping::Durations)?
        .into_iter()
        .filter_map(|(m, n)| Some((u64::try_from(m).ok()?, n)))
        .collect();
    stipends.hourly = value_groups(conn, Grouping::Hourly)?;

    let total = statuses
        .iter()
        .filter(|(s, _)| **s != draft)
        .map(|(_, n)| n)
        .sum();
    let by_status = sorted(
        statuses
            .iter()
            .map(|(status, n)| Count {
                key: status.clone(),
                label: status_label(status, lang),
                count: *n,
            })
            .collect(),
    );

    let mut by_organisation = Vec::with_capacity(hosts.len());
    for (id, n) in hosts {
        let name: String = organisations::table
            .find(id)
            .select(organisations::name)
            .first(conn)?;
        by_organisation.push(Count {
            key: id.to_string(),
            label: name,
            count: n,
        });
    }
    let listed: u64 = by_organisation.iter().map(|c| c.count).sum();

    let mut by_country = Vec::with_capacity(countries.len());
    for (code, n) in countries {
        by_country.push(Count {
            label: label(conn, "country", &code, lang)?,
            key: code,
            count: n,
        });
    }
    let mut by_department = Vec::with_capacity(departments.len());
    for (code, n) in departments {
        by_department.push(Count {
            label: label(conn, "department", &code, lang)?,
            key: code,
            count: n,
        });
    }
    let mut by_programme = Vec::with_capacity(programmes.len());
    for (code, n) in programmes {
        let (key, label) = match code {
            Some(code) => {
                let label: Option<String> = enrolments::table
                    .filter(enrolments::programme_code.eq(&code))
                    .select(enrolments::programme_label)
                    .first(conn)
                    .optional()?;
                (code.clone(), label.unwrap_or(code))
            }
            None => (String::new(), "—".to_owned()),
        };
        by_programme.push(Count {
            key,
            label,
            count: n,
        });
    }

    Ok(Statistics {
        centre_id: scope.centre_id,
        academic_year: scope.academic_year.to_string(),
        total,
        by_status,
        by_organisation,
        other_organisations: with_host.saturating_sub(listed),
        by_country: sorted(by_country),
        by_department: sorted(by_department),
        by_programme: sorted(by_programme),
        durations: summarise_durations(&histogram),
        stipends: summarise_stipends(&stipends, scope.academic_year.start_year()),
        evaluations: evaluation_completion(conn, scope)?,
    })
}

/// Submitted, started and untouched questionnaires of the validated
/// conventions.
fn evaluation_completion(
    conn: &mut AnyConnection,
    scope: &Scope,
) -> Result<Vec<EvaluationCompletion>, ApiError> {
    let done = [
        crate::conventions::status_code(Status::Validated),
        crate::conventions::status_code(Status::TerminatedEarly),
    ];
    let validated: i64 = scoped!(scope)
        .filter(conventions::status.eq_any(&done))
        .select(count_star())
        .first(conn)?;
    let answered = |conn: &mut AnyConnection, submitted: bool| -> QueryResult<Vec<(String, i64)>> {
        let mut q = evaluation_answers::table
            .inner_join(conventions::table)
            .group_by(evaluation_answers::kind)
            .select((evaluation_answers::kind, count_star()))
            .filter(conventions::academic_year.eq(scope.academic_year.to_string()))
            .filter(conventions::status.eq_any(&done))
            .into_boxed();
        if let Some(centre) = scope.centre_id {
            q = q.filter(conventions::centre_id.eq(centre));
        }
        q = if submitted {
            q.filter(evaluation_answers::submitted_at.is_not_null())
        } else {
            q.filter(evaluation_answers::submitted_at.is_null())
                .filter(evaluation_answers::version.gt(UNTOUCHED_VERSION))
        };
        q.load(conn)
    };
    let submitted = answered(conn, true)?;
    let drafts = answered(conn, false)?;
    let of = |list: &[(String, i64)], kind: EvaluationKind| {
        list.iter()
            .find(|(k, _)| k == kind_code(kind))
            .map_or(0, |(_, n)| to_u64(*n))
    };
    Ok(KINDS
        .iter()
        .map(|&kind| {
            let submitted = of(&submitted, kind);
            let draft = of(&drafts, kind);
            EvaluationCompletion {
                kind,
                submitted,
                draft,
                not_started: to_u64(validated).saturating_sub(submitted + draft),
            }
        })
        .collect())
}

fn hours(minutes: u64) -> f64 {
    minutes as f64 / 60.0
}

fn breakdown(title: &str, column: &str, counts: &[Count]) -> Table {
    let mut table = Table::new(title, &[column, "Code", "Conventions"]);
    for c in counts {
        table.rows.push(vec![
            c.label.as_str().into(),
            c.key.as_str().into(),
            Cell::Number(c.count as f64),
        ]);
    }
    table
}

fn duration_label(band: DurationBand) -> &'static str {
    match band {
        DurationBand::UpToTwoMonths => "Jusqu'à 2 mois (308 h)",
        DurationBand::TwoToFourMonths => "De 2 à 4 mois (308 à 616 h)",
        DurationBand::FourToSixMonths => "De 4 à 6 mois (616 à 924 h)",
        DurationBand::OverSixMonths => "Plus de 6 mois (924 h)",
    }
}

fn stipend_label(band: StipendBand) -> &'static str {
    match band {
        StipendBand::BelowMinimum => "Sous le minimum légal",
        StipendBand::AtMinimum => "Au minimum légal",
        StipendBand::UpToQuarterAbove => "Jusqu'à 25 % au-dessus",
        StipendBand::MoreThanQuarterAbove => "Plus de 25 % au-dessus",
    }
}

/// The indicators as spreadsheet tables, one per indicator.
pub fn tables(stats: &Statistics) -> Vec<Table> {
    let mut out = vec![
        breakdown("Statuts", "Statut", &stats.by_status),
        breakdown("Organismes", "Organisme", &stats.by_organisation),
        breakdown("Pays", "Pays", &stats.by_country),
        breakdown("Départements", "Département", &stats.by_department),
        breakdown("Formations", "Formation", &stats.by_programme),
    ];
    if stats.other_organisations > 0
        && let Some(hosts) = out.get_mut(1)
    {
        hosts.rows.push(vec![
            "Autres organismes".into(),
            Cell::Empty,
            Cell::Number(stats.other_organisations as f64),
        ]);
    }
    let mut durations = Table::new("Durées", &["Durée effective", "Conventions"]);
    for b in &stats.durations.bands {
        durations.rows.push(vec![
            duration_label(b.band).into(),
            Cell::Number(b.count as f64),
        ]);
    }
    if let Some(median) = stats.durations.median_minutes {
        durations
            .rows
            .push(vec!["Médiane (heures)".into(), Cell::Number(hours(median))]);
    }
    if let Some(mean) = stats.durations.mean_minutes {
        durations
            .rows
            .push(vec!["Moyenne (heures)".into(), Cell::Number(hours(mean))]);
    }
    out.push(durations);
    let s = &stats.stipends;
    let mut stipends = Table::new("Gratifications", &["Indicateur", "Valeur"]);
    let mut line = |label: &str, value: Cell| stipends.rows.push(vec![label.into(), value]);
    line("Gratifiées", Cell::Number(s.paid as f64));
    line("Non gratifiées", Cell::Number(s.unpaid as f64));
    line("Non renseignées", Cell::Number(s.unknown as f64));
    if let Some(permille) = s.paid_share_permille {
        line("Part gratifiée (%)", Cell::Number(permille as f64 / 10.0));
    }
    line(
        "Non gratifiées au-delà de 308 h",
        Cell::Number(s.unpaid_though_due as f64),
    );
    if let Some(rate) = s.rate_cents {
        line(
            "Minimum légal horaire (€)",
            Cell::Number(rate as f64 / 100.0),
        );
    }
    for b in &s.bands {
        line(stipend_label(b.band), Cell::Number(b.count as f64));
    }
    if let Some(median) = s.median_hourly_cents {
        line("Médiane horaire (€)", Cell::Number(median as f64 / 100.0));
    }
    out.push(stipends);
    let mut evaluations = Table::new(
        "Évaluations",
        &["Questionnaire", "Transmis", "En cours", "Non commencés"],
    );
    for e in &stats.evaluations {
        evaluations.rows.push(vec![
            kind_code(e.kind).into(),
            Cell::Number(e.submitted as f64),
            Cell::Number(e.draft as f64),
            Cell::Number(e.not_started as f64),
        ]);
    }
    out.push(evaluations);
    out
}
