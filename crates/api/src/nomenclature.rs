//! Lookups in the reference tables, for the records that name a value.

use crate::db::AnyConnection;
use crate::db::schema::nomenclatures;
use crate::error::ApiError;
use crate::i18n::Lang;
use diesel::prelude::*;
use stages_domain::requests;

/// The label of an active value, if it exists.
pub fn label(conn: &mut AnyConnection, kind: &str, code: &str) -> QueryResult<Option<String>> {
    nomenclatures::table
        .filter(nomenclatures::kind.eq(kind))
        .filter(nomenclatures::code.eq(code))
        .filter(nomenclatures::active.eq(true))
        .select(nomenclatures::label)
        .first(conn)
        .optional()
}

/// 422 for a code that is not an active value of its table.
pub fn unknown(field: &str, code: &str, lang: Lang) -> ApiError {
    ApiError::from_violations(&[requests::not_in_table(field, code)], lang)
}
