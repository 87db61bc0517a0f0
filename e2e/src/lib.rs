//! Harness for the browser journeys: the real `stages` binary on a fresh
//! SQLite database serving the built SPA, and headless Chromium driven
//! through ChromeDriver. `cargo xtask test` builds both and sets the paths;
//! run alone, the defaults point into the workspace.

use fantoccini::{Client, ClientBuilder, Locator};
use mailparse::MailHeaderMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Password of every demo account (`stages seed-demo`).
pub const DEMO_PASSWORD: &str = "demo";

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

fn env_path(var: &str, default: PathBuf) -> PathBuf {
    std::env::var_os(var).map(PathBuf::from).unwrap_or(default)
}

/// The built SPA the server serves (`dist/`, or `STAGES_WEB_DIR`).
pub fn web_dir() -> PathBuf {
    env_path("STAGES_WEB_DIR", workspace().join("dist"))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

/// Status code of a plain HTTP GET, or `None` when nothing answers.
fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

/// Registers this server's addresses with the Stages client of the test
/// OpenID provider (`e2e/idp`), as its administrator would.
fn register_with_the_provider(registration: &str, port: u16) {
    let rest = registration
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("registration address {registration}"));
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let body = format!("base=http%3A%2F%2F127.0.0.1%3A{port}");
    let mut stream = TcpStream::connect(host)
        .unwrap_or_else(|e| panic!("the test OpenID provider at {host}: {e}"));
    write!(
        stream,
        "POST /{path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap_or_else(|e| panic!("register with the OpenID provider: {e}"));
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(
        answer.starts_with("HTTP/1.1 200"),
        "the OpenID provider refused the registration: {answer}"
    );
}

fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < timeout,
            "{what} not ready after {timeout:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A mail the server sent.
#[derive(Debug, Clone)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// The sender address of the server on `port`: each journey reads its own.
fn mail_from(port: u16) -> String {
    format!("e2e-{port}@univ-demo.fr")
}

/// The mails the test SMTP sink received from `from`, oldest first.
pub fn mails_from(from: &str) -> Vec<Mail> {
    let dir = PathBuf::from(
        std::env::var("STAGES_TEST_MAILDIR")
            .expect("STAGES_TEST_MAILDIR: run the journeys through `cargo xtask test`"),
    );
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = ["new", "cur"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(dir.join(sub)).ok())
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|(_, path)| {
            let raw = std::fs::read(path).ok()?;
            let parsed = mailparse::parse_mail(&raw).ok()?;
            let header = |name: &str| parsed.headers.get_first_value(name).unwrap_or_default();
            header("From").contains(from).then(|| Mail {
                to: header("To"),
                subject: header("Subject"),
                body: parsed.get_body().unwrap_or_default().replace("\r\n", "\n"),
            })
        })
        .collect()
}

/// A `stages serve` process with its own data directory and database.
pub struct Server {
    pub port: u16,
    child: Child,
    dir: PathBuf,
}

impl Server {
    /// Migrates a fresh SQLite database, loads the demo data and serves the
    /// API and the SPA on a free port.
    pub fn start() -> Self {
        Self::start_with(None)
    }

    /// The same, with the server pretending today is `today` (YYYY-MM-DD):
    /// what opens after a date (the student's evaluation after the
    /// internship's end) can then be tested with the demo's dates.
    pub fn start_on(today: &str) -> Self {
        Self::start_with(Some(today))
    }

    /// The same, sending its mails to the test SMTP sink (`cargo xtask
    /// test` starts it) from an address of its own, read back with
    /// [`Server::mails`].
    pub fn start_with_mail() -> Self {
        Self::start_full(None, true, None)
    }

    /// One of several `stages serve` replicas on one database that is
    /// migrated and seeded already (PostgreSQL), mailing through the test
    /// SMTP sink from `mail_from` (the same for every replica, so that
    /// their mails are read together), the server's day being `today`.
    pub fn start_replica(database_url: &str, mail_from: &str, today: &str) -> Self {
        Self::start_full(Some(today), true, Some((database_url, mail_from)))
    }

    fn start_with(today: Option<&str>) -> Self {
        Self::start_full(today, false, None)
    }

