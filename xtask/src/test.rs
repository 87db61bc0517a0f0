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
        tools::ensure_debian_packages(DEBIAN_PACKAGES)?;
        if std::net::TcpStream::connect("127.0.0.1:5432").is_err() {
            tools::ensure_debian_packages(&["postgresql"])?;
        }
        tools::ensure_spa_tools()?;
        tools::ensure_npm_packages()?;
        tools::ensure_python_packages()
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

/// Starts the services, runs the suite against them, stops them.
fn run_tests() -> Result<(), String> {
    let stages = target_dir().join("debug").join("stages");
    let pg = Postgres::start("run")?;
    run(Command::new(&stages)
        .arg("migrate")
        .env("STAGES_DATABASE_URL", pg.database_url()))?;
    let slapd = Slapd::start()?;
    let smtp = SmtpSink::start()?;
    let idp = Idp::start(&slapd)?;
    let artifacts = root().join("e2e").join("artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| e.to_string())?;
    run(cargo()
        .current_dir(root())
        .env("STAGES_TEST_POSTGRES_URL", pg.admin_url())
        .env("STAGES_TEST_POSTGRES_TEMPLATE", &pg.database)
        .env("STAGES_TEST_LDAP_URL", slapd.url())
        .env("STAGES_TEST_LDAP_BASE_DN", LDAP_BASE_DN)
        .env("STAGES_TEST_LDAP_BIND_DN", LDAP_SERVICE_DN)
        .env("STAGES_TEST_LDAP_BIND_PASSWORD", LDAP_SERVICE_PASSWORD)
        .env("STAGES_TEST_SMTP_URL", smtp.url())
        .env("STAGES_TEST_MAILDIR", &smtp.maildir)
        .env("STAGES_TEST_CAS_URL", idp.cas_url())
        .env("STAGES_TEST_OIDC_ISSUER", idp.oidc_issuer())
        .env("STAGES_TEST_OIDC_CLIENT_ID", OIDC_CLIENT_ID)
        .env("STAGES_TEST_OIDC_CLIENT_SECRET", OIDC_CLIENT_SECRET)
        .env("STAGES_TEST_OIDC_REGISTRATION", idp.registration_url())
        .env("STAGES_BIN", &stages)
        .env("STAGES_WEB_DIR", root().join("dist"))
        .env("STAGES_E2E_ARTIFACTS", &artifacts)
        .env(
            "STAGES_AXE_JS",
            tools::node_dir().join("node_modules/axe-core/axe.min.js"),
        )
        .args(["nextest", "run", "--no-fail-fast"]))
}
