//! Harness for the browser journeys: the real `stages` binary on a fresh
//! SQLite database serving the built SPA, and headless Chromium driven
//! through ChromeDriver. `cargo xtask test` builds both and sets the paths;
//! run alone, the defaults point into the workspace.

use fantoccini::{Client, ClientBuilder, Locator};
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
        let bin = env_path("STAGES_BIN", workspace().join("target/debug/stages"));
        let web = env_path("STAGES_WEB_DIR", workspace().join("dist"));
        assert!(
            bin.is_file(),
            "{} is missing: build it (cargo build -p stages-api) or run `cargo xtask test`",
            bin.display()
        );
        assert!(
            web.join("index.html").is_file(),
            "the SPA is not built in {}: run `trunk build --release` or `cargo xtask test`",
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
        ]
        .into_iter()
        .filter_map(|(to, from)| std::env::var(from).ok().map(|v| (to, v)))
        .collect();
        let command = |sub: &str| {
            let mut cmd = Command::new(&bin);
            cmd.envs(ldap.iter().map(|(k, v)| (*k, v.as_str())))
                .env("STAGES_LDAP_STUDENT_NUMBER_ATTRIBUTE", "employeeNumber");
            cmd.arg(sub)
                .env(
                    "STAGES_DATABASE_URL",
                    format!("sqlite://{}/stages.sqlite", dir.display()),
                )
                .env("STAGES_DATA_DIR", &dir)
                .env("STAGES_WEB_DIR", &web)
                .env("STAGES_BIND", format!("127.0.0.1:{port}"))
                .env("STAGES_LOG", "warn");
            cmd
        };
        for sub in ["migrate", "seed-demo"] {
            let status = command(sub)
                .stdout(Stdio::null())
                .status()
                .unwrap_or_else(|e| panic!("stages {sub}: {e}"));
            assert!(status.success(), "stages {sub} failed");
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

    /// Waits for an element and returns its text.
    pub async fn text(&self, css: &str) -> String {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        element
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
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

    pub async fn click(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Signs in through the login page with a demo account (password
    /// `demo`, in the built-in accounts and in the test directory alike).
    pub async fn sign_in(&self, server: &Server, username: &str) {
        self.client
            .goto(&server.url("/login"))
            .await
            .unwrap_or_else(|e| panic!("open the login page: {e}"));
        self.fill("#username", username).await;
        self.fill("#password", DEMO_PASSWORD).await;
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

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
