//! `cargo xtask bench-search`: the search load benchmark of BENCHMARKS.md.
//! Generates a volume (`stages seed-demo --scale N`), serves it in release
//! mode, drives the two search endpoints and the statistics with the `oha`
//! load generator and times the searches' SQL straight on the database
//! (`stages bench-sql`).

use crate::process::{cargo, free_port, on_path, output, run};
use crate::root;
use crate::run::target_dir;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Surnames the volume generator uses, searched in turn.
const WORDS: &[&str] = &[
    "martin", "dubois", "durand", "moreau", "laurent", "simon", "michel", "garcia", "roux",
    "petit", "fontaine", "mercier",
];

struct Options {
    scale: usize,
    backends: Vec<&'static str>,
    seconds: u64,
    reuse: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        scale: 100_000,
        backends: vec!["sqlite", "postgres"],
        seconds: 15,
        reuse: false,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--scale" => options.scale = value()?.parse().map_err(|e| format!("--scale: {e}"))?,
            "--seconds" => {
                options.seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?
            }
            "--backend" => {
                options.backends = match value()?.as_str() {
                    "sqlite" => vec!["sqlite"],
                    "postgres" => vec!["postgres"],
                    other => return Err(format!("unknown backend {other}")),
                }
            }
            "--reuse" => options.reuse = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(options)
}

struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn stages() -> PathBuf {
    target_dir().join("release").join("stages")
}

fn stages_cmd(url: &str) -> Command {
    let mut cmd = Command::new(stages());
    cmd.current_dir(root())
        .env("STAGES_DATABASE_URL", url)
        .env("STAGES_DATA_DIR", target_dir().join("bench"))
        .env("STAGES_LOG", "warn");
    cmd
}

fn prepare(backend: &str, scale: usize, reuse: bool) -> Result<String, String> {
    let dir = target_dir().join("bench");
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let (url, exists) = match backend {
        "sqlite" => {
            let path = dir.join(format!("stages-{scale}.sqlite"));
            let exists = path.is_file();
            if exists && !reuse {
                std::fs::remove_file(&path).map_err(|e| e.to_string())?;
            }
            (format!("sqlite://{}", path.display()), exists && reuse)
        }
        _ => {
            let name = format!("stages_bench_{scale}");
            let psql = |sql: &str| {
                output(Command::new("psql").args([
                    "-h",
                    "127.0.0.1",
                    "-U",
                    "postgres",
                    "-d",
                    "postgres",
                    "-qAtc",
                    sql,
                ]))
            };
            let exists = psql(&format!(
                "SELECT 1 FROM pg_database WHERE datname = '{name}'"
            ))?
            .trim()
                == "1";
            if !(exists && reuse) {
                psql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))?;
                psql(&format!("CREATE DATABASE {name}"))?;
            }
            (
                format!("postgres://postgres@127.0.0.1:5432/{name}"),
                exists && reuse,
            )
        }
    };
    // A reused volume may predate the latest migrations.
    run(stages_cmd(&url).arg("migrate"))?;
    if !exists {
        run(stages_cmd(&url)
            .arg("seed-demo")
            .arg("--scale")
            .arg(scale.to_string()))?;
    }
    Ok(url)
}

