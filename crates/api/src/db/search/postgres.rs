//! How PostgreSQL hands over its newest matches ([`super::newest_first`]),
//! decided here rather than by its planner. With `ORDER BY key DESC LIMIT
//! n` the planner either walks the keys down, testing each document, or
//! collects every match from the GIN index and sorts them, and it chooses
//! from its estimate of how common the words are. The estimate is often
//! wrong for prefixes: one `ANALYZE` turned a manager's search of a common
//! surname from a 10 ms walk into a 22 ms sort, and a word common only
//! among old records, or a forgiving query's hundreds of look-alikes, made
//! it walk every document (13 s for a nonsense word at a million).
//!
//! So the walk is explicit and bounded: the kind's documents are read in
//! windows, newest first (migration 21's index on `(key % 16, key)`), and
//! tested; once the matches seen say the page would need more than
//! [`WALK_BUDGET`] documents, the rest is asked of the GIN index, whose
//! cost is the number of matches, few by then. A forgiving query is first
//! cut to the look-alikes that exist ([`existing`]), so that it is walked
//! like any other.

use super::{KINDS, Kind};
use diesel::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};

/// The first window of documents read in key order.
const FIRST_WINDOW: i64 = 1_024;
/// The largest window (each is sized by the matches seen so far).
const MAX_WINDOW: i64 = 16_384;
/// The most documents a page may need to read in key order; a page that
/// would need more is looked up in the GIN index. A window of 16,384
/// takes about 5 ms at a million; beyond the budget the words match
/// fewer than one document in 600, and the index finds them sooner.
pub const WALK_BUDGET: i64 = 32_768;

#[derive(QueryableByName)]
struct Seen {
    #[diesel(sql_type = BigInt)]
    key: i64,
    #[diesel(sql_type = Bool)]
    hit: bool,
}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = BigInt)]
    key: i64,
}

/// The largest window for a kind of about `size` documents (its table's
/// newest id): a thirty-second of it at most. A window that is a large
/// share of the kind makes the planner sort a bitmap of every document
/// of the kind instead of walking the index (5,400 of 50,000 students:
/// 16 ms, where a window of 1,024 walks in 0.3 ms).
fn largest_window(size: i64) -> i64 {
    (size / 32).clamp(FIRST_WINDOW, MAX_WINDOW)
}

/// The keys of the newest `limit` documents of `kind` below the key
/// `below` matching `query` (a tsquery), newest first; `size` is about
/// how many documents the kind has (its table's newest id).
pub fn newest_keys(
    c: &mut PgConnection,
    kind: Kind,
    query: &str,
    below: i64,
    limit: i64,
    size: i64,
) -> QueryResult<Vec<i64>> {
    let largest = largest_window(size);
    let wanted = usize::try_from(limit).unwrap_or(0);
    let mut keys = Vec::new();
    let mut below = below;
    let mut scanned: i64 = 0;
    let mut window = FIRST_WINDOW;
    loop {
        // The sub-query's LIMIT keeps the test out of the index scan:
        // the window is the kind's next documents, matching or not.
        let seen: Vec<Seen> = diesel::sql_query(format!(
            "SELECT key, words @@ CAST($1 AS tsquery) AS hit FROM ( \
             SELECT key, words FROM search_documents \
             WHERE key % {KINDS} = {} AND key < $2 ORDER BY key DESC LIMIT $3) w \
             ORDER BY key DESC",
            kind.code()
        ))
        .bind::<Text, _>(query)
        .bind::<BigInt, _>(below)
        .bind::<BigInt, _>(window)
        .load(c)?;
        scanned += i64::try_from(seen.len()).unwrap_or(i64::MAX);
        for s in seen.iter().filter(|s| s.hit) {
            keys.push(s.key);
            if keys.len() >= wanted {
                return Ok(keys);
            }
        }
        let exhausted = i64::try_from(seen.len()).unwrap_or(0) < window;
        match seen.last() {
            Some(last) if !exhausted => below = last.key,
            _ => return Ok(keys),
        }
        let more = needed(scanned, keys.len(), wanted);
        if scanned.saturating_add(more) > WALK_BUDGET {
            break;
        }
        // What the rate promises, and a quarter more for its error.
        window = (more + more / 4).clamp(FIRST_WINDOW, largest);
    }
    let rest = i64::try_from(wanted - keys.len()).unwrap_or(0);
    // `key + 0` hides the order from the indexes: the matches are
    // collected from the GIN index and the newest kept.
    let found: Vec<Found> = diesel::sql_query(format!(
        "SELECT key FROM search_documents \
         WHERE words @@ CAST($1 AS tsquery) AND key % {KINDS} = {} AND key < $2 \
         ORDER BY key + 0 DESC LIMIT $3",
        kind.code()
    ))
    .bind::<Text, _>(query)
    .bind::<BigInt, _>(below)
    .bind::<BigInt, _>(rest)
    .load(c)?;
    keys.extend(found.into_iter().map(|f| f.key));
    Ok(keys)
}

#[derive(QueryableByName)]
struct Word {
    #[diesel(sql_type = Text)]
    word: String,
}

/// Those of `words` (normalised, `[a-z0-9]`) that begin a word of some
/// document of `kind`: one probe of the GIN index each, in one statement
/// (14 ms for the 392 look-alikes of a 9-letter word at a million).
pub fn existing(c: &mut PgConnection, kind: Kind, words: &[String]) -> QueryResult<Vec<String>> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let found: Vec<Word> = diesel::sql_query(
        "SELECT v AS word FROM unnest(CAST($1 AS text[])) WITH ORDINALITY AS u(v, n) \
         WHERE EXISTS (SELECT 1 FROM search_documents \
         WHERE words @@ CAST(quote_literal($2 || v) || ':*' AS tsquery)) ORDER BY n",
    )
    .bind::<diesel::sql_types::Array<Text>, _>(words)
    .bind::<Text, _>(kind.letter().to_string())
    .load(c)?;
    Ok(found.into_iter().map(|w| w.word).collect())
}

/// How many more documents the page would read in key order, at the rate
/// of matches seen so far (unbounded when none matched).
fn needed(scanned: i64, matched: usize, wanted: usize) -> i64 {
    let matched = i64::try_from(matched).unwrap_or(i64::MAX);
    let missing = i64::try_from(wanted).unwrap_or(0).saturating_sub(matched);
    if matched == 0 {
        return i64::MAX / 2;
    }
    missing.saturating_mul(scanned) / matched
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_goes_on_while_the_matches_seen_promise_a_page_soon() {
        // One match in 20: 40 more need 800 documents.
        assert_eq!(needed(1_024, 51, 91), 803);
        // One in 1,000: 51 more need 52,000, past the budget.
        assert!(needed(1_000, 1, 52) > WALK_BUDGET);
        assert!(needed(1_024, 0, 52) > WALK_BUDGET, "none seen");
        assert_eq!(needed(1_024, 52, 52), 0);
    }

    #[test]
    fn a_window_stays_a_small_share_of_its_kind() {
        assert_eq!(largest_window(50_000), 1_562);
        assert_eq!(largest_window(1_000_000), MAX_WINDOW);
        assert_eq!(largest_window(3_000), FIRST_WINDOW);
    }
}
