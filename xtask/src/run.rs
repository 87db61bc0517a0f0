//! `cargo xtask run`: the product on http://127.0.0.1:8080 with demo data.

use crate::process::{cargo, run as run_cmd};
use crate::{root, tools};
use std::path::PathBuf;
use std::process::Command;

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(unknown) = args.first() {
        return Err(format!(
            "unknown argument {unknown:?}: configure with STAGES_* environment variables (see README)"
        ));
    }
    tools::ensure_spa_tools()?;
    tools::build_spa()?;
    run_cmd(cargo().current_dir(root()).args([
        "build",
        "--release",
        "--package",
        "stages-cli",
        "--bin",
        "stages",
    ]))?;
    let stages = target_dir().join("release").join("stages");
    let command = |sub: &str| {
        let mut cmd = Command::new(&stages);
        cmd.current_dir(root()).arg(sub);
        cmd
    };
    run_cmd(&mut command("migrate"))?;
    run_cmd(&mut command("seed-demo"))?;
    let bind = std::env::var("STAGES_BIND").unwrap_or_else(|_| "127.0.0.1:8080".into());
    println!(
        "\nStages: open http://{bind}/ (API reference: http://{bind}/api/docs/). Stop with Ctrl-C.\n"
    );
    run_cmd(&mut command("serve"))
}
