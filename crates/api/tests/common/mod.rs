//! Test harness: the real server on a random port over a fresh database of
//! either backend. PostgreSQL tests create their own database and drop it
//! afterwards; SQLite tests use a file in a temporary directory.
#![allow(dead_code, clippy::unwrap_used)]

pub mod cas;
pub mod flows;
pub mod mailbox;
pub mod oidc;

use diesel::Connection;
use diesel::RunQueryDsl;
use diesel::pg::PgConnection;
use stages_api::config::{
    Config, DEFAULT_AFFILIATION_ROLES, Directory, LdapConfig, parse_affiliation_roles,
};
use stages_api::{db, server};
use stages_cli::demo;
use std::path::PathBuf;

/// Server holding the test databases; `xtask test` points it at its own.
pub fn postgres_admin_url() -> String {
    std::env::var("STAGES_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that exists for one test.
pub struct TestDb {
    pub url: String,
    backend: Backend,
    name: String,
    dir: PathBuf,
}

impl TestDb {
    pub fn create(backend: Backend) -> Self {
        use rand::Rng;
        let name = format!("stages_test_{:016x}", rand::rng().random::<u64>());
        let dir = std::env::temp_dir().join(&name);
        std::fs::create_dir_all(&dir).unwrap();
        let url = match backend {
            Backend::Sqlite => format!("sqlite://{}", dir.join("stages.sqlite").display()),
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let mut conn = PgConnection::establish(&admin).unwrap_or_else(|e| {
                    panic!("PostgreSQL is needed for the tests ({admin}): {e}")
                });
                // `xtask test` migrates one database per run; copying it is
                // much faster than migrating each test's database.
                let template = std::env::var("STAGES_TEST_POSTGRES_TEMPLATE")
                    .map(|t| format!(" TEMPLATE {t}"))
                    .unwrap_or_default();
                diesel::sql_query(format!("CREATE DATABASE {name}{template}"))
                    .execute(&mut conn)
                    .unwrap();
                let (base, _) = admin.rsplit_once('/').unwrap();
                format!("{base}/{name}")
            }
        };
        Self {
            url,
            backend,
            name,
            dir,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if self.backend == Backend::Postgres
            && let Ok(mut conn) = PgConnection::establish(&postgres_admin_url())
        {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The running server and an HTTP client for it.
pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub pool: db::DbPool,
    pub db: TestDb,
    /// The server's state, for running the mail worker and the scheduler.
    pub state: stages_api::state::AppState,
    handle: actix_web::dev::ServerHandle,
}

impl TestApp {
    /// Migrated database with the demo accounts, server on a random port.
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, Directory::Builtin).await
    }

    /// The same, with another identity source.
    pub async fn spawn_with(backend: Backend, directory: Directory) -> Self {
        Self::spawn_full(backend, directory, None).await
    }

    /// The built-in directory, on a given day (for rules that depend on
    /// the date, such as the certificate after the end).
    pub async fn spawn_on(backend: Backend, today: chrono::NaiveDate) -> Self {
        Self::spawn_full(backend, Directory::Builtin, Some(today)).await
    }

    async fn spawn_full(
        backend: Backend,
        directory: Directory,
        today: Option<chrono::NaiveDate>,
    ) -> Self {
        Self::spawn_configured(backend, |config| {
            config.directory = directory;
            config.today = today;
        })
        .await
    }

    /// The built-in directory, with `configure` applied to the server's
    /// configuration (trusted proxies, say).
    pub async fn spawn_configured(backend: Backend, configure: impl FnOnce(&mut Config)) -> Self {
        Self::spawn_served(backend, |config, _| configure(config)).await
    }

    /// The same, `configure` also receiving the server's own address (for
    /// a `public_url` that other servers call back, as CAS does).
    pub async fn spawn_served(backend: Backend, configure: impl FnOnce(&mut Config, &str)) -> Self {
        let db = TestDb::create(backend);
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let pool = db::connect(&db.url, 4, db::Limits::SERVER).unwrap();
        {
            let mut conn = pool.get().unwrap();
            db::run_migrations(&mut conn).unwrap();
            stages_api::db::reference::sync(&mut conn).unwrap();
            demo::seed(&mut conn).unwrap();
        }
        let mut config = Config {
            database_url: db.url.clone(),
            bind: "127.0.0.1:0".into(),
            data_dir: db.dir.clone(),
            web_dir: db.dir.join("no-spa"),
            jwt_secret: Some("a test secret of at least 32 bytes".into()),
            directory: Directory::Builtin,
            affiliation_roles: parse_affiliation_roles(DEFAULT_AFFILIATION_ROLES).unwrap(),
            access_token_minutes: 15,
            today: None,
            institution_name: "Université de démonstration".into(),
            seal_files: None,
            signature_platform: None,
            public_url: "http://stages.test".into(),
            smtp_url: None,
            // Unique per test: the mail tests share one SMTP server and
            // read back only what their own server sent.
            mail_from: format!("Stages <{}@univ-demo.fr>", db.name),
            evaluation_reminder_days: 7,
            searches: None,
            trusted_proxies: Vec::new(),
            cas: None,
            oidc: None,
        };
        configure(&mut config, &base);
        // The server's own pool, when the test points it elsewhere (a
        // relay in front of the database, say); the test reads through the
        // direct one.
        let server_pool = if config.database_url == db.url {
            pool.clone()
        } else {
            db::connect(&config.database_url, 4, db::Limits::SERVER).unwrap()
        };
        let state = server::state(config, server_pool).unwrap();
        let server = server::run(listener, state.clone()).unwrap();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Self {
            base,
            client: reqwest::Client::new(),
            pool,
            db,
            state,
            handle,
        }
    }

    /// The sender address of this server's mails.
    pub fn mail_from(&self) -> String {
        format!("{}@univ-demo.fr", self.db.name)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Signs in and returns the access token.
    pub async fn login(&self, username: &str) -> String {
        let res = self
            .client
            .post(self.url("/api/auth/login"))
            .json(&serde_json::json!({"username": username, "password": demo::DEMO_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "login of {username}");
        let body: serde_json::Value = res.json().await.unwrap();
        body["access_token"].as_str().unwrap().to_owned()
    }

    pub async fn stop(self) {
        self.handle.stop(false).await;
    }
}

/// The test directory `cargo xtask test` starts (e2e/ldap/directory.ldif),
/// reached at `url` (a proxy in front of it, in the outage test).
pub fn ldap_config(url: Option<String>) -> LdapConfig {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!("{name} is not set: run the LDAP tests through `cargo xtask test`, which starts slapd")
        })
    };
    LdapConfig {
        url: url.unwrap_or_else(|| var("STAGES_TEST_LDAP_URL")),
        base_dn: var("STAGES_TEST_LDAP_BASE_DN"),
        bind_dn: Some(var("STAGES_TEST_LDAP_BIND_DN")),
        bind_password: Some(var("STAGES_TEST_LDAP_BIND_PASSWORD")),
        user_filter: "(uid={username})".into(),
        supervisor_filter: "(eduPersonAffiliation=faculty)".into(),
        student_number_attribute: "employeeNumber".into(),
    }
}

/// Runs each listed test once per backend: `name::sqlite` and
/// `name::postgres`; `with spawn;` first starts each server with
/// `spawn(backend)` instead of [`TestApp::spawn`].
#[macro_export]
macro_rules! on_both_backends {
    (with $spawn:path; $($name:ident),* $(,)?) => {
        $(
            mod $name {
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let app = $spawn(common::Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.stop().await;
                }

                #[actix_web::test]
                async fn postgres() {
                    let app = $spawn(common::Backend::Postgres).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            }
        )*
    };
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let app = common::TestApp::spawn(common::Backend::Sqlite).await;
                    super::$name(&app).await;
                    app.stop().await;
                }

                #[actix_web::test]
                async fn postgres() {
                    let app = common::TestApp::spawn(common::Backend::Postgres).await;
                    super::$name(&app).await;
                    app.stop().await;
                }
            }
        )*
    };
}

