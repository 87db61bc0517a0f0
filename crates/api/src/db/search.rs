//! Name search through `search_terms`: each word of a name is stored once;
//! a query matches records having, for every query word, a stored word that
//! starts with it. A prefix range on the primary key answers it on both
//! backends without scanning the records (see [`word_ids!`]). Checking the words a request searches for is
//! [`crate::fields::search_words`].

use crate::db::AnyConnection;
use crate::db::schema::search_terms;
use crate::text;
use diesel::prelude::*;

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
