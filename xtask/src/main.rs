//! The project's two commands, as plain cargo:
//!
//! - `cargo xtask run`: install what is missing, build the SPA and the API,
//!   prepare the embedded database with demo data, serve on
//!   http://127.0.0.1:8080.
//! - `cargo xtask test`: install what the tests need, start throwaway
//!   services, run every check and test, stop what it started.
//! - `cargo xtask client`: generate the Python client of the API into
//!   target/stages-client (what the scripts of `examples/` import).
//! - `cargo xtask spa`: build the SPA into `dist/`, each asset compressed
//!   once (brotli and gzip siblings).

mod bench;
mod integration;
mod precompress;
mod process;
mod run;
mod services;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run::run(&args[1..]),
        Some("test") => test::test(&args[1..]),
        Some("services") => test::services(&args[1..]),
        Some("bench-search") => bench::bench_search(&args[1..]),
        Some("client") => integration::client(&args[1..]),
        Some("spa") => tools::ensure_spa_tools().and_then(|()| tools::build_spa()),
        _ => {
            eprintln!(
                "usage: cargo xtask run    build and serve Stages with demo data on http://127.0.0.1:8080\n\
                 \x20      cargo xtask test   run every check and test (what CI runs)\n\
                 \x20      cargo xtask services start the test services, write target/test-services.env, stop at end of input\n\
                 \x20      cargo xtask bench-search [--scale N] [--backend sqlite|postgres] [--seconds S] [--clients 1,8] [--reuse]\n\
                 \x20                         the search load benchmark of BENCHMARKS.md\n\
                 \x20      cargo xtask client generate the Python client of the API into target/stages-client"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, whatever directory cargo was started from. `cargo
/// run` names the manifest's folder at run time too, and that one wins: two
/// checkouts sharing a target directory share one `target/debug/xtask`,
/// which may have been built from the other checkout.
pub fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
