//! The indicators of a centre's academic year (or the whole university's):
//! read from running counts that the database's triggers keep in the same
//! transaction as every change of a convention or a questionnaire
//! (migration 7, `statistics_counts`), so that a year of a hundred thousand
//! conventions reads a few hundred rows; summed up by the domain
//! ([`stages_domain::statistics`]), and the same as spreadsheet tables.
//!
//! Every indicator but the statuses counts the conventions past the draft
//! (those with a number): a draft is not an internship yet.

use crate::app::evaluations::{defaults::KINDS, kind_code};
use crate::db::AnyConnection;
use crate::db::statistics as store;
use crate::error::ApiError;
use crate::exports::{Cell, Table};
use crate::i18n::{self, Lang};
use crate::texts::Text;
use diesel::QueryResult;
use stages_domain::lifecycle::Status;
use stages_domain::model::AcademicYear;
use stages_domain::rules::limits::MAX_MINUTES_PER_HOST_YEAR;
use stages_domain::statistics::{
    DurationBand, StipendBand, StipendCounts, summarise_durations, summarise_stipends,
};
use stages_domain::stipend::THRESHOLD_MINUTES;
use stages_domain::violation::ArgValue;
use std::collections::HashMap;

/// Organisations listed by name; the rest are summed as "others".
pub const TOP_ORGANISATIONS: i64 = 20;

pub use stages_api_types::statistics::{Count, EvaluationCompletion, Statistics};

/// Which conventions: a year, and one centre or all.
#[derive(Debug, Clone)]
pub struct Scope {
    pub centre_id: Option<i64>,
    pub academic_year: AcademicYear,
}

