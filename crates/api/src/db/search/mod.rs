//! Word search through the engine each database ships: SQLite's FTS5 and
//! PostgreSQL's full text search over a GIN index (migration 20). A query
//! matches the records having, for every query word, a word that starts
//! with it; the engine intersects the words' lists itself, so a search
//! costs what its answer costs, not one scan per common word.
//!
//! One table, `search_documents`, holds one document per record: the record's
//! words, normalised by [`text::terms`] (the same folding on both backends,
//! which neither engine's own would give: `Œ` → `oe`, `ß` → `ss`) and each
//! prefixed with its [`Kind`]'s letter, so that a query for students never
//! matches an organisation's words. The document's key is
//! `id * KINDS + kind`: keys of one kind sort as their records' ids, so an
//! engine reading its matches newest first reads them in id order. On
//! SQLite the FTS5 table `search_index` indexes them (kept by triggers);
//! on PostgreSQL a GIN index over the `tsvector` column does, and an index
//! on `(key % 16, key)` lists one kind's documents newest first
//! ([`postgres`]).
//!
//! A convention's document holds its student's name and *access words*
//! (`xc` + centre, `xv` + supervisor, `xs` + student): the filter of who
//! may see it goes into the engine's query, which then returns only what
//! the caller may see instead of every namesake in the country. Checking
//! the words a request searches for is [`crate::fields::search_words`].

mod postgres;
mod sqlite;

use crate::db::AnyConnection;
use crate::text;
use diesel::dsl::{AsExprOf, sql};
use diesel::expression::{SqlLiteral, UncheckedBind};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Text};

/// Room for the kinds in a document's key (`id * KINDS + kind`).
pub const KINDS: i64 = 16;

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
    /// A convention's student's name, and who may see it.
    Convention,
}

impl Kind {
    /// The kind's place in a document's key; stored, never renumber.
    pub fn code(self) -> i64 {
        match self {
            Kind::Organisation => 0,
            Kind::OrganisationAddress => 1,
            Kind::Student => 2,
            Kind::User => 3,
            Kind::HostService => 4,
            Kind::Offer => 5,
            Kind::OfferPlace => 6,
            Kind::Convention => 7,
        }
    }

    /// The letter before each of the kind's words; stored, never change.
    /// `x` is kept for access words.
    pub fn letter(self) -> char {
        match self {
            Kind::Organisation => 'o',
            Kind::OrganisationAddress => 'a',
            Kind::Student => 's',
            Kind::User => 'u',
            Kind::HostService => 'h',
            Kind::Offer => 'f',
            Kind::OfferPlace => 'p',
            Kind::Convention => 'c',
        }
    }

    /// The key of the record `id`'s document.
    pub fn key(self, id: i64) -> i64 {
        id * KINDS + self.code()
    }
}

/// Who may see a convention, as words of its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Centre(i64),
    Supervisor(i64),
    Student(i64),
}

impl Access {
    fn word(self) -> String {
        match self {
            Access::Centre(id) => format!("xc{id}"),
            Access::Supervisor(id) => format!("xv{id}"),
            Access::Student(id) => format!("xs{id}"),
        }
    }
}

/// The document of a record of `kind` whose words are those of `texts`,
/// plus `access`: words of ASCII letters and digits, separated by spaces
/// (nothing either engine would read as syntax).
pub fn document(kind: Kind, texts: &[&str], access: &[Access]) -> String {
    let mut words: Vec<String> = texts.iter().flat_map(|t| text::terms(t)).collect();
    words.sort();
    words.dedup();
    let mut document: Vec<String> = words
        .iter()
        .map(|w| format!("{}{w}", kind.letter()))
        .collect();
    document.extend(access.iter().map(|a| a.word()));
    document.join(" ")
}

/// Replaces the document of one record (none when it has no words).
pub fn index(conn: &mut AnyConnection, kind: Kind, id: i64, texts: &[&str]) -> QueryResult<()> {
    write(conn, kind.key(id), &document(kind, texts, &[]))
}

