//! Name search through the databases' own engines (migration 20, FTS5 and
//! PostgreSQL full text): who may see a convention is part of the engine's
//! query, the documents follow the records they index, and the migration
//! keeps what was indexed before it; word searches list the newest first.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, fill_a_convention};
use serde_json::Value;
use stages_api::db::AnyConnection;
use stages_api::db::search::{self, Access, Kind};
use stages_api::db::students::{RegistryLine, write_registry_line};

/// The ids of the conventions `who` finds with `q`.
async fn found(who: &As<'_>, q: &str) -> Vec<i64> {
    let (status, page) = who
        .get(&format!("/api/conventions?q={}", q.replace(' ', "%20")))
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["id"].as_i64())
        .collect()
}

/// The engine alone, without the SQL filter of who may see what: the
/// conventions matching `words` among those `access` opens.
fn engine(app: &TestApp, words: &[&str], access: &[Access]) -> Vec<i64> {
    let mut conn = app.pool.get().unwrap();
    let words: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
    let walk = search::Walk {
        kind: Kind::Convention,
        words: &words,
        access: Some(access),
        newest: Some(1_000_000_000),
        before: None,
        limit: 50,
    };
    search::newest_first(&mut conn, walk, |id: &i64| *id, |_, ids| Ok(ids)).unwrap()
}

fn registry_line(last_name: &str) -> RegistryLine {
    RegistryLine {
        student_number: "22401234".into(),
        last_name: last_name.into(),
        first_name: "Camille".into(),
        email: None,
        ine: None,
        academic_year: "2026-2027".into(),
        programme_code: "M1-INFO".into(),
        programme_label: "Master 1 Informatique".into(),
        faculty_code: "SCI".into(),
        faculty_label: "UFR Sciences et Technologies".into(),
        teaching_hours: None,
        birth_date: None,
    }
}

/// Migration 20 taken back with those after it (the documents become one
/// row per word again) and run again (one document per record from those
/// rows).
fn migrate_again(app: &TestApp) {
    use diesel::migration::MigrationSource;
    use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
    const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
    const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");
    fn again<DB: diesel::backend::Backend>(
        conn: &mut impl MigrationHarness<DB>,
        source: EmbeddedMigrations,
    ) where
        EmbeddedMigrations: MigrationSource<DB>,
    {
        let mut migrations = MigrationSource::<DB>::migrations(&source).unwrap();
        migrations.sort_by_key(|m| m.name().version().to_string());
        let search = migrations
            .iter()
            .position(|m| m.name().to_string().ends_with("_search_engines"))
            .unwrap();
        // Those after it first (PostgreSQL's index of the documents by kind).
        for migration in migrations[search..].iter().rev() {
            conn.revert_migration(migration.as_ref()).unwrap();
        }
        conn.run_pending_migrations(source).unwrap();
    }
    let mut conn = app.pool.get().unwrap();
    match &mut *conn {
        AnyConnection::Sqlite(c) => again(c, SQLITE),
        AnyConnection::Postgresql(c) => again(c, POSTGRES),
    }
}

async fn the_engine_filters_by_access_and_follows_the_records(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv: Value = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let centre = conv["centre"]["id"].as_i64().unwrap();
    let supervisor = conv["parties"]["supervisor_id"].as_i64();

    // Created without a supervisor, found by the one named later: the
    // document follows the convention's parties.
    let teacher = As::new(app, "enseignant").await;
    assert!(found(&teacher, "martin cam").await.contains(&id));
    let manager = As::new(app, "gestionnaire").await;
    assert!(found(&manager, "mart").await.contains(&id));
    assert!(
        !found(&As::new(app, "gestionnaire2").await, "martin")
            .await
            .contains(&id)
    );

    // The engine applies access itself, before any SQL filter.
    assert!(engine(app, &["martin"], &[Access::Centre(centre)]).contains(&id));
    assert!(!engine(app, &["martin"], &[Access::Centre(centre + 1000)]).contains(&id));
    if let Some(supervisor) = supervisor {
        assert!(engine(app, &["camille"], &[Access::Supervisor(supervisor)]).contains(&id));
    }
    assert!(engine(app, &["martin"], &[]).is_empty());

    // The registry renames the student: their conventions follow.
    {
        let mut conn = app.pool.get().unwrap();
        write_registry_line(&mut conn, &registry_line("Martin-Lefèvre")).unwrap();
    }
    assert!(found(&manager, "lefevre").await.contains(&id));
    assert!(found(&manager, "LEFÈV cam").await.contains(&id));

    // The migration taken back and run again keeps every document.
    migrate_again(app);
    assert!(found(&manager, "lefevre camille").await.contains(&id));
    assert!(found(&teacher, "lefevre").await.contains(&id));
    assert!(
        !found(&As::new(app, "gestionnaire2").await, "lefevre")
            .await
            .contains(&id)
    );
    let (_, students) = manager.get("/api/students?q=lefevre").await;
    assert_eq!(
        students["items"][0]["student_number"], "22401234",
        "{students}"
    );
}