impl Scope {
    /// The counts' centre: 0 holds the whole university's.
    fn counted_centre(&self) -> i64 {
        self.centre_id.unwrap_or(0)
    }
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The lines of a table of reference values of `kind` (countries,
/// departments), each labelled in `lang`, or by its code when the
/// reference holds no such value.
fn labelled(
    conn: &mut AnyConnection,
    kind: &str,
    counts: Vec<(String, u64)>,
    lang: Lang,
) -> QueryResult<Vec<Count>> {
    let codes: Vec<&str> = counts.iter().map(|(code, _)| code.as_str()).collect();
    let mut labels = store::nomenclature_labels(conn, kind, &codes)?;
    Ok(counts
        .into_iter()
        .map(|(code, n)| Count {
            label: match (labels.remove(&code), lang) {
                (Some((_, Some(en))), Lang::En) => en,
                (Some((fr, _)), _) => fr,
                (None, _) => code.clone(),
            },
            key: code,
            count: n,
        })
        .collect())
}

fn status_label(status: &str, lang: Lang) -> String {
    let text = match status {
        "draft" => Text::StatusDraft,
        "created" => Text::StatusCreated,
        "rejected" => Text::StatusRejected,
        "in_validation" => Text::StatusInValidation,
        "validated" => Text::StatusValidated,
        "terminated_early" => Text::StatusTerminatedEarly,
        other => return other.to_owned(),
    };
    crate::i18n::text(lang, text)
}

/// Sorted most first, then by key.
fn sorted(mut counts: Vec<Count>) -> Vec<Count> {
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    counts
}

/// The dimensions of `statistics_counts`, as the triggers of migration 7
/// name them.
mod dimension {
    pub const STATUS: &str = "status";
    pub const PROGRAMME: &str = "programme";
    pub const COUNTRY: &str = "country";
    pub const DEPARTMENT: &str = "department";
    pub const STIPEND: &str = "stipend";
    pub const HOST: &str = "host";
    pub const HOSTED: &str = "hosted";
    pub const MINUTES: &str = "minutes";
    pub const UNPAID_MINUTES: &str = "unpaid_minutes";
    pub const HOURLY: &str = "hourly";
    pub const EVALUATION_SUBMITTED: &str = "evaluation_submitted";
    pub const EVALUATION_DRAFT: &str = "evaluation_draft";
    /// Read whole: every dimension but the hosts (one count per host
    /// organisation, of which only the most frequent are read).
    pub const WHOLE: &[&str] = &[
        STATUS,
        PROGRAMME,
        COUNTRY,
        DEPARTMENT,
        STIPEND,
        HOSTED,
        MINUTES,
        UNPAID_MINUTES,
        HOURLY,
        EVALUATION_SUBMITTED,
        EVALUATION_DRAFT,
    ];
}

/// The scope's counts of the dimensions read whole.
fn counts(conn: &mut AnyConnection, scope: &Scope) -> QueryResult<Vec<(String, String, i64)>> {
    store::counts(
        conn,
        scope.counted_centre(),
        &scope.academic_year.to_string(),
        dimension::WHOLE,
    )
}

/// The most frequent hosts, most first.
fn top_hosts(conn: &mut AnyConnection, scope: &Scope) -> QueryResult<Vec<(i64, u64)>> {
    let rows = store::largest(
        conn,
        scope.counted_centre(),
        &scope.academic_year.to_string(),
        dimension::HOST,
        TOP_ORGANISATIONS,
    )?;
    Ok(rows
        .into_iter()
        .filter_map(|(key, n)| Some((key.parse().ok()?, to_u64(n))))
        .collect())
}

/// A count whose key is a number (minutes, cents).
fn numeric<T: std::str::FromStr>(key: &str, n: u64) -> Option<(T, u64)> {
    Some((key.parse().ok()?, n))
}

/// Computes every indicator of the scope from the running counts, then
/// the labels of what was found.
pub fn compute(
    conn: &mut AnyConnection,
    scope: &Scope,
    lang: Lang,
) -> Result<Statistics, ApiError> {
    let draft = crate::db::codec::to_code(Status::Draft);
    let done = [
        crate::db::codec::to_code(Status::Validated),
        crate::db::codec::to_code(Status::TerminatedEarly),
    ];
    let mut statuses: HashMap<String, u64> = HashMap::new();
    let mut countries: Vec<(String, u64)> = Vec::new();
    let mut departments: Vec<(String, u64)> = Vec::new();
    let mut programmes: Vec<(String, u64)> = Vec::new();
    let mut stipends = StipendCounts::default();
    let rates = crate::db::rates::table(conn)?;
    let mut with_host = 0;
    let mut histogram: Vec<(u64, u64)> = Vec::new();
    let mut submitted: HashMap<String, u64> = HashMap::new();
    let mut drafts: HashMap<String, u64> = HashMap::new();
    for (dim, key, n) in counts(conn, scope)? {
        let n = to_u64(n);
        match dim.as_str() {
            dimension::STATUS => *statuses.entry(key).or_default() += n,
            dimension::PROGRAMME => programmes.push((key, n)),
            dimension::COUNTRY => countries.push((key, n)),
            dimension::DEPARTMENT => departments.push((key, n)),
            dimension::STIPEND => match key.as_str() {
                "paid" => stipends.paid += n,
                "unpaid" => stipends.unpaid += n,
                _ => stipends.unknown += n,
            },
            dimension::HOSTED => with_host += n,
            dimension::MINUTES => histogram.extend(numeric(&key, n)),
            dimension::UNPAID_MINUTES
                if numeric::<u64>(&key, n)
                    .is_some_and(|(m, _)| stages_domain::stipend::is_mandatory(m)) =>
            {
                stipends.unpaid_though_due += n;
            }
            dimension::HOURLY => stipends.hourly.extend(numeric(&key, n)),
            dimension::EVALUATION_SUBMITTED => *submitted.entry(key).or_default() += n,
            dimension::EVALUATION_DRAFT => *drafts.entry(key).or_default() += n,
            _ => {}
        }
    }
    let hosts = top_hosts(conn, scope)?;

    let total = statuses
        .iter()
        .filter(|(s, _)| **s != draft)
        .map(|(_, n)| n)
        .sum();
    let validated: u64 = done.iter().filter_map(|status| statuses.get(status)).sum();
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

    let ids: Vec<i64> = hosts.iter().map(|(id, _)| *id).collect();
    let mut names = store::organisation_names(conn, &ids)?;
    let by_organisation: Vec<Count> = hosts
        .into_iter()
        .map(|(id, n)| Count {
            key: id.to_string(),
            // A host is never deleted while a convention names it; were
            // it gone, its id still tells which it was.
            label: names.remove(&id).unwrap_or_else(|| id.to_string()),
            count: n,
        })
        .collect();
    let listed: u64 = by_organisation.iter().map(|c| c.count).sum();

    let by_country = labelled(conn, "country", countries, lang)?;
    let by_department = labelled(conn, "department", departments, lang)?;
    let mut by_programme = Vec::with_capacity(programmes.len());
    for (code, n) in programmes {
        let label = if code.is_empty() {
            "—".to_owned()
        } else {
            store::programme_label(conn, &code)?.unwrap_or_else(|| code.clone())
        };
        by_programme.push(Count {
            key: code,
            label,
            count: n,
        });
    }

    let evaluations = KINDS
        .iter()
        .map(|&kind| {
            let code = kind_code(kind);
            let submitted = submitted.get(&code).copied().unwrap_or(0);
            let draft = drafts.get(&code).copied().unwrap_or(0);
            EvaluationCompletion {
                kind,
                submitted,
                draft,
                not_started: validated.saturating_sub(submitted + draft),
            }
        })
        .collect();

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
        stipends: summarise_stipends(&stipends, scope.academic_year.start_year(), &rates),
        evaluations,
    })
}

