//! Running commands: each prints what it runs, and failures carry the
//! command line so that the log says what broke.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

pub fn describe(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}

/// Runs `cmd` with inherited output; an error names the command.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let line = describe(cmd);
    println!("$ {line}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Runs `cmd` quietly and returns its standard output.
pub fn output(cmd: &mut Command) -> Result<String, String> {
    let line = describe(cmd);
    let out = cmd
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "`{line}` failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// Whether a program can be found on PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| is_executable(&dir.join(program)))
    })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// `cargo` as invoked by the user (the same toolchain as xtask itself),
/// without the package variables `cargo run` gave xtask: build scripts
/// that watch the environment would otherwise rebuild what a plain
/// `cargo build` already built.
pub fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    for (name, _) in std::env::vars_os() {
        let name = name.to_string_lossy();
        if [
            "CARGO_PKG_",
            "CARGO_MANIFEST_",
            "CARGO_BIN_",
            "CARGO_CRATE_",
            "CARGO_PRIMARY_",
        ]
        .iter()
        .any(|prefix| name.starts_with(prefix))
        {
            cmd.env_remove(name.as_ref());
        }
    }
    cmd
}

/// A named step and how long it took, for the summary at the end.
pub struct Step {
    pub name: String,
    pub seconds: f64,
    pub error: Option<String>,
}

pub fn timed(name: &str, work: impl FnOnce() -> Result<(), String>) -> Step {
    println!("\n==> {name}");
    let start = Instant::now();
    let error = work().err();
    let seconds = start.elapsed().as_secs_f64();
    match &error {
        None => println!("==> {name}: ok ({seconds:.1} s)"),
        Some(e) => println!("==> {name}: FAILED ({seconds:.1} s): {e}"),
    }
    Step {
        name: name.to_owned(),
        seconds,
        error,
    }
}

/// A free loopback TCP port (bound then released).
pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| format!("no free port: {e}"))
}

/// Prints each step's time and status; true when all passed.
pub fn step_summary(steps: &[Step]) -> bool {
    println!("\n==== summary");
    let mut ok = true;
    for step in steps {
        let status = if step.error.is_some() { "FAILED" } else { "ok" };
        println!("{:>7.1} s  {status:<6}  {}", step.seconds, step.name);
        ok &= step.error.is_none();
    }
    let total: f64 = steps.iter().map(|s| s.seconds).sum();
    println!("{total:>7.1} s  total");
    ok
}
