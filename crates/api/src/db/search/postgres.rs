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
//! So the walk is explicit and bounded: the kind's documents are read
//! newest first (migration 21's index on `(key % 16, key)`) and tested,
//! a first window then on to the page's last match; when the matches seen
//! say the page would need more than [`WALK_BUDGET`] documents, or the
//! walk reaches its bound without filling the page, the rest is asked of
//! the GIN index, whose cost is the number of matches, few by then. A
//! forgiving query is first cut to the look-alikes that exist
//! ([`existing`]), so that it is walked like any other.
//!
//! The engine's query travels as a `tsquery` value, not as text cast in
//! the statement, and the walk's two statements are prepared: after its
//! first few runs, PostgreSQL keeps one generic plan of each per
//! connection and kind instead of planning them at every run. With text,
//! a generic plan of `CAST($1 AS tsquery)` parses it again for each
//! document it tests (0.30 → 0.90 ms for the first window), so they were
//! planned each time (0.1 ms each), and the walk parsed too (0.50 → 0.27
//! ms prepared; BENCHMARKS.md, tenth run).

use super::{EngineQuery, KINDS, Kind, Lexeme};
use diesel::PgConnection;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::serialize::{IsNull, Output, ToSql};
use diesel::sql_types::{Array, BigInt, Nullable, Text};
use std::io::Write;

/// PostgreSQL's `tsquery` (its type ids are fixed in `pg_type`).
#[derive(Debug, Clone, Copy, diesel::sql_types::SqlType, QueryId)]
#[diesel(postgres_type(oid = 3615, array_oid = 3645))]
pub struct TsQuery;

/// The query in `tsquery`'s binary form, which PostgreSQL reads with
/// `tsqueryrecv`: the number of items, then the items in prefix order, an
/// operator followed by its right operand and then its left one. Groups
/// and their lexemes are joined from the left, as the text parser joins
/// `a & b & c`, so the value is the one the text would give.
impl ToSql<TsQuery, Pg> for EngineQuery {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> diesel::serialize::Result {
        write_tsquery(out, self)?;
        Ok(IsNull::No)
    }
}

type WriteResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

fn write_tsquery(out: &mut impl Write, query: &EngineQuery) -> WriteResult {
    // PostgreSQL refuses a value without an operand ("malformed
    // tsquery"); the walks never ask one (a search without words is not
    // led by the engine), and an empty group would make the count lie.
    if query.groups.is_empty() || query.groups.iter().any(Vec::is_empty) {
        return Err("a search query needs a word in each of its groups".into());
    }
    let lexemes: usize = query.groups.iter().map(Vec::len).sum();
    // n lexemes need n - 1 operators.
    out.write_all(&i32::try_from(2 * lexemes - 1)?.to_be_bytes())?;
    write_joined(
        out,
        &query.groups,
        OPERATOR_AND,
        &|out, group: &Vec<Lexeme>| write_joined(out, group, OPERATOR_OR, &write_lexeme),
    )?;
    Ok(())
}

/// The item kinds and operators of `tsqueryrecv`.
const ITEM_VALUE: u8 = 1;
const ITEM_OPERATOR: u8 = 2;
const OPERATOR_AND: u8 = 2;
const OPERATOR_OR: u8 = 3;

/// `items` joined by `operator` from the left, as the text parser joins
/// `a & b & c`: `(a & b) & c` is written `&`, `c`, then `a & b`. Groups
/// are joined by AND, a group's lexemes by OR.
fn write_joined<T, W: Write>(
    out: &mut W,
    items: &[T],
    operator: u8,
    write_item: &dyn Fn(&mut W, &T) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match items.split_last() {
        None => Ok(()),
        Some((last, [])) => write_item(out, last),
        Some((last, earlier)) => {
            out.write_all(&[ITEM_OPERATOR, operator])?;
            write_item(out, last)?;
            write_joined(out, earlier, operator, write_item)
        }
    }
}

/// A value item: no weight, the prefix flag, the text ended by a zero byte
/// (lexemes are `[a-z0-9]`).
fn write_lexeme(out: &mut impl Write, lexeme: &Lexeme) -> std::io::Result<()> {
    out.write_all(&[ITEM_VALUE, 0, u8::from(lexeme.prefix)])?;
    out.write_all(lexeme.text.as_bytes())?;
    out.write_all(&[0])
}

/// The documents read in key order before deciding how to go on: enough
/// to tell a common word (a page in the next few thousand documents) from
/// a rare one.
const FIRST_WINDOW: i64 = 1_024;
/// The most documents a page may need to read in key order; a page that
/// would need more is looked up in the GIN index. Reading 32,768 takes
/// about 8 ms at a million; beyond the budget the words match fewer than
/// one document in 600, and the index finds them sooner.
pub const WALK_BUDGET: i64 = 32_768;