fn hours(minutes: u64) -> f64 {
    minutes as f64 / 60.0
}

/// The texts of the export sheets, in one language.
struct Words(Lang);

impl Words {
    fn get(&self, text: Text) -> String {
        i18n::text(self.0, text)
    }

    fn with(&self, text: Text, args: &[(&str, u64)]) -> String {
        let args = args
            .iter()
            .map(|(name, value)| {
                (
                    (*name).to_owned(),
                    ArgValue::Integer(i64::try_from(*value).unwrap_or(i64::MAX)),
                )
            })
            .collect();
        i18n::message(self.0, text.as_str(), &args)
    }

    fn breakdown(&self, title: Text, column: Text, counts: &[Count]) -> Table {
        let (code, conventions) = (
            self.get(Text::StatColCode),
            self.get(Text::StatColConventions),
        );
        let mut table = Table::new(&self.get(title), &[&self.get(column), &code, &conventions]);
        for c in counts {
            table.rows.push(vec![
                c.label.as_str().into(),
                c.key.as_str().into(),
                Cell::Number(c.count as f64),
            ]);
        }
        table
    }

    /// A duration band with its bounds in hours, from the domain's limits.
    fn duration(&self, band: DurationBand) -> String {
        let threshold = THRESHOLD_MINUTES / 60;
        let most = MAX_MINUTES_PER_HOST_YEAR / 60;
        match band {
            DurationBand::UpToTwoMonths => self.with(Text::StatBandUpToTwo, &[("max", threshold)]),
            DurationBand::TwoToFourMonths => self.with(
                Text::StatBandTwoToFour,
                &[("min", threshold), ("max", 2 * threshold)],
            ),
            DurationBand::FourToSixMonths => self.with(
                Text::StatBandFourToSix,
                &[("min", 2 * threshold), ("max", most)],
            ),
            DurationBand::OverSixMonths => self.with(Text::StatBandOverSix, &[("min", most)]),
        }
    }

    fn stipend(&self, band: StipendBand) -> String {
        self.get(match band {
            StipendBand::BelowMinimum => Text::StatStipendBelow,
            StipendBand::AtMinimum => Text::StatStipendAt,
            StipendBand::UpToQuarterAbove => Text::StatStipendQuarter,
            StipendBand::MoreThanQuarterAbove => Text::StatStipendMore,
        })
    }
}

