//! `stages bench-sql`: times, straight on the database, the SQL that the
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

/// The page queries, with the columns the endpoints read and their limit
/// (25 items and one more to know whether a next page exists): the
/// engine's condition takes the first parameter, the centre the second.
fn sql(search: Search, postgres: bool) -> String {
    // The engine's newest matches, as the server asks for its first batch
    // of a page by name or keyword (`search::newest_first`), from the
    // table's newest id down.
    let newest = |table: &str| {
        if postgres {
            format!(
                "IN (SELECT key / 16 FROM search_documents WHERE words @@ CAST($1 AS tsquery) \
                 AND key < (SELECT max(id) + 1 FROM {table}) * 16 ORDER BY key DESC LIMIT 52)"
            )
        } else {
            format!(
                "IN (SELECT rowid / 16 FROM search_index WHERE search_index MATCH ? \
                 AND rowid < (SELECT max(id) + 1 FROM {table}) * 16 ORDER BY rowid DESC LIMIT 52)"
            )
        }
    };
    let centre = if postgres { "$2" } else { "?" };
    let active = if postgres { "TRUE" } else { "1" };
    match search {
        Search::Organisations => format!(
            "SELECT o.* FROM organisations o WHERE o.active = {active} AND o.id {} \
             ORDER BY o.id DESC LIMIT 26",
            newest("organisations")
        ),
        Search::Conventions => format!(
            "SELECT c.* FROM conventions c WHERE c.id {} \
             AND (c.student_id = -1 OR c.supervisor_id = -1 OR c.centre_id = {centre}) \
             ORDER BY c.id DESC LIMIT 26",
            newest("conventions")
        ),
        Search::Students => format!(
            "SELECT s.* FROM students s WHERE s.id {} ORDER BY s.id DESC LIMIT 26",
            newest("students")
        ),
        Search::Offers => format!(
            "SELECT f.* FROM offers f WHERE f.status = 'published' AND f.id {} \
             ORDER BY f.id DESC LIMIT 26",
            newest("offers")
        ),
    }
}

/// The engine's query for `word` as the endpoint builds it
/// (`db::search::engine_query`).
fn engine_query(search: Search, word: &str, centre: i64, postgres: bool) -> String {
    match (search, postgres) {
        (Search::Organisations, true) => format!("'o{word}':*"),
        (Search::Organisations, false) => format!("o{word}*"),
        (Search::Students, true) => format!("'s{word}':*"),
        (Search::Students, false) => format!("s{word}*"),
        (Search::Offers, true) => format!("'f{word}':*"),
        (Search::Offers, false) => format!("f{word}*"),
        (Search::Conventions, true) => format!("'c{word}':* & (xc{centre})"),
        (Search::Conventions, false) => format!("c{word}* AND (xc{centre})"),
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
        let fts = engine_query(search, &word, centre, postgres);
        let start = Instant::now();
        let rows: Vec<Id> = match search {
            Search::Conventions => diesel::sql_query(&query)
                .bind::<Text, _>(&fts)
                .bind::<BigInt, _>(centre)
                .load(conn)?,
            _ => diesel::sql_query(&query).bind::<Text, _>(&fts).load(conn)?,
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
