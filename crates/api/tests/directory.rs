//! Sign-in and the directory: the built-in source and a real OpenLDAP
//! (started by `cargo xtask test`), tokens, refresh rotation, throttling,
//! personal API tokens, the registry import.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::As;
use common::{Backend, TestApp, ldap_config};
use reqwest::StatusCode;
use serde_json::{Value, json};
use stages_api::config::Directory;

async fn login(app: &TestApp, username: &str, password: &str) -> (StatusCode, Value) {
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap();
    let status = res.status();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn ldap_app() -> TestApp {
    TestApp::spawn_with(Backend::Sqlite, Directory::Ldap(ldap_config(None))).await
}

#[actix_web::test]
async fn ldap_people_sign_in_with_their_directory_roles() {
    let app = ldap_app().await;
    let (status, body) = login(&app, "cmartin", "demo").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["user"]["display_name"], "Camille Martin");
    assert_eq!(body["user"]["roles"], json!(["student"]));
    assert_eq!(body["user"]["student_number"], "22401234");
    let (_, body) = login(&app, "pdurand", "demo").await;
    assert_eq!(body["user"]["roles"], json!(["supervisor"]));
    // Local accounts (demo, emergency admin) keep working beside LDAP.
    let (status, _) = login(&app, "admin", "demo").await;
    assert_eq!(status, StatusCode::OK);
    // The LDAP student is linked to the registry by student number: they
    // see their own record and can start a convention.
    let student = As::new(&app, "cmartin").await;
    let (_, students) = student.get("/api/students").await;
    assert_eq!(students["items"][0]["student_number"], "22401234");
    app.stop().await;
}

#[actix_web::test]
async fn wrong_password_and_unknown_user_look_the_same_and_injection_finds_nobody() {
    let app = ldap_app().await;
    let (s1, b1) = login(&app, "cmartin", "wrong").await;
    let (s2, b2) = login(&app, "nobody", "demo").await;
    let (s3, b3) = login(&app, "*)(uid=*", "demo").await;
    let (s4, b4) = login(&app, "*", "demo").await;
    for (status, body) in [(s1, &b1), (s2, &b2), (s3, &b3), (s4, &b4)] {
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert_eq!(body, &b1);
    }
    // A former staff member, affiliate only: right password, no access.
    let (status, body) = login(&app, "ancien", "demo").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["violations"][0]["rule"], "ACCOUNT-01");

    let student = As::new(&app, "cmartin").await;
    let (status, people) = student.get("/api/supervisors?q=%2A%29%28uid%3D%2A").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(people, json!([]));
    let (_, people) = student.get("/api/supervisors?q=lef").await;
    assert_eq!(people[0]["uid"], "hlefevre");
    assert_eq!(people[0]["last_name"], "Lefèvre");
    let (_, people) = student.get("/api/supervisors?q=durand").await;
    let uids: Vec<&str> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["uid"].as_str().unwrap())
        .collect();
    assert_eq!(uids, vec!["pdurand"], "students are not supervisors");
    let (status, _) = student.get("/api/supervisors?q=d").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    app.stop().await;
}

/// The directory has a person whose uid is `admin`, Stages a local
/// administrator `admin`: the directory's password never opens the local
/// account, whatever the case typed or the name the user filter accepts.
#[actix_web::test]
async fn a_directory_homonym_never_signs_in_as_a_local_account() {
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let mut config = ldap_config(None);
        // The mail address as a second sign-in name, as some universities
        // configure it: the directory then returns the canonical uid.
        config.user_filter = "(|(uid={username})(mail={username}))".into();
        let app = TestApp::spawn_with(backend, Directory::Ldap(config)).await;
        // Two tries: from a third wrong password on, the next sign-in of
        // the account from this address would wait a little.
        for typed in ["ADMIN", " aDmIn "] {
            let (status, body) = login(&app, typed, "annuaire").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{typed}: {body}");
        }
        let (status, body) = login(&app, "alain.dmin@univ-demo.fr", "annuaire").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
        assert_eq!(body["violations"][0]["rule"], "ACCOUNT-02");
        // The local administrator still signs in with the local password,
        // under any case of the name.
        let (status, body) = login(&app, "ADMIN", "demo").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["user"]["username"], "admin");
        assert!(
            body["user"]["roles"]
                .as_array()
                .unwrap()
                .contains(&json!("admin")),
            "{body}"
        );
        // Directory people are found without case as well.
        let (status, body) = login(&app, "CMartin", "demo").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["user"]["username"], "cmartin");
        app.stop().await;
    }
}