/// The first window of a walk, tested in one statement that answers in one
/// row: how many documents it read, the last (oldest) key among them, and
/// the keys of those matching, in no order.
///
/// Prepared once per connection and kind (its SQL holds the kind and the
/// window's size). The bound is read by a sub-select, so that the generic
/// plan costs what the custom ones do and PostgreSQL keeps it after its
/// first few runs (with `key < $2`, guessed to keep a third of the rows,
/// it went on making custom plans, 0.14 ms each). Answering in one row
/// spares the server decoding a thousand.
struct FirstWindow<'a> {
    kind: Kind,
    query: &'a EngineQuery,
    below: i64,
}

impl QueryId for FirstWindow<'_> {
    type QueryId = ();
    // One statement per kind: cached by its SQL.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for FirstWindow<'_> {
    type SqlType = (BigInt, Nullable<BigInt>, Array<BigInt>);
}

impl QueryFragment<Pg> for FirstWindow<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        // The sub-query's LIMIT keeps the test out of the index scan: the
        // window is the kind's next documents, matching or not.
        out.push_sql(
            "SELECT count(*), min(key), coalesce(array_agg(key) FILTER (WHERE hit), '{}') \
             FROM (SELECT key, words @@ ",
        );
        out.push_bind_param::<TsQuery, _>(self.query)?;
        out.push_sql(" AS hit FROM (SELECT key, words FROM search_documents WHERE key % ");
        out.push_sql(&format!(
            "{KINDS} = {} AND key < (SELECT ",
            self.kind.code()
        ));
        out.push_bind_param::<BigInt, _>(&self.below)?;
        out.push_sql(&format!(") ORDER BY key DESC LIMIT {FIRST_WINDOW}) w) s"));
        Ok(())
    }
}

impl RunQueryDsl<PgConnection> for FirstWindow<'_> {}

/// The walk on from the first window: the kind's documents below `below`
/// in key order, at most `walk` of them, and of those the first `rest`
/// matching `query`. The outer `LIMIT` stops the inner scan at the page's
/// last match; the inner one bounds the walk; `ORDER BY` is the scan's own
/// order: no sort. Prepared, and its generic plan kept, as
/// [`FirstWindow`]'s is.
struct WalkOn<'a> {
    kind: Kind,
    query: &'a EngineQuery,
    below: i64,
    walk: i64,
    rest: i64,
}

impl QueryId for WalkOn<'_> {
    type QueryId = ();
    // One statement per kind: cached by its SQL.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for WalkOn<'_> {
    type SqlType = BigInt;
}

impl QueryFragment<Pg> for WalkOn<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(&format!(
            "SELECT key FROM (SELECT key, words FROM search_documents \
             WHERE key % {KINDS} = {} AND key < (SELECT ",
            self.kind.code()
        ));
        out.push_bind_param::<BigInt, _>(&self.below)?;
        out.push_sql(") ORDER BY key DESC LIMIT (SELECT ");
        out.push_bind_param::<BigInt, _>(&self.walk)?;
        out.push_sql(")) w WHERE words @@ ");
        out.push_bind_param::<TsQuery, _>(self.query)?;
        out.push_sql(" ORDER BY key DESC LIMIT (SELECT ");
        out.push_bind_param::<BigInt, _>(&self.rest)?;
        out.push_sql(")");
        Ok(())
    }
}

impl RunQueryDsl<PgConnection> for WalkOn<'_> {}

#[derive(QueryableByName)]
struct Found {
    #[diesel(sql_type = BigInt)]
    key: i64,
}

/// The most documents one statement may read in key order in a kind of
/// about `size` documents (its table's newest id): an eighth of it. It
/// was set when the planner saw the walk's length and planned a larger
/// share as a sort of a bitmap of every document of the kind (100k,
/// 50,000 students: a walk of 31,744 became a 25 ms sort; walks up to
/// 15,000 stayed walks). The length is now read by a sub-select the
/// planner does not see into; the bound still keeps one statement's work
/// a small share of the kind, past which the GIN index finds the rest.
fn largest_walk(size: i64) -> i64 {
    (size / 8).max(FIRST_WINDOW)
}

