//! Host organisations, their services and contacts, and the reference
//! tables, through HTTP on both backends.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, rules, version};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn names(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_owned())
        .collect()
}

fn new_organisation() -> Value {
    json!({
        "name": "Laboratoire Straße & Cœur",
        "siret": "552 081 317 00000",
        "naf_code": "7219Z",
        "headcount": 25,
        "kind": "private_company",
        "legal_status_code": "57",
        "street": "3 avenue de l'Observatoire",
        "postal_code": "25000",
        "city": "Besançon",
        "phone": "03 81 11 22 33",
        "email": "contact@labo-demo.fr"
    })
}

async fn organisations_are_created_found_and_corrected(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let manager = As::new(app, "gestionnaire").await;

    // Every mandatory field of the seed is named when missing.
    let (status, problem) = student
        .post(
            "/api/organisations",
            None,
            Some(json!({"name": "", "street": "", "postal_code": "", "city": ""})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = problem["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["field"].as_str().unwrap())
        .collect();
    for field in [
        "name",
        "siret",
        "headcount",
        "kind",
        "naf_code",
        "street",
        "postal_code",
        "city",
        "phone",
    ] {
        assert!(fields.contains(&field), "{field} missing from {fields:?}");
    }

    // A dry run checks the same rules and records nothing (imports check
    // every line before creating any).
    let (status, problem) = student
        .post(
            "/api/organisations?dry_run=true",
            None,
            Some(json!({"name": "X", "street": "", "postal_code": "2500", "city": "Y"})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        problem["violations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["field"] == "postal_code"),
        "{problem}"
    );
    let (status, _) = student
        .post(
            "/api/organisations?dry_run=true",
            None,
            Some(new_organisation()),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, page) = student.get("/api/organisations?siret=55208131700000").await;
    assert_eq!(page["items"], json!([]), "a dry run recorded it");

    let (status, org) = student
        .post("/api/organisations", None, Some(new_organisation()))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{org}");
    assert_eq!(org["siret"], "55208131700000");
    assert_eq!(org["naf_code"], "72.19Z");
    assert_eq!(org["department"], "25");
    assert_eq!(
        org["legal_status_label"],
        "Société par actions simplifiée (SAS)"
    );
    let id = org["id"].as_i64().unwrap();

    // A second active organisation with the same SIRET is refused.
    let (status, problem) = manager
        .post("/api/organisations", None, Some(new_organisation()))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), vec!["ORG-01"]);
    let (status, problem) = manager
        .post(
            "/api/organisations?dry_run=true",
            None,
            Some(new_organisation()),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");

    // Found by name without accents or case, narrowed by department; by
    // SIRET or SIREN; by activity; by phone; by address.
    for (query, expected) in [
        ("name=strasse%20coeur", true),
        ("name=COEUR&department=25", true),
        ("name=coeur&department=39", false),
        ("siret=55208131700000", true),
        ("siret=552081317", true),
        ("naf=72", true),
        ("naf=72.19Z", true),
        ("phone=0381112233", true),
        ("address=observatoire", true),
    ] {
        let (status, page) = student.get(&format!("/api/organisations?{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        assert_eq!(
            names(&page).contains(&"Laboratoire Straße & Cœur".to_owned()),
            expected,
            "{query}: {page}"
        );
    }
    let (status, problem) = student.get("/api/organisations?siret=123").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["violations"][0]["field"], "siret");

    // Its creator corrects it while nobody else did; then staff only.
    let mut corrected = new_organisation();
    corrected["headcount"] = json!(30);
    let (status, _) = student
        .send(
            Method::PUT,
            &format!("/api/organisations/{id}"),
            None,
            Some(corrected.clone()),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_REQUIRED);
    let (status, org) = student
        .put(
            &format!("/api/organisations/{id}"),
            version(&org),
            corrected.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{org}");
    assert_eq!(org["headcount"], 30);
    let (status, _) = student
        .put(
            &format!("/api/organisations/{id}"),
            version(&org) - 1,
            corrected.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::PRECONDITION_FAILED);
    corrected["headcount"] = json!(31);
    let (status, org) = manager
        .put(
            &format!("/api/organisations/{id}"),
            version(&org),
            corrected.clone(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{org}");
    let (status, problem) = student
        .put(
            &format!("/api/organisations/{id}"),
            version(&org),
            corrected,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), vec!["PERM-13"]);

    let (_, history) = manager
        .get(&format!("/api/organisations/{id}/history"))
        .await;
    let actions: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, vec!["create", "update", "update"]);
    let last: Value = serde_json::from_str(history[2]["after_state"].as_str().unwrap()).unwrap();
    assert_eq!(last["headcount"], 31);

    // A service with contacts cannot be deleted; an empty one can.
    let (status, service) = student
        .post(
            &format!("/api/organisations/{id}/services"),
            None,
            Some(json!({"name": "Équipe capteurs", "street": "3 avenue de l'Observatoire", "postal_code": "25000", "city": "Besançon"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{service}");
    let service_id = service["id"].as_i64().unwrap();
    let (status, contact) = student
        .post(
            &format!("/api/services/{service_id}/contacts"),
            None,
            Some(json!({"last_name": "Weiß", "first_name": "Jürgen", "position": "Ingénieur", "email": "j.weiss@labo-demo.fr", "phone": "03 81 11 22 34"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    let (status, problem) = student
        .send(
            Method::DELETE,
            &format!("/api/services/{service_id}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), vec!["SRV-01"]);
    let (_, found) = student.get("/api/organisations?service=capteurs").await;
    assert_eq!(names(&found), vec!["Laboratoire Straße & Cœur"]);

    // Deactivated organisations are no longer offered.
    let (status, _) = manager
        .send(
            Method::DELETE,
            &format!("/api/organisations/{id}"),
            Some(version(&org)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    // Staff may still ask for it; a student asking is not heard.
    let lab = "Laboratoire Straße & Cœur".to_owned();
    for (who, query, expected) in [
        (&student, "name=coeur", false),
        (&student, "name=coeur&include_inactive=true", false),
        (&manager, "name=coeur", false),
        (&manager, "name=coeur&include_inactive=true", true),
    ] {
        let (status, page) = who.get(&format!("/api/organisations?{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        assert_eq!(names(&page).contains(&lab), expected, "{query}: {page}");
    }
}

async fn lists_are_paged_with_a_cursor(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let (_, first) = student.get("/api/organisations?limit=2").await;
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    let (_, second) = student
        .get(&format!("/api/organisations?limit=2&cursor={cursor}"))
        .await;
    let (one, two) = (names(&first), names(&second));
    assert!(!two.is_empty());
    assert!(one.iter().all(|n| !two.contains(n)));
    assert!(one.last().unwrap() <= two.first().unwrap());
    let (status, _) = student.get("/api/organisations?limit=1000").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = student.get("/api/organisations?cursor=garbage").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

async fn reference_tables_hold_real_values_and_keep_signed_labels(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let (_, kinds) = admin.get("/api/nomenclatures").await;
    let naf = kinds
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kind"] == "naf")
        .unwrap();
    assert_eq!(naf["values"], 732);
    let (_, found) = admin
        .get("/api/nomenclatures/naf?q=programmation%20informatique")
        .await;
    assert!(
        found["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["code"] == "62.01Z"),
        "{found}"
    );
    let (_, countries) = admin.get("/api/nomenclatures/country?q=allemagne").await;
    assert_eq!(countries["items"][0]["code"], "DE");

    // System lists cannot grow; a value is renamed with If-Match.
    let (status, _) = admin
        .post(
            "/api/nomenclatures/convention_type",
            None,
            Some(json!({"code": "x", "label": "X"})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, themes) = admin.get("/api/nomenclatures/theme?q=informatique").await;
    let theme = themes["items"][0].clone();
    let (status, renamed) = admin
        .put(
            "/api/nomenclatures/theme/computing",
            version(&theme),
            json!({"label": "Informatique, numérique, données", "label_en": "Computing", "active": true}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{renamed}");
    assert_eq!(renamed["label"], "Informatique, numérique, données");
}

/// Requests that read then write, sent at once, all land: on SQLite they
/// take turns instead of failing on a stale read snapshot.
async fn simultaneous_writes_all_land(app: &TestApp) {
    let manager = As::new(app, "gestionnaire").await;
    let (_, found) = manager.get("/api/organisations?limit=1").await;
    let id = found["items"][0]["id"].as_i64().unwrap();
    let creations = (0..12).map(|i| {
        let manager = &manager;
        async move {
            manager
                .post(
                    &format!("/api/organisations/{id}/services"),
                    None,
                    Some(json!({"name": format!("Équipe {i}"), "street": "1 rue de la Paix", "postal_code": "75002", "city": "Paris"})),
                )
                .await
        }
    });
    for (status, body) in futures_util::future::join_all(creations).await {
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
    let (_, services) = manager
        .get(&format!("/api/organisations/{id}/services"))
        .await;
    let names: Vec<&str> = services
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["name"].as_str())
        .filter(|n| n.starts_with("Équipe "))
        .collect();
    assert_eq!(names.len(), 12, "{services}");
}

/// ID-01 over the SIRET and its SIREN: a number whose 14 digits pass Luhn
/// but whose first nine do not is refused at the field; the separators
/// people type (dots, dashes, non-breaking spaces) are dropped and the
/// number is stored bare, its SIREN beside it.
async fn a_siret_is_checked_whole_and_as_a_siren(app: &TestApp) {
    let manager = As::new(app, "gestionnaire").await;
    let mut body = new_organisation();
    body["siret"] = json!("73282931000083");
    let (status, problem) = manager
        .post("/api/organisations", None, Some(body.clone()))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let siret: Vec<&Value> = problem["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["field"] == "siret")
        .collect();
    assert_eq!(siret.len(), 1, "{problem}");
    assert_eq!(siret[0]["rule"], "ID-01");
    assert!(!siret[0]["message"].as_str().unwrap_or("").is_empty());

    body["siret"] = json!("418.670.329\u{a0}00014");
    body["name"] = json!("Établissement au SIRET saisi avec des points");
    let (status, created) = manager.post("/api/organisations", None, Some(body)).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["siret"], "41867032900014");
    assert_eq!(created["siren"], "418670329");
    let (_, found) = manager
        .get("/api/organisations?siret=418-670-329-00014")
        .await;
    assert_eq!(found["items"][0]["id"], created["id"], "{found}");
}

on_both_backends!(
    simultaneous_writes_all_land,
    organisations_are_created_found_and_corrected,
    lists_are_paged_with_a_cursor,
    reference_tables_hold_real_values_and_keep_signed_labels,
    a_siret_is_checked_whole_and_as_a_siren,
);

/// A body the OpenAPI document forbids is refused whole, with the field:
/// serde alone would read a struct from a positional array.
#[actix_web::test]
async fn a_body_the_document_forbids_changes_nothing() {
    let app = TestApp::spawn(common::Backend::Sqlite).await;
    let student = As::new(&app, "etudiant").await;
    let conv = common::flows::fill_a_convention(&student).await;
    let path = format!("/api/conventions/{}/internship", conv["id"]);
    for (field, value) in [
        ("stipend", json!([null, null])),
        ("interruptions", json!([["2027-02-01", "2027-02-02"]])),
    ] {
        let mut body = common::flows::internship();
        body[field] = value;
        let (status, problem) = student.put(&path, version(&conv), body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{field}: {problem}");
        assert_eq!(rules(&problem), ["JSON-01"], "{problem}");
        assert!(
            problem["violations"][0]["field"]
                .as_str()
                .unwrap()
                .starts_with(field),
            "{problem}"
        );
    }
    let (_, after) = student
        .get(&format!("/api/conventions/{}", conv["id"]))
        .await;
    assert_eq!(version(&after), version(&conv));
    assert_eq!(
        after["content"]["internship"]["stipend"],
        conv["content"]["internship"]["stipend"]
    );
    app.stop().await;
}
