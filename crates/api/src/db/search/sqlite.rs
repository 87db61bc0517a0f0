//! SQLite's two statements of every search, as diesel query nodes rather
//! than `sql_query`: diesel prepares a `sql_query` again at each run,
//! while a node with a static id stays in the connection's cache of
//! prepared statements. Preparing them was a sixth of the instructions of
//! a conventions search at 100k (callgrind, BENCHMARKS.md).

use super::KINDS;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::Sqlite;

/// The ids of the newest documents matching `query` (an FTS5 query) with
/// a key below `below`, newest first: FTS5 reads its matches in key order
/// and stops at the `LIMIT`.
pub struct NewestMatches<'a> {
    pub query: &'a str,
    pub below: i64,
    pub limit: i64,
}

/// The identity of [`NewestMatches`]'s statement in the cache.
pub struct NewestMatchesId;

impl QueryId for NewestMatches<'_> {
    type QueryId = NewestMatchesId;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for NewestMatches<'_> {
    type SqlType = BigInt;
}

impl QueryFragment<Sqlite> for NewestMatches<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        out.push_sql("SELECT rowid / ");
        out.push_sql(&KINDS.to_string());
        out.push_sql(" FROM search_index WHERE search_index MATCH ");
        out.push_bind_param::<Text, _>(self.query)?;
        out.push_sql(" AND rowid < ");
        out.push_bind_param::<BigInt, _>(&self.below)?;
        out.push_sql(" ORDER BY rowid DESC LIMIT ");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        Ok(())
    }
}

impl RunQueryDsl<SqliteConnection> for NewestMatches<'_> {}

/// Up to `limit` terms of the table of terms (migration 23) from `from`
/// (included) to `until` (excluded), in order.
pub struct TermsBetween<'a> {
    pub from: &'a str,
    pub until: &'a str,
    pub limit: i64,
}

/// The identity of [`TermsBetween`]'s statement in the cache.
pub struct TermsBetweenId;

impl QueryId for TermsBetween<'_> {
    type QueryId = TermsBetweenId;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for TermsBetween<'_> {
    type SqlType = Text;
}

impl QueryFragment<Sqlite> for TermsBetween<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        out.push_sql("SELECT term FROM search_terms WHERE term >= ");
        out.push_bind_param::<Text, _>(self.from)?;
        out.push_sql(" AND term < ");
        out.push_bind_param::<Text, _>(self.until)?;
        out.push_sql(" ORDER BY term LIMIT ");
        out.push_bind_param::<BigInt, _>(&self.limit)?;
        Ok(())
    }
}

impl RunQueryDsl<SqliteConnection> for TermsBetween<'_> {}
