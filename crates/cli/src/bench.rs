//! `stages bench-sql`: times, straight on the database, the SQL that the two
//! search endpoints run, so that the HTTP figures of the load benchmark can
//! be read against the cost of the query alone (BENCHMARKS.md).

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use stages_api::db::AnyConnection;
use stages_api::text;
use std::time::{Duration, Instant};

/// Which search to time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Search {
    /// `GET /api/organisations?name=WORD` (active organisations by name).
    Organisations,
    /// `GET /api/conventions?q=WORD` as the manager of centre `centre`.
    Conventions,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The page queries, with the columns the endpoints read and their limit
/// (25 items and one more to know whether a next page exists).
fn sql(search: Search, postgres: bool) -> &'static str {
    match (search, postgres) {
        (Search::Organisations, true) => {
            "SELECT o.* FROM organisations o WHERE o.active = TRUE AND o.id IN \
             (SELECT entity_id FROM search_terms WHERE kind = 'organisation' AND term >= $1 AND term < $2) \
             ORDER BY o.name, o.id LIMIT 26"
        }
        (Search::Organisations, false) => {
            "SELECT o.* FROM organisations o WHERE o.active = 1 AND o.id IN \
             (SELECT entity_id FROM search_terms WHERE kind = 'organisation' AND term >= ? AND term < ?) \
             ORDER BY o.name, o.id LIMIT 26"
        }
        (Search::Conventions, true) => {
            "SELECT c.* FROM conventions c WHERE (c.student_id = -1 OR c.supervisor_id = -1 OR c.centre_id = $3) \
             AND c.student_id IN (SELECT entity_id FROM search_terms WHERE kind = 'student' AND term >= $1 AND term < $2) \
             ORDER BY c.id DESC LIMIT 26"
        }
        (Search::Conventions, false) => {
            "SELECT c.* FROM conventions c WHERE (c.student_id = -1 OR c.supervisor_id = -1 OR c.centre_id = ?) \
             AND c.student_id IN (SELECT entity_id FROM search_terms WHERE kind = 'student' AND term >= ? AND term < ?) \
             ORDER BY c.id DESC LIMIT 26"
        }
    }
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

/// Runs the query `iterations` times, cycling through `words`.
pub fn run(
    conn: &mut AnyConnection,
    search: Search,
    words: &[String],
    centre: i64,
    iterations: usize,
) -> QueryResult<Report> {
    let postgres = matches!(conn, AnyConnection::Postgresql(_));
    let query = sql(search, postgres);
    let mut timings = Vec::with_capacity(iterations);
    for i in 0..iterations {
        let word = text::normalise(&words[i % words.len().max(1)]);
        let end = text::prefix_end(&word);
        let start = Instant::now();
        let rows: Vec<Id> = match (search, postgres) {
            (Search::Organisations, _) => diesel::sql_query(query)
                .bind::<Text, _>(&word)
                .bind::<Text, _>(&end)
                .load(conn)?,
            (Search::Conventions, true) => diesel::sql_query(query)
                .bind::<Text, _>(&word)
                .bind::<Text, _>(&end)
                .bind::<BigInt, _>(centre)
                .load(conn)?,
            (Search::Conventions, false) => diesel::sql_query(query)
                .bind::<BigInt, _>(centre)
                .bind::<Text, _>(&word)
                .bind::<Text, _>(&end)
                .load(conn)?,
        };
        timings.push(start.elapsed());
        std::hint::black_box(rows.iter().map(|r| r.id).sum::<i64>());
    }
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
