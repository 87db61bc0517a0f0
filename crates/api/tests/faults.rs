//! Dependencies that hang rather than fail: a frozen PostgreSQL (the
//! process alive, silent) must give 503s within seconds, not requests
//! that wait as long as the hang.
#![allow(clippy::unwrap_used)]

mod common;

use common::flows::As;
use common::{Backend, Freezable, TestApp};
use reqwest::StatusCode;
use serde_json::json;
use stages_api::error::ApiError;
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

/// A server whose PostgreSQL is reached through a proxy the test can
/// freeze.
async fn behind_a_proxy() -> (Freezable, TestApp) {
    let proxy = Freezable::start(address(&common::postgres_admin_url()));
    let port = proxy.port;
    let app = TestApp::spawn_configured(Backend::Postgres, |config| {
        config.database_url = through(&config.database_url, port);
    })
    .await;
    (proxy, app)
}

#[actix_web::test]
async fn a_hung_database_answers_503_within_seconds_and_heals() {
    let (proxy, app) = behind_a_proxy().await;
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

/// Statistics wait for one of the searches' turns, as searches do: a burst
/// of these heavy reads cannot hold the whole pool. With the database
/// frozen, two searches hold both turns of the test server (a pool of
/// four); a statistics request then waits for a turn and is told the
/// searches are busy after their queue's wait (3 s), where it took one of
/// the free connections and waited for the database (8 s) before.
#[actix_web::test]
async fn statistics_wait_for_a_search_turn() {
    let (proxy, app) = behind_a_proxy().await;
    let manager = As::new(&app, "gestionnaire").await;
    let year = "/api/statistics?centre_id=1&academic_year=2025-2026";
    let (status, _) = manager.get(year).await;
    assert_eq!(status, StatusCode::OK);

    proxy.freeze();
    let statistics = async {
        // Once both searches hold their turns.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let start = Instant::now();
        let (status, body) = manager.get(year).await;
        (status, body, start.elapsed())
    };
    let (first, second, (status, body, waited)) = tokio::join!(
        manager.get("/api/conventions?q=martin"),
        manager.get("/api/conventions?q=durand"),
        statistics
    );
    assert_eq!(first.0, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(second.0, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    let busy = [
        "Trop de recherches en même temps : réessayez dans un instant.",
        "Too many searches at once: try again in a moment.",
    ];
    assert!(
        busy.contains(&body["detail"].as_str().unwrap_or("")),
        "{body}"
    );
    assert!(waited < Duration::from_secs(6), "{waited:?}");

    proxy.thaw();
    let mut healed = false;
    for _ in 0..60 {
        if manager.get(year).await.0 == StatusCode::OK {
            healed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    assert!(healed, "statistics answer again once the database does");
    app.stop().await;
}

/// Ends every backend of the app's database but the caller's own: what a
/// restart of PostgreSQL, or an administrator, does to the pool's idle
/// connections.
fn end_the_pools_connections(app: &TestApp) -> usize {
    use diesel::{Connection, RunQueryDsl, pg::PgConnection};
    #[derive(diesel::QueryableByName)]
    struct Ended {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        ended: i64,
    }
    let mut own = PgConnection::establish(&app.db.url).unwrap();
    let ended: Ended = diesel::sql_query(
        "SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .get_result(&mut own)
    .unwrap();
    usize::try_from(ended.ended).unwrap()
}

/// Connections that died in the pool are replaced without a failed
/// request once they have been idle a moment (they are pinged before use);
/// right after a request, the database's restart fails at most the next
/// request, with a 503, never a 500: the dead connection found, every
/// other one is pinged before use.
#[actix_web::test]
async fn connections_the_database_ended_are_replaced() {
    let app = TestApp::spawn(Backend::Postgres).await;
    let manager = As::new(&app, "gestionnaire").await;
    assert_eq!(manager.get("/api/conventions").await.0, StatusCode::OK);

    assert!(end_the_pools_connections(&app) >= 1);
    tokio::time::sleep(stages_api::db::checkout::TRUSTED_FOR + Duration::from_millis(200)).await;
    for _ in 0..3 {
        let (status, body) = manager.get("/api/conventions").await;
        assert_eq!(status, StatusCode::OK, "after a pause: {body}");
    }

    assert!(end_the_pools_connections(&app) >= 1);
    let (first, body) = manager.get("/api/conventions").await;
    assert!(
        [StatusCode::OK, StatusCode::SERVICE_UNAVAILABLE].contains(&first),
        "{first} {body}"
    );
    for _ in 0..3 {
        let (status, body) = manager.get("/api/conventions").await;
        assert_eq!(status, StatusCode::OK, "after one failure at most: {body}");
    }
    app.stop().await;
}

/// Runs `work` as the database work of a request limited to 300 ms, on
/// SQLite; `work` reports on itself as it ends (the first of the pair) and
/// gives the request its result. Returns the request's status and that
/// report, which must come within 3 s.
async fn stopped_at_deadline<R: Send + 'static>(
    app: &TestApp,
    work: impl FnOnce(&mut stages_api::db::AnyConnection) -> (R, Result<(), ApiError>) + Send + 'static,
) -> (u16, R) {
    use actix_web::ResponseError;
    let (ended, stopped) = std::sync::mpsc::channel();
    let answer = app
        .state
        .db_within(Duration::from_millis(300), move |conn| {
            let (report, done) = work(conn);
            ended.send(report).unwrap();
            done
        })
        .await;
    let report = stopped
        .recv_timeout(Duration::from_secs(3))
        .expect("the work stops soon after the deadline");
    (answer.unwrap_err().status_code().as_u16(), report)
}

/// SQLite has no statement_timeout: a request's statements stop when the
/// request answers 503, instead of holding their connection and thread for
/// as long as they run.
#[actix_web::test]
async fn an_endless_sqlite_statement_stops_with_its_request() {
    use diesel::RunQueryDsl;
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (status, run) = stopped_at_deadline(&app, |conn| {
        let run = diesel::sql_query(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c \
             WHERE x < 100000000) SELECT count(*) FROM c",
        )
        .execute(conn);
        // Whichever comes first, the deadline of the request or the
        // statement's error, the request answers 503.
        let report = run.as_ref().map(|_| ()).map_err(|e| e.to_string());
        (report, run.map(|_| ()).map_err(ApiError::from))
    })
    .await;
    assert_eq!(status, 503);
    assert_eq!(run.unwrap_err(), "interrupted");
    // Its connection serves the next request.
    let manager = As::new(&app, "gestionnaire").await;
    assert_eq!(manager.get("/api/conventions").await.0, StatusCode::OK);
    app.stop().await;
}

/// A write interrupted at the deadline answers 503 too: SQLite rolls its
/// transaction back itself, and the failed rollback that follows must not
/// turn into a 500.
#[actix_web::test]
async fn an_endless_sqlite_write_stops_with_its_request() {
    use actix_web::ResponseError;
    use diesel::RunQueryDsl;
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (answer, status) = stopped_at_deadline(&app, |conn| {
        let done = stages_api::db::transaction(conn, |conn| -> Result<(), ApiError> {
            diesel::sql_query("CREATE TEMP TABLE counted (x INTEGER)").execute(conn)?;
            diesel::sql_query(
                "INSERT INTO counted WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL \
                 SELECT x + 1 FROM c WHERE x < 100000000) SELECT x FROM c",
            )
            .execute(conn)?;
            Ok(())
        });
        (done.as_ref().err().map(|e| e.status_code().as_u16()), done)
    })
    .await;
    assert_eq!(answer, 503);
    assert_eq!(status, Some(503));
    let manager = As::new(&app, "gestionnaire").await;
    assert_eq!(manager.get("/api/conventions").await.0, StatusCode::OK);
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
