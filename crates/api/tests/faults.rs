//! Dependencies that hang rather than fail: a frozen PostgreSQL (the
//! process alive, silent) must give 503s within seconds, not requests
//! that wait as long as the hang.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::As;
use common::{Backend, Freezable, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use std::time::{Duration, Instant};

/// `postgres://user@host:port/db` with another port on loopback.
fn through(url: &str, port: u16) -> String {
    let (head, database) = url.rsplit_once('/').unwrap();
    let user = head
        .trim_start_matches("postgres://")
        .split_once('@')
        .map(|(user, _)| format!("{user}@"))
        .unwrap_or_default();
    format!("postgres://{user}127.0.0.1:{port}/{database}")
}

/// The `host:port` of a PostgreSQL URL.
fn address(url: &str) -> String {
    let rest = url.trim_start_matches("postgres://");
    let rest = rest.split_once('@').map_or(rest, |(_, r)| r);
    rest.split('/').next().unwrap().to_owned()
}

#[actix_web::test]
async fn a_hung_database_answers_503_within_seconds_and_heals() {
    let proxy = Freezable::start(address(&common::postgres_admin_url()));
    let port = proxy.port;
    let app = TestApp::spawn_configured(Backend::Postgres, |config| {
        config.database_url = through(&config.database_url, port);
    })
    .await;
    let manager = As::new(&app, "gestionnaire").await;
    let health = || app.client.get(app.url("/api/health")).send();
    assert_eq!(health().await.unwrap().status(), StatusCode::OK);

    proxy.freeze();
    let start = Instant::now();
    let res = health().await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.headers().contains_key("retry-after"));
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{:?}",
        start.elapsed()
    );
    for _ in 0..2 {
        let start = Instant::now();
        let (status, body) = manager.get("/api/conventions").await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
    }
    let start = Instant::now();
    let res = app
        .client
        .post(app.url("/api/auth/login"))
        .json(&json!({"username": "etudiant", "password": "demo"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(res.headers().contains_key("retry-after"));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );

    // Awake again: everything answers without a restart.
    proxy.thaw();
    let mut healed = false;
    for _ in 0..60 {
        if health().await.unwrap().status() == StatusCode::OK {
            healed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(healed, "the server recovers by itself");
    let (status, _) = manager.get("/api/conventions").await;
    assert_eq!(status, StatusCode::OK);
    app.stop().await;
}

/// A database that refuses connections is reported as such, not as a URL
/// the server does not understand.
#[test]
fn a_refused_connection_says_so() {
    let url = format!("postgres://postgres@127.0.0.1:{}/none", common::free_port());
    let err = stages_api::db::connect(
        &url,
        1,
        stages_api::db::Limits {
            statement_timeout: None,
            pool_wait: Duration::from_millis(500),
        },
    )
    .err()
    .unwrap()
    .to_string();
    assert!(err.contains("refused"), "{err}");
    assert!(!err.contains("multiconnection"), "{err}");
}
