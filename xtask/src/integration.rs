//! Stages as a third party sees it: a Python client generated from the
//! OpenAPI document, the scripts of `examples/` that use it, and contract
//! fuzzing with schemathesis, each role with a personal API token.
//!
//! The client is generated, never written: `cargo xtask client` (re)makes
//! it in target/stages-client, and the test step regenerates it from the
//! committed document before using it, so the scripts run against what the
//! document promises.

use crate::process::run;
use crate::run::target_dir;
use crate::services::{Postgres, Stages};
use crate::{root, tools};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Where the generated package `stages_client` goes: put this directory on
/// PYTHONPATH.
pub fn client_dir() -> PathBuf {
    target_dir().join("stages-client")
}

/// `cargo xtask client`: installs the generator if needed and generates the
/// client from `openapi/openapi.json`.
pub fn client(args: &[String]) -> Result<(), String> {
    if let Some(unknown) = args.first() {
        return Err(format!("unknown argument {unknown:?}"));
    }
    tools::ensure_python_packages()?;
    generate_client()?;
    println!(
        "\nstages_client is in {}: run a script with\n  PYTHONPATH={} {} examples/export_conventions.py --help",
        client_dir().display(),
        client_dir().display(),
        tools::venv_python().display()
    );
    Ok(())
}

/// openapi-python-client, configured by `examples/client-config.yaml`
/// (files are bytes: PDF, ZIP, PNG and CSV bodies become `File`s). A
/// warning fails: it means an operation left out of the client.
fn generate_client() -> Result<(), String> {
    let dir = client_dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    run(
        Command::new(tools::venv_dir().join("bin/openapi-python-client"))
            .current_dir(root())
            .args([
                "generate",
                "--meta",
                "none",
                "--overwrite",
                "--fail-on-warning",
            ])
            .arg("--path")
            .arg(root().join("openapi/openapi.json"))
            .arg("--config")
            .arg(root().join("examples/client-config.yaml"))
            .arg("--output-path")
            .arg(dir.join("stages_client")),
    )
}

/// The test step: a fresh server with the demo data, a token per role,
/// the examples' tests, then the contract fuzzing (also when an example
/// failed, so that one run shows both); then the fuzzing again against a
/// server on PostgreSQL, production's database, which refuses what SQLite
/// stores (NUL in text, say). Leaves the servers' logs, the tokens and the
/// fuzzing reports in target/integration.
pub fn check() -> Result<(), String> {
    let work = target_dir().join("integration");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    generate_client()?;
    let binary = target_dir().join("debug").join("stages");
    let sqlite = {
        let server = Stages::start(&binary, work.join("server.log"), None)?;
        let run = Run::new(&work, &server, "sqlite")?;
        let examples = run.examples();
        let fuzzing = run.fuzz();
        examples.and(fuzzing).inspect_err(|_| {
            println!("the server's log: {}", server.log.display());
        })
    };
    let postgres = {
        let pg = Postgres::start("integration")?;
        let server = Stages::start(
            &binary,
            work.join("server-postgres.log"),
            Some(pg.database_url()),
        )?;
        let run = Run::new(&work, &server, "postgres")?;
        run.fuzz().inspect_err(|_| {
            println!("the server's log: {}", server.log.display());
        })
    };
    sqlite.and(postgres)
}

/// The Python harness against one running server, with a token per role.
struct Run {
    url: String,
    tokens: PathBuf,
    reports: PathBuf,
    work: PathBuf,
}

impl Run {
    fn new(work: &Path, server: &Stages, name: &str) -> Result<Self, String> {
        let run = Self {
            url: server.url(),
            tokens: work.join(format!("tokens-{name}")),
            reports: work.join(format!("reports-{name}")),
            work: work.to_owned(),
        };
        run.python_run(|cmd| {
            cmd.arg(harness().join("issue_tokens.py"))
                .arg(&run.url)
                .arg(&run.tokens);
        })?;
        Ok(run)
    }

    fn python_run(&self, args: impl FnOnce(&mut Command)) -> Result<(), String> {
        let mut cmd = Command::new(tools::venv_python());
        cmd.current_dir(&self.work)
            .env("PYTHONPATH", client_dir())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("STAGES_URL", &self.url)
            .env("STAGES_TOKENS", &self.tokens);
        args(&mut cmd);
        run(&mut cmd)
    }

    fn examples(&self) -> Result<(), String> {
        self.python_run(|cmd| {
            cmd.args(["-m", "pytest", "-p", "no:cacheprovider", "-q"])
                .arg(harness().join("test_examples.py"));
        })
    }

    fn fuzz(&self) -> Result<(), String> {
        self.python_run(|cmd| {
            cmd.arg(harness().join("fuzz.py")).arg(&self.reports);
        })
    }
}

fn harness() -> PathBuf {
    root().join("e2e").join("python")
}
