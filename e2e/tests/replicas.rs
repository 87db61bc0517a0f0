//! Several `stages serve` replicas on one PostgreSQL database, as the
//! README promises (issue 18): two replicas start at once on a copy of the
//! demo database; two managers validate the same convention at the same
//! version, one through each replica, and exactly one wins (the other gets
//! 412); both replicas' mail workers drain one outbox, and each queued
//! mail reaches the SMTP sink exactly once; both schedulers pass over the
//! internships that ended, and each questionnaire is requested once, by
//! one mail.

use stages_e2e::{Server, mails_from};
use std::process::Command;
use std::time::{Duration, Instant};

/// The servers' day: after the demo internship of Chloé Bernard ended
/// (2027-04-02), so that the schedulers have questionnaires to request.
const TODAY: &str = "2027-04-05";

/// Runs `sql` on the database at `url` with `psql`; its output, trimmed.
fn psql(url: &str, sql: &str) -> String {
    let out = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-tAc", sql])
        .output()
        .unwrap_or_else(|e| panic!("psql: {e}"));
    assert!(
        out.status.success(),
        "psql {sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn count(url: &str, sql: &str) -> i64 {
    psql(url, sql)
        .parse()
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// A database of this test: a copy of the one the test services migrated,
/// with the demo data.
struct Database {
    admin: String,
    name: String,
    url: String,
}

impl Database {
    fn copy_of_demo() -> Self {
        let admin = std::env::var("STAGES_TEST_POSTGRES_URL")
            .expect("STAGES_TEST_POSTGRES_URL: run the journeys through `cargo xtask test`");
        let template = std::env::var("STAGES_TEST_POSTGRES_TEMPLATE")
            .expect("STAGES_TEST_POSTGRES_TEMPLATE: run the journeys through `cargo xtask test`");
        let name = format!("stages_replicas_{}", std::process::id());
        psql(&admin, &format!("DROP DATABASE IF EXISTS {name}"));
        psql(
            &admin,
            &format!("CREATE DATABASE {name} TEMPLATE {template}"),
        );
        let (server, _) = admin.rsplit_once('/').expect("a database URL");
        let url = format!("{server}/{name}");
        let database = Self { admin, name, url };
        let bin = std::env::var("STAGES_BIN")
            .unwrap_or_else(|_| format!("{}/../target/debug/stages", env!("CARGO_MANIFEST_DIR")));
        let seeded = Command::new(bin)
            .arg("seed-demo")
            .env("STAGES_DATABASE_URL", &database.url)
            .env("STAGES_TODAY", TODAY)
            .env("STAGES_LOG", "warn")
            .output()
            .unwrap_or_else(|e| panic!("stages seed-demo: {e}"));
        assert!(
            seeded.status.success(),
            "stages seed-demo: {}",
            String::from_utf8_lossy(&seeded.stderr)
        );
        database
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .args([
                self.admin.as_str(),
                "-tAc",
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name),
            ])
            .output();
    }
}

/// The JSON answer of `request`.
async fn json(request: reqwest::RequestBuilder) -> serde_json::Value {
    let answer = request.send().await.expect("an answer");
    let bytes = answer.bytes().await.expect("a body");
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}: {bytes:?}"))
}

/// Signs `username` in through `server`; the access token.
async fn sign_in(client: &reqwest::Client, server: &Server, username: &str) -> String {
    let body = serde_json::json!({"username": username, "password": "demo"});
    let answer = json(
        client
            .post(server.url("/api/auth/login"))
            .header("Content-Type", "application/json")
            .body(body.to_string()),
    )
    .await;
    answer["access_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no token: {answer}"))
        .to_owned()
}

#[tokio::test]
async fn replicas_share_one_postgresql_database() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let db = Database::copy_of_demo();
    let from = format!("replicas-{}@univ-demo.fr", std::process::id());
    let today = TODAY;
    // Both replicas start at once, so that their schedulers' first passes
    // and their mail workers run side by side.
    let (a, b) = {
        let (url, from_a) = (db.url.clone(), from.clone());
        let first = std::thread::spawn(move || Server::start_replica(&url, &from_a, today));
        let second = Server::start_replica(&db.url, &from, today);
        (first.join().expect("the first replica"), second)
    };

    // One convention, one version read, two validations at once through
    // the two replicas: one is saved, the other is told it is stale.
    let client = reqwest::Client::new();
    let token_a = sign_in(&client, &a, "gestionnaire").await;
    let token_b = sign_in(&client, &b, "gestionnaire").await;
    let page = json(
        client
            .get(a.url("/api/conventions?status=in_validation"))
            .bearer_auth(&token_a),
    )
    .await;
    let convention = &page["items"][0];
    let id = convention["id"]
        .as_i64()
        .expect("a convention in validation");
    let read = json(
        client
            .get(a.url(&format!("/api/conventions/{id}")))
            .bearer_auth(&token_a),
    )
    .await;
    let version = read["version"].as_i64().expect("its version");
    let validate = |server: &Server, token: &str| {
        client
            .post(server.url(&format!("/api/conventions/{id}/validations/administrative")))
            .bearer_auth(token)
            .header("If-Match", format!("\"{version}\""))
            .send()
    };
    let (first, second) = tokio::join!(validate(&a, &token_a), validate(&b, &token_b));
    let mut statuses = [
        first.expect("through the first replica").status().as_u16(),
        second
            .expect("through the second replica")
            .status()
            .as_u16(),
    ];
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        [200, 412],
        "one validation wins, the other is stale"
    );

    // The two mail workers drain the one outbox.
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let unsent = count(&db.url, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        if unsent == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "{unsent} mails still queued");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let sent = count(&db.url, "SELECT count(*) FROM outbox");
    // The sink may get the last one a moment after the worker marks it.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut received = mails_from(&from);
    while i64::try_from(received.len()).unwrap_or(i64::MAX) < sent && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
        received = mails_from(&from);
    }
    assert_eq!(
        i64::try_from(received.len()).unwrap_or(i64::MAX),
        sent,
        "each queued mail is sent once"
    );
    let mut distinct: Vec<(&str, &str, &str)> = received
        .iter()
        .map(|m| (m.to.as_str(), m.subject.as_str(), m.body.as_str()))
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), received.len(), "no mail twice");

    // Both schedulers passed; each questionnaire was requested once, by one
    // mail.
    let requested = count(
        &db.url,
        "SELECT count(*) FROM evaluation_answers WHERE requested_at IS NOT NULL",
    );
    assert!(
        requested > 0,
        "the schedulers had questionnaires to request"
    );
    let requests = count(
        &db.url,
        "SELECT count(*) FROM outbox WHERE event = 'evaluation-requested'",
    );
    assert_eq!(requests, requested, "one request per questionnaire");
    drop(a);
    drop(b);
}
