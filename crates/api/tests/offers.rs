//! Offers through HTTP: staff write, publish, take back and close them;
//! students search the published ones and link one in the wizard.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, rules, version};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn offer(contact: Option<&str>) -> Value {
    json!({
        "kind": "internship",
        "title": "Analyste de données en bureau d'études",
        "description": "Tableaux de bord des chantiers, modèles de prévision ; Python et SQL.",
        "city": "Besançon",
        "postal_code": "25000",
        "country": "FR",
        "contract": null,
        "start": "2027-04-05",
        "end": "2027-09-24",
        "paid": true,
        "disability_friendly": true,
        "contact_name": "Service RH",
        "contact_email": contact
    })
}

async fn organisation_id(who: &As<'_>, name: &str) -> i64 {
    let (_, found) = who.get(&format!("/api/organisations?name={name}")).await;
    found["items"][0]["id"].as_i64().unwrap()
}

/// The ids of the offers a search finds.
async fn found(who: &As<'_>, query: &str) -> Vec<i64> {
    let (status, page) = who.get(&format!("/api/offers?{query}")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_i64().unwrap())
        .collect()
}

async fn offers_are_written_published_and_found(app: &TestApp) {
    let manager = As::new(app, "gestionnaire").await;
    let student = As::new(app, "etudiant").await;
    let host = organisation_id(&manager, "ingenierie").await;

    let (status, problem) = student
        .post(
            "/api/offers",
            None,
            Some(json!({"organisation_id": host, "offer": offer(None)})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    let mut wrong = offer(None);
    wrong["contract"] = json!("permanent");
    let (status, problem) = manager
        .post(
            "/api/offers",
            None,
            Some(json!({"organisation_id": host, "offer": wrong})),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    // The error, and what publishing will need as a warning.
    assert_eq!(rules(&problem), ["OFR-01", "FORM-01"]);
    assert_eq!(problem["violations"][0]["field"], "contract");
    assert_eq!(problem["violations"][1]["severity"], "warning");

    // A draft may lack where to apply; the view says what publishing needs.
    let (status, draft) = manager
        .post(
            "/api/offers",
            None,
            Some(json!({"organisation_id": host, "offer": offer(None)})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{draft}");
    assert_eq!(draft["status"], "draft");
    let number = draft["number"].as_str().unwrap().to_owned();
    assert!(
        number.starts_with("OF-20") && number.len() == 12,
        "{number}"
    );
    assert_eq!(draft["violations"][0]["field"], "contact_email");
    assert_eq!(
        draft["organisation"]["name"],
        "Société Générale d'Ingénierie"
    );
    let id = draft["id"].as_i64().unwrap();
    let path = format!("/api/offers/{id}");

    // Students do not see drafts.
    assert_eq!(student.get(&path).await.0, StatusCode::NOT_FOUND);
    let (status, problem) = manager
        .post(&format!("{path}/publish"), Some(version(&draft)), None)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "contact_email");

    // Another centre's manager does not touch it.
    let other = As::new(app, "gestionnaire2").await;
    let (status, problem) = other
        .put(
            &path,
            version(&draft),
            json!({"organisation_id": host, "offer": offer(Some("rh@sgi-ingenierie.fr"))}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), ["PERM-14"]);
    let (status, draft) = manager
        .put(
            &path,
            version(&draft),
            json!({"organisation_id": host, "offer": offer(Some("rh@sgi-ingenierie.fr"))}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["violations"], json!([]));
    let (status, published) = manager
        .post(&format!("{path}/publish"), Some(version(&draft)), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(published["status"], "published");
    assert!(published["published_at"].is_string());
    let (status, problem) = manager
        .post(&format!("{path}/publish"), Some(version(&published)), None)
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["OFR-02"]);

    // Students search by keywords, place, kind and dates.
    assert!(found(&student, "q=donnees+python").await.contains(&id));
    assert!(
        found(&student, "q=ingenierie").await.contains(&id),
        "the host's name"
    );
    assert!(!found(&student, "q=boulangerie").await.contains(&id));
    assert!(found(&student, "place=besancon").await.contains(&id));
    assert!(
        found(&student, "place=25").await.contains(&id),
        "the department"
    );
    assert!(!found(&student, "place=DE").await.contains(&id));
    assert!(
        found(&student, "kind=internship&from=2027-09-01")
            .await
            .contains(&id)
    );
    assert!(!found(&student, "kind=job").await.contains(&id));
    assert!(
        !found(&student, "from=2027-10-01").await.contains(&id),
        "over by then"
    );
    assert!(
        !found(&student, "until=2027-03-01").await.contains(&id),
        "not started yet"
    );
    assert_eq!(
        found(&student, &format!("number={}", number.to_lowercase())).await,
        [id]
    );
    let (status, problem) = student.get("/api/offers?kind=cdi").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(problem["violations"][0]["field"], "kind");
    let (status, _) = student.get("/api/offers?status=draft").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, view) = student.get(&path).await;
    assert_eq!(
        view["conventions"], 0,
        "students do not see the staff's figures"
    );

    // The student links it in the wizard: its host becomes the convention's.
    let (status, conv) = student
        .post(
            "/api/conventions",
            None,
            Some(json!({"academic_year": "2026-2027", "programme_code": "M1-INFO"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{conv}");
    let step = format!("/api/conventions/{}/organisation", conv["id"]);
    let (status, problem) = student
        .put(
            &step,
            version(&conv),
            json!({"offer_number": "OF-1999-0001"}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    assert_eq!(problem["violations"][0]["field"], "offer_number");
    let (status, _) = student
        .put(
            &step,
            version(&conv),
            json!({"offer_number": number, "organisation_id": host}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, conv) = student
        .put(
            &step,
            version(&conv),
            json!({"offer_number": format!(" {number} ")}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    assert_eq!(conv["parties"]["offer_id"], id);
    assert_eq!(conv["parties"]["organisation_id"], host);
    assert_eq!(
        conv["content"]["organisation"]["name"],
        "Société Générale d'Ingénierie"
    );
    assert_eq!(conv["content"]["internship"]["found_through"], "offer");
    let (_, view) = manager.get(&path).await;
    assert_eq!(view["conventions"], 1);

    // Closed as filled: no longer offered, and closed for good.
    let (status, closed) = manager
        .post(
            &format!("{path}/close"),
            Some(version(&view)),
            Some(json!({"filled": true})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert_eq!(closed["status"], "filled");
    assert!(!found(&student, "q=donnees").await.contains(&id));
    let (status, problem) = manager
        .put(
            &path,
            version(&closed),
            json!({"organisation_id": host, "offer": offer(Some("rh@sgi-ingenierie.fr"))}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    assert_eq!(rules(&problem), ["OFR-02"]);
    let (_, staff_view) = manager.get("/api/offers?status=filled").await;
    assert_eq!(staff_view["items"][0]["id"], id);
}

on_both_backends!(offers_are_written_published_and_found);

/// The demo has published offers a newcomer finds at once.
async fn the_demo_offers_are_searchable(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let (_, page) = student.get("/api/offers").await;
    let titles: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["offer"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(titles.contains(&"Stage marketing et export (allemand courant)"));
    let (_, page) = student.get("/api/offers?kind=apprenticeship").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    let manager = As::new(app, "gestionnaire").await;
    let (_, page) = manager.get("/api/offers?status=draft").await;
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
}

on_both_backends!(the_demo_offers_are_searchable);