/// Stores `document` under `key`, or removes the key's document when
/// `document` is empty. A document is [`document`]'s: words of ASCII
/// letters and digits separated by spaces, which SQLite's trigger of
/// migration 23 reads as a JSON array of terms once quoted.
pub fn write(conn: &mut AnyConnection, key: i64, document: &str) -> QueryResult<()> {
    debug_assert!(
        document
            .bytes()
            .all(|b| b == b' ' || b.is_ascii_lowercase() || b.is_ascii_digit()),
        "a search document is lowercase ASCII letters, digits and spaces"
    );
    match conn {
        AnyConnection::Sqlite(c) => {
            // The triggers of migrations 20 and 23 keep the FTS5 index and
            // the table of its terms in step.
            diesel::sql_query("DELETE FROM search_documents WHERE key = ?")
                .bind::<BigInt, _>(key)
                .execute(c)?;
            if !document.is_empty() {
                diesel::sql_query("INSERT INTO search_documents (key, words) VALUES (?, ?)")
                    .bind::<BigInt, _>(key)
                    .bind::<Text, _>(document)
                    .execute(c)?;
            }
        }
        AnyConnection::Postgresql(c) => {
            if document.is_empty() {
                diesel::sql_query("DELETE FROM search_documents WHERE key = $1")
                    .bind::<BigInt, _>(key)
                    .execute(c)?;
            } else {
                // The cast reads the words as they are: no parser, no
                // dictionary (they were normalised already).
                diesel::sql_query(
                    "INSERT INTO search_documents (key, words) VALUES ($1, CAST($2 AS tsvector)) \
                     ON CONFLICT (key) DO UPDATE SET words = EXCLUDED.words",
                )
                .bind::<BigInt, _>(key)
                .bind::<Text, _>(document)
                .execute(c)?;
            }
        }
    }
    Ok(())
}

/// A condition `column IN (records of kind matching words)`.
pub type Matching = SqlLiteral<Bool, UncheckedBind<SqlLiteral<Bool>, AsExprOf<String, Text>>>;

/// `column` (an id column, as SQL: `students.id`) is one of the records of
/// `kind` having a word starting with each of `words` (normalised, see
/// [`text::query_terms`]). `None` when there are no words: nothing to
/// narrow. A search by name or keyword is led by the engine instead
/// ([`newest_first`]); this serves the criteria that narrow it (an
/// address, a place) and the short lists (accounts, the directory).
pub fn matching(
    conn: &AnyConnection,
    column: &'static str,
    kind: Kind,
    words: &[String],
) -> Option<Matching> {
    if words.is_empty() {
        return None;
    }
    let postgres = matches!(conn, AnyConnection::Postgresql(_));
    let query = EngineQuery::new(kind, &as_typed(words), None).text(postgres);
    let head = if postgres {
        // An array of ids rather than `IN (subquery)`: the planner then
        // fetches the matching records by primary key instead of hashing
        // a scan of the whole table (24 → 14 ms for a common name at 100k).
        format!(
            "{column} = ANY(ARRAY(SELECT key / {KINDS} FROM search_documents WHERE words @@ CAST("
        )
    } else {
        format!("{column} IN (SELECT rowid / {KINDS} FROM search_index WHERE search_index MATCH ")
    };
    let tail = if postgres { " AS tsquery)))" } else { ")" };
    // The literal's text is built from constants and ids: the words travel
    // as a bound parameter.
    Some(sql::<Bool>(&head).bind::<Text, _>(query).sql(tail))
}

/// One way a query word may match a document's word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Alternative {
    /// Any word beginning with this one (unlettered).
    Prefix(String),
    /// Exactly this term of the index (lettered: [`Kind::letter`] first).
    Term(String),
}

/// Each word of `words` as its only alternative.
fn as_typed(words: &[String]) -> Vec<Vec<Alternative>> {
    words
        .iter()
        .map(|w| vec![Alternative::Prefix(w.clone())])
        .collect()
}

/// Each word of `words` with, where [`text::fuzzy`] allows, the words one
/// edit away ([`text::one_edit`]).
fn forgiving(words: &[String]) -> Vec<Vec<String>> {
    words
        .iter()
        .map(|w| {
            let mut near = vec![w.clone()];
            if text::fuzzy(w) {
                near.extend(text::one_edit(w));
            }
            near
        })
        .collect()
}

