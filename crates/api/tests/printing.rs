//! Printing through HTTP: the centre's print condition, amendments once
//! validated, the certificate after the end, a centre's year as a ZIP.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::{As, rules, submitted, validated, version};
use common::{Backend, TestApp};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn download(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn printing_follows_the_centre_and_the_amendments(app: &TestApp) {
    let (id, conv) = submitted(app).await;
    let number = conv["number"].as_str().unwrap().to_owned();
    let student = app.login("etudiant").await;
    let manager = As::new(app, "gestionnaire").await;

    // The Sciences centre prints for students after the pedagogical level.
    let res = download(app, &student, &format!("/api/conventions/{id}/pdf")).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["violations"][0]["rule"], "PERM-06");
    assert!(
        problem["detail"].as_str().unwrap().contains("pédagogique"),
        "{problem}"
    );
    // Staff print at once.
    let res = download(app, &manager.token, &format!("/api/conventions/{id}/pdf")).await;
    assert_eq!(res.status(), StatusCode::OK);

    let supervisor = As::new(app, "enseignant").await;
    let (_, conv) = supervisor
        .post(
            &format!("/api/conventions/{id}/validations/pedagogical"),
            Some(version(&conv)),
            None,
        )
        .await;
    let res = download(app, &student, &format!("/api/conventions/{id}/pdf")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains(&format!("convention-{number}.pdf")),
        "{disposition}"
    );
    let etag = res.headers()["etag"].to_str().unwrap().to_owned();
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    assert!(bytes.len() < 300 * 1024, "{} bytes", bytes.len());
    let res = app
        .client
        .get(app.url(&format!("/api/conventions/{id}/pdf")))
        .bearer_auth(&student)
        .header("If-None-Match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);

    // An amendment prints once validated.
    let (_, conv) = manager
        .post(
            &format!("/api/conventions/{id}/validations/administrative"),
            Some(version(&conv)),
            None,
        )
        .await;
    let (status, _) = manager
        .post(
            &format!("/api/conventions/{id}/amendments"),
            Some(version(&conv)),
            Some(json!({"title": "Changement de sujet", "reason": "Le projet a évolué.", "changes": [{"kind": "subject", "subject": "Refonte du portail client"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, list) = manager
        .get(&format!("/api/conventions/{id}/amendments"))
        .await;
    let amendment = list[0].clone();
    let path = format!("/api/amendments/{}/pdf", amendment["id"]);
    let res = download(app, &student, &path).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (status, _) = manager
        .post(
            &format!("/api/amendments/{}/validate", amendment["id"]),
            Some(version(&amendment)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let res = download(app, &student, &path).await;
    assert_eq!(res.status(), StatusCode::OK);
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains(&format!("avenant-{number}-1.pdf")),
        "{disposition}"
    );

    // Not over yet: no certificate.
    let res = download(app, &student, &format!("/api/conventions/{id}/certificate")).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["violations"][0]["rule"], "WF-14");

    // The centre's year in one ZIP, for its staff only.
    let (_, centres) = manager.get("/api/centres").await;
    let centre = conv["centre"]["id"].as_i64().unwrap();
    assert!(
        centres
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == centre)
    );
    let zip_path = format!("/api/centres/{centre}/conventions.zip?academic_year=2026-2027");
    let res = download(app, &manager.token, &zip_path).await;
    assert_eq!(res.status(), StatusCode::OK);
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"));
    let needle = format!("convention-{number}.pdf");
    assert!(bytes.windows(needle.len()).any(|w| w == needle.as_bytes()));
    let res = download(app, &app.login("gestionnaire2").await, &zip_path).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

on_both_backends!(printing_follows_the_centre_and_the_amendments);

/// On the day after the end, the certificate gives the effective duration,
/// once every party signed the agreement (SIG-10).
#[actix_web::test]
async fn the_certificate_comes_after_the_end() {
    let app = TestApp::spawn_on(
        Backend::Sqlite,
        chrono::NaiveDate::from_ymd_opt(2027, 3, 27).unwrap(),
    )
    .await;
    let (id, mut conv) = validated(&app).await;
    let student = app.login("etudiant").await;
    let certificate = format!("/api/conventions/{id}/certificate");
    let res = download(&app, &student, &certificate).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(rules(&problem), ["SIG-10"]);
    let manager = app.login("gestionnaire").await;
    let scan = download(&app, &manager, &format!("/api/conventions/{id}/pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    for party in ["student", "host_signatory", "tutor", "supervisor", "school"] {
        let res = app
            .client
            .post(app.url(&format!(
                "/api/conventions/{id}/signature/paper/{party}?signed_on=2027-03-27"
            )))
            .bearer_auth(&manager)
            .header("If-Match", format!("\"{}\"", version(&conv)))
            .body(scan.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        conv = res.json().await.unwrap();
    }
    let res = download(&app, &student, &certificate).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.bytes().await.unwrap().starts_with(b"%PDF"));
    app.stop().await;
}