/// A description may hold one word of thousands of letters: it is indexed
/// by its beginning, where PostgreSQL would refuse it whole.
async fn a_word_of_thousands_of_letters_is_indexed(app: &TestApp) {
    let mut conn = app.pool.get().unwrap();
    let words = search::document(Kind::Offer, &[&"abc".repeat(1_000)], &[]);
    assert_eq!(words.len(), 1 + stages_api::text::MAX_WORD);
    search::write(&mut conn, Kind::Offer.key(999_999), &words).unwrap();
}

/// The names of a page of organisations, and its cursor.
fn organisations(page: &Value) -> (Vec<String>, Option<String>) {
    let names = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_owned())
        .collect();
    (names, page["next_cursor"].as_str().map(str::to_owned))
}

/// A word search lists the newest organisations first (the engine reads
/// its matches so and stops at the page); a search without words lists by
/// name; a cursor of one order is refused by the other.
async fn organisations_found_by_words_come_newest_first(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let named = [
        ("Zéphyr Beta", "73282932000009"),
        ("Zephyr Alpha", "73282932000017"),
        ("Zephyr Gamma", "73282932000025"),
    ];
    for (name, siret) in named {
        let organisation = serde_json::json!({
            "name": name, "siret": siret, "naf_code": "6201Z", "headcount": 12,
            "kind": "private_company", "street": "1 rue Haute", "postal_code": "25000",
            "city": "Besançon", "phone": "03 81 11 22 33"
        });
        let (status, body) = student
            .post("/api/organisations", None, Some(organisation))
            .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{body}");
    }
    let (_, first) = student.get("/api/organisations?name=zephyr&limit=2").await;
    let (names, cursor) = organisations(&first);
    assert_eq!(names, ["Zephyr Gamma", "Zephyr Alpha"]);
    let cursor = cursor.unwrap();
    let (_, second) = student
        .get(&format!(
            "/api/organisations?name=zephyr&limit=2&cursor={cursor}"
        ))
        .await;
    assert_eq!(
        organisations(&second),
        (vec!["Zéphyr Beta".to_owned()], None)
    );

    // By name when no word is searched.
    let (_, by_name) = student.get("/api/organisations?limit=2").await;
    let (names, name_cursor) = organisations(&by_name);
    assert!(names[0] <= names[1], "{names:?}");
    for (path, cursor) in [
        ("/api/organisations?limit=2", &cursor),
        (
            "/api/organisations?name=zephyr&limit=2",
            &name_cursor.unwrap(),
        ),
    ] {
        let (status, problem) = student.get(&format!("{path}&cursor={cursor}")).await;
        assert_eq!(status, reqwest::StatusCode::BAD_REQUEST, "{problem}");
        assert_eq!(problem["violations"][0]["rule"], "PAGE-02", "{problem}");
    }
}