/// The indicators as spreadsheet tables, one per indicator, worded in
/// `lang`.
pub fn tables(stats: &Statistics, lang: Lang) -> Vec<Table> {
    let w = Words(lang);
    let mut out = vec![
        w.breakdown(
            Text::StatSheetStatuses,
            Text::StatColStatus,
            &stats.by_status,
        ),
        w.breakdown(
            Text::StatSheetOrganisations,
            Text::StatColOrganisation,
            &stats.by_organisation,
        ),
        w.breakdown(
            Text::StatSheetCountries,
            Text::StatColCountry,
            &stats.by_country,
        ),
        w.breakdown(
            Text::StatSheetDepartments,
            Text::StatColDepartment,
            &stats.by_department,
        ),
        w.breakdown(
            Text::StatSheetProgrammes,
            Text::StatColProgramme,
            &stats.by_programme,
        ),
    ];
    if stats.other_organisations > 0
        && let Some(hosts) = out.get_mut(1)
    {
        hosts.rows.push(vec![
            w.get(Text::StatOtherOrganisations).into(),
            Cell::Empty,
            Cell::Number(stats.other_organisations as f64),
        ]);
    }
    let mut durations = Table::new(
        &w.get(Text::StatSheetDurations),
        &[
            &w.get(Text::StatColDuration),
            &w.get(Text::StatColConventions),
        ],
    );
    for b in &stats.durations.bands {
        durations.rows.push(vec![
            w.duration(b.band).into(),
            Cell::Number(b.count as f64),
        ]);
    }
    if let Some(median) = stats.durations.median_minutes {
        durations.rows.push(vec![
            w.get(Text::StatMedianHours).into(),
            Cell::Number(hours(median)),
        ]);
    }
    if let Some(mean) = stats.durations.mean_minutes {
        durations.rows.push(vec![
            w.get(Text::StatMeanHours).into(),
            Cell::Number(hours(mean)),
        ]);
    }
    out.push(durations);
    let s = &stats.stipends;
    let mut stipends = Table::new(
        &w.get(Text::StatSheetStipends),
        &[&w.get(Text::StatColIndicator), &w.get(Text::StatColValue)],
    );
    let mut line = |label: String, value: Cell| stipends.rows.push(vec![label.into(), value]);
    line(w.get(Text::StatPaid), Cell::Number(s.paid as f64));
    line(w.get(Text::StatUnpaid), Cell::Number(s.unpaid as f64));
    line(w.get(Text::StatUnknown), Cell::Number(s.unknown as f64));
    if let Some(permille) = s.paid_share_permille {
        line(
            w.get(Text::StatPaidShare),
            Cell::Number(permille as f64 / 10.0),
        );
    }
    line(
        w.with(
            Text::StatUnpaidThoughDue,
            &[("hours", THRESHOLD_MINUTES / 60)],
        ),
        Cell::Number(s.unpaid_though_due as f64),
    );
    if let Some(rate) = s.rate_cents {
        line(
            w.get(Text::StatLegalRate),
            Cell::Number(rate as f64 / 100.0),
        );
    }
    for b in &s.bands {
        line(w.stipend(b.band), Cell::Number(b.count as f64));
    }
    if let Some(median) = s.median_hourly_cents {
        line(
            w.get(Text::StatMedianHourly),
            Cell::Number(median as f64 / 100.0),
        );
    }
    out.push(stipends);
    let mut evaluations = Table::new(
        &w.get(Text::StatSheetEvaluations),
        &[
            &w.get(Text::StatColQuestionnaire),
            &w.get(Text::StatColSubmitted),
            &w.get(Text::StatColDraft),
            &w.get(Text::StatColNotStarted),
        ],
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The triggers of migration 7 name statuses and the untouched version
    /// of a questionnaire in SQL: they must be this program's.
    #[test]
    fn the_triggers_codes_are_the_programs() {
        let code = crate::db::codec::to_code::<Status>;
        assert_eq!(code(Status::Draft), "draft");
        assert_eq!(code(Status::Validated), "validated");
        assert_eq!(code(Status::TerminatedEarly), "terminated_early");
        assert_eq!(crate::app::evaluations::UNTOUCHED_VERSION, 1);
        for sql in [
            include_str!(
                "../../../../migrations/sqlite/2026-11-29-000007_statistics_counts/up.sql"
            ),
            include_str!(
                "../../../../migrations/postgres/2026-11-29-000007_statistics_counts/up.sql"
            ),
        ] {
            for needle in [
                "status <> 'draft'",
                "IN ('validated', 'terminated_early')",
                "version > 1",
            ] {
                assert!(sql.contains(needle), "{needle}");
            }
            for name in dimension::WHOLE.iter().chain([&dimension::HOST]) {
                assert!(sql.contains(&format!("'{name}'")), "{name}");
            }
        }
    }
}