/// The value pair (`name=value`) of the cookie `name` a response sets, if
/// it sets a non-empty one.
pub fn set_cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().split(';').next().unwrap().to_owned())
        .find(|c| c.starts_with(&format!("{name}=")) && c.len() > name.len() + 1)
}

/// A loopback port nothing listens on (yet).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Forwards connections to `target` (`host:port`): started after a service
/// was unreachable at the listener's address, it ends an outage without
/// restarting Stages.
pub async fn forward(listener: tokio::net::TcpListener, target: String) {
    loop {
        let Ok((mut inbound, _)) = listener.accept().await else {
            return;
        };
        let target = target.clone();
        tokio::spawn(async move {
            if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            }
        });
    }
}

/// A TCP relay in front of a server that can be frozen: while frozen it
/// accepts connections and holds every byte, as a server whose process
/// hangs does (the kernel still accepts and acknowledges). It runs on its
/// own thread, so that the test's blocking calls (opening a pool) do not
/// stall it.
pub struct Freezable {
    pub port: u16,
    frozen: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl Freezable {
    pub fn start(target: String) -> Self {
        use std::sync::atomic::AtomicBool;
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let frozen = std::sync::Arc::new(AtomicBool::new(false));
        let flag = frozen.clone();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).unwrap();
                while let Ok((inbound, _)) = listener.accept().await {
                    let (target, flag) = (target.clone(), flag.clone());
                    tokio::spawn(async move {
                        let Ok(outbound) = tokio::net::TcpStream::connect(target).await else {
                            return;
                        };
                        let (in_read, in_write) = inbound.into_split();
                        let (out_read, out_write) = outbound.into_split();
                        tokio::join!(
                            relay(in_read, out_write, flag.clone()),
                            relay(out_read, in_write, flag)
                        );
                    });
                }
            });
        });
        Self { port, frozen }
    }

    pub fn freeze(&self) {
        self.frozen.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn thaw(&self) {
        self.frozen
            .store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Copies one direction, holding the bytes while frozen.
async fn relay(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    frozen: std::sync::Arc<std::sync::atomic::AtomicBool>,
) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let held = || frozen.load(std::sync::atomic::Ordering::SeqCst);
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        while held() {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => n,
        };
        while held() {
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}
