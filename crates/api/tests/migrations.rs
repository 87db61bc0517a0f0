//! The two migration folders describe one schema: after migrating a fresh
//! database of each backend, both have the same tables, the same columns
//! with the same nullability, the same indexes (by the columns they cover
//! and whether they are unique) and triggers on the same tables and events
//! (each engine names and splits its triggers its own way). A column, an
//! index or a trigger added to one folder only fails here.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Backend, TestDb};
use diesel::pg::PgConnection;
use diesel::sql_types::{BigInt, Bool, Integer, Nullable, Text};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, QueryableByName, RunQueryDsl};
use stages_api::db;
use std::collections::{BTreeMap, BTreeSet};

/// Tables, their columns (`name`, nullable) and indexes (covered columns,
/// unique), and the triggers, of one database.
#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    columns: BTreeMap<String, BTreeSet<(String, bool)>>,
    indexes: BTreeMap<String, BTreeSet<(Vec<String>, bool)>>,
    /// (table, `INSERT`/`UPDATE`/`DELETE`) that fire a trigger.
    triggers: BTreeSet<(String, String)>,
}

const EVENTS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

/// Diesel's own bookkeeping, not the application's schema.
const DIESEL: &str = "__diesel_schema_migrations";

fn migrate(url: &str) {
    let pool = db::connect(url, 1, db::Limits::COMMAND).unwrap();
    db::run_migrations(&mut pool.get().unwrap()).unwrap();
}

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    declared: String,
    #[diesel(sql_type = Integer)]
    notnull: i32,
    #[diesel(sql_type = Integer)]
    pk: i32,
}

#[derive(QueryableByName)]
struct SqliteIndex {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Integer)]
    unique: i32,
}

#[derive(QueryableByName)]
struct SqliteIndexColumn {
    #[diesel(sql_type = BigInt)]
    seqno: i64,
    #[diesel(sql_type = Nullable<Text>)]
    name: Option<String>,
}

fn sqlite_schema(url: &str) -> Schema {
    let path = url.trim_start_matches("sqlite://");
    let mut conn = SqliteConnection::establish(path).unwrap();
    let mut schema = Schema::default();
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .load(&mut conn)
    .unwrap();
    for table in tables.into_iter().map(|t| t.name).filter(|t| t != DIESEL) {
        let columns: Vec<SqliteColumn> = diesel::sql_query(format!(
            // `table_xinfo` lists generated columns too (hidden 2 and 3);
            // 1 marks a virtual table's hidden ones.
            "SELECT name, type AS declared, \"notnull\", pk FROM pragma_table_xinfo('{table}') \
             WHERE hidden <> 1"
        ))
        .load(&mut conn)
        .unwrap();
        // An `INTEGER PRIMARY KEY` is the rowid: unique without an index of
        // its own, where PostgreSQL has its `_pkey`.
        let keys: Vec<&SqliteColumn> = columns.iter().filter(|c| c.pk > 0).collect();
        let rowid = match keys.as_slice() {
            [key] if key.declared.eq_ignore_ascii_case("integer") => Some(key.name.clone()),
            _ => None,
        };
        // A primary key column is never null, whatever it was declared as.
        schema.columns.insert(
            table.clone(),
            columns
                .iter()
                .map(|c| (c.name.clone(), c.notnull == 0 && c.pk == 0))
                .collect(),
        );
        let indexes: Vec<SqliteIndex> = diesel::sql_query(format!(
            "SELECT name, \"unique\" FROM pragma_index_list('{table}')"
        ))
        .load(&mut conn)
        .unwrap();
        let mut covered: BTreeSet<(Vec<String>, bool)> =
            rowid.into_iter().map(|key| (vec![key], true)).collect();
        for index in indexes {
            let mut columns: Vec<SqliteIndexColumn> = diesel::sql_query(format!(
                "SELECT seqno, name FROM pragma_index_info('{}')",
                index.name
            ))
            .load(&mut conn)
            .unwrap();
            columns.sort_by_key(|c| c.seqno);
            covered.insert((
                columns
                    .into_iter()
                    .map(|c| c.name.unwrap_or_else(|| "<expression>".to_owned()))
                    .collect(),
                index.unique != 0,
            ));
        }
        schema.indexes.insert(table, covered);
    }
    let triggers: Vec<SqliteTrigger> =
        diesel::sql_query("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            .load(&mut conn)
            .unwrap();
    for trigger in triggers {
        let event = sqlite_trigger_event(&trigger.sql)
            .unwrap_or_else(|| panic!("no event in trigger {}", trigger.sql));
        schema
            .triggers
            .insert((trigger.tbl_name.clone(), event.to_owned()));
    }
    schema
}

/// The event of a SQLite trigger, read where the grammar puts it:
/// `CREATE [TEMP] TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER | INSTEAD
/// OF] event …`. (A SQLite trigger has one event; its name may well
/// contain the words INSERT or UPDATE, and its body anything.)
fn sqlite_trigger_event(sql: &str) -> Option<&'static str> {
    let upper = sql.to_uppercase();
    let mut words = upper.split_whitespace().skip_while(|w| *w != "TRIGGER");
    words.next();
    // The name, after `IF NOT EXISTS` when given; then the timing, if any,
    // then the event.
    if words.next()? == "IF" {
        words.nth(2)?;
    }
    let mut next = words.next()?;
    match next {
        "BEFORE" | "AFTER" => next = words.next()?,
        "INSTEAD" => next = words.nth(1)?,
        _ => {}
    }
    EVENTS.into_iter().find(|e| *e == next)
}

