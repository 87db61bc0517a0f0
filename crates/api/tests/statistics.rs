//! Statistics through HTTP: what one more validated, evaluated convention
//! changes in each indicator; who may read them; the exports.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::{As, fill_a_convention, national_answers, rules, validated, version};
use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};
use stages_domain::model::EvaluationKind;

/// The count of `key` in a breakdown (0 when absent).
fn count(stats: &Value, breakdown: &str, key: &str) -> i64 {
    stats[breakdown]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .map_or(0, |c| c["count"].as_i64().unwrap())
}

fn band(summary: &Value, name: &str) -> i64 {
    summary["bands"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["band"] == name)
        .unwrap()["count"]
        .as_i64()
        .unwrap()
}

fn completion(stats: &Value, kind: &str) -> (i64, i64, i64) {
    let line = stats["evaluations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["kind"] == kind)
        .unwrap();
    (
        line["submitted"].as_i64().unwrap(),
        line["draft"].as_i64().unwrap(),
        line["not_started"].as_i64().unwrap(),
    )
}

async fn one_more_convention_moves_every_indicator(app: &TestApp) {
    let manager = As::new(app, "gestionnaire").await;
    let (_, centres) = manager.get("/api/centres").await;
    let centre = centres
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Centre de gestion UFR Sciences et Technologies")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/statistics?centre_id={centre}&academic_year=2026-2027");
    let (status, before) = manager.get(&path).await;
    assert_eq!(status, StatusCode::OK, "{before}");

    let (id, conv) = validated(app).await;
    let host = conv["parties"]["organisation_id"]
        .as_i64()
        .unwrap()
        .to_string();
    let student = As::new(app, "etudiant").await;
    let sheet = format!("/api/conventions/{id}/evaluations/student/submit");
    let (status, submitted) = student
        .post(
            &sheet,
            Some(0),
            Some(json!({"answers": national_answers(EvaluationKind::Student)})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");

    let (_, after) = manager.get(&path).await;
    assert_eq!(
        after["total"].as_i64(),
        Some(before["total"].as_i64().unwrap() + 1)
    );
    let moved =
        |breakdown: &str, key: &str| count(&after, breakdown, key) - count(&before, breakdown, key);
    assert_eq!(moved("by_status", "validated"), 1);
    assert_eq!(moved("by_organisation", &host), 1);
    let sgi = after["by_organisation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == host.as_str())
        .unwrap();
    assert_eq!(sgi["label"], "Société Générale d'Ingénierie");
    assert_eq!(moved("by_country", "FR"), 1);
    assert_eq!(moved("by_department", "25"), 1);
    let doubs = after["by_department"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == "25")
        .unwrap();
    assert_eq!(doubs["label"], "Doubs");
    assert_eq!(moved("by_programme", "M1-INFO"), 1);
    // 420 h of presence; 700 € a month for 35 h a week is above 4.50 €/h.
    assert_eq!(
        band(&after["durations"], "two_to_four_months")
            - band(&before["durations"], "two_to_four_months"),
        1
    );
    assert_eq!(
        after["stipends"]["paid"].as_i64().unwrap() - before["stipends"]["paid"].as_i64().unwrap(),
        1
    );
    assert_eq!(after["stipends"]["rate_cents"], 450);
    let (s0, _, n0) = completion(&before, "student");
    let (s1, _, n1) = completion(&after, "student");
    assert_eq!((s1 - s0, n1 - n0), (1, 0));
    let (_, _, t0) = completion(&before, "tutor");
    let (_, _, t1) = completion(&after, "tutor");
    assert_eq!(t1 - t0, 1, "the tutor has not answered yet");

    // Exports: one table per indicator.
    let export = |format: &str| {
        format!("/api/statistics/export?centre_id={centre}&academic_year=2026-2027&format={format}")
    };
    let res = app
        .client
        .get(app.url(&export("csv")))
        .bearer_auth(&manager.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let csv = res.text().await.unwrap();
    for title in [
        "Statuts",
        "Organismes",
        "Pays",
        "Départements",
        "Formations",
        "Durées",
        "Gratifications",
        "Évaluations",
    ] {
        assert!(
            csv.contains(&format!("\r\n{title}\r\n"))
                || csv.starts_with(&format!("\u{feff}{title}\r\n")),
            "{title} in {csv}"
        );
    }
    assert!(csv.contains("Société Générale d'Ingénierie;"), "{csv}");
    let res = app
        .client
        .get(app.url(&export("xlsx")))
        .bearer_auth(&manager.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap();
    let workbook = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let sheets = workbook
        .file_names()
        .filter(|n| {
            n.as_ref()
                .is_ok_and(|n| n.starts_with("xl/worksheets/sheet"))
        })
        .count();
    assert_eq!(sheets, 8);
}

/// The day after the demo internship ends, when the student's
/// questionnaire is open.
fn after_the_end() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 3, 29).unwrap()
}

mod one_more_convention_moves_every_indicator {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
        super::one_more_convention_moves_every_indicator(&app).await;
        app.stop().await;
    }

    #[actix_web::test]
    async fn postgres() {
        let app = TestApp::spawn_on(Backend::Postgres, after_the_end()).await;
        super::one_more_convention_moves_every_indicator(&app).await;
        app.stop().await;
    }
}

/// The counts as they stand, every non-zero one.
fn counts(app: &TestApp) -> Vec<(i64, String, String, String, i64)> {
    use diesel::prelude::*;
    use stages_api::db::schema::statistics_counts as s;
    s::table
        .filter(s::n.ne(0))
        .order((s::centre_id, s::academic_year, s::dimension, s::key))
        .select((s::centre_id, s::academic_year, s::dimension, s::key, s::n))
        .load(&mut app.pool.get().unwrap())
        .unwrap()
}

/// Counts everything again from the conventions and the questionnaires:
/// migration 7 taken back and run again (it counts what exists).
fn recount(app: &TestApp) {
    use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
    use stages_api::db::AnyConnection;
    const SQLITE: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
    const POSTGRES: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");
    let mut conn = app.pool.get().unwrap();
    match &mut *conn {
        AnyConnection::Sqlite(c) => {
            c.revert_last_migration(SQLITE).unwrap();
            c.run_pending_migrations(SQLITE).unwrap();
        }
        AnyConnection::Postgresql(c) => {
            c.revert_last_migration(POSTGRES).unwrap();
            c.run_pending_migrations(POSTGRES).unwrap();
        }
    }
}

/// Whatever happens to conventions and questionnaires (created, submitted,
/// validated, a validation withdrawn, a draft deleted, questionnaires saved
/// and submitted), the counts kept by the triggers are those of a recount.
async fn the_running_counts_are_a_recount(app: &TestApp) {
    let (id, _) = validated(app).await;
    let student = As::new(app, "etudiant").await;
    let (status, submitted) = student
        .post(
            &format!("/api/conventions/{id}/evaluations/student/submit"),
            Some(0),
            Some(json!({"answers": national_answers(EvaluationKind::Student)})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    let supervisor = As::new(app, "enseignant").await;
    let (status, saved) = supervisor
        .put(
            &format!("/api/conventions/{id}/evaluations/supervisor"),
            0,
            json!({"answers": {"ENS-1-1": {"type": "choices", "value": ["Courriel"]}}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, saved) = supervisor
        .put(
            &format!("/api/conventions/{id}/evaluations/supervisor"),
            version(&saved),
            json!({"answers": {"ENS-1-1": {"type": "choices", "value": ["Visite sur place"]}}}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    // The validation withdrawn then given again: the questionnaires leave
    // the counts with their convention, and come back.
    let manager = As::new(app, "gestionnaire").await;
    let (_, conv) = manager.get(&format!("/api/conventions/{id}")).await;
    let validations = format!("/api/conventions/{id}/validations/administrative");
    let (status, conv) = manager
        .send(
            reqwest::Method::DELETE,
            &validations,
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let (status, conv) = manager.post(&validations, Some(version(&conv)), None).await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let draft = fill_a_convention(&student).await;
    let (status, deleted) = student
        .send(
            reqwest::Method::DELETE,
            &format!("/api/conventions/{}", draft["id"]),
            Some(version(&draft)),
            None,
        )
        .await;
    assert!(status.is_success(), "{status} {deleted}");

    let kept = counts(app);
    let has = |dimension: &str| kept.iter().any(|(_, _, d, _, n)| d == dimension && *n > 0);
    for dimension in [
        "status",
        "host",
        "minutes",
        "hourly",
        "evaluation_submitted",
        "evaluation_draft",
    ] {
        assert!(has(dimension), "{dimension} in {kept:?}");
    }
    recount(app);
    assert_eq!(counts(app), kept);

    // What only SQL does: a convention moved to another centre and year,
    // a validated one deleted with its questionnaires.
    {
        use diesel::prelude::*;
        use stages_api::db::schema::{centres, conventions};
        let mut conn = app.pool.get().unwrap();
        let other: i64 = centres::table
            .select(diesel::dsl::max(centres::id))
            .first::<Option<i64>>(&mut conn)
            .unwrap()
            .unwrap();
        let moved = fill_a_convention(&student).await["id"].as_i64().unwrap();
        diesel::update(conventions::table.find(moved))
            .set((
                conventions::centre_id.eq(other),
                conventions::academic_year.eq("2030-2031"),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::delete(conventions::table.find(id))
            .execute(&mut conn)
            .unwrap();
    }
    let kept = counts(app);
    assert!(
        kept.iter()
            .any(|(_, year, d, _, n)| year == "2030-2031" && d == "status" && *n == 1),
        "{kept:?}"
    );
    recount(app);
    assert_eq!(counts(app), kept);
}

mod the_running_counts_are_a_recount {
    use super::*;

    #[actix_web::test]
    async fn sqlite() {
        let app = TestApp::spawn_on(Backend::Sqlite, after_the_end()).await;
        super::the_running_counts_are_a_recount(&app).await;
        app.stop().await;
    }

    #[actix_web::test]
    async fn postgres() {
        let app = TestApp::spawn_on(Backend::Postgres, after_the_end()).await;
        super::the_running_counts_are_a_recount(&app).await;
        app.stop().await;
    }
}

/// Managers read their centres, administrators the whole university.
#[actix_web::test]
async fn statistics_are_for_the_centres_staff() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let manager = As::new(&app, "gestionnaire").await;
    let (_, centres) = manager.get("/api/centres").await;
    let sciences = centres
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Centre de gestion UFR Sciences et Technologies")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let path = format!("/api/statistics?centre_id={sciences}&academic_year=2026-2027");
    let student = As::new(&app, "etudiant").await;
    let (status, problem) = student.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let other = As::new(&app, "gestionnaire2").await;
    let (status, problem) = other.get(&path).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(rules(&problem), ["PERM-14"]);
    let (status, problem) = manager.get("/api/statistics?academic_year=2026-2027").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(rules(&problem), ["PERM-11"]);
    let admin = As::new(&app, "admin").await;
    let (status, all) = admin.get("/api/statistics?academic_year=2026-2027").await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert_eq!(all["centre_id"], Value::Null);
    let (status, problem) = admin.get("/api/statistics?academic_year=2026").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["violations"][0]["field"], "academic_year");
    let (status, _) = admin
        .get("/api/statistics?centre_id=99999&academic_year=2026-2027")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}
