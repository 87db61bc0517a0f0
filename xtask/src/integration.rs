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
use crate::services::Stages;
use crate::{root, tools};
use std::path::PathBuf;
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
/// failed, so that one run shows both). Leaves the server's log, the tokens
/// and the fuzzing reports in target/integration.
pub fn check() -> Result<(), String> {
    let work = target_dir().join("integration");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    generate_client()?;
    let server = Stages::start(
        &target_dir().join("debug").join("stages"),
        work.join("server.log"),
    )?;
    let tokens = work.join("tokens");
    let python = || {
        let mut cmd = Command::new(tools::venv_python());
        cmd.current_dir(&work)
            .env("PYTHONPATH", client_dir())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("STAGES_URL", server.url())
            .env("STAGES_TOKENS", &tokens);
        cmd
    };
    let harness = root().join("e2e").join("python");
    run(python()
        .arg(harness.join("issue_tokens.py"))
        .arg(server.url())
        .arg(&tokens))?;
    let examples = run(python()
        .args(["-m", "pytest", "-p", "no:cacheprovider", "-q"])
        .arg(harness.join("test_examples.py")));
    let fuzzing = run(python()
        .arg(harness.join("fuzz.py"))
        .arg(work.join("reports")));
    let result = examples.and(fuzzing);
    if result.is_err() {
        println!("the server's log: {}", server.log.display());
    }
    result
}
