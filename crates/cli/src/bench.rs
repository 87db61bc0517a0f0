//! `stages bench-sql`: times, straight on the database, the queries that
//! the search endpoints run for a first page, so that the HTTP figures of
//! the load benchmark can be read against the cost of the queries alone
//! (BENCHMARKS.md). Without the sign-in, the caller's facts, the page's
//! other reads (names, counts) and JSON.

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
                        let rows = first_page(&mut conn, search, &word, centre)
                            .map_err(|e| e.to_string())?;
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
