//! What an attacker or a crowd tries on the production path: bounded
//! searches, a statement time limit, control characters, host records a
//! student should no longer change, and the headers browsers rely on.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestApp;
use common::flows::{As, fill_a_convention, rules, version};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn field(problem: &Value) -> String {
    problem["violations"][0]["field"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Every free-text search parameter is bounded, and a refusal names it.
async fn searches_are_bounded_and_name_the_parameter(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let manager = As::new(app, "gestionnaire").await;
    let many = (0..9)
        .map(|i| format!("mot{i}"))
        .collect::<Vec<_>>()
        .join("+");
    let long = "a".repeat(201);
    for (who, path, param) in [
        (&manager, "/api/conventions?q=", "q"),
        (&manager, "/api/students?q=", "q"),
        (&student, "/api/organisations?name=", "name"),
        (&student, "/api/organisations?address=", "address"),
        (&student, "/api/organisations?service=", "service"),
        (&student, "/api/offers?q=", "q"),
        (&student, "/api/offers?place=", "place"),
        (&student, "/api/supervisors?q=", "q"),
        (&student, "/api/nomenclatures/theme?q=", "q"),
    ] {
        for text in [&many, &long] {
            let (status, problem) = who.get(&format!("{path}{text}")).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {problem}");
            assert_eq!(rules(&problem), ["SEARCH-03"], "{path}: {problem}");
            assert_eq!(field(&problem), param, "{path}: {problem}");
        }
        // Punctuation alone finds nothing rather than everything.
        let (status, problem) = who.get(&format!("{path}%27+-+.+%21")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {problem}");
        assert_eq!(rules(&problem), ["SEARCH-04"], "{path}: {problem}");
        // Eight words is a search like any other.
        let eight = (0..8)
            .map(|i| format!("m{i}"))
            .collect::<Vec<_>>()
            .join("+");
        let (status, problem) = who.get(&format!("{path}{eight}")).await;
        assert_eq!(status, StatusCode::OK, "{path}: {problem}");
    }
    // Any parameter has a length limit, opaque cursors included.
    let (status, problem) = manager
        .get(&format!("/api/conventions?cursor={}", "x".repeat(1025)))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(rules(&problem), ["QUERY-02"]);
    assert_eq!(field(&problem), "cursor");
}

/// Searches cannot take the database from everyone else: the long ones
/// that once ran for seconds are refused at once, and when every search
/// turn is taken, a further search waits briefly then answers 503, while
/// health checks and sign-in go straight through.
async fn a_crowd_of_searches_does_not_starve_sign_in(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let long: String = (0..230).map(|i| format!("mot{i} ")).collect();
    let path = format!("/api/organisations?name={}", long.trim());
    let start = std::time::Instant::now();
    let searches = (0..10).map(|_| student.get(&path));
    for (status, problem) in futures_util::future::join_all(searches).await {
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    }
    assert!(start.elapsed() < std::time::Duration::from_secs(3));

    // Every search turn taken (as by slow searches).
    let turns = app.state.searches.available_permits();
    assert!((1..4).contains(&turns), "at most half a pool of 4: {turns}");
    let held = app
        .state
        .searches
        .clone()
        .acquire_many_owned(u32::try_from(turns).unwrap())
        .await
        .unwrap();
    let start = std::time::Instant::now();
    let health = app.client.get(app.url("/api/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let login = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "gestionnaire", "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), StatusCode::OK);
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
    let res = app
        .client
        .get(app.url("/api/organisations?name=societe"))
        .bearer_auth(&student.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.headers()["retry-after"], "1");
    drop(held);
    let (status, _) = student.get("/api/organisations?name=societe").await;
    assert_eq!(status, StatusCode::OK);
}

/// PostgreSQL refuses NUL in text: every way in refuses it first, with a
/// 400 naming the field, and nothing is stored.
async fn control_characters_are_refused_at_the_boundary(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let (status, problem) = student
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Erreur\u{0}", "body": "Le SIRET est faux."})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(rules(&problem), ["TEXT-01"]);
    assert_eq!(field(&problem), "subject");
    let (_, found) = student.get("/api/organisations?limit=1").await;
    let org = found["items"][0]["id"].as_i64().unwrap();
    let (status, problem) = student
        .post(
            &format!("/api/organisations/{org}/services"),
            None,
            Some(json!({"name": "Équipe", "street": "1 rue\u{1b}[2J", "postal_code": "75002", "city": "Paris"})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(field(&problem), "street");
    // A script the agreements cannot print as written is refused where it
    // is typed, in the caller's language (TEXT-02); Chinese prints.
    let (status, problem) = student
        .post(
            &format!("/api/organisations/{org}/services"),
            None,
            Some(json!({"name": "قسم الهندسة", "street": "1 rue", "postal_code": "75002", "city": "Paris"})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(rules(&problem), ["TEXT-02"]);
    assert_eq!(field(&problem), "name");
    assert!(problem.to_string().contains("U+0642"), "{problem}");
    let (status, service) = student
        .post(
            &format!("/api/organisations/{org}/services"),
            None,
            Some(json!({"name": "研发部", "street": "1 rue", "postal_code": "75002", "city": "Paris"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{service}");
    // Tabs and line breaks are text.
    let (status, ticket) = student
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Deux lignes", "body": "Ligne 1\r\nLigne 2\tfin"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ticket}");
    // In a query string and in a path.
    let manager = As::new(app, "gestionnaire").await;
    let (status, problem) = manager.get("/api/conventions?number=%00").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(field(&problem), "number");
    let admin = As::new(app, "admin").await;
    let (status, problem) = admin
        .put(
            "/api/nomenclatures/theme/comp%00uting",
            1,
            json!({"label": "x", "active": true}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    assert_eq!(rules(&problem), ["TEXT-01"]);
    // A registry line with one is refused alone.
    let csv = "student_number;last_name;first_name;email;ine;academic_year;programme_code;programme_label;faculty_code;faculty_label;teaching_hours\n\
               31000009;Nul\u{0};Zoé;;;2026-2027;M1-INFO;Master 1 Informatique;UFR-ST;UFR Sciences et Technologies;450\n";
    let report: Value = app
        .client
        .post(app.url("/api/admin/enrolments"))
        .bearer_auth(&admin.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["errors"][0]["field"], "last_name", "{report}");
    assert_eq!(report["students_created"], 0);
}

/// Once a created convention names a contact as its tutor, its student
/// can no longer change it (she could give her own address and receive the
/// tutor's evaluation link); staff can, and it is audited.
async fn a_tutor_named_by_a_created_convention_is_changed_by_staff_only(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let id = conv["id"].as_i64().unwrap();
    let service = conv["parties"]["host_service_id"].as_i64().unwrap();
    let (status, contact) = student
        .post(
            &format!("/api/services/{service}/contacts"),
            None,
            Some(json!({"last_name": "Tuteur", "first_name": "Jean", "position": "Ingénieur", "email": "jean.tuteur@sgi-ingenierie.fr", "phone": "03 81 11 22 34"})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{contact}");
    let contact_id = contact["id"].as_i64().unwrap();
    let (status, conv) = student
        .put(
            &format!("/api/conventions/{id}/tutor"),
            version(&conv),
            json!({"contact_id": contact_id}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{conv}");
    let body = |email: &str| json!({"last_name": "Tuteur", "first_name": "Jean", "position": "Ingénieur", "email": email, "phone": "03 81 11 22 34"});
    // A draft's contact she created is still hers to correct.
    let (status, contact) = student
        .put(
            &format!("/api/contacts/{contact_id}"),
            version(&contact),
            body("j.tuteur@sgi-ingenierie.fr"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{contact}");
    let (status, _) = student
        .post(
            &format!("/api/conventions/{id}/submit"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, problem) = student
        .put(
            &format!("/api/contacts/{contact_id}"),
            version(&contact),
            body("camille.martin@example.org"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), ["PERM-15"]);
    let manager = As::new(app, "gestionnaire").await;
    let (status, changed) = manager
        .put(
            &format!("/api/contacts/{contact_id}"),
            version(&contact),
            body("jean.tuteur@sgi.fr"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["email"], "jean.tuteur@sgi.fr");
}

/// A body that is not JSON under a JSON-looking name is refused.
async fn only_json_media_types_are_read_as_json(app: &TestApp) {
    let student = As::new(app, "etudiant").await;
    for (content_type, expected) in [
        ("application/jsonfoo", StatusCode::UNSUPPORTED_MEDIA_TYPE),
        ("text/plain", StatusCode::UNSUPPORTED_MEDIA_TYPE),
        ("application/json; charset=utf-8", StatusCode::CREATED),
    ] {
        let res = app
            .client
            .post(app.url("/api/tickets"))
            .bearer_auth(&student.token)
            .header("content-type", content_type)
            .body(r#"{"subject": "Type", "body": "Corps"}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), expected, "{content_type}");
    }
}

/// Responses tell browsers not to sniff, frame, leak or keep them.
async fn responses_carry_the_security_headers(app: &TestApp) {
    let res = app.client.get(app.url("/api/health")).send().await.unwrap();
    let h = res.headers();
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "same-origin");
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant", "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["cache-control"], "no-store");
    let token = res.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let res = app
        .client
        .get(app.url("/api/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["cache-control"], "no-store");
    // The static guides keep their own style sheet, and run no script.
    let res = app
        .client
        .get(app.url("/docs/guide-utilisateur.html"))
        .send()
        .await
        .unwrap();
    let csp = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("style-src 'self' 'unsafe-inline'"), "{csp}");
    assert!(csp.contains("script-src 'none'"), "{csp}");
    // Errors too, even those no handler produced.
    let res = app
        .client
        .get(app.url("/api/nowhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

/// A logo is checked by its content: a PNG signature followed by a page
/// is not an image.
async fn a_logo_is_an_image_by_its_content(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let (_, centres) = admin.get("/api/centres").await;
    let centre = centres[0]["id"].as_i64().unwrap();
    let mut fake = b"\x89PNG\r\n\x1a\n".to_vec();
    fake.extend_from_slice(b"<html><script>alert(1)</script></html>");
    let put = |bytes: Vec<u8>| {
        app.client
            .put(app.url(&format!("/api/centres/{centre}/logo")))
            .bearer_auth(&admin.token)
            .header("content-type", "image/png")
            .body(bytes)
            .send()
    };
    let res = put(fake).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        40,
        20,
        image::Rgb([0, 80, 160]),
    ))
    .write_to(&mut png, image::ImageOutputFormat::Png)
    .unwrap();
    let res = put(png).await.unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = app
        .client
        .request(Method::GET, app.url(&format!("/api/centres/{centre}/logo")))
        .bearer_auth(&admin.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
}

/// A manager reads the tickets of the centres they manage, not every
/// centre's; administrators read all.
async fn a_manager_reads_the_tickets_of_their_centres(app: &TestApp) {
    let (id, _) = common::flows::submitted(app).await;
    let student = As::new(app, "etudiant").await;
    let (status, ticket) = student
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Ma convention", "body": "Est-elle complète ?", "convention_id": id})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{ticket}");
    let (status, general) = student
        .post(
            "/api/tickets",
            None,
            Some(json!({"subject": "Une question", "body": "Sans convention précise."})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{general}");
    // Without a convention, the ticket goes to the centre of the author's
    // latest convention.
    assert_eq!(general["centre_id"], ticket["centre_id"]);
    let ids = |page: &Value| -> Vec<i64> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().unwrap())
            .collect()
    };
    let mine = [
        ticket["id"].as_i64().unwrap(),
        general["id"].as_i64().unwrap(),
    ];
    for (who, sees) in [
        ("gestionnaire", true),
        ("gestionnaire2", false),
        ("admin", true),
    ] {
        let (_, page) = As::new(app, who).await.get("/api/tickets").await;
        for id in mine {
            assert_eq!(ids(&page).contains(&id), sees, "{who}: {page}");
        }
    }
}

/// Moving a draft to an enrolment another centre manages is creating it
/// there: that centre's "students may create" is checked again.
async fn a_draft_moved_to_another_centre_follows_its_rules(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let csv = "student_number;last_name;first_name;email;ine;academic_year;programme_code;programme_label;faculty_code;faculty_label;teaching_hours\n\
               22401234;Martin;Camille;camille.martin@etu.univ-demo.fr;;2026-2027;L3-LEA;Licence 3 LEA;UFR-LLSH;UFR LLSH;\n";
    let res = app
        .client
        .post(app.url("/api/admin/enrolments"))
        .bearer_auth(&admin.token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let (_, centres) = admin.get("/api/centres").await;
    let humanities = centres
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().contains("Lettres"))
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let (_, centre) = admin.get(&format!("/api/centres/{humanities}")).await;
    let mut body = centre.clone();
    body["settings"]["students_may_create"] = json!(false);
    for field in ["id", "staff", "routes", "has_logo", "version"] {
        body.as_object_mut().unwrap().remove(field);
    }
    let (status, changed) = admin
        .put(
            &format!("/api/centres/{humanities}"),
            version(&centre),
            body,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{changed}");

    let student = As::new(app, "etudiant").await;
    let conv = fill_a_convention(&student).await;
    let step = json!({
        "enrolment": {"academic_year": "2026-2027", "programme_code": "L3-LEA"},
        "address": {"street": "4 rue des Jardins", "postal_code": "25000", "city": "Besançon", "country": "FR"},
        "health_insurance": {"fund": "CPAM du Doubs"}
    });
    let (status, problem) = student
        .put(
            &format!("/api/conventions/{}/student", conv["id"]),
            version(&conv),
            step,
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{problem}");
    assert_eq!(rules(&problem), ["PERM-10"]);
    let (_, after) = student
        .get(&format!("/api/conventions/{}", conv["id"]))
        .await;
    assert_eq!(after["centre"]["id"], conv["centre"]["id"]);
}

/// Validation levels changed after conventions exist: their stored status
/// follows at once, so searches and statistics see it.
async fn changing_validation_levels_restates_the_conventions(app: &TestApp) {
    let (id, conv) = common::flows::validated(app).await;
    let admin = As::new(app, "admin").await;
    let manager = As::new(app, "gestionnaire").await;
    let centre_id = conv["centre"]["id"].as_i64().unwrap();
    let set_levels = |levels: Value| {
        let admin = &admin;
        async move {
            let (_, centre) = admin.get(&format!("/api/centres/{centre_id}")).await;
            let mut body = centre.clone();
            body["settings"]["validation_levels"] = levels;
            for field in ["id", "staff", "routes", "has_logo", "version"] {
                body.as_object_mut().unwrap().remove(field);
            }
            let (status, changed) = admin
                .put(&format!("/api/centres/{centre_id}"), version(&centre), body)
                .await;
            assert_eq!(status, StatusCode::OK, "{changed}");
        }
    };
    let found = |status: &'static str| {
        let manager = &manager;
        async move {
            let (_, page) = manager
                .get(&format!("/api/conventions?status={status}"))
                .await;
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["id"] == json!(id))
        }
    };
    assert!(found("validated").await);
    // Its circuit went out for signature.
    let (status, sent) = manager
        .post(
            &format!("/api/conventions/{id}/signature/send"),
            Some(version(&conv)),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{sent}");
    assert_eq!(sent["signature"]["status"], "out_for_signature");
    set_levels(json!([
        "pedagogical",
        "administrative_check",
        "administrative"
    ]))
    .await;
    assert!(!found("validated").await);
    assert!(found("in_validation").await);
    let (_, view) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(view["status"], "in_validation");
    assert_eq!(view["signature"], Value::Null);
    set_levels(json!(["pedagogical", "administrative"])).await;
    assert!(found("validated").await);
    // No longer validated, the circuit sent was voided; validated again, a
    // new one opens, to be sent with the agreement as it is now.
    let (_, view) = manager.get(&format!("/api/conventions/{id}")).await;
    assert_eq!(view["signature"]["status"], "not_sent", "{view}");
    assert_ne!(view["signature"]["id"], sent["signature"]["id"]);
}

/// A disabled account or a removed role stops working at the next
/// request, not when the access token expires; an API token made before
/// every token had an expiry stops at the longest lifetime.
async fn accounts_are_read_on_every_request(app: &TestApp) {
    use diesel::prelude::*;
    use stages_api::db::schema::{api_tokens, users};
    let manager = As::new(app, "gestionnaire").await;
    let (status, _) = manager.get("/api/centres").await;
    assert_eq!(status, StatusCode::OK);
    let mut conn = app.pool.get().unwrap();
    // The directory no longer says "staff": the manager role is gone.
    diesel::update(users::table.filter(users::username.eq("gestionnaire")))
        .set(users::affiliation.eq("member"))
        .execute(&mut conn)
        .unwrap();
    let (status, me) = manager.get("/api/me").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["roles"], json!([]), "{me}");
    let (status, _) = manager.get("/api/statistics?academic_year=2026-2027").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Searches whose query is refused, by the query string's reader or by
    // the search's own checks: 400 while the account lets its owner in.
    let malformed = [
        "/api/students?limit=many",
        "/api/conventions?cursor=not-a-cursor",
        "/api/offers?status=lost",
        "/api/organisations?siret=12",
        "/api/evaluations?status=draft",
        "/api/statistics?academic_year=last-year",
        "/api/statistics/export?academic_year=2026-2027&format=pdf",
        // Routes that read the caller beside the query string.
        "/api/tickets?limit=many",
        "/api/admin/users?limit=many",
        "/api/evaluations/export?centre_id=first&academic_year=2026-2027&kind=student",
    ];
    for path in malformed {
        let (status, problem) = manager.get(path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {problem}");
        assert_ne!(field(&problem), "", "{path} names its parameter: {problem}");
    }
    // A path segment that does not read: beside the credentials alone,
    // and beside the caller.
    let malformed_paths = ["/api/students/abc", "/api/conventions/abc"];
    for path in malformed_paths {
        let (status, problem) = manager.get(path).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}: {problem}");
        assert_eq!(field(&problem), "path", "{path}: {problem}");
    }
    // A body that does not read, beside the caller.
    let wrong_body = json!({"name": 12});
    let (status, problem) = manager
        .post("/api/organisations", None, Some(wrong_body.clone()))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
    // Disabled: refused at once, whatever the request asks.
    diesel::update(users::table.filter(users::username.eq("gestionnaire")))
        .set(users::active.eq(false))
        .execute(&mut conn)
        .unwrap();
    let (status, _) = manager.get("/api/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    for path in malformed.iter().chain(&malformed_paths) {
        let (status, problem) = manager.get(path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}: {problem}");
    }
    let (status, problem) = manager
        .post("/api/organisations", None, Some(wrong_body))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{problem}");

    // API tokens: an expiry by default, and none outlives the maximum.
    let admin = As::new(app, "admin").await;
    let (_, me) = admin.get("/api/me").await;
    let (status, created) = admin
        .post(
            "/api/admin/api-tokens",
            None,
            Some(json!({"user_id": me["id"], "name": "Sans durée", "scopes": ["read"]})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let expires: chrono::DateTime<chrono::Utc> =
        created["expires_at"].as_str().unwrap().parse().unwrap();
    let days = (expires - chrono::Utc::now()).num_days();
    assert!((364..=365).contains(&days), "{days}");
    let token = created["token"].as_str().unwrap().to_owned();
    let call = || {
        app.client
            .get(app.url("/api/me"))
            .bearer_auth(&token)
            .send()
    };
    assert_eq!(call().await.unwrap().status(), StatusCode::OK);
    // A token of an older version, without expiry, made 731 days ago.
    diesel::update(api_tokens::table.find(created["id"].as_i64().unwrap()))
        .set((
            api_tokens::expires_at.eq(None::<chrono::NaiveDateTime>),
            api_tokens::created_at.eq(chrono::Utc::now().naive_utc() - chrono::Duration::days(731)),
        ))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(call().await.unwrap().status(), StatusCode::UNAUTHORIZED);
}

on_both_backends!(
    accounts_are_read_on_every_request,
    a_manager_reads_the_tickets_of_their_centres,
    a_draft_moved_to_another_centre_follows_its_rules,
    changing_validation_levels_restates_the_conventions,
    searches_are_bounded_and_name_the_parameter,
    a_crowd_of_searches_does_not_starve_sign_in,
    control_characters_are_refused_at_the_boundary,
    a_tutor_named_by_a_created_convention_is_changed_by_staff_only,
    only_json_media_types_are_read_as_json,
    responses_carry_the_security_headers,
    a_logo_is_an_image_by_its_content,
);

/// PostgreSQL cuts a statement past the server's time limit, and the
/// request answers 503 with Retry-After, in seconds rather than minutes.
#[actix_web::test]
async fn a_runaway_statement_is_cut_and_answers_503() {
    let app = TestApp::spawn(common::Backend::Postgres).await;
    let start = std::time::Instant::now();
    let result = app
        .state
        .db(|conn| {
            use diesel::RunQueryDsl;
            Ok(diesel::sql_query("SELECT pg_sleep(30)").execute(conn)?)
        })
        .await;
    let err = result.expect_err("cut by statement_timeout");
    assert_eq!(err.problem().status, 503, "{err}");
    let elapsed = start.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(8), "{elapsed:?}");
    let response = actix_web::ResponseError::error_response(&err);
    assert!(response.headers().contains_key("retry-after"));
    app.stop().await;
}
