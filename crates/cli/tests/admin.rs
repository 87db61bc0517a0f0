//! The go-live path through the real `stages` command on a new SQLite
//! database: `migrate` says how to create the first administrator,
//! `admin create` does (refusing a guessable password), and `seed-demo`
//! refuses a database with real accounts.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `stages ARGS` on `database`, with `stdin` as its input; whether it
/// succeeded, and what it printed.
fn stages(database: &str, args: &[&str], stdin: &str) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stages"))
        .args(args)
        .env("STAGES_DATABASE_URL", database)
        .env("STAGES_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn a_new_database_gets_its_first_administrator_and_refuses_the_demo() {
    let dir = std::env::temp_dir().join(format!("stages-cli-admin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let database = format!("sqlite://{}/stages.sqlite", dir.display());

    let (ok, out) = stages(&database, &["migrate"], "");
    assert!(ok, "{out}");
    assert!(out.contains("No administrator yet"), "{out}");
    assert!(out.contains("stages admin create USERNAME --sso"), "{out}");

    let (ok, out) = stages(&database, &["admin", "create", "root"], "");
    assert!(!ok, "--sso or --password-from-stdin is required: {out}");
    let (ok, out) = stages(
        &database,
        &["admin", "create", "root", "--password-from-stdin"],
        "motdepasse2026\n",
    );
    assert!(!ok && out.contains("too easy to guess"), "{out}");
    let (ok, out) = stages(
        &database,
        &["admin", "create", "root", "--password-from-stdin"],
        "Vélo-Ciel-Marée-71\n",
    );
    assert!(ok && out.contains("Administrator root created"), "{out}");
    let (ok, out) = stages(&database, &["admin", "create", "jdupont", "--sso"], "");
    assert!(ok && out.contains("single sign-on"), "{out}");

    let (ok, out) = stages(&database, &["migrate"], "");
    assert!(ok && !out.contains("No administrator yet"), "{out}");
    let (ok, out) = stages(&database, &["seed-demo"], "");
    assert!(!ok && out.contains("none of the demo's"), "{out}");

    std::fs::remove_dir_all(&dir).unwrap();
}