/// The keys of the newest `limit` documents of `kind` below the key
/// `below` matching `query` (a tsquery), newest first; `size` is about
/// how many documents the kind has (its table's newest id).
///
/// The first [`FIRST_WINDOW`] documents are tested in one statement
/// ([`FirstWindow`]), which tells the rate of matches among them. When it promises the
/// page within [`WALK_BUDGET`] documents, one more statement reads on in
/// key order and stops at the page's last match, as PostgreSQL's executor
/// pulls rows only as its `LIMIT` asks: it reads what the page needs, not
/// windows sized by a guess (a manager's search of a common surname read
/// 17,408 documents in two windows, 7.7 ms, where 13,000 were needed).
/// The walk reads at most [`WALK_BUDGET`] documents in all, and an eighth
/// of the kind in one statement ([`largest_walk`]); what it did not find
/// is asked of the GIN index.
pub fn newest_keys(
    c: &mut PgConnection,
    kind: Kind,
    query: &EngineQuery,
    below: i64,
    limit: i64,
    size: i64,
) -> QueryResult<Vec<i64>> {
    let wanted = usize::try_from(limit).unwrap_or(0);
    let (scanned, last, mut keys): (i64, Option<i64>, Vec<i64>) =
        FirstWindow { kind, query, below }.get_result(c)?;
    keys.sort_unstable_by(|a, b| b.cmp(a));
    if keys.len() >= wanted || scanned < FIRST_WINDOW {
        keys.truncate(wanted);
        return Ok(keys);
    }
    let Some(mut below) = last else {
        return Ok(keys);
    };
    if scanned.saturating_add(needed(scanned, keys.len(), wanted)) <= WALK_BUDGET {
        let rest = i64::try_from(wanted - keys.len()).unwrap_or(0);
        let walk = (WALK_BUDGET - scanned).min(largest_walk(size));
        // The kind's documents below `below` are at most `below / KINDS`
        // (one per id, ids from 1): a walk as long read all of them.
        let to_the_end = walk >= below / KINDS;
        let found: Vec<i64> = WalkOn {
            kind,
            query,
            below,
            walk,
            rest,
        }
        .load(c)?;
        let complete = found.len() >= wanted - keys.len();
        if let Some(&last) = found.last() {
            below = last;
        }
        keys.extend(found);
        if complete || to_the_end {
            return Ok(keys);
        }
        // The walk's bound was reached: nothing between `below` and where
        // the walk stopped matches, and the index has few matches left to
        // find (fewer than the page's rest among the last 32,768
        // documents, or an eighth of the kind).
    }
    let rest = i64::try_from(wanted - keys.len()).unwrap_or(0);
    // `key + 0` hides the order from the indexes: the matches are
    // collected from the GIN index and the newest kept.
    let found: Vec<Found> = diesel::sql_query(format!(
        "SELECT key FROM search_documents \
         WHERE words @@ $1 AND key % {KINDS} = {} AND key < $2 \
         ORDER BY key + 0 DESC LIMIT $3",
        kind.code()
    ))
    .bind::<TsQuery, _>(query)
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
    use crate::db::search::{Access, Alternative};

    fn binary(query: &EngineQuery) -> Vec<u8> {
        let mut out = Vec::new();
        write_tsquery(&mut out, query).expect("written");
        out
    }

    #[test]
    fn a_query_is_sent_as_postgresql_sends_its_text_parsed() {
        // `encode(tsquerysend(CAST(text AS tsquery)), 'hex')` on PostgreSQL 15.
        let words = |w: &[&str]| -> Vec<Vec<Alternative>> {
            w.iter()
                .map(|w| vec![Alternative::Term(format!("s{w}"))])
                .collect()
        };
        let abc = EngineQuery::new(Kind::Student, &words(&["a", "b", "c"]), None);
        assert_eq!(abc.text(true), "'sa' & 'sb' & 'sc'");
        assert_eq!(
            hex::encode(binary(&abc)),
            "0000000502020100007363000202010000736200010000736100"
        );
        // `('cx1':* | 'cy') & 'xc1'`
        let alternatives = [vec![
            Alternative::Prefix("x1".into()),
            Alternative::Term("cy".into()),
        ]];
        let query = EngineQuery::new(Kind::Convention, &alternatives, Some(&[Access::Centre(1)]));
        assert_eq!(query.text(true), "('cx1':* | 'cy') & 'xc1'");
        assert_eq!(
            hex::encode(binary(&query)),
            "00000005020201000078633100020301000063790001000163783100"
        );
        // `'sa' & ('sb' | 'sc':* | 'sd')`: an OR of three, written first.
        let alternatives = [
            vec![Alternative::Term("sa".into())],
            vec![
                Alternative::Term("sb".into()),
                Alternative::Prefix("c".into()),
                Alternative::Term("sd".into()),
            ],
        ];
        let query = EngineQuery::new(Kind::Student, &alternatives, None);
        assert_eq!(query.text(true), "'sa' & ('sb' | 'sc':* | 'sd')");
        assert_eq!(
            hex::encode(binary(&query)),
            "00000007020202030100007364000203010001736300010000736200010000736100"
        );
    }

    #[test]
    fn a_query_without_a_word_is_not_sent() {
        let empty = EngineQuery::new(Kind::Student, &[], None);
        assert!(write_tsquery(&mut Vec::new(), &empty).is_err());
        let hollow = EngineQuery::new(Kind::Student, &[vec![]], None);
        assert!(write_tsquery(&mut Vec::new(), &hollow).is_err());
    }

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
    fn a_walk_stays_a_small_share_of_its_kind() {
        assert_eq!(largest_walk(50_000), 6_250);
        assert_eq!(largest_walk(1_000_000), 125_000);
        assert_eq!(largest_walk(3_000), FIRST_WINDOW);
    }
}