/// A page led by the engine: the newest matches that pass the other
/// criteria, asking the engine again (in growing batches) when the
/// criteria leave too few, and never an older one before a newer.
async fn a_page_led_by_the_engine_skips_what_other_criteria_refuse(app: &TestApp) {
    let mut conn = app.pool.get().unwrap();
    let ids: Vec<i64> = (0..40).map(|n| 7_000_000 + n).collect();
    for id in &ids {
        let words = search::document(Kind::Offer, &["Quokka"], &[]);
        search::write(&mut conn, Kind::Offer.key(*id), &words).unwrap();
    }
    let words = vec!["quok".to_owned()];
    let walk = |newest, before| search::Walk {
        kind: Kind::Offer,
        words: &words,
        access: None,
        newest,
        before,
        limit: 3,
    };
    // One id in ten passes: the first batch (the page's three ids) holds
    // none, the second (twelve) one, the third the rest (25 of 48 asked).
    let mut asked = Vec::new();
    let page = search::newest_first(
        &mut conn,
        walk(Some(7_000_039), None),
        |id: &i64| *id,
        |_, batch| {
            asked.push(batch.len());
            Ok(batch.into_iter().filter(|id| id % 10 == 3).collect())
        },
    )
    .unwrap();
    assert_eq!(page, [7_000_033, 7_000_023, 7_000_013]);
    assert_eq!(asked, [3, 12, 25], "batches growing fourfold");
    let passing = |_: &mut AnyConnection, batch: Vec<i64>| {
        Ok(batch.into_iter().filter(|id| id % 10 == 3).collect())
    };
    let next = search::newest_first(
        &mut conn,
        walk(Some(7_000_039), Some(7_000_013)),
        |id: &i64| *id,
        passing,
    )
    .unwrap();
    assert_eq!(next, [7_000_003]);
    // The walk starts at the table's newest id: a document above it (not
    // yet the table's) is not read, and an empty table finds nothing.
    let below = search::newest_first(
        &mut conn,
        walk(Some(7_000_030), None),
        |id: &i64| *id,
        passing,
    )
    .unwrap();
    assert_eq!(below, [7_000_023, 7_000_013, 7_000_003]);
    let empty = search::newest_first(&mut conn, walk(None, None), |id: &i64| *id, passing);
    assert!(empty.unwrap().is_empty());
}