#[test]
fn a_trigger_event_is_read_where_the_grammar_puts_it() {
    let event = |sql| sqlite_trigger_event(sql);
    assert_eq!(
        event(
            "CREATE TRIGGER count_after_insert AFTER UPDATE OF status ON conventions BEGIN INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING; END"
        ),
        Some("UPDATE")
    );
    assert_eq!(
        event("create trigger if not exists update_log delete on t begin select 1; end"),
        Some("DELETE")
    );
    assert_eq!(
        event("CREATE TRIGGER v_ins INSTEAD OF INSERT ON v BEGIN SELECT 1; END"),
        Some("INSERT")
    );
    assert_eq!(event("CREATE TRIGGER x BEFORE TRUNCATE ON t"), None);
}

#[derive(QueryableByName)]
struct SqliteTrigger {
    #[diesel(sql_type = Text)]
    tbl_name: String,
    #[diesel(sql_type = Text)]
    sql: String,
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Bool)]
    nullable: bool,
}

#[derive(QueryableByName)]
struct PgIndex {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Bool)]
    is_unique: bool,
    /// The covered columns in order, `<expression>` for an expression.
    #[diesel(sql_type = Text)]
    columns: String,
}

fn postgres_schema(url: &str) -> Schema {
    let mut conn = PgConnection::establish(url).unwrap();
    let mut schema = Schema::default();
    let columns: Vec<PgColumn> = diesel::sql_query(
        "SELECT table_name::text, column_name::text, is_nullable = 'YES' AS nullable \
         FROM information_schema.columns WHERE table_schema = 'public'",
    )
    .load(&mut conn)
    .unwrap();
    for c in columns.into_iter().filter(|c| c.table_name != DIESEL) {
        schema
            .columns
            .entry(c.table_name)
            .or_default()
            .insert((c.column_name, c.nullable));
    }
    let indexes: Vec<PgIndex> = diesel::sql_query(
        "SELECT t.relname::text AS table_name, i.indisunique AS is_unique, \
                (SELECT string_agg(COALESCE(a.attname::text, '<expression>'), ',' ORDER BY k.n) \
                 FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n) \
                 LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0 \
                ) AS columns \
         FROM pg_index i \
         JOIN pg_class t ON t.oid = i.indrelid \
         JOIN pg_namespace s ON s.oid = t.relnamespace \
         WHERE s.nspname = 'public'",
    )
    .load(&mut conn)
    .unwrap();
    for table in schema.columns.keys() {
        schema.indexes.insert(table.clone(), BTreeSet::new());
    }
    for index in indexes.into_iter().filter(|i| i.table_name != DIESEL) {
        schema.indexes.entry(index.table_name).or_default().insert((
            index.columns.split(',').map(str::to_owned).collect(),
            index.is_unique,
        ));
    }
    let triggers: Vec<PgTrigger> = diesel::sql_query(
        "SELECT event_object_table::text AS table_name, event_manipulation::text AS event \
         FROM information_schema.triggers WHERE trigger_schema = 'public'",
    )
    .load(&mut conn)
    .unwrap();
    schema.triggers = triggers
        .into_iter()
        .map(|t| (t.table_name, t.event))
        .collect();
    schema
}

#[derive(QueryableByName)]
struct PgTrigger {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    event: String,
}

/// The schema without what each search engine needs and the other has no
/// counterpart for (migration 20): on SQLite the FTS5 table, its shadow
/// tables, the table of its terms (migration 23) and the triggers that
/// feed them from `search_documents`; on
/// PostgreSQL the GIN index over the documents (and the primary key's
/// index, a rowid on SQLite). `search_documents` itself stays compared.
fn without_search_engines(mut schema: Schema) -> Schema {
    schema
        .columns
        .retain(|table, _| !table.starts_with("search_index") && table != "search_terms");
    schema
        .indexes
        .retain(|table, _| !table.starts_with("search_"));
    schema
        .triggers
        .retain(|(table, _)| table != "search_documents");
    schema
}

#[test]
fn both_backends_migrate_to_the_same_schema() {
    let sqlite_db = TestDb::create(Backend::Sqlite);
    let postgres_db = TestDb::create(Backend::Postgres);
    migrate(&sqlite_db.url);
    migrate(&postgres_db.url);
    let sqlite = without_search_engines(sqlite_schema(&sqlite_db.url));
    let postgres = without_search_engines(postgres_schema(&postgres_db.url));
    assert!(sqlite.columns.len() > 20, "the schema was read: {sqlite:?}");
    let tables = |s: &Schema| s.columns.keys().cloned().collect::<BTreeSet<_>>();
    assert_eq!(tables(&sqlite), tables(&postgres), "tables");
    for (table, columns) in &sqlite.columns {
        assert_eq!(
            Some(columns),
            postgres.columns.get(table),
            "columns (name, nullable) of {table}"
        );
    }
    for (table, indexes) in &sqlite.indexes {
        assert_eq!(
            Some(indexes),
            postgres.indexes.get(table),
            "indexes (columns, unique) of {table}"
        );
    }
    assert!(!sqlite.triggers.is_empty(), "the triggers were read");
    assert_eq!(
        sqlite.triggers, postgres.triggers,
        "triggers (table, event)"
    );
}