/// A wrong password for a local account and any password for an unknown
/// name cost the same time: the answer's delay does not reveal which names
/// are local accounts.
#[actix_web::test]
async fn a_local_and_an_unknown_name_take_the_same_time() {
    let app = ldap_app().await;
    let mut local = Vec::new();
    let mut unknown = Vec::new();
    let locals = ["admin", "gestionnaire", "enseignant"];
    let unknowns = ["personne", "inconnu", "nobody"];
    for i in 0..6 {
        for (name, times) in [(locals[i % 3], &mut local), (unknowns[i % 3], &mut unknown)] {
            let start = std::time::Instant::now();
            let (status, _) = login(&app, name, "not the password").await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
            times.push(start.elapsed());
        }
    }
    // The fastest of each: whatever else runs on the machine only adds
    // time, so the minimum is the cost of the path itself.
    let local = local.into_iter().min().unwrap();
    let unknown = unknown.into_iter().min().unwrap();
    // Both spend a password hash's time (tens of milliseconds); a directory
    // search alone takes a few.
    assert!(
        unknown * 2 >= local && local * 2 >= unknown,
        "local {local:?}, unknown {unknown:?}"
    );
    app.stop().await;
}

#[actix_web::test]
async fn a_directory_outage_answers_503_and_heals_without_restart() {
    let port = common::free_port();
    let real = ldap_config(None).url;
    let target = real
        .trim_start_matches("ldap://")
        .trim_end_matches('/')
        .to_owned();
    let app = TestApp::spawn_with(
        Backend::Sqlite,
        Directory::Ldap(ldap_config(Some(format!("ldap://127.0.0.1:{port}")))),
    )
    .await;
    let manager = As::new(&app, "gestionnaire").await;

    let (status, body) = login(&app, "cmartin", "demo").await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("annuaire"));
    // Everything else keeps working with valid tokens.
    let (status, _) = manager.get("/api/conventions").await;
    assert_eq!(status, StatusCode::OK);

    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    let forwarding = tokio::spawn(common::forward(listener, target));
    let (status, body) = login(&app, "cmartin", "demo").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    forwarding.abort();
    app.stop().await;
}

