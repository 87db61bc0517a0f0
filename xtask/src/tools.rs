//! Installing what is missing, idempotently: the wasm target, Trunk, the
//! wasm-bindgen CLI at the version Cargo.lock pins, and Debian packages.

use crate::process::{cargo, on_path, output, run};
use crate::root;
use std::process::Command;

/// Trunk 0.22 needs a newer rustc than this project's toolchain.
const TRUNK_VERSION: &str = "0.21.14";

pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// Version printed by `program --version` (second word), if installed.
fn installed_version(program: &str) -> Option<String> {
    let out = output(Command::new(program).arg("--version")).ok()?;
    out.split_whitespace().nth(1).map(str::to_owned)
}

pub fn ensure_trunk() -> Result<(), String> {
    if installed_version("trunk").as_deref() == Some(TRUNK_VERSION) {
        return Ok(());
    }
    run(cargo().args(["install", &format!("trunk@{TRUNK_VERSION}"), "--locked"]))
}

/// The wasm-bindgen version the SPA is built with, from Cargo.lock.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            let version = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'));
            if let Some(version) = version {
                return Ok(version.to_owned());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

pub fn ensure_wasm_bindgen() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    if installed_version("wasm-bindgen").as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    // Not --locked: its lockfile pins a crate version the index lacks.
    run(cargo().args(["install", &format!("wasm-bindgen-cli@{wanted}"), "--force"]))
}

/// Everything the SPA build needs, installed once.
pub fn ensure_spa_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()
}

/// Builds the SPA into `dist/` without downloading anything: dependencies
/// are fetched by cargo first, then Trunk runs offline.
pub fn build_spa() -> Result<(), String> {
    run(cargo().current_dir(root()).args(["fetch", "--quiet"]))?;
    run(Command::new("trunk")
        .current_dir(root())
        .env("TRUNK_SKIP_VERSION_CHECK", "true")
        .env_remove("CARGO_TARGET_DIR")
        .args(["build", "--release"]))?;
    if let Some((raw, gz, br)) = crate::precompress::precompress(&root().join("dist"))? {
        println!("SPA module: {raw} bytes, {gz} gzipped, {br} with brotli");
    }
    Ok(())
}

fn package_installed(package: &str) -> bool {
    output(Command::new("dpkg-query").args(["-W", "-f", "${db:Status-Status}", package]))
        .is_ok_and(|status| status.trim() == "installed")
}

fn as_root(program: &str) -> Command {
    let is_root = output(Command::new("id").arg("-u")).is_ok_and(|uid| uid.trim() == "0");
    if is_root || !on_path("sudo") {
        Command::new(program)
    } else {
        let mut cmd = Command::new("sudo");
        cmd.args(["-n", program]);
        cmd
    }
}

/// Installs the Debian packages that are missing. slapd is preseeded not to
/// create a system directory: tests start their own.
pub fn ensure_debian_packages(packages: &[&str]) -> Result<(), String> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| !package_installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("installing Debian packages: {}", missing.join(" "));
    if missing.contains(&"slapd") {
        let preseed = "slapd slapd/no_configuration boolean true\n";
        let mut child = as_root("debconf-set-selections")
            .stdin(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot preseed slapd: {e}"))?;
        if let Some(stdin) = child.stdin.as_mut() {
            use std::io::Write;
            stdin
                .write_all(preseed.as_bytes())
                .map_err(|e| format!("cannot preseed slapd: {e}"))?;
        }
        child
            .wait()
            .map_err(|e| format!("cannot preseed slapd: {e}"))?;
    }
    let install = |update_first: bool| -> Result<(), String> {
        if update_first {
            run(as_root("apt-get").args(["update", "-q"]))?;
        }
        run(as_root("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y", "-q", "--no-install-recommends"])
            .args(&missing))
    };
    install(false).or_else(|_| install(true))
}

/// npm packages the browser tests inject into pages (axe-core for the
/// accessibility check), installed once under target/node.
pub const NPM_PACKAGES: &[&str] = &["axe-core@4.14.1"];

pub fn node_dir() -> std::path::PathBuf {
    crate::run::target_dir().join("node")
}

pub fn ensure_npm_packages() -> Result<(), String> {
    let dir = node_dir();
    let installed = |spec: &str| {
        let (name, version) = spec.rsplit_once('@').unwrap_or((spec, ""));
        std::fs::read_to_string(dir.join("node_modules").join(name).join("package.json"))
            .is_ok_and(|json| json.contains(&format!("\"version\": \"{version}\"")))
    };
    let missing: Vec<&str> = NPM_PACKAGES
        .iter()
        .copied()
        .filter(|p| !installed(p))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    run(Command::new("npm")
        .current_dir(&dir)
        .args([
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--prefix",
        ])
        .arg(&dir)
        .args(&missing))
}

/// Python packages the tests use, installed once in a virtual environment
/// under target/venv: the SMTP server the mail tests send to, the client
/// generator, pytest for the example scripts' tests, schemathesis for the
/// contract fuzzing, and the CAS server of the single sign-on tests
/// (django-cas-server on Django, reading the test directory with ldap3).
pub const PYTHON_PACKAGES: &[&str] = &[
    "aiosmtpd==1.4.6",
    "Django==5.2.19",
    "django-cas-server==3.1.0",
    "django-oidc-provider==0.9.0",
    "ldap3==2.9.1",
    "openapi-python-client==0.29.1",
    "pytest==9.2.0",
    "schemathesis==4.32.5",
];

pub fn venv_dir() -> std::path::PathBuf {
    crate::run::target_dir().join("venv")
}

/// The virtual environment's interpreter.
pub fn venv_python() -> std::path::PathBuf {
    venv_dir().join("bin").join("python")
}

pub fn ensure_python_packages() -> Result<(), String> {
    let dir = venv_dir();
    let stamp = dir.join("stages-packages.txt");
    let wanted = PYTHON_PACKAGES.join("\n");
    if std::fs::read_to_string(&stamp).is_ok_and(|have| have == wanted) && venv_python().is_file() {
        return Ok(());
    }
    if !venv_python().is_file() {
        run(Command::new("python3").arg("-m").arg("venv").arg(&dir))?;
    }
    run(Command::new(venv_python())
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(PYTHON_PACKAGES))?;
    std::fs::write(&stamp, wanted).map_err(|e| e.to_string())
}