/// Whatever way the engine reads (PostgreSQL walks the newest documents
/// to the page's last match, or asks its GIN index when the matches seen
/// are sparse or the walk's bound is reached), a
/// page holds the newest matches, and the next page the ones below.
async fn a_page_holds_the_newest_matches_however_sparse(app: &TestApp) {
    let mut conn = app.pool.get().unwrap();
    let ids: Vec<i64> = (8_000_000..8_005_000).collect();
    let words_of = |id: i64| {
        let mut words = vec!["Quagga"];
        if id % 50 == 0 {
            words.push("Okapi");
        }
        if id % 500 == 7 {
            words.push("Gnu");
        }
        if id < 8_000_100 {
            words.push("Zebu");
        }
        words
    };
    stages_api::db::transaction(&mut conn, |conn| {
        for id in &ids {
            let document = search::document(Kind::Offer, &words_of(*id), &[]);
            search::write(conn, Kind::Offer.key(*id), &document)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
    for word in ["quagga", "okapi", "gnu", "zebu"] {
        let expected: Vec<i64> = ids
            .iter()
            .rev()
            .copied()
            .filter(|id| words_of(*id).iter().any(|w| w.to_lowercase() == word))
            .collect();
        let words = vec![word.to_owned()];
        let page = |before| {
            let walk = search::Walk {
                kind: Kind::Offer,
                words: &words,
                access: None,
                newest: Some(8_004_999),
                before,
                limit: 52,
            };
            let mut conn = app.pool.get().unwrap();
            search::newest_first(&mut conn, walk, |id: &i64| *id, |_, ids| Ok(ids)).unwrap()
        };
        let first = page(None);
        assert_eq!(first, expected[..52.min(expected.len())], "{word}");
        let second = page(first.last().copied());
        let rest = &expected[52.min(expected.len())..];
        assert_eq!(second, rest[..52.min(rest.len())], "{word}, second page");
    }
}

/// A walk that reaches its bound before the page is full hands the rest
/// to the index: in a small kind (4,000 documents, a walk of at most an
/// eighth of its newest id, 1,024, after a first window as long) a word
/// in one document in 60 fills only 34 of 52 lines by walking, and the
/// page still holds the 52 newest matches.
async fn a_walk_cut_short_by_its_bound_is_finished_by_the_index(app: &TestApp) {
    let (page, expected) = wombats_page(app, 4_000, 60);
    assert_eq!(page, expected[..52]);
}

/// A walk long enough to read the rest of the kind ends the page there,
/// with every match: the sparse matches of a small kind all come back.
async fn a_walk_to_the_kind_s_first_document_finds_all_its_matches(app: &TestApp) {
    let (page, expected) = wombats_page(app, 1_500, 30);
    assert_eq!(page.len(), 50);
    assert_eq!(page, expected);
}

/// Writes `count` offer places, the ids multiple of `every` with the word
/// "Wombat", and returns the first page of 52 for "wombat" with every
/// match, newest first.
fn wombats_page(app: &TestApp, count: i64, every: i64) -> (Vec<i64>, Vec<i64>) {
    let mut conn = app.pool.get().unwrap();
    let wombat = |id: i64| id % every == 0;
    stages_api::db::transaction(&mut conn, |conn| {
        for id in 1..=count {
            let words: &[&str] = if wombat(id) {
                &["Filler", "Wombat"]
            } else {
                &["Filler"]
            };
            let document = search::document(Kind::OfferPlace, words, &[]);
            search::write(conn, Kind::OfferPlace.key(id), &document)?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .unwrap();
    let expected: Vec<i64> = (1..=count).rev().filter(|id| wombat(*id)).collect();
    let words = vec!["wombat".to_owned()];
    let walk = search::Walk {
        kind: Kind::OfferPlace,
        words: &words,
        access: None,
        newest: Some(count),
        before: None,
        limit: 52,
    };
    let page = search::newest_first(&mut conn, walk, |id: &i64| *id, |_, ids| Ok(ids)).unwrap();
    (page, expected)
}

/// The ids of a page of students, and its cursor.
fn students(page: &Value) -> (Vec<String>, Option<String>) {
    let numbers = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["student_number"].as_str().unwrap().to_owned())
        .collect();
    (numbers, page["next_cursor"].as_str().map(str::to_owned))
}

/// Students found by words come newest first, page after page; a number
/// or no words list by name; a cursor of one order is refused by the
/// other.
async fn students_found_by_words_come_newest_first(app: &TestApp) {
    {
        let mut conn = app.pool.get().unwrap();
        for (number, first) in [
            ("31000001", "Zoé"),
            ("31000002", "Anna"),
            ("31000003", "Mia"),
        ] {
            let line = RegistryLine {
                student_number: number.into(),
                first_name: first.into(),
                ..registry_line("Quetzalcoatl")
            };
            write_registry_line(&mut conn, &line).unwrap();
        }
    }
    let admin = As::new(app, "admin").await;
    let (status, first) = admin.get("/api/students?q=quetzal&limit=2").await;
    assert_eq!(status, reqwest::StatusCode::OK, "{first}");
    let (numbers, cursor) = students(&first);
    assert_eq!(numbers, ["31000003", "31000002"]);
    assert_eq!(
        first["items"][0]["enrolments"][0]["programme_code"], "M1-INFO",
        "{first}"
    );
    let cursor = cursor.unwrap();
    let (_, second) = admin
        .get(&format!("/api/students?q=quetzal&limit=2&cursor={cursor}"))
        .await;
    assert_eq!(students(&second), (vec!["31000001".to_owned()], None));

    let (_, by_number) = admin.get("/api/students?q=31000002").await;
    assert_eq!(students(&by_number).0, ["31000002"]);
    let (_, by_name) = admin.get("/api/students?limit=2").await;
    let name_cursor = by_name["next_cursor"].as_str().unwrap().to_owned();
    for (path, cursor) in [
        ("/api/students?limit=2", &cursor),
        ("/api/students?q=quetzal&limit=2", &name_cursor),
    ] {
        let (status, problem) = admin.get(&format!("{path}&cursor={cursor}")).await;
        assert_eq!(status, reqwest::StatusCode::BAD_REQUEST, "{problem}");
        assert_eq!(problem["violations"][0]["rule"], "PAGE-02", "{problem}");
    }
}

/// A name typed with one letter wrong, left out, added or swapped finds
/// the name when nothing matches it as typed; a name that matches as
/// typed shows only its exact matches.
async fn a_typo_in_a_name_is_forgiven_when_nothing_matches(app: &TestApp) {
    {
        let mut conn = app.pool.get().unwrap();
        for (number, last) in [("32000001", "Lefebvre"), ("32000002", "Lefebre")] {
            let line = RegistryLine {
                student_number: number.into(),
                ..registry_line(last)
            };
            write_registry_line(&mut conn, &line).unwrap();
        }
    }
    let admin = As::new(app, "admin").await;
    let numbers = |q: &'static str| {
        let admin = &admin;
        async move {
            let (status, page) = admin.get(&format!("/api/students?q={q}")).await;
            assert_eq!(status, reqwest::StatusCode::OK, "{page}");
            students(&page).0
        }
    };
    // As typed: the exact name only, not its neighbour.
    assert_eq!(numbers("lefebvre").await, ["32000001"]);
    assert_eq!(numbers("lefebre").await, ["32000002"]);
    // One edit away, when nothing matches as typed.
    assert_eq!(numbers("lefebvrr").await, ["32000001"]);
    assert_eq!(numbers("lfebvre%20camille").await, ["32000001"]);
    assert_eq!(
        numbers("lefbevre").await,
        ["32000001"],
        "two letters swapped"
    );
    assert_eq!(numbers("lefebbre").await.len(), 2, "one from each");
    // Two edits, or a short word: nothing.
    assert!(numbers("lefbvrr").await.is_empty());
    assert!(
        numbers("lefebvre%20camile%20m1%20x").await.is_empty(),
        "four words"
    );

    let student = As::new(app, "etudiant").await;
    let organisation = serde_json::json!({
        "name": "Boulangerie Quillebeuf", "siret": "73282932000033", "naf_code": "1071C",
        "headcount": 4, "kind": "private_company", "street": "1 rue Haute",
        "postal_code": "25000", "city": "Besançon", "phone": "03 81 11 22 33"
    });
    let (status, body) = student
        .post("/api/organisations", None, Some(organisation))
        .await;
    assert_eq!(status, reqwest::StatusCode::CREATED, "{body}");
    let (_, found) = student.get("/api/organisations?name=quilebeuf").await;
    assert_eq!(organisations(&found).0, ["Boulangerie Quillebeuf"]);
}

/// A manager's search by name is led by the engine among the conventions
/// they may see: newest first, page after page, none of another centre's.
async fn conventions_found_by_name_come_newest_first(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        let conv: Value = fill_a_convention(&student).await;
        ids.push(conv["id"].as_i64().unwrap());
    }
    ids.reverse();
    let manager = As::new(app, "gestionnaire").await;
    let (status, first) = manager.get("/api/conventions?q=martin&limit=2").await;
    assert_eq!(status, reqwest::StatusCode::OK, "{first}");
    let page: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert_eq!(page, ids[..2]);
    let cursor = first["next_cursor"].as_str().unwrap();
    let (_, second) = manager
        .get(&format!(
            "/api/conventions?q=martin&limit=2&cursor={cursor}"
        ))
        .await;
    assert_eq!(second["items"][0]["id"].as_i64(), Some(ids[2]), "{second}");
    assert!(
        found(&As::new(app, "gestionnaire2").await, "martin")
            .await
            .is_empty()
    );
}

/// A word finds every name it begins, newest first, whether the engine
/// is asked for the few terms it begins (SQLite's table of terms) or, when
/// they are many, for the prefix itself.
async fn a_word_finds_every_name_it_begins_however_many(app: &TestApp) {
    let mut names = vec!["Quintal".to_owned(), "Quintana".to_owned()];
    // 2 × 26 surnames beginning "zarb": more than a word is looked up as.
    for second in ['a', 'e'] {
        for third in 'a'..='z' {
            names.push(format!("Zarb{second}{third}ot"));
        }
    }
    {
        let mut conn = app.pool.get().unwrap();
        for (i, last) in names.iter().enumerate() {
            let line = RegistryLine {
                student_number: format!("{}", 33_000_000 + i),
                ..registry_line(last)
            };
            write_registry_line(&mut conn, &line).unwrap();
        }
    }
    let admin = As::new(app, "admin").await;
    let newest_first = |q: &'static str| {
        let admin = &admin;
        async move {
            let (status, page) = admin.get(&format!("/api/students?q={q}&limit=100")).await;
            assert_eq!(status, reqwest::StatusCode::OK, "{page}");
            students(&page).0
        }
    };
    let numbers = |from: usize, to: usize| -> Vec<String> {
        (from..to)
            .rev()
            .map(|i| format!("{}", 33_000_000 + i))
            .collect()
    };
    assert_eq!(newest_first("quint").await, numbers(0, 2));
    assert_eq!(newest_first("quintan").await, numbers(1, 2));
    assert_eq!(newest_first("zarbe").await, numbers(28, 54), "26 terms");
    assert_eq!(newest_first("zarb").await, numbers(2, 54), "52 terms");
    assert_eq!(newest_first("zarbaz%20quint").await, Vec::<String>::new());
    assert_eq!(newest_first("zarbazot").await, numbers(27, 28));
}

/// The migration that stores the host's name fills it in for the
/// conventions stored before it: the results list the same names after it
/// as before.
async fn the_host_names_of_earlier_conventions_are_filled_in(app: &TestApp) {
    use diesel::connection::SimpleConnection;
    let student = As::new(app, "etudiant").await;
    fill_a_convention(&student).await;
    let manager = As::new(app, "gestionnaire").await;
    let hosts = || {
        let manager = &manager;
        async move {
            let (status, page) = manager.get("/api/conventions?limit=100").await;
            assert_eq!(status, reqwest::StatusCode::OK, "{page}");
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["id"].as_i64().unwrap(), c["organisation_name"].clone()))
                .collect::<Vec<_>>()
        }
    };
    let written = hosts().await;
    assert!(
        written.iter().any(|(_, name)| name.is_string()),
        "{written:?}"
    );
    // The migration that fills the names in: on SQLite the stored column
    // of migration 26 (migration 25's virtual one computes them when read),
    // on PostgreSQL migration 25's stored generated column.
    let (down, up) = match &mut *app.pool.get().unwrap() {
        AnyConnection::Sqlite(_) => (
            include_str!(
                "../../../migrations/sqlite/2026-12-12-000026_conventions_organisation_name_stored/down.sql"
            ),
            include_str!(
                "../../../migrations/sqlite/2026-12-12-000026_conventions_organisation_name_stored/up.sql"
            ),
        ),
        AnyConnection::Postgresql(_) => (
            include_str!(
                "../../../migrations/postgres/2026-12-11-000025_conventions_organisation_name/down.sql"
            ),
            include_str!(
                "../../../migrations/postgres/2026-12-11-000025_conventions_organisation_name/up.sql"
            ),
        ),
    };
    let mut conn = app.pool.get().unwrap();
    conn.batch_execute(down).unwrap();
    conn.batch_execute(up).unwrap();
    drop(conn);
    assert_eq!(hosts().await, written);
}

on_both_backends!(
    a_page_led_by_the_engine_skips_what_other_criteria_refuse,
    the_engine_filters_by_access_and_follows_the_records,
    a_word_of_thousands_of_letters_is_indexed,
    organisations_found_by_words_come_newest_first,
    students_found_by_words_come_newest_first,
    conventions_found_by_name_come_newest_first,
    a_typo_in_a_name_is_forgiven_when_nothing_matches,
    a_page_holds_the_newest_matches_however_sparse,
    a_walk_cut_short_by_its_bound_is_finished_by_the_index,
    a_walk_to_the_kind_s_first_document_finds_all_its_matches,
    a_word_finds_every_name_it_begins_however_many,
    the_host_names_of_earlier_conventions_are_filled_in
);