fn prefixes(alternatives: Vec<Vec<String>>) -> Vec<Vec<Alternative>> {
    alternatives
        .into_iter()
        .map(|near| near.into_iter().map(Alternative::Prefix).collect())
        .collect()
}

/// A query of the engine: every group must match, each by one of its
/// lexemes. Built once for a walk's batches, then written in the syntax
/// of the engine that reads it (`text`), or handed to PostgreSQL as a
/// typed `tsquery` value (the `postgres` module).
#[derive(Debug, Clone, PartialEq, Eq)]
struct EngineQuery {
    groups: Vec<Vec<Lexeme>>,
}

/// A term of the index (lettered: [`Kind::letter`] or `x` first), or with
/// `prefix` any term beginning with it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Lexeme {
    text: String,
    prefix: bool,
}

impl EngineQuery {
    /// For each word one of its alternatives, and one of `access`, when
    /// given.
    fn new(kind: Kind, alternatives: &[Vec<Alternative>], access: Option<&[Access]>) -> Self {
        let letter = kind.letter();
        let mut groups: Vec<Vec<Lexeme>> = alternatives
            .iter()
            .map(|near| {
                near.iter()
                    .map(|alternative| match alternative {
                        Alternative::Prefix(w) => Lexeme {
                            text: format!("{letter}{w}"),
                            prefix: true,
                        },
                        Alternative::Term(t) => Lexeme {
                            text: t.clone(),
                            prefix: false,
                        },
                    })
                    .collect()
            })
            .collect();
        if let Some(access) = access {
            // An empty access list lets nothing through, as the SQL filter
            // it mirrors would.
            let mut any: Vec<Lexeme> = access
                .iter()
                .map(|a| Lexeme {
                    text: a.word(),
                    prefix: false,
                })
                .collect();
            if any.is_empty() {
                any.push(Lexeme {
                    text: "xnone".to_owned(),
                    prefix: false,
                });
            }
            groups.push(any);
        }
        EngineQuery { groups }
    }

    /// The query in the syntax of PostgreSQL's `tsquery` or of FTS5.
    fn text(&self, postgres: bool) -> String {
        let (and, or) = if postgres {
            (" & ", " | ")
        } else {
            (" AND ", " OR ")
        };
        // Lexemes are `[a-z0-9]`: nothing either engine reads as syntax.
        let one = |lexeme: &Lexeme| match (lexeme.prefix, postgres) {
            (true, true) => format!("'{}':*", lexeme.text),
            (true, false) => format!("{}*", lexeme.text),
            (false, true) => format!("'{}'", lexeme.text),
            (false, false) => format!("\"{}\"", lexeme.text),
        };
        self.groups
            .iter()
            .map(|group| match group.as_slice() {
                [single] => one(single),
                _ => format!("({})", group.iter().map(one).collect::<Vec<_>>().join(or)),
            })
            .collect::<Vec<_>>()
            .join(and)
    }
}

/// The engine's query for `walk`, built once for all its batches. With
/// `fuzzy`, each long enough word or one a letter away ([`forgiving`]);
/// PostgreSQL is first told which look-alikes exist at all
/// ([`postgres::existing`]: testing each document against hundreds of
/// them took 8 µs a document). On SQLite, a word as typed is looked up as
/// the exact terms that begin with it when they are few
/// ([`sqlite_terms`]). `None` when a word begins no term, or there is no
/// word: nothing matches.
fn walk_query(
    conn: &mut AnyConnection,
    walk: &Walk,
    fuzzy: bool,
) -> QueryResult<Option<EngineQuery>> {
    if walk.words.is_empty() {
        return Ok(None);
    }
    match conn {
        AnyConnection::Sqlite(c) => {
            let alternatives = if fuzzy {
                let mut alternatives = forgiving(walk.words);
                for near in alternatives.iter_mut().filter(|near| near.len() > 1) {
                    let typed = near.remove(0);
                    let mut kept = sqlite_existing(c, walk.kind, near)?;
                    kept.insert(0, typed);
                    *near = kept;
                }
                prefixes(alternatives)
            } else {
                let mut exact = Vec::with_capacity(walk.words.len());
                for word in walk.words {
                    exact.push(match sqlite_terms(c, walk.kind, word)? {
                        Some(terms) if terms.is_empty() => return Ok(None),
                        Some(terms) => terms.into_iter().map(Alternative::Term).collect(),
                        None => vec![Alternative::Prefix(word.clone())],
                    });
                }
                exact
            };
            Ok(Some(EngineQuery::new(
                walk.kind,
                &alternatives,
                walk.access,
            )))
        }
        AnyConnection::Postgresql(c) => {
            let mut alternatives = if fuzzy {
                forgiving(walk.words)
            } else {
                walk.words.iter().map(|w| vec![w.clone()]).collect()
            };
            for near in alternatives.iter_mut().filter(|near| near.len() > 1) {
                let typed = near.remove(0);
                let mut kept = postgres::existing(c, walk.kind, near)?;
                kept.insert(0, typed);
                *near = kept;
            }
            Ok(Some(EngineQuery::new(
                walk.kind,
                &prefixes(alternatives),
                walk.access,
            )))
        }
    }
}

