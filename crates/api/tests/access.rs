//! Who may do what, endpoint by endpoint: each role against each endpoint,
//! on both backends. Someone who may not see a convention gets 404, not
//! 403, so that its existence does not leak. Rows that change state come
//! after the refused attempts on the same endpoint.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, fill_a_convention};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// One request and the status it must get.
struct Row {
    who: &'static str,
    method: Method,
    path: String,
    body: Option<Value>,
    /// Where to read the ETag to send as If-Match (`None`: no If-Match).
    version_of: Option<String>,
    expect: u16,
}

fn row(who: &'static str, method: Method, path: &str, expect: u16) -> Row {
    Row {
        who,
        method,
        path: path.to_owned(),
        body: None,
        version_of: None,
        expect,
    }
}

impl Row {
    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }

    fn if_match(mut self, resource: &str) -> Self {
        self.version_of = Some(resource.to_owned());
        self
    }
}

const PEOPLE: [&str; 7] = [
    "etudiant",
    "etudiant2",
    "enseignant",
    "enseignant2",
    "gestionnaire",
    "gestionnaire2",
    "admin",
];

async fn every_role_gets_what_it_may(app: &TestApp) {
    let mut people = Vec::new();
    for name in PEOPLE {
        people.push((name, As::new(app, name).await));
    }
    let person = |name: &str| &people.iter().find(|(n, _)| *n == name).unwrap().1;
    let admin = person("admin");

    // The student's convention, created, with the demo supervisor.
    let conv = fill_a_convention(person("etudiant")).await;
    let id = conv["id"].as_i64().unwrap();
    let (status, _) = person("etudiant")
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(conv["version"].as_i64().unwrap()),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let c = format!("/api/conventions/{id}");
    let org = conv["parties"]["organisation_id"].as_i64().unwrap();
    let o = format!("/api/organisations/{org}");
    let (_, ticket) = person("etudiant")
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Question", "body": "Ma convention est-elle complète ?", "convention_id": id})),
        )
        .await;
    let t = format!("/api/tickets/{}", ticket["id"]);
    let (_, centres) = admin.get("/api/centres").await;
    let sciences = centres
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Centre de gestion UFR Sciences et Technologies")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let centre = format!("/api/centres/{sciences}");
    let theme = json!({"code": "agri", "label": "Agriculture"});
    let centre_body = {
        let (_, c) = admin.get(&centre).await;
        json!({
            "name": c["name"], "level": c["level"], "is_fallback": c["is_fallback"],
            "street": c["street"], "postal_code": c["postal_code"], "city": c["city"],
            "country_code": c["country_code"], "email": c["email"], "phone": c["phone"],
            "signatory_name": c["signatory_name"], "signatory_position": c["signatory_position"],
            "settings": c["settings"]
        })
    };
    let org_body = json!({
        "name": "Société Générale d'Ingénierie", "siret": "73282932000074", "naf_code": "71.12B",
        "headcount": 120, "kind": "private_company", "street": "12 rue de la République",
        "postal_code": "25000", "city": "Besançon", "phone": "03 81 00 00 00"
    });

    let table = vec![
        // The convention itself: visible to its student, its supervisor,
        // its centre's managers and admins; 404 for everyone else.
        row("anonymous", Method::GET, &c, 401),
        row("etudiant", Method::GET, &c, 200),
        row("etudiant2", Method::GET, &c, 404),
        row("enseignant", Method::GET, &c, 200),
        row("enseignant2", Method::GET, &c, 404),
        row("gestionnaire", Method::GET, &c, 200),
        row("gestionnaire2", Method::GET, &c, 404),
        row("admin", Method::GET, &c, 200),
        row("etudiant2", Method::GET, &format!("{c}/history"), 404),
        row(
            "gestionnaire2",
            Method::GET,
            &format!("{c}/amendments"),
            404,
        ),
        row("enseignant", Method::GET, &format!("{c}/history"), 200),
        // Editing: the supervisor reads and validates, never edits.
        row("enseignant", Method::PUT, &format!("{c}/tutor"), 403)
            .body(json!({"contact_id": conv["parties"]["tutor_id"]}))
            .if_match(&c),
        row("etudiant2", Method::PUT, &format!("{c}/tutor"), 404)
            .body(json!({"contact_id": conv["parties"]["tutor_id"]}))
            .if_match(&c),
        row("gestionnaire", Method::PUT, &format!("{c}/tutor"), 200)
            .body(json!({"contact_id": conv["parties"]["tutor_id"]}))
            .if_match(&c),
        // Validation: never the student; the supervisor gives the
        // pedagogical level only.
        row(
            "etudiant",
            Method::POST,
            &format!("{c}/validations/pedagogical"),
            403,
        )
        .if_match(&c),
        row(
            "gestionnaire2",
            Method::POST,
            &format!("{c}/validations/pedagogical"),
            404,
        )
        .if_match(&c),
        row(
            "enseignant2",
            Method::POST,
            &format!("{c}/validations/pedagogical"),
            404,
        )
        .if_match(&c),
        row(
            "enseignant",
            Method::POST,
            &format!("{c}/validations/pedagogical"),
            200,
        )
        .if_match(&c),
        row(
            "enseignant",
            Method::POST,
            &format!("{c}/validations/administrative"),
            403,
        )
        .if_match(&c),
        row(
            "etudiant",
            Method::DELETE,
            &format!("{c}/validations/pedagogical"),
            403,
        )
        .if_match(&c),
        row(
            "enseignant",
            Method::DELETE,
            &format!("{c}/validations/pedagogical"),
            200,
        )
        .if_match(&c),
        // Rejection: staff and the supervisor, not the student.
        row("etudiant", Method::POST, &format!("{c}/reject"), 403)
            .body(json!({"reason": "x"}))
            .if_match(&c),
        // Deleting: not the supervisor nor outsiders; the student may
        // while nothing is validated (done last, below).
        row("enseignant", Method::DELETE, &c, 403).if_match(&c),
        row("gestionnaire2", Method::DELETE, &c, 404).if_match(&c),
        // Searches are scoped, never refused.
        row("etudiant2", Method::GET, "/api/conventions", 200),
        row("anonymous", Method::GET, "/api/conventions", 401),
        // Reference tables: everyone reads, admins write.
        row("etudiant", Method::GET, "/api/nomenclatures/theme", 200),
        row(
            "gestionnaire",
            Method::POST,
            "/api/nomenclatures/theme",
            403,
        )
        .body(theme.clone()),
        row("admin", Method::POST, "/api/nomenclatures/theme", 201).body(theme),
        // The minimum hourly rates (GRAT-02): everyone reads, admins write.
        row("etudiant", Method::GET, "/api/hourly-rates", 200),
        row("anonymous", Method::GET, "/api/hourly-rates", 401),
        row("gestionnaire", Method::POST, "/api/hourly-rates/2027", 403)
            .body(json!({"cents": 450, "source": "test"})),
        row("admin", Method::POST, "/api/hourly-rates/2027", 201)
            .body(json!({"cents": 450, "source": "test"})),
        // Centres: admins create and organise; managers edit their own.
        row("gestionnaire", Method::POST, "/api/centres", 403).body(centre_body.clone()),
        row("gestionnaire2", Method::PUT, &centre, 403)
            .body(centre_body.clone())
            .if_match(&centre),
        row("gestionnaire", Method::PUT, &centre, 200)
            .body(centre_body)
            .if_match(&centre),
        row(
            "gestionnaire",
            Method::PUT,
            &format!("{centre}/organisation"),
            403,
        )
        .body(json!({"staff": [], "routes": []}))
        .if_match(&centre),
        // Organisations: a student does not rewrite a record others made;
        // its history and deactivation are staff work.
        row("etudiant", Method::PUT, &o, 403)
            .body(org_body.clone())
            .if_match(&o),
        row("etudiant", Method::GET, &format!("{o}/history"), 403),
        row("gestionnaire", Method::GET, &format!("{o}/history"), 200),
        row("etudiant", Method::DELETE, &o, 403).if_match(&o),
        row("gestionnaire2", Method::PUT, &o, 200)
            .body(org_body)
            .if_match(&o),
        // Students: each sees their own record only.
        row(
            "etudiant2",
            Method::GET,
            &format!("/api/students/{}", conv["student_id"]),
            404,
        ),
        row(
            "etudiant",
            Method::GET,
            &format!("/api/students/{}", conv["student_id"]),
            200,
        ),
        row(
            "gestionnaire",
            Method::GET,
            &format!("/api/students/{}", conv["student_id"]),
            200,
        ),
        row(
            "gestionnaire2",
            Method::GET,
            &format!("/api/students/{}", conv["student_id"]),
            404,
        ),
        // Tickets: read by their author, the staff of its centre and the
        // administrators; answered by that staff.
        row("etudiant2", Method::GET, &t, 404),
        row("gestionnaire2", Method::GET, &t, 404),
        row("gestionnaire2", Method::POST, &format!("{t}/answer"), 404)
            .body(json!({"answer": "oui"}))
            .if_match(&t),
        row("admin", Method::GET, &t, 200),
        row("etudiant", Method::POST, &format!("{t}/answer"), 403)
            .body(json!({"answer": "oui"}))
            .if_match(&t),
        row("gestionnaire", Method::POST, &format!("{t}/answer"), 200)
            .body(json!({"answer": "Oui, elle est complète."}))
            .if_match(&t),
        row("etudiant", Method::POST, &format!("{t}/close"), 200).if_match(&t),
        // Last: the student deletes the convention nobody validated.
        row("etudiant", Method::DELETE, &c, 204).if_match(&c),
    ];

    let mut failures = Vec::new();
    for r in table {
        let mut req = app.client.request(r.method.clone(), app.url(&r.path));
        if r.who != "anonymous" {
            req = req.bearer_auth(&person(r.who).token);
        }
        if let Some(resource) = &r.version_of {
            let res = app
                .client
                .get(app.url(resource))
                .bearer_auth(&admin.token)
                .send()
                .await
                .unwrap();
            let etag = res.headers()["etag"].to_str().unwrap().to_owned();
            req = req.header("If-Match", etag);
        }
        if let Some(body) = &r.body {
            req = req.json(body);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        if status != r.expect {
            let body = res.text().await.unwrap_or_default();
            failures.push(format!(
                "{} {} {}: expected {}, got {status} {body}",
                r.who, r.method, r.path, r.expect
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every convention id of a listing, page after page.
async fn listed(person: &As<'_>) -> std::collections::BTreeSet<i64> {
    let mut ids = std::collections::BTreeSet::new();
    let mut path = "/api/conventions?limit=100".to_owned();
    loop {
        let (status, page) = person.get(&path).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        for item in page["items"].as_array().unwrap() {
            ids.insert(item["id"].as_i64().unwrap());
        }
        match page["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/conventions?limit=100&cursor={cursor}"),
            None => return ids,
        }
    }
}

/// Two places decide who sees a convention: the domain's relation (a
/// convention read by id, 404 when it is `None`) and its SQL twin, the
/// listing's filter. For each person, the conventions listed are exactly
/// those they may read one by one.
async fn the_listing_shows_what_the_domain_lets_each_person_read(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    fill_a_convention(&student).await;
    let admin = As::new(app, "admin").await;
    let every = listed(&admin).await;
    assert!(every.len() >= 2, "{every:?}");
    let mut partial = 0;
    for name in PEOPLE {
        let person = As::new(app, name).await;
        let mut readable = std::collections::BTreeSet::new();
        for id in &every {
            let (status, _) = person.get(&format!("/api/conventions/{id}")).await;
            match status {
                StatusCode::OK => {
                    readable.insert(*id);
                }
                StatusCode::NOT_FOUND => {}
                other => panic!("{name} reading {id}: {other}"),
            }
        }
        assert_eq!(listed(&person).await, readable, "{name}");
        if !readable.is_empty() && readable.len() < every.len() {
            partial += 1;
        }
    }
    // Not vacuous: some people see some conventions and not others.
    assert!(partial >= 2, "{partial}");
}

on_both_backends!(
    every_role_gets_what_it_may,
    the_listing_shows_what_the_domain_lets_each_person_read
);
