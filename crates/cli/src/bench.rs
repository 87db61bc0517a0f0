//! `stages bench-sql`: times, straight on the database, the queries that
//! the search endpoints run for a first page, so that the HTTP figures of
//! the load benchmark can be read against the cost of the queries alone
//! (BENCHMARKS.md). Without the sign-in, the caller's facts, the page's
//! other reads (names, counts) and JSON.
//!
//! Two readings: the ids the engine leads to ([`Read::Ids`], the least the
//! database does for a page), and the page's rows as the endpoint's
//! repository reads them ([`Read::Rows`]: the same functions and prepared
//! statements, the same columns), which is the query an HTTP answer is
//! compared with.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};
use stages_api::db::search::{self, Access, Kind};
use stages_api::db::{AnyConnection, DbPool};
use stages_api::text;
use std::time::{Duration, Instant};

/// Which search to time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Search {
    /// `GET /api/organisations?name=WORD` (active organisations, newest first).
    Organisations,
    /// `GET /api/conventions?q=WORD` as the manager of centre `centre`.
    Conventions,
    /// `GET /api/students?q=WORD` as an administrator (newest first).
    Students,
    /// `GET /api/offers?q=WORD` as a student (published offers).
    Offers,
}

/// What the timed query reads of the first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Read {
    /// The ids of the page's rows, by hand-written SQL.
    Ids,
    /// The page's rows, by the endpoint's repository function.
    Rows,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

#[derive(QueryableByName)]
struct Newest {
    #[diesel(sql_type = Nullable<BigInt>)]
    id: Option<i64>,
}

impl Search {
    /// The search's table, its kind of search document, and the condition
    /// its endpoint adds for the caller (the manager of `centre`, a
    /// student for offers).
    fn table(self, centre: i64) -> (&'static str, Kind, String) {
        match self {
            Search::Organisations => ("organisations", Kind::Organisation, "active".into()),
            Search::Conventions => (
                "conventions",
                Kind::Convention,
                format!("(student_id = -1 OR supervisor_id = -1 OR centre_id = {centre})"),
            ),
            Search::Students => ("students", Kind::Student, "1 = 1".into()),
            Search::Offers => ("offers", Kind::Offer, "status = 'published'".into()),
        }
    }
}

/// One first page (25 items and one more to know whether a next page
/// exists) as the server reads it: the engine hands over its newest
/// matches ([`search::newest_first`], the way each backend does), and the
/// rows among them that the caller may see are read by id.
fn first_page(
    conn: &mut AnyConnection,
    search: Search,
    word: &str,
    centre: i64,
) -> QueryResult<Vec<i64>> {
    let (table, kind, condition) = search.table(centre);
    // A bare `max(id)`: SQLite reads it from the end of the key, where a
    // `HAVING` would make it scan the table.
    let newest: Vec<Newest> =
        diesel::sql_query(format!("SELECT max(id) AS id FROM {table}")).load(conn)?;
    let words = vec![word.to_owned()];
    let access = [Access::Centre(centre)];
    let walk = search::Walk {
        kind,
        words: &words,
        access: (search == Search::Conventions).then_some(&access[..]),
        newest: newest.first().and_then(|n| n.id),
        before: None,
        limit: 26,
    };
    search::newest_first(
        conn,
        walk,
        |id: &i64| *id,
        |conn, ids| {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            let rows: Vec<Id> = diesel::sql_query(format!(
                "SELECT id FROM {table} WHERE id IN ({}) AND {condition}",
                ids.join(",")
            ))
            .load(conn)?;
            Ok(rows.into_iter().map(|r| r.id).collect())
        },
    )
}

