//! Statistics through HTTP: what one more validated, evaluated convention
//! changes in each indicator; who may read them; the exports.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::{As, national_answers, rules, validated};
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

/// On the day after the demo internship ends, so that the student's
/// questionnaire is open.
mod one_more_convention_moves_every_indicator {
    use super::*;

    fn after_the_end() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2027, 3, 29).unwrap()
    }

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