fn start(url: &str) -> Result<Server, String> {
    let port = free_port()?;
    let child = stages_cmd(url)
        .env("STAGES_BIND", format!("127.0.0.1:{port}"))
        .arg("serve")
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("stages serve: {e}"))?;
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while output(Command::new("curl").args(["-sf", &format!("http://127.0.0.1:{port}/api/health")]))
        .is_err()
    {
        if Instant::now() > deadline {
            return Err("the server did not start".into());
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    Ok(server)
}

fn token(port: u16, username: &str) -> Result<String, String> {
    let body = output(Command::new("curl").args([
        "-sf",
        "-H",
        "content-type: application/json",
        "-d",
        &format!(r#"{{"username":"{username}","password":"demo"}}"#),
        &format!("http://127.0.0.1:{port}/api/auth/login"),
    ]))?;
    body.split("\"access_token\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("no token in {body}"))
}

/// A value of oha's JSON summary: `"key": number`.
fn json_number(json: &str, key: &str) -> Option<f64> {
    let after = json.split(&format!("\"{key}\":")).nth(1)?;
    let number: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+'))
        .collect();
    number.parse().ok()
}

struct Figures {
    p50: f64,
    p95: f64,
    p99: f64,
    rps: f64,
}

fn load(port: u16, token: &str, path_regex: &str, seconds: u64) -> Result<Figures, String> {
    // oha's regex reads `\.` as any character: literal dots and question
    // marks go in classes.
    let url = format!("http://127[.]0[.]0[.]1:{port}{path_regex}");
    let json = output(Command::new("oha").args([
        "--no-tui",
        "--output-format",
        "json",
        "-z",
        &format!("{seconds}s"),
        // One client at a time: latency comparable with the query alone,
        // not queueing on the two cores the generator shares.
        "-c",
        "1",
        "-H",
        &format!("Authorization: Bearer {token}"),
        "--rand-regex-url",
        &url,
    ]))?;
    // Every answer must be a 200: errors answer fast and would flatter the
    // figures.
    let statuses = json
        .split("\"statusCodeDistribution\":")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .unwrap_or("");
    let codes: Vec<&str> = statuses.split('"').skip(1).step_by(2).collect();
    if codes != ["200"] {
        return Err(format!(
            "the load run got other answers than 200: {statuses}"
        ));
    }
    // The latency percentiles, not the requests-per-second ones that come
    // first in oha's summary.
    let latency = json.split("\"latencyPercentiles\":").nth(1).unwrap_or("");
    let ms = |key: &str| {
        json_number(latency, key)
            .map(|s| s * 1000.0)
            .unwrap_or(f64::NAN)
    };
    Ok(Figures {
        p50: ms("p50"),
        p95: ms("p95"),
        p99: ms("p99"),
        rps: json_number(&json, "requestsPerSec").unwrap_or(f64::NAN),
    })
}

fn sql(url: &str, search: &str) -> Result<Figures, String> {
    let json = output(stages_cmd(url).args([
        "bench-sql",
        "--search",
        search,
        "--words",
        &WORDS.join(","),
        "--centre",
        "1",
        "--iterations",
        "2000",
    ]))?;
    Ok(Figures {
        p50: json_number(&json, "p50_ms").unwrap_or(f64::NAN),
        p95: json_number(&json, "p95_ms").unwrap_or(f64::NAN),
        p99: json_number(&json, "p99_ms").unwrap_or(f64::NAN),
        rps: f64::NAN,
    })
}

pub fn bench_search(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    run(cargo().current_dir(root()).args([
        "build",
        "--release",
        "--package",
        "stages-cli",
        "--bin",
        "stages",
    ]))?;
    if !on_path("oha") {
        run(cargo().args(["install", "oha@1.16.0", "--locked"]))?;
    }
    let words = WORDS.join("|");
    let mut rows = Vec::new();
    for backend in &options.backends {
        let url = prepare(backend, options.scale, options.reuse)?;
        let server = start(&url)?;
        let admin = token(server.port, "admin")?;
        let manager = token(server.port, "gestionnaire")?;
        // Warm-up, so that caches are what a running server has.
        load(
            server.port,
            &admin,
            &format!("/api/organisations[?]name=({words})"),
            2,
        )?;
        let orgs = load(
            server.port,
            &admin,
            &format!("/api/organisations[?]name=({words})"),
            options.seconds,
        )?;
        let convs = load(
            server.port,
            &manager,
            &format!("/api/conventions[?]q=({words})"),
            options.seconds,
        )?;
        // Every indicator of the Sciences centre's last full year.
        let stats = load(
            server.port,
            &manager,
            "/api/statistics[?]centre_id=1&academic_year=2025-2026",
            options.seconds,
        )?;
        drop(server);
        let orgs_sql = sql(&url, "organisations")?;
        let convs_sql = sql(&url, "conventions")?;
        rows.push((backend, "organisations?name=", orgs, Some(orgs_sql)));
        rows.push((backend, "conventions?q= (manager)", convs, Some(convs_sql)));
        rows.push((backend, "statistics (a centre's year)", stats, None));
    }
    println!(
        "\nLoad: oha, one client, {} s per endpoint; SQL: the same query run 2,000 times on the database.",
        options.seconds
    );
    println!(
        "\n| backend | rows | endpoint | HTTP p50 | p95 | p99 | req/s | SQL p50 | p95 | p99 | p95 HTTP/SQL |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (backend, endpoint, http, sql) in rows {
        let sql = match sql {
            Some(sql) => format!(
                "{:.2} ms | {:.2} ms | {:.2} ms | {:.2}",
                sql.p50,
                sql.p95,
                sql.p99,
                http.p95 / sql.p95
            ),
            None => "— | — | — | —".to_owned(),
        };
        println!(
            "| {backend} | {} | `{endpoint}` | {:.2} ms | {:.2} ms | {:.2} ms | {:.0} | {sql} |",
            options.scale, http.p50, http.p95, http.p99, http.rps,
        );
    }
    Ok(())
}