/// The longest prefix FTS5 indexes on its own (`prefix = '2 3 4'`,
/// migration 20), in bytes with the kind's letter: it reads such a
/// prefix's matches as one list, newest first.
const PREFIX_INDEXED: usize = 4;

/// The most terms a query word is looked up as on SQLite; a word that
/// begins more stays a prefix.
const MAX_TERMS: i64 = 32;

/// The range of the terms of `kind` that begin with `word` (SQLite's
/// table of terms, migration 23):
/// from the lettered word to its last byte plus one. `None` for a word
/// that is not ASCII (the caller then asks a prefix query).
fn prefix_range(kind: Kind, word: &str) -> Option<(String, String)> {
    let from = format!("{}{word}", kind.letter());
    let (&last, head) = from.as_bytes().split_last()?;
    if !from.is_ascii() || last >= 0x7f {
        return None;
    }
    let mut until = head.to_vec();
    until.push(last + 1);
    Some((from.clone(), String::from_utf8(until).ok()?))
}

#[derive(QueryableByName)]
struct Term {
    #[diesel(sql_type = Text)]
    term: String,
}

/// The terms of SQLite's index that begin with `word` for `kind`
/// (lettered), read from the table of its terms (migration 23). FTS5 answers a
/// prefix query by merging the lists of all its terms in full before the
/// first match (2.8 ms for a common offer keyword at a million); exact
/// terms, even several, it reads newest first and stops at the page
/// (0.15 ms). `None` when the word is better asked as a prefix: short
/// enough for FTS5's own prefix index, or beginning more than
/// [`MAX_TERMS`] terms.
fn sqlite_terms(
    c: &mut diesel::SqliteConnection,
    kind: Kind,
    word: &str,
) -> QueryResult<Option<Vec<String>>> {
    let Some((from, until)) =
        prefix_range(kind, word).filter(|(from, _)| from.len() > PREFIX_INDEXED)
    else {
        return Ok(None);
    };
    let terms: Vec<String> = sqlite::TermsBetween {
        from: &from,
        until: &until,
        limit: MAX_TERMS + 1,
    }
    .load(c)?;
    if i64::try_from(terms.len()).unwrap_or(i64::MAX) > MAX_TERMS {
        return Ok(None);
    }
    Ok(Some(terms))
}

/// Those of `words` (normalised, `[a-z0-9]`) that begin a term of `kind`
/// in SQLite's table of terms (migration 23): one seek each, in one statement,
/// so that a forgiving search asks FTS5 for the few look-alikes that exist
/// rather than merging hundreds of prefix queries (SQLite's counterpart
/// of [`postgres::existing`]).
fn sqlite_existing(
    c: &mut diesel::SqliteConnection,
    kind: Kind,
    words: &[String],
) -> QueryResult<Vec<String>> {
    let ranges: Vec<(String, String, String)> = words
        .iter()
        .filter_map(|word| {
            let (from, until) = prefix_range(kind, word)?;
            Some((word.clone(), from, until))
        })
        .collect();
    if ranges.is_empty() {
        return Ok(Vec::new());
    }
    let json = serde_json::to_string(&ranges)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let found: Vec<Term> = diesel::sql_query(
        "SELECT value ->> 0 AS term FROM json_each(?) WHERE EXISTS \
         (SELECT 1 FROM search_terms \
          WHERE term >= value ->> 1 AND term < value ->> 2) ORDER BY key",
    )
    .bind::<Text, _>(json)
    .load(c)?;
    Ok(found.into_iter().map(|t| t.term).collect())
}

