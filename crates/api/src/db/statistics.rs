//! The running counts of the statistics (migration 7, `statistics_counts`,
//! kept by the database's triggers) and the labels their keys name. The
//! indicators are computed by [`crate::app::statistics`].

use crate::db::AnyConnection;
use crate::db::schema::{enrolments, nomenclatures, organisations, statistics_counts};
use diesel::prelude::*;
use std::collections::HashMap;

/// The counts of a centre's year (centre 0: the whole university's) in
/// these dimensions, without the zeros: `(dimension, key, n)`.
pub fn counts(
    conn: &mut AnyConnection,
    centre: i64,
    academic_year: &str,
    dimensions: &[&str],
) -> QueryResult<Vec<(String, String, i64)>> {
    statistics_counts::table
        .filter(statistics_counts::centre_id.eq(centre))
        .filter(statistics_counts::academic_year.eq(academic_year))
        .filter(statistics_counts::dimension.eq_any(dimensions))
        .filter(statistics_counts::n.ne(0))
        .select((
            statistics_counts::dimension,
            statistics_counts::key,
            statistics_counts::n,
        ))
        .load(conn)
}

diesel::define_sql_function!(fn length(text: diesel::sql_types::Text) -> diesel::sql_types::Integer);

/// The `limit` largest counts of one dimension, most first (ties by key:
/// shorter first, so numeric ids sort as numbers), from the counts' ranked
/// index.
pub fn largest(
    conn: &mut AnyConnection,
    centre: i64,
    academic_year: &str,
    dimension: &str,
    limit: i64,
) -> QueryResult<Vec<(String, i64)>> {
    statistics_counts::table
        .filter(statistics_counts::centre_id.eq(centre))
        .filter(statistics_counts::academic_year.eq(academic_year))
        .filter(statistics_counts::dimension.eq(dimension))
        .filter(statistics_counts::n.gt(0))
        .order((
            statistics_counts::n.desc(),
            length(statistics_counts::key),
            statistics_counts::key,
        ))
        .select((statistics_counts::key, statistics_counts::n))
        .limit(limit)
        .load(conn)
}

/// The French and English labels of the reference values of `kind` among
/// `codes` that exist, by code: one statement for a table's lines, not
/// one each (on PostgreSQL each is a trip to the server).
pub fn nomenclature_labels(
    conn: &mut AnyConnection,
    kind: &str,
    codes: &[&str],
) -> QueryResult<HashMap<String, (String, Option<String>)>> {
    let rows: Vec<(String, String, Option<String>)> = nomenclatures::table
        .filter(nomenclatures::kind.eq(kind))
        .filter(nomenclatures::code.eq_any(codes))
        .select((
            nomenclatures::code,
            nomenclatures::label,
            nomenclatures::label_en,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(code, fr, en)| (code, (fr, en)))
        .collect())
}

/// The names of the organisations among `ids`, by id, in one statement.
pub fn organisation_names(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<HashMap<i64, String>> {
    let rows: Vec<(i64, String)> = organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::name))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// The label an enrolment gives a programme code, if any.
pub fn programme_label(conn: &mut AnyConnection, code: &str) -> QueryResult<Option<String>> {
    enrolments::table
        .filter(enrolments::programme_code.eq(code))
        .select(enrolments::programme_label)
        .first(conn)
        .optional()
}
