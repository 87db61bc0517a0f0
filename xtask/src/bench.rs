//! `cargo xtask bench-search`: the search load benchmark of BENCHMARKS.md.
//! Generates a volume (`stages seed-demo --scale N`), serves it in release
//! mode, drives the search endpoints, `/api/me` (what any signed-in answer
//! costs) and the statistics with the `oha` load generator (one client,
//! then eight at once), times the searches' SQL straight on the database
//! (`stages bench-sql`) and reports the server's peak resident memory and
//! the machine's load.

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

/// Words of the generated offers' titles, searched in turn.
const OFFER_WORDS: &[&str] = &[
    "developpement",
    "marketing",
    "logistique",
    "comptabilite",
    "juridique",
    "chimie",
    "biologie",
    "communication",
    "maintenance",
    "ressources",
];

struct Options {
    scale: usize,
    backends: Vec<&'static str>,
    seconds: u64,
    reuse: bool,
    /// Concurrent clients of each load run, in turn.
    clients: Vec<u32>,
    /// libpq's `sslmode` for the PostgreSQL volume, for the server and the
    /// raw queries alike: `disable` as README advises for a database on
    /// the same host (the default), `prefer` for libpq's own default (the
    /// runs before the thirteenth: TLS on the loopback).
    sslmode: String,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        scale: 100_000,
        backends: vec!["sqlite", "postgres"],
        seconds: 15,
        reuse: false,
        clients: vec![1, 8],
        sslmode: "disable".to_owned(),
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
            "--sslmode" => {
                options.sslmode = value()?;
                let modes = [
                    "disable",
                    "allow",
                    "prefer",
                    "require",
                    "verify-ca",
                    "verify-full",
                ];
                if !modes.contains(&options.sslmode.as_str()) {
                    return Err(format!("--sslmode: one of {}", modes.join(", ")));
                }
            }
            "--clients" => {
                options.clients = value()?
                    .split(',')
                    .map(|c| c.trim().parse().map_err(|e| format!("--clients: {e}")))
                    .collect::<Result<_, _>>()?
            }
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

fn prepare(backend: &str, scale: usize, reuse: bool, sslmode: &str) -> Result<String, String> {
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
                format!("postgres://postgres@127.0.0.1:5432/{name}?sslmode={sslmode}"),
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

#[derive(Clone)]
struct Figures {
    p50: f64,
    p95: f64,
    p99: f64,
    rps: f64,
}

/// The server's peak resident memory so far, in MB (`VmHWM`).
fn peak_mb(server: &Server) -> f64 {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn load(
    port: u16,
    token: &str,
    path_regex: &str,
    seconds: u64,
    clients: u32,
) -> Result<Figures, String> {
    // oha's regex reads `\.` as any character: literal dots and question
    // marks go in classes.
    let url = format!("http://127[.]0[.]0[.]1:{port}{path_regex}");
    let json = output(Command::new("oha").args([
        "--no-tui",
        "--output-format",
        "json",
        "-z",
        &format!("{seconds}s"),
        // One client gives a latency comparable with the query alone;
        // eight queue on the two cores the generator shares with the
        // server and the database.
        "-c",
        &clients.to_string(),
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

/// The search's first page read straight on the database by `clients` at
/// once, each 2,000 times (`stages bench-sql`).
/// `stages bench-sql`'s figures for `search`: `read` is `rows` (the
/// page's rows as the endpoint's repository reads them) or `ids` (the ids
/// the engine leads to, by hand-written SQL).
fn sql(url: &str, search: &str, read: &str, clients: u32) -> Result<Figures, String> {
    let words = if search == "offers" {
        OFFER_WORDS
    } else {
        WORDS
    };
    let json = output(stages_cmd(url).args([
        "bench-sql",
        "--search",
        search,
        "--read",
        read,
        "--words",
        &words.join(","),
        "--centre",
        "1",
        "--iterations",
        "2000",
        "--clients",
        &clients.to_string(),
    ]))?;
    Ok(Figures {
        p50: json_number(&json, "p50_ms").unwrap_or(f64::NAN),
        p95: json_number(&json, "p95_ms").unwrap_or(f64::NAN),
        p99: json_number(&json, "p99_ms").unwrap_or(f64::NAN),
        rps: f64::NAN,
    })
}

/// The machine's load average over the last minute, as the kernel tells it.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
}

pub fn bench_search(args: &[String]) -> Result<(), String> {
    let options = parse(args)?;
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
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
    let mut peaks = Vec::new();
    for backend in &options.backends {
        let url = prepare(backend, options.scale, options.reuse, &options.sslmode)?;
        let server = start(&url)?;
        let load_before = load_average();
        let admin = token(server.port, "admin")?;
        let manager = token(server.port, "gestionnaire")?;
        let student = token(server.port, "etudiant")?;
        let keywords = OFFER_WORDS.join("|");
        let endpoints = [
            (
                "organisations?name=",
                &admin,
                format!("/api/organisations[?]name=({words})"),
                Some("organisations"),
            ),
            (
                "conventions?q= (manager)",
                &manager,
                format!("/api/conventions[?]q=({words})"),
                Some("conventions"),
            ),
            (
                "students?q= (admin)",
                &admin,
                format!("/api/students[?]q=({words})"),
                Some("students"),
            ),
            (
                "offers?q= (student)",
                &student,
                format!("/api/offers[?]q=({keywords})"),
                Some("offers"),
            ),
            // The floor: what any signed-in answer costs (the token, the
            // account, JSON, HTTP), which the searches cannot go under.
            ("me (the floor)", &admin, "/api/me".to_owned(), None),
            // Every indicator of the Sciences centre's last full year.
            (
                "statistics (a centre's year)",
                &manager,
                "/api/statistics[?]centre_id=1&academic_year=2025-2026".to_owned(),
                None,
            ),
        ];
        // Warm-up, so that caches are what a running server has.
        for (_, token, path, _) in &endpoints {
            load(server.port, token, path, 2, 1)?;
        }
        let mut measured = Vec::new();
        for clients in &options.clients {
            for (name, token, path, search) in &endpoints {
                let http = load(server.port, token, path, options.seconds, *clients)?;
                measured.push((*name, *clients, http, *search));
            }
        }
        peaks.push((backend, peak_mb(&server), load_before, load_average()));
        drop(server);
        // The raw query with as many clients as the HTTP run.
        for (name, clients, http, search) in measured {
            let sql = match search {
                Some(search) => Some((
                    sql(&url, search, "rows", clients)?,
                    sql(&url, search, "ids", clients)?,
                )),
                None => None,
            };
            rows.push((backend, name, clients, http, sql));
        }
    }
    println!(
        "\nLoad: oha for {} s per endpoint and number of clients; SQL: the same first page read straight on the database, 2,000 times by each of as many clients at once: its rows by the endpoint's repository function (the ratio's denominator), and its ids alone by hand-written SQL (the engine-led batches, then the ids among them the caller may see).",
        options.seconds
    );
    println!(
        "\n| backend | rows | endpoint | clients | HTTP p50 | p95 | p99 | req/s | SQL rows p50 | p95 | p99 | p95 HTTP/SQL rows | SQL ids p95 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (backend, endpoint, clients, http, sql) in rows {
        let sql = match sql {
            Some((sql, ids)) => format!(
                "{:.2} ms | {:.2} ms | {:.2} ms | {:.2} | {:.2} ms",
                sql.p50,
                sql.p95,
                sql.p99,
                http.p95 / sql.p95,
                ids.p95
            ),
            None => "— | — | — | — | —".to_owned(),
        };
        println!(
            "| {backend} | {} | `{endpoint}` | {clients} | {:.2} ms | {:.2} ms | {:.2} ms | {:.0} | {sql} |",
            options.scale, http.p50, http.p95, http.p99, http.rps,
        );
    }
    println!();
    for (backend, peak, before, after) in peaks {
        println!(
            "{backend}: the server's peak resident memory (VmHWM) {peak:.0} MB; load average {before} before the load, {after} after ({cores} cores)"
        );
    }
    Ok(())
}