/// The ids of the newest `limit` records of `walk`'s kind matching
/// `query` ([`walk_query`]), below `before`, newest first. FTS5 reads its
/// matches in key order and stops at `limit`; PostgreSQL's way is
/// [`postgres::newest_keys`].
fn newest_ids(
    conn: &mut AnyConnection,
    walk: &Walk,
    query: &EngineQuery,
    before: i64,
    limit: i64,
) -> QueryResult<Vec<i64>> {
    let below = before.saturating_mul(KINDS);
    match conn {
        AnyConnection::Sqlite(c) => sqlite::NewestMatches {
            query: &query.text(false),
            below,
            limit,
        }
        .load(c),
        AnyConnection::Postgresql(c) => {
            let size = walk.newest.unwrap_or(0);
            let keys = postgres::newest_keys(c, walk.kind, query, below, limit, size)?;
            Ok(keys.into_iter().map(|k| k / KINDS).collect())
        }
    }
}

/// The most ids handed to `load` at once (SQLite binds each).
const MAX_BATCH: i64 = 10_000;

/// What an engine-led page ([`newest_first`]) asks of the engine.
pub struct Walk<'a> {
    pub kind: Kind,
    /// Normalised words ([`text::query_terms`]), all of which must match.
    pub words: &'a [String],
    /// Who may see what, as access words, for the kinds whose documents
    /// carry them ([`Kind::Convention`]).
    pub access: Option<&'a [Access]>,
    /// The newest id of the kind's table; `None` when it is empty. The
    /// walk starts just above it, not above the newest document of any
    /// kind: PostgreSQL would otherwise read a million conventions'
    /// documents before the first offer's.
    pub newest: Option<i64>,
    /// The previous page's last id: this page continues below it.
    pub before: Option<i64>,
    /// The most rows of the page.
    pub limit: i64,
}

/// A page of the records matching `walk`, newest first: at most
/// `walk.limit` rows, which `load` reads among the ids it is given,
/// applying every other criterion, newest first. The engine is asked for
/// its newest matches in batches growing fourfold, so a page costs what
/// it shows when the other criteria let most matches through, and a
/// handful of batches when they are narrow; never every match of a common
/// word, which `IN (all matches)` read and the database then sorted
/// (20,000 for a common surname at a million).
///
/// When the engine finds nothing for the words as typed (among what the
/// caller may see, for the kinds whose documents carry access words), and
/// [`text::forgives_typos`] allows, the page is looked for again with each
/// long enough word one edit away: "lefebre" finds Lefebvre. Matches as
/// typed always come alone, so a typo's neighbours never push an exact
/// match off the page, and a name spelt right but refused by the other
/// criteria finds nothing rather than its look-alikes. The next page of a
/// forgiving search is forgiving too: nothing below its cursor matches as
/// typed either. (For the kinds without access words, whether a name
/// exists as typed decides; the records shown are still only those
/// `load` lets through.)
pub fn newest_first<R>(
    conn: &mut AnyConnection,
    walk: Walk,
    id_of: impl Fn(&R) -> i64,
    mut load: impl FnMut(&mut AnyConnection, Vec<i64>) -> QueryResult<Vec<R>>,
) -> QueryResult<Vec<R>> {
    let (rows, matched) = pages(conn, &walk, false, &id_of, &mut load)?;
    if !matched && text::forgives_typos(walk.words) {
        return Ok(pages(conn, &walk, true, &id_of, &mut load)?.0);
    }
    Ok(rows)
}

