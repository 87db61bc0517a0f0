//! Name search through `search_terms`: each word of a name is stored once;
//! a query matches records having, for every query word, a stored word that
//! starts with it. A prefix range on the primary key answers it on both
//! backends without scanning the records (see [`word_ids!`]).

use crate::db::AnyConnection;
use crate::db::schema::search_terms;
use crate::error::ApiError;
use crate::text;
use diesel::prelude::*;
use stages_domain::requests;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Organisation,
    OrganisationAddress,
    Student,
    User,
    HostService,
    /// An offer's title, description and host.
    Offer,
    /// An offer's town, postcode, department and country.
    OfferPlace,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::OrganisationAddress => "organisation_address",
            Kind::Student => "student",
            Kind::User => "user",
            Kind::HostService => "host_service",
            Kind::Offer => "offer",
            Kind::OfferPlace => "offer_place",
        }
    }
}

pub use stages_domain::requests::{MAX_SEARCH_CHARS, MAX_SEARCH_WORDS};

/// The words to search for in the free-text parameter `field`, bounded:
/// 400 naming the parameter when the text is too long, has too many
/// words, or has no letter or digit at all (a search of punctuation must
/// not become "everything"). Nothing given is no condition.
pub fn words(field: &str, value: Option<&str>) -> Result<Vec<String>, ApiError> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(Vec::new());
    };
    requests::check_search_text(field, value).map_err(ApiError::bad_request)?;
    let words = text::query_terms(value);
    requests::check_search_words(field, words.len()).map_err(ApiError::bad_request)?;
    Ok(words)
}

/// Replaces the stored words of one record.
pub fn index(conn: &mut AnyConnection, kind: Kind, id: i64, texts: &[&str]) -> QueryResult<()> {
    diesel::delete(
        search_terms::table
            .filter(search_terms::kind.eq(kind.as_str()))
            .filter(search_terms::entity_id.eq(id)),
    )
    .execute(conn)?;
    let mut words: Vec<String> = texts.iter().flat_map(|t| text::terms(t)).collect();
    words.sort();
    words.dedup();
    // One statement per word: multi-row inserts differ between the two
    // backends, and a name has few words.
    for word in &words {
        diesel::insert_into(search_terms::table)
            .values((
                search_terms::kind.eq(kind.as_str()),
                search_terms::term.eq(word.as_str()),
                search_terms::entity_id.eq(id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Record ids having a word that starts with `word` (already normalised),
/// as a subquery: `table::id.eq_any(word_ids!(Kind::Student, word))`. A
/// macro because the two backends need the subquery's concrete type; apply
/// it once per query word (see [`text::query_terms`]).
#[macro_export]
macro_rules! word_ids {
    ($kind:expr, $word:expr) => {{
        use $crate::db::schema::search_terms;
        let word: &str = $word;
        search_terms::table
            .filter(search_terms::kind.eq($kind.as_str()))
            .filter(search_terms::term.ge(word.to_owned()))
            .filter(search_terms::term.lt($crate::text::prefix_end(word)))
            .select(search_terms::entity_id)
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(value: &str) -> String {
        words("q", Some(value))
            .expect_err(value)
            .problem()
            .violations[0]
            .rule
            .clone()
    }

    #[test]
    fn search_texts_are_bounded() {
        assert_eq!(
            words("q", Some("  Société  Générale ")).ok(),
            Some(vec!["generale".to_owned(), "societe".to_owned()])
        );
        assert_eq!(words("q", Some("   ")).ok(), Some(vec![]));
        assert_eq!(words("q", None).ok(), Some(vec![]));
        assert_eq!(rule("' - . !"), "SEARCH-04");
        let many: String = (0..=MAX_SEARCH_WORDS).map(|i| format!("w{i} ")).collect();
        assert_eq!(rule(&many), "SEARCH-03");
        assert_eq!(rule(&"a".repeat(MAX_SEARCH_CHARS + 1)), "SEARCH-03");
        let err = words("address", Some("?")).expect_err("punctuation");
        assert_eq!(err.problem().violations[0].field, "address");
    }
}
