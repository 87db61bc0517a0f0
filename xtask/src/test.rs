//! `cargo xtask test`: every check and test, as CI runs them. Steps go on
//! after a failure so that one run shows every problem; the exit status is
//! non-zero when any step failed.

use crate::process::{Step, cargo, run, step_summary, timed};
use crate::run::target_dir;
use crate::services::{
    Idp, LDAP_BASE_DN, LDAP_SERVICE_DN, LDAP_SERVICE_PASSWORD, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET,
    Postgres, Slapd, SmtpSink,
};
use crate::{integration, root, tools};
use std::process::Command;

/// Debian packages the tests use: the browser and its driver, OpenLDAP,
/// PDF text extraction, PostgreSQL's client library and tools.
const DEBIAN_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "slapd",
    "ldap-utils",
    "poppler-utils",
    "libpq-dev",
    "postgresql-client",
    "python3-venv",
];

pub fn test(args: &[String]) -> Result<(), String> {
    if let Some(unknown) = args.first() {
        return Err(format!("unknown argument {unknown:?}"));
    }
    let mut steps: Vec<Step> = Vec::new();
    let setup = timed("install missing tools", || {
        ensure_service_tools()?;
        tools::ensure_spa_tools()?;
        tools::ensure_npm_packages()
    });
    let setup_failed = setup.error.is_some();
    steps.push(setup);
    if setup_failed {
        step_summary(&steps);
        return Err("the tools the tests need could not be installed".into());
    }

    steps.push(timed("cargo fmt --check", || {
        run(cargo()
            .current_dir(root())
            .args(["fmt", "--all", "--check"]))
    }));
    steps.push(timed("clippy (host crates)", || {
        run(cargo()
            .current_dir(root())
            .args(["clippy", "--all-targets", "--", "-D", "warnings"]))
    }));
    steps.push(timed("clippy (SPA, wasm32)", || {
        run(cargo().current_dir(root()).args([
            "clippy",
            "--package",
            "stages-web",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ]))
    }));
    steps.push(timed("domain and wire types build for wasm32", || {
        run(cargo().current_dir(root()).args([
            "build",
            "--package",
            "stages-domain",
            "--package",
            "stages-api-types",
            "--package",
            "stages-web-format",
            "--target",
            "wasm32-unknown-unknown",
        ]))
    }));
    steps.push(timed("SPA release build (Trunk)", tools::build_spa));
    steps.push(timed("build tests and the stages command", || {
        run(cargo().current_dir(root()).args([
            "build",
            "--package",
            "stages-cli",
            "--bin",
            "stages",
        ]))?;
        run(cargo()
            .current_dir(root())
            .args(["nextest", "run", "--no-run"]))
    }));
    steps.push(timed("tests (SQLite and PostgreSQL, LDAP, e2e)", run_tests));
    steps.push(timed(
        "integration scripts and contract fuzzing",
        integration::check,
    ));

    if step_summary(&steps) {
        Ok(())
    } else {
        Err("some steps failed (see the summary above)".into())
    }
}

/// The services the tests talk to, started for one run and stopped when
/// dropped.
struct Services {
    pg: Postgres,
    slapd: Slapd,
    smtp: SmtpSink,
    idp: Idp,
}

impl Services {
    fn start(stages: &std::path::Path) -> Result<Self, String> {
        let pg = Postgres::start("run")?;
        run(Command::new(stages)
            .arg("migrate")
            .env("STAGES_DATABASE_URL", pg.database_url()))?;
        let slapd = Slapd::start()?;
        let smtp = SmtpSink::start()?;
        let idp = Idp::start(&slapd)?;
        Ok(Self {
            pg,
            slapd,
            smtp,
            idp,
        })
    }

    /// The environment of the test suite: where each service is.
    fn env(&self, stages: &std::path::Path) -> Result<Vec<(String, String)>, String> {
        let artifacts = root().join("e2e").join("artifacts");
        std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
        let path = |p: &std::path::Path| p.display().to_string();
        Ok([
            ("STAGES_TEST_POSTGRES_URL", self.pg.admin_url()),
            ("STAGES_TEST_POSTGRES_TEMPLATE", self.pg.database.clone()),
            ("STAGES_TEST_LDAP_URL", self.slapd.url()),
            ("STAGES_TEST_LDAP_BASE_DN", LDAP_BASE_DN.to_owned()),
            ("STAGES_TEST_LDAP_BIND_DN", LDAP_SERVICE_DN.to_owned()),
            (
                "STAGES_TEST_LDAP_BIND_PASSWORD",
                LDAP_SERVICE_PASSWORD.to_owned(),
            ),
            ("STAGES_TEST_SMTP_URL", self.smtp.url()),
            ("STAGES_TEST_MAILDIR", path(&self.smtp.maildir)),
            ("STAGES_TEST_CAS_URL", self.idp.cas_url()),
            ("STAGES_TEST_OIDC_ISSUER", self.idp.oidc_issuer()),
            ("STAGES_TEST_OIDC_CLIENT_ID", OIDC_CLIENT_ID.to_owned()),
            (
                "STAGES_TEST_OIDC_CLIENT_SECRET",
                OIDC_CLIENT_SECRET.to_owned(),
            ),
            ("STAGES_TEST_OIDC_REGISTRATION", self.idp.registration_url()),
            ("STAGES_BIN", path(stages)),
            ("STAGES_WEB_DIR", path(&root().join("dist"))),
            ("STAGES_E2E_ARTIFACTS", path(&artifacts)),
            (
                "STAGES_AXE_JS",
                path(&tools::node_dir().join("node_modules/axe-core/axe.min.js")),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect())
    }
}

/// Starts the services, runs the suite against them, stops them.
fn run_tests() -> Result<(), String> {
    let stages = target_dir().join("debug").join("stages");
    let services = Services::start(&stages)?;
    run(cargo()
        .current_dir(root())
        .envs(services.env(&stages)?)
        .args(["nextest", "run", "--no-fail-fast"]))
}

/// What the services of the tests run on: the directory, the database,
/// the single sign-on servers (installed once, where missing).
fn ensure_service_tools() -> Result<(), String> {
    tools::ensure_debian_packages(DEBIAN_PACKAGES)?;
    if std::net::TcpStream::connect("127.0.0.1:5432").is_err() {
        tools::ensure_debian_packages(&["postgresql"])?;
    }
    tools::ensure_python_packages()
}

/// `cargo xtask services`: installs what the services of the tests need
/// where missing, starts them, writes the environment that points the
/// suite at them to `target/test-services.env` (`. target/test-services.env`,
/// then any `cargo nextest run …`), and keeps them until its standard
/// input ends. Needs `target/debug/stages` (for the migrations).
pub fn services(args: &[String]) -> Result<(), String> {
    if let Some(unknown) = args.first() {
        return Err(format!("unknown argument {unknown:?}"));
    }
    ensure_service_tools()?;
    let stages = target_dir().join("debug").join("stages");
    let services = Services::start(&stages)?;
    let file = target_dir().join("test-services.env");
    let text: String = services
        .env(&stages)?
        .into_iter()
        .map(|(k, v)| format!("export {k}='{v}'\n"))
        .collect();
    std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    eprintln!(
        "services running; in another shell: . {}  (end of input, e.g. Ctrl-D, stops them)",
        file.display()
    );
    // Until standard input ends, so that the services stop through their
    // destructors (a signal would leave them running).
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut Vec::new())
        .map_err(|e| e.to_string())?;
    drop(services);
    Ok(())
}