/// [`newest_first`]'s walk, the words as typed or forgiving; and whether
/// the engine found any match.
fn pages<R>(
    conn: &mut AnyConnection,
    walk: &Walk,
    fuzzy: bool,
    id_of: &impl Fn(&R) -> i64,
    load: &mut impl FnMut(&mut AnyConnection, Vec<i64>) -> QueryResult<Vec<R>>,
) -> QueryResult<(Vec<R>, bool)> {
    let Some(newest) = walk.newest else {
        return Ok((Vec::new(), false));
    };
    let Some(query) = walk_query(conn, walk, fuzzy)? else {
        return Ok((Vec::new(), false));
    };
    let wanted = usize::try_from(walk.limit).unwrap_or(0);
    let mut rows = Vec::new();
    let mut before = walk.before.unwrap_or(newest.saturating_add(1));
    // The first batch is the page itself: most pages keep every match (a
    // convention's access is in the engine's query), and each match asked
    // beyond the page is walked for and its row read for nothing (at a
    // million on PostgreSQL, a manager's search with eight clients: p95
    // 41 → 25 ms with the page, not twice it, asked first).
    let mut batch = walk.limit.max(1);
    let mut matched = false;
    loop {
        let ids = newest_ids(conn, walk, &query, before, batch)?;
        let exhausted = i64::try_from(ids.len()).unwrap_or(i64::MAX) < batch;
        if let Some(&last) = ids.last() {
            matched = true;
            before = last;
            let mut found = load(conn, ids)?;
            found.sort_by_key(|r| std::cmp::Reverse(id_of(r)));
            rows.extend(found);
        }
        if rows.len() >= wanted || exhausted {
            break;
        }
        batch = batch.saturating_mul(4).min(MAX_BATCH);
    }
    rows.truncate(wanted);
    Ok((rows, matched))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_holds_the_kind_letter_before_each_word() {
        assert_eq!(
            document(Kind::Student, &["Dupont-Moreau", "Élodie"], &[]),
            "sdupont selodie smoreau"
        );
        assert_eq!(
            document(
                Kind::Convention,
                &["Martin"],
                &[Access::Centre(3), Access::Student(12)]
            ),
            "cmartin xc3 xs12"
        );
        assert_eq!(document(Kind::User, &[""], &[]), "");
    }

    #[test]
    fn exact_terms_and_prefixes_are_asked_in_each_engine_s_syntax() {
        let alternatives = [
            vec![
                Alternative::Term("smartin".into()),
                Alternative::Term("smartinez".into()),
            ],
            vec![Alternative::Prefix("cam".into())],
        ];
        assert_eq!(
            EngineQuery::new(Kind::Student, &alternatives, None).text(false),
            "(\"smartin\" OR \"smartinez\") AND scam*"
        );
        assert_eq!(
            EngineQuery::new(Kind::Student, &alternatives, None).text(true),
            "('smartin' | 'smartinez') & 'scam':*"
        );
    }

    #[test]
    fn access_words_are_one_more_group_and_none_lets_nothing_through() {
        let word = [vec![Alternative::Prefix("dupont".into())]];
        let access = [Access::Centre(1), Access::Supervisor(2)];
        assert_eq!(
            EngineQuery::new(Kind::Convention, &word, Some(&access)).text(false),
            "cdupont* AND (\"xc1\" OR \"xv2\")"
        );
        assert_eq!(
            EngineQuery::new(Kind::Convention, &word, Some(&[])).text(true),
            "'cdupont':* & 'xnone'"
        );
        assert_eq!(
            EngineQuery::new(Kind::Convention, &word, None).text(false),
            "cdupont*"
        );
    }

    #[test]
    fn a_word_s_terms_lie_between_it_and_its_last_letter_plus_one() {
        assert_eq!(
            prefix_range(Kind::Student, "mart"),
            Some(("smart".to_owned(), "smaru".to_owned()))
        );
        assert_eq!(
            prefix_range(Kind::Offer, "rust9"),
            Some(("frust9".to_owned(), "frust:".to_owned()))
        );
        assert_eq!(prefix_range(Kind::Student, "é"), None);
    }

    #[test]
    fn keys_of_one_kind_sort_as_their_ids() {
        assert!(Kind::Convention.key(9) < Kind::Convention.key(10));
        assert_eq!(Kind::Convention.key(10) / KINDS, 10);
        assert_ne!(Kind::Student.key(10), Kind::User.key(10));
    }
}