async fn tampered_expired_and_unsigned_tokens_are_refused(app: &TestApp) {
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let token = app.login("etudiant").await;
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut claims: Value = serde_json::from_slice(&b64.decode(&parts[1]).unwrap()).unwrap();
    claims["roles"] = json!(["admin"]);
    parts[1] = b64.encode(claims.to_string());
    let tampered = parts.join(".");
    let unsigned = format!(
        "{}.{}.",
        b64.encode(r#"{"alg":"none","typ":"JWT"}"#),
        parts[1]
    );
    claims["roles"] = json!(["student"]);
    claims["exp"] = json!(chrono::Utc::now().timestamp() - 3600);
    let expired = format!(
        "{}.{}.",
        b64.encode(r#"{"alg":"HS256","typ":"JWT"}"#),
        b64.encode(claims.to_string())
    );
    for bad in [tampered, unsigned, expired, "stg_not-a-token".to_owned()] {
        let res = app
            .client
            .get(app.url("/api/me"))
            .bearer_auth(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{bad}");
    }
}

async fn refresh_tokens_rotate_and_a_replay_ends_the_session(app: &TestApp) {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let res = client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant", "password": "demo"}))
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth"] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let first = cookie.split(';').next().unwrap().to_owned();
    // The cookie store does not send Secure cookies over http; send it by hand.
    let refresh = |value: String| {
        let url = app.url("/api/auth/refresh");
        async move {
            reqwest::Client::new()
                .post(url)
                .header("Cookie", value)
                .send()
                .await
                .unwrap()
        }
    };
    let res = refresh(first.clone()).await;
    assert_eq!(res.status(), StatusCode::OK);
    let second = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(first, second);
    let body: Value = res.json().await.unwrap();
    assert!(body["access_token"].as_str().unwrap().len() > 20);
    // The first token again: refused, and its whole sign-in with it.
    assert_eq!(refresh(first).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        refresh(second.clone()).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Sign-out revokes the new sign-in's token.
    let res = client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant", "password": "demo"}))
        .send()
        .await
        .unwrap();
    let third = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body: Value = res.json().await.unwrap();
    let access = body["access_token"].as_str().unwrap().to_owned();
    let status = |path: &'static str, token: String| async move {
        reqwest::Client::new()
            .get(app.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .status()
    };
    // A search checks the token on its own connection, with the search's
    // work (`AppState::search_as`): it must stop with the sign-in as well.
    let search = "/api/conventions?q=dupont";
    assert_eq!(status("/api/me", access.clone()).await, StatusCode::OK);
    assert_eq!(status(search, access.clone()).await, StatusCode::OK);
    let res = reqwest::Client::new()
        .post(app.url("/api/auth/logout"))
        .header("Cookie", third.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert_eq!(refresh(third).await.status(), StatusCode::UNAUTHORIZED);
    // The access token of that sign-in stops at once too.
    assert_eq!(
        status("/api/me", access.clone()).await,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(status(search, access).await, StatusCode::UNAUTHORIZED);
}

async fn repeated_failures_are_throttled(app: &TestApp) {
    for _ in 0..3 {
        let (status, _) = login(app, "etudiant", "wrong").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant", "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = res.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 0 && wait <= 900);
    // Another user from the same address is not affected.
    let (status, _) = login(app, "etudiant2", "demo").await;
    assert_eq!(status, StatusCode::OK);
}

/// Behind a reverse proxy, guessing one account from one address slows
/// that address down; the account's owner elsewhere signs in at once, and
/// a client cannot pick its address by writing the header itself.
#[actix_web::test]
async fn guessing_slows_the_guesser_not_the_owner() {
    let app = TestApp::spawn_configured(Backend::Sqlite, |config| {
        config.trusted_proxies = stages_api::config::parse_trusted_proxies("127.0.0.1").unwrap();
    })
    .await;
    let attempt = |from: &'static str, password: &'static str| {
        app.client
            .post(app.url("/api/auth/login"))
            .header("X-Forwarded-For", from)
            .json(&json!({"username": "gestionnaire", "password": password}))
            .send()
    };
    let attacker = "203.0.113.9";
    let mut statuses = Vec::new();
    for _ in 0..6 {
        statuses.push(attempt(attacker, "guess").await.unwrap().status());
    }
    assert_eq!(statuses[..3], [StatusCode::UNAUTHORIZED; 3]);
    assert_eq!(statuses[5], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
    let res = attempt(attacker, "demo").await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
    // The owner, from their own address, is not kept out.
    let res = attempt("198.51.100.7", "demo").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // Writing another address before the proxy's does not escape the wait.
    let res = attempt("198.51.100.8, 203.0.113.9", "demo").await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    app.stop().await;
}

async fn api_tokens_act_with_their_scopes_until_revoked(app: &TestApp) {
    let admin = As::new(app, "admin").await;
    let manager = As::new(app, "gestionnaire").await;
    let (_, me) = manager.get("/api/me").await;
    let (status, _) = manager
        .post(
            "/api/admin/api-tokens",
            None,
            Some(json!({"user_id": me["id"], "name": "x", "scopes": ["read"]})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, created) = admin
        .post(
            "/api/admin/api-tokens",
            None,
            Some(json!({"user_id": me["id"], "name": "Export annuel", "scopes": ["read"], "expires_in_days": 30})),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let token = created["token"].as_str().unwrap().to_owned();
    assert!(token.starts_with("stg_"));
    let call = |method: reqwest::Method, path: &str| {
        app.client
            .request(method, app.url(path))
            .bearer_auth(&token)
            .json(&json!({"subject": "x", "body": "y"}))
            .send()
    };
    let res = call(reqwest::Method::GET, "/api/me").await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let me_by_token: Value = res.json().await.unwrap();
    assert_eq!(me_by_token["username"], "gestionnaire");
    assert_eq!(me_by_token["roles"], json!(["manager"]));
    // A search lets the token in on its own connection, read-only.
    let res = call(reqwest::Method::GET, "/api/conventions?q=martin")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = call(reqwest::Method::POST, "/api/tickets").await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (_, list) = admin.get("/api/admin/api-tokens").await;
    assert!(list[0].get("token").is_none(), "never shown again");
    let id = created["id"].as_i64().unwrap();
    let (status, _) = admin
        .send(
            reqwest::Method::DELETE,
            &format!("/api/admin/api-tokens/{id}"),
            None,
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let res = call(reqwest::Method::GET, "/api/me").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = call(reqwest::Method::GET, "/api/conventions?q=martin")
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

async fn the_registry_import_is_idempotent_and_reports_bad_lines(app: &TestApp) {
    let csv = "student_number;last_name;first_name;email;ine;academic_year;programme_code;programme_label;faculty_code;faculty_label;teaching_hours\n\
               31000001;Weiß;Jürgen;j.weiss@etu.univ-demo.fr;;2026-2027;M1-INFO;Master 1 Informatique;UFR-ST;UFR Sciences et Technologies;450\n\
               31000002;Núñez;Inés;not-an-email;;2026-2027;M1-INFO;Master 1 Informatique;UFR-ST;UFR Sciences et Technologies;450\n\
               31000003;Dupuis;Éloïse;;;2026;L3-LEA;Licence 3 LEA;UFR-LLSH;UFR LLSH;\n\
               22401234;Martin;Camille;camille.martin@etu.univ-demo.fr;;2027-2028;M2-INFO;Master 2 Informatique;UFR-ST;UFR Sciences et Technologies;400\n";
    let post = |body: &'static str, token: String| {
        app.client
            .post(app.url("/api/admin/enrolments"))
            .bearer_auth(token)
            .header("content-type", "text/csv")
            .body(body)
            .send()
    };
    let admin = app.login("admin").await;
    let report: Value = post(csv, admin.clone())
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(report["lines"], 4);
    assert_eq!(report["students_created"], 1);
    assert_eq!(report["enrolments_created"], 2);
    let errors: Vec<(i64, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_i64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, vec![(3, "email"), (4, "academic_year")]);
    let again: Value = post(csv, admin).await.unwrap().json().await.unwrap();
    assert_eq!(again["unchanged"], 2);
    assert_eq!(again["students_created"], 0);
    assert_eq!(again["enrolments_created"], 0);
    let manager = As::new(app, "gestionnaire").await;
    let (_, found) = manager.get("/api/students?q=weiss").await;
    assert_eq!(found["items"][0]["first_name"], "Jürgen");
    let res = post(csv, app.login("gestionnaire").await).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

on_both_backends!(
    tampered_expired_and_unsigned_tokens_are_refused,
    refresh_tokens_rotate_and_a_replay_ends_the_session,
    repeated_failures_are_throttled,
    api_tokens_act_with_their_scopes_until_revoked,
    the_registry_import_is_idempotent_and_reports_bad_lines,
);