    /// `shared`: the database and sender address of a replica.
    fn start_full(today: Option<&str>, mail: bool, shared: Option<(&str, &str)>) -> Self {
        let bin = env_path("STAGES_BIN", workspace().join("target/debug/stages"));
        let web = web_dir();
        assert!(
            bin.is_file(),
            "{} is missing: build it (cargo build -p stages-cli) or run `cargo xtask test`",
            bin.display()
        );
        assert!(
            web.join("index.html").is_file(),
            "the SPA is not built in {}: run `cargo xtask spa` or `cargo xtask test`",
            web.display()
        );
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("stages-e2e-{port}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("temp dir: {e}"));
        // Sign-in goes through the test directory when `cargo xtask test`
        // started one; demo accounts with a local password work either way.
        let ldap: Vec<(&str, String)> = [
            ("STAGES_DIRECTORY", "STAGES_TEST_LDAP_URL"),
            ("STAGES_LDAP_BASE_DN", "STAGES_TEST_LDAP_BASE_DN"),
            ("STAGES_LDAP_BIND_DN", "STAGES_TEST_LDAP_BIND_DN"),
            (
                "STAGES_LDAP_BIND_PASSWORD",
                "STAGES_TEST_LDAP_BIND_PASSWORD",
            ),
            // Single sign-on through the test CAS server and OpenID
            // provider, over the same directory.
            ("STAGES_CAS_URL", "STAGES_TEST_CAS_URL"),
            ("STAGES_OIDC_ISSUER", "STAGES_TEST_OIDC_ISSUER"),
            ("STAGES_OIDC_CLIENT_ID", "STAGES_TEST_OIDC_CLIENT_ID"),
            (
                "STAGES_OIDC_CLIENT_SECRET",
                "STAGES_TEST_OIDC_CLIENT_SECRET",
            ),
        ]
        .into_iter()
        .filter_map(|(to, from)| std::env::var(from).ok().map(|v| (to, v)))
        .collect();
        let command = |sub: &str| {
            let mut cmd = Command::new(&bin);
            cmd.envs(ldap.iter().map(|(k, v)| (*k, v.as_str())))
                .env("STAGES_LDAP_STUDENT_NUMBER_ATTRIBUTE", "employeeNumber")
                .env("STAGES_CAS_ATTRIBUTES", "student_number=employeeNumber")
                .env("STAGES_OIDC_SCOPES", "profile email university")
                .env(
                    "STAGES_OIDC_CLAIMS",
                    "affiliations=eduperson_affiliation,student_number=supann_etu_id",
                );
            let database = shared.map_or_else(
                || format!("sqlite://{}/stages.sqlite", dir.display()),
                |(url, _)| url.to_owned(),
            );
            cmd.arg(sub)
                .env("STAGES_DATABASE_URL", database)
                .env("STAGES_DATA_DIR", &dir)
                .env("STAGES_WEB_DIR", &web)
                .env("STAGES_BIND", format!("127.0.0.1:{port}"))
                // Links the server writes (the tutor's) point at this server.
                .env("STAGES_PUBLIC_URL", format!("http://127.0.0.1:{port}"))
                .env("STAGES_LOG", "warn");
            if let Some(today) = today {
                cmd.env("STAGES_TODAY", today);
            }
            if mail {
                let smtp = std::env::var("STAGES_TEST_SMTP_URL")
                    .expect("STAGES_TEST_SMTP_URL: run the journeys through `cargo xtask test`");
                let from = shared.map_or_else(|| mail_from(port), |(_, from)| from.to_owned());
                cmd.env("STAGES_SMTP_URL", smtp)
                    .env("STAGES_MAIL_FROM", format!("Stages <{from}>"));
            }
            cmd
        };
        let setup: &[&str] = if shared.is_some() {
            &[]
        } else {
            &["migrate", "seed-demo"]
        };
        for sub in setup {
            let status = command(sub)
                .stdout(Stdio::null())
                .status()
                .unwrap_or_else(|e| panic!("stages {sub}: {e}"));
            assert!(status.success(), "stages {sub} failed");
        }
        if let Ok(registration) = std::env::var("STAGES_TEST_OIDC_REGISTRATION") {
            register_with_the_provider(&registration, port);
        }
        let child = command("serve")
            .spawn()
            .unwrap_or_else(|e| panic!("stages serve: {e}"));
        let server = Self { port, child, dir };
        wait_until("stages serve", Duration::from_secs(20), || {
            http_status(port, "/api/health") == Some(200)
        });
        server
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The mails this server sent (with [`Server::start_with_mail`]), oldest
    /// first.
    pub fn mails(&self) -> Vec<Mail> {
        mails_from(&mail_from(self.port))
    }

    /// Waits for a mail to `to` whose subject contains `subject`, and
    /// returns the last such.
    pub fn wait_for_mail(&self, to: &str, subject: &str) -> Mail {
        let mut found = None;
        wait_until(
            &format!("a mail to {to} about {subject:?}"),
            Duration::from_secs(30),
            || {
                found = self
                    .mails()
                    .into_iter()
                    .rfind(|m| m.to.contains(to) && m.subject.contains(subject));
                found.is_some()
            },
        );
        found.unwrap_or_else(|| panic!("no mail to {to}"))
    }

    /// The status of a GET of `path` with a bearer token (a personal API
    /// token), outside the browser.
    pub fn get_with_token(&self, path: &str, token: &str) -> u16 {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))
            .unwrap_or_else(|e| panic!("connect to the server: {e}"));
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n",
            self.port
        )
        .unwrap_or_else(|e| panic!("send: {e}"));
        let mut head = [0u8; 12];
        stream
            .read_exact(&mut head)
            .unwrap_or_else(|e| panic!("read: {e}"));
        std::str::from_utf8(&head[9..12])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_default()
    }

    /// Stops the server while the browser goes on: what a user sees when
    /// the network fails.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Headless Chromium under a ChromeDriver of its own.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    pub async fn start() -> Self {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("chromedriver (Debian package chromium-driver): {e}"));
        wait_until("chromedriver", Duration::from_secs(20), || {
            http_status(port, "/status").is_some()
        });
        let profile = std::env::temp_dir().join(format!("stages-chromium-{port}"));
        let chromium =
            std::env::var("STAGES_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        // Without the background-networking flags Chromium keeps trying to
        // reach Google's hosts, which this machine's network refuses.
        let caps = serde_json::json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--window-size=1280,900", "--lang=fr-FR",
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let serde_json::Value::Object(caps) = caps else {
            unreachable!("capabilities are an object literal")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("cannot start Chromium: {e}"));
        Self {
            client,
            driver,
            profile,
        }
    }

    /// Waits for an element and returns its text. The page may render the
    /// element again between finding and reading it: then it is found
    /// again.
    pub async fn text(&self, css: &str) -> String {
        let start = Instant::now();
        loop {
            let element = self
                .client
                .wait()
                .at_most(Duration::from_secs(10))
                .for_element(Locator::Css(css))
                .await
                .unwrap_or_else(|e| panic!("no element {css}: {e}"));
            match element.text().await {
                Ok(text) => return text,
                Err(e) if start.elapsed() > Duration::from_secs(10) => {
                    panic!("text of {css}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Waits until the element's text contains `needle`.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let text = self.text(css).await;
            if text.contains(needle) {
                return text;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "{css} never contained {needle:?}; last text: {text:?}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"));
        element
            .clear()
            .await
            .unwrap_or_else(|e| panic!("clear {css}: {e}"));
        element
            .send_keys(value)
            .await
            .unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// Clicks an element once it is there (found again if the page
    /// renders it anew in between).
    pub async fn click(&self, css: &str) {
        let start = Instant::now();
        loop {
            let element = self
                .client
                .wait()
                .at_most(Duration::from_secs(10))
                .for_element(Locator::Css(css))
                .await
                .unwrap_or_else(|e| panic!("no element {css}: {e}"));
            match element.click().await {
                Ok(()) => return,
                Err(e) if start.elapsed() > Duration::from_secs(10) => {
                    panic!("click {css}: {e}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    /// Waits for an element and returns it.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
    }

    /// Whether the page shows an element now (no waiting).
    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Chooses the option of value `value` in a select, once the option is
    /// there (lists from the reference tables load after the form).
    pub async fn select(&self, css: &str, value: &str) {
        self.wait_for(&format!("{css} option[value=\"{value}\"]"))
            .await;
        self.wait_for(css)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("select {value:?} in {css}: {e}"));
    }

    /// Sets a field's value from a script and fires its `input` event: for
    /// date inputs, whose typing depends on the browser's locale.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.client
            .execute(
                "const e = document.querySelector(arguments[0]);\
                 e.value = arguments[1];\
                 e.dispatchEvent(new Event('input', {bubbles: true}));",
                vec![css.into(), value.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("set {css}: {e}"));
    }

    /// An attribute of an element, waiting for the element.
    pub async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|e| panic!("attribute {name} of {css}: {e}"))
    }

    /// The id of the element that has the keyboard focus.
    pub async fn focused_id(&self) -> String {
        let element = self
            .client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("active element: {e}"));
        element
            .attr("id")
            .await
            .unwrap_or_else(|e| panic!("id of the active element: {e}"))
            .unwrap_or_default()
    }

    /// Types keys (text or `fantoccini::key::Key`s) into the focused element.
    pub async fn keys(&self, keys: &str) {
        let element = self
            .client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("active element: {e}"));
        element
            .send_keys(keys)
            .await
            .unwrap_or_else(|e| panic!("type into the active element: {e}"));
    }

    /// Presses Tab until the element with id `id` has the focus (at most
    /// `limit` times), as a keyboard-only user would reach it.
    pub async fn tab_to(&self, id: &str, limit: usize) {
        let tab = fantoccini::key::Key::Tab.to_string();
        for _ in 0..limit {
            if self.focused_id().await == id {
                return;
            }
            self.keys(&tab).await;
        }
        let last = self.focused_id().await;
        assert_eq!(last, id, "#{id} not reached with {limit} tabs");
    }

    /// The path of the page shown.
    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .unwrap_or_else(|e| panic!("current url: {e}"))
            .path()
            .to_owned()
    }

    /// Waits until the page's path satisfies `accept`.
    pub async fn wait_for_path(&self, what: &str, accept: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let path = self.path().await;
            if accept(&path) {
                return path;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never reached {what}; still on {path}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Opens a page of the application by its path.
    pub async fn open(&self, server: &Server, path: &str) {
        self.client
            .goto(&server.url(path))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    /// Fetches an API path from the page as the signed-in user (renewing
    /// the session with its cookie, as the application does) and returns
    /// the status, the content type and the first bytes of the body.
    pub async fn fetch_from_page(&self, path: &str) -> (u16, String, String) {
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 fetch('/api/auth/refresh', {method: 'POST'})\
                   .then(r => r.json())\
                   .then(s => fetch(arguments[0], {headers: {Authorization: 'Bearer ' + s.access_token}}))\
                   .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type') || '',\
                       String.fromCharCode(...new Uint8Array(b).slice(0, 8))])))\
                   .catch(e => done([0, '', String(e)]));",
                vec![path.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("fetch {path}: {e}"));
        let (status, content_type, head): (u16, String, String) =
            serde_json::from_value(result).unwrap_or_else(|e| panic!("fetch {path}: {e}"));
        (status, content_type, head)
    }

    /// Fetches an API path from the page as the signed-in user and returns
    /// the status and the whole body (a PDF, say).
    pub async fn bytes_from_page(&self, path: &str) -> (u16, Vec<u8>) {
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 fetch('/api/auth/refresh', {method: 'POST'})\
                   .then(r => r.json())\
                   .then(s => fetch(arguments[0], {headers: {Authorization: 'Bearer ' + s.access_token}}))\
                   .then(r => r.arrayBuffer().then(b => done([r.status, Array.from(new Uint8Array(b))])))\
                   .catch(e => done([0, []]));",
                vec![path.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("fetch {path}: {e}"));
        serde_json::from_value(result).unwrap_or_else(|e| panic!("fetch {path}: {e}"))
    }

    /// Calls the API from the page as the signed-in user (renewing the
    /// session with its cookie, as the application does): for what a
    /// journey needs in place but does not test through the screens.
    /// Returns the status and the JSON body (`null` when there is none).
    pub async fn api(
        &self,
        method: &str,
        path: &str,
        version: Option<i64>,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let result = self
            .client
            .execute_async(
                "const [method, path, version, body, done] = arguments;\
                 fetch('/api/auth/refresh', {method: 'POST'})\
                   .then(r => r.json())\
                   .then(s => {\
                     const headers = {Authorization: 'Bearer ' + s.access_token};\
                     if (version !== null) headers['If-Match'] = '\"' + version + '\"';\
                     if (body !== null) headers['Content-Type'] = 'application/json';\
                     return fetch(path, {method, headers, body: body === null ? undefined : JSON.stringify(body)});\
                   })\
                   .then(r => r.text().then(t => done([r.status, t ? JSON.parse(t) : null])))\
                   .catch(e => done([0, String(e)]));",
                vec![
                    method.into(),
                    path.into(),
                    version.into(),
                    body.unwrap_or(serde_json::Value::Null),
                ],
            )
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        serde_json::from_value(result).unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// [`Browser::api`] for a call that must succeed: its answer.
    pub async fn api_ok(
        &self,
        method: &str,
        path: &str,
        version: Option<i64>,
        body: Option<serde_json::Value>,
    ) -> serde_json::Value {
        let (status, answer) = self.api(method, path, version, body).await;
        assert!(
            (200..300).contains(&status),
            "{method} {path}: {status} {answer}"
        );
        answer
    }

    /// Scrolls the page so that the element is at the top of the window
    /// (before a screenshot of that part).
    pub async fn scroll_to(&self, css: &str) {
        self.wait_for(css).await;
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView();",
                vec![css.into()],
            )
            .await
            .unwrap_or_else(|e| panic!("scroll to {css}: {e}"));
    }

    /// Signs out with the top menu and waits for the sign-in page.
    pub async fn sign_out(&self) {
        self.click("#sign-out").await;
        self.text("#username").await;
    }

    /// Signs in through the login page with a demo account (password
    /// `demo`, in the built-in accounts and in the test directory alike).
    pub async fn sign_in(&self, server: &Server, username: &str) {
        self.sign_in_with(server, username, DEMO_PASSWORD).await;
    }

    /// Signs in through the login page with this password.
    pub async fn sign_in_with(&self, server: &Server, username: &str, password: &str) {
        self.client
            .goto(&server.url("/login"))
            .await
            .unwrap_or_else(|e| panic!("open the login page: {e}"));
        self.fill("#username", username).await;
        self.fill("#password", password).await;
        self.click("#login-submit").await;
        self.text(".side-menu").await;
    }

    /// Saves a PNG of the page as a test artefact.
    pub async fn screenshot(&self, name: &str) {
        let dir = env_path("STAGES_E2E_ARTIFACTS", workspace().join("e2e/artifacts"));
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("artefacts dir: {e}"));
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot: {e}"));
        std::fs::write(dir.join(format!("{name}.png")), png)
            .unwrap_or_else(|e| panic!("save screenshot: {e}"));
    }

    /// Runs axe-core in the page and fails on any serious or critical
    /// violation (WCAG 2.1 A/AA rules), naming the rule and the elements.
    pub async fn check_accessibility(&self, page: &str) {
        let axe = env_path(
            "STAGES_AXE_JS",
            workspace().join("target/node/node_modules/axe-core/axe.min.js"),
        );
        let source = std::fs::read_to_string(&axe).unwrap_or_else(|e| {
            panic!(
                "{}: {e} (run `cargo xtask test`, which installs axe-core)",
                axe.display()
            )
        });
        self.client
            .execute(&source, vec![])
            .await
            .unwrap_or_else(|e| panic!("inject axe-core: {e}"));
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})\
                    .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')\
                        .map(v => v.id + ': ' + v.help + ' [' + v.nodes.map(n => n.target.join(' ')).join(', ') + ']')))\
                    .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("run axe-core: {e}"));
        let violations: Vec<String> = serde_json::from_value(result).unwrap_or_default();
        assert!(
            violations.is_empty(),
            "accessibility violations on {page}:\n{}",
            violations.join("\n")
        );
    }

    /// Ends the WebDriver session (Chromium quits), then the driver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// A journey that ends without [`Browser::close`], or panics, must not
/// leave its browser running: CI runs on the session's machine, and nine
/// Chromiums left by one run were still there, busy, an hour later.
/// Killing ChromeDriver orphans its Chromium, so Chromium's processes are
/// found by their profile directory, which each browser has its own.
impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // The directory's name ends the argument: the profile of port 4195
        // must not match that of port 41953.
        let profile = self.profile.display().to_string().replace('.', "\\.");
        let _ = Command::new("pkill")
            .args(["-KILL", "-f", "--"])
            .arg(format!("--user-data-dir={profile}( |$)"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The test CAS server `cargo xtask test` starts (`STAGES_TEST_CAS_URL`).
pub fn cas_url() -> String {
    std::env::var("STAGES_TEST_CAS_URL")
        .expect("STAGES_TEST_CAS_URL: run the single sign-on journeys through `cargo xtask test`")
}

/// A service ticket for `service`, obtained on the CAS form outside the
/// browser and not redeemed: what a ticket left to expire looks like.
pub async fn cas_ticket(username: &str, password: &str, service: &str) -> String {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("HTTP client: {e}"));
    let login = format!("{}/login", cas_url());
    let page = client
        .get(&login)
        .query(&[("service", service)])
        .send()
        .await
        .and_then(|r| r.error_for_status())
        .unwrap_or_else(|e| panic!("the CAS form: {e}"));
    let page = page.text().await.unwrap_or_default();
    let hidden = |name: &str| {
        let marker = format!("name=\"{name}\" value=\"");
        page.split_once(&marker)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(value, _)| value.to_owned())
            .unwrap_or_else(|| panic!("no {name} in the CAS form"))
    };
    let res = client
        .post(&login)
        .form(&[
            (
                "csrfmiddlewaretoken",
                hidden("csrfmiddlewaretoken").as_str(),
            ),
            ("lt", hidden("lt").as_str()),
            ("service", service),
            ("username", username),
            ("password", password),
        ])
        .send()
        .await
        .unwrap_or_else(|e| panic!("the CAS sign-in: {e}"));
    res.headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .and_then(|l| l.split_once("ticket="))
        .map(|(_, ticket)| ticket.to_owned())
        .unwrap_or_else(|| panic!("CAS gave no ticket: {}", res.status()))
}
