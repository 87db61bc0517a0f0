//! The server's skeleton through HTTP: health, sign-in, the signed-in user,
//! the OpenAPI document and the error format.
#![allow(clippy::unwrap_used)]

mod common;

use serde_json::{Value, json};

async fn health_reports_the_database(app: &common::TestApp) {
    let res = app.client.get(app.url("/api/health")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["database"], "ok");
}

async fn login_then_me_shows_the_roles(app: &common::TestApp) {
    let token = app.login("gestionnaire").await;
    let res = app
        .client
        .get(app.url("/api/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let me: Value = res.json().await.unwrap();
    assert_eq!(me["username"], "gestionnaire");
    assert_eq!(me["display_name"], "Géraldine Baviere");
    assert_eq!(me["roles"], json!(["manager"]));

    let token = app.login("admin").await;
    let me: Value = app
        .client
        .get(app.url("/api/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["roles"], json!(["manager", "admin"]));
}

async fn wrong_password_and_unknown_user_get_the_same_401(app: &common::TestApp) {
    let mut bodies = Vec::new();
    for (user, password) in [("etudiant", "wrong"), ("nobody", "demo")] {
        let res = app
            .client
            .post(app.url("/api/auth/login"))
            .json(&json!({"username": user, "password": password}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401);
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        bodies.push(res.json::<Value>().await.unwrap());
    }
    assert_eq!(bodies[0], bodies[1]);
}

async fn me_without_a_valid_token_is_401(app: &common::TestApp) {
    let res = app.client.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .client
        .get(app.url("/api/me"))
        .bearer_auth("not.a.token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "unauthorized");
}

async fn bad_input_names_the_field(app: &common::TestApp) {
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["violations"][0]["field"], "password");

    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "", "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["violations"][0]["field"], "username");
    assert_eq!(body["violations"][0]["rule"], "AUTH-01");
}

async fn oversized_body_is_413(app: &common::TestApp) {
    let huge = "x".repeat(stages_api::server::JSON_LIMIT_BYTES + 1);
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": huge, "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
}

async fn unknown_api_path_is_a_problem_404(app: &common::TestApp) {
    let res = app
        .client
        .get(app.url("/api/nowhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
}

async fn openapi_document_and_docs_are_served(app: &common::TestApp) {
    let doc: Value = app
        .client
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["info"]["title"], "Stages API");
    assert!(doc["paths"]["/api/auth/login"]["post"].is_object());
    let res = app.client.get(app.url("/api/docs/")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("swagger"));
}

/// Dynamic answers travel gzipped when the client accepts it and they are
/// large enough, never brotli (its per-response window cost more than the
/// searches: `compression.rs`); small ones go as they are.
async fn answers_are_gzipped_when_asked_and_worth_it(app: &common::TestApp) {
    use std::io::Read;
    let get = |path: &str, accept: &str| {
        app.client
            .get(app.url(path))
            .header("accept-encoding", accept)
            .send()
    };
    let plain = get("/api/openapi.json", "identity").await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.headers()["vary"], "accept-encoding");
    let plain = plain.bytes().await.unwrap();

    let packed = get("/api/openapi.json", "br;q=1, gzip;q=0.5")
        .await
        .unwrap();
    assert_eq!(packed.headers()["content-encoding"], "gzip");
    assert_eq!(packed.headers()["vary"], "accept-encoding");
    let packed = packed.bytes().await.unwrap();
    assert!(
        packed.len() * 4 < plain.len(),
        "{} of {}",
        packed.len(),
        plain.len()
    );
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_end(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, plain);

    let small = get("/api/health", "gzip").await.unwrap();
    assert!(small.headers().get("content-encoding").is_none());
    let refused = get("/api/openapi.json", "gzip;q=0").await.unwrap();
    assert!(refused.headers().get("content-encoding").is_none());
    assert_eq!(refused.bytes().await.unwrap(), plain);
}

on_both_backends!(
    health_reports_the_database,
    login_then_me_shows_the_roles,
    wrong_password_and_unknown_user_get_the_same_401,
    me_without_a_valid_token_is_401,
    bad_input_names_the_field,
    oversized_body_is_413,
    unknown_api_path_is_a_problem_404,
    openapi_document_and_docs_are_served,
    answers_are_gzipped_when_asked_and_worth_it,
);

/// With its database gone, the server answers 503 on health instead of
/// pretending to be well or failing with a 500.
#[actix_web::test]
async fn health_is_503_when_the_database_is_down() {
    use diesel::{Connection, RunQueryDsl};
    let app = common::TestApp::spawn(common::Backend::Postgres).await;
    let name = app.db.url.rsplit('/').next().unwrap().to_owned();
    let mut admin = diesel::pg::PgConnection::establish(&common::postgres_admin_url()).unwrap();
    diesel::sql_query(format!("DROP DATABASE {name} WITH (FORCE)"))
        .execute(&mut admin)
        .unwrap();
    let res = app.client.get(app.url("/api/health")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["code"], "unavailable");
    app.stop().await;
}