/// One first page read by the repository function of the search's
/// endpoint, as the caller the load benchmark signs in as (an
/// administrator, the manager of `centre`, a student): the rows the
/// endpoint turns into JSON, without the caller's facts, the rows' other
/// reads (enrolments, hosts' names, centres) and JSON. Returns the rows'
/// ids.
fn page_rows(
    conn: &mut AnyConnection,
    search: Search,
    word: &str,
    centre: i64,
) -> Result<Vec<i64>, String> {
    use stages_api::app::caller::Context;
    use stages_api::db::{conventions, offers, organisations, students};
    use stages_domain::access::Role;
    use stages_domain::ids::CentreId;
    use stages_domain::staff::StaffRights;
    let words = vec![word.to_owned()];
    // The first page and one more row, as the endpoints ask (the
    // conventions' repository adds the extra row itself).
    let limit = 26;
    let context = |roles: Vec<Role>, centres: Vec<(CentreId, StaffRights)>| Context {
        user_id: 0,
        username: String::new(),
        roles,
        student_id: None,
        supervisor_id: None,
        centres,
    };
    let ids = match search {
        Search::Organisations => organisations::search(
            conn,
            organisations::OrganisationSearch {
                include_inactive: false,
                name: words,
                address: Vec::new(),
                service: Vec::new(),
                department: None,
                siret: None,
                naf: None,
                phone: None,
                order: organisations::OrganisationOrder::Newest(None),
                limit,
            },
        )
        .map_err(|e| e.to_string())?
        .iter()
        .map(|r| r.id)
        .collect(),
        Search::Conventions => {
            let manager = context(
                vec![Role::Manager],
                vec![(CentreId(centre), StaffRights::ALL)],
            );
            let filter = conventions::SearchFilter {
                words,
                ..Default::default()
            };
            conventions::search(conn, &manager, filter, None, limit - 1)
                .map_err(|e| format!("{e:?}"))?
                .iter()
                .map(|r| r.id)
                .collect()
        }
        Search::Students => {
            let admin = context(vec![Role::Admin], Vec::new());
            let criteria = students::Search {
                number: None,
                words,
                order: students::StudentOrder::Newest(None),
                limit,
            };
            students::search(conn, &admin, criteria)
                .map_err(|e| format!("{e:?}"))?
                .iter()
                .map(|r| r.id)
                .collect()
        }
        Search::Offers => offers::search(
            conn,
            offers::OfferSearch {
                status: Some(stages_domain::model::OfferStatus::Published),
                kind: None,
                keywords: words,
                place: Vec::new(),
                from: None,
                until: None,
                number: None,
                centre_id: None,
                after: None,
                limit,
            },
        )
        .map_err(|e| e.to_string())?
        .iter()
        .map(|r| r.id)
        .collect(),
    };
    Ok(ids)
}

/// Percentiles of the timings, in milliseconds.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub queries: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

/// Runs the query `iterations` times on each of `clients` connections at
/// once (one thread each, released together), cycling through `words`:
/// the same concurrency as the load generator's, so that the HTTP figures
/// of eight clients are read against the queries of eight clients.
pub fn run(
    pool: &DbPool,
    search: Search,
    read: Read,
    words: &[String],
    centre: i64,
    iterations: usize,
    clients: usize,
) -> Result<Report, String> {
    // Every connection is taken before any client starts: a client that
    // could not get one would otherwise leave the others waiting.
    let connections = (0..clients.max(1))
        .map(|_| pool.get().map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, String>>()?;
    let start = std::sync::Barrier::new(connections.len());
    let timings: Vec<Duration> = std::thread::scope(|scope| {
        let workers: Vec<_> = connections
            .into_iter()
            .enumerate()
            .map(|(client, mut conn)| {
                let start = &start;
                scope.spawn(move || -> Result<Vec<Duration>, String> {
                    start.wait();
                    let mut timings = Vec::with_capacity(iterations);
                    for i in 0..iterations {
                        let word = text::normalise(&words[(i + client) % words.len().max(1)]);
                        let began = Instant::now();
                        let rows = match read {
                            Read::Ids => first_page(&mut conn, search, &word, centre)
                                .map_err(|e| e.to_string())?,
                            Read::Rows => page_rows(&mut conn, search, &word, centre)?,
                        };
                        timings.push(began.elapsed());
                        std::hint::black_box(rows.iter().sum::<i64>());
                    }
                    Ok(timings)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().map_err(|_| "a client panicked".to_owned())?)
            .collect::<Result<Vec<Vec<Duration>>, String>>()
            .map(|all| all.concat())
    })?;
    let mut timings = timings;
    timings.sort();
    let total: f64 = timings.iter().map(|d| d.as_secs_f64() * 1000.0).sum();
    Ok(Report {
        queries: timings.len(),
        p50_ms: percentile(&timings, 0.50),
        p95_ms: percentile(&timings, 0.95),
        p99_ms: percentile(&timings, 0.99),
        mean_ms: total / timings.len().max(1) as f64,
    })
}
