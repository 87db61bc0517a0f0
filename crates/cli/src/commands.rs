//! The `stages` command: serve, migrate, admin, seed-demo, openapi.

use crate::{bench, demo, scale};
use clap::{Parser, Subcommand};
use stages_api::app::registry;
use stages_api::config::{Config, ConfigArgs};
use stages_api::db::reference;
use stages_api::{db, openapi, server};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "stages",
    version,
    about = "Internship agreements for French universities"
)]
struct Cli {
    #[command(flatten)]
    config: ConfigArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the SPA.
    Serve,
    /// Apply pending database migrations.
    Migrate,
    /// Administrators: the first one of a new installation, or another.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Load the demo data into an empty database.
    SeedDemo {
        /// Also generate N organisations, N conventions and N/2 students
        /// (for benchmarks).
        #[arg(long)]
        scale: Option<usize>,
    },
    /// Export documents.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Import data exported by other systems.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Time the SQL of a search endpoint straight on the database (for
    /// BENCHMARKS.md); prints percentiles as JSON.
    #[command(hide = true)]
    BenchSql {
        #[arg(long, value_enum)]
        search: bench::Search,
        /// What is read of the page: its ids, or its rows as the endpoint
        /// reads them.
        #[arg(long, value_enum, default_value_t = bench::Read::Rows)]
        read: bench::Read,
        /// Comma-separated words to search, used in turn.
        #[arg(long)]
        words: String,
        /// Centre managed by the caller (conventions search).
        #[arg(long, default_value_t = 1)]
        centre: i64,
        /// Queries of each client.
        #[arg(long, default_value_t = 1000)]
        iterations: usize,
        /// Clients querying at once, each on its own connection.
        #[arg(long, default_value_t = 1)]
        clients: usize,
    },
    /// Print the OpenAPI document.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator, or make an existing account one (and
    /// active again).
    Create {
        /// The account's username (the directory's uid for --sso).
        username: String,
        /// Signs in through the directory or single sign-on: Stages keeps
        /// no password, and the names come with the first sign-in.
        #[arg(
            long,
            conflicts_with = "password_from_stdin",
            required_unless_present = "password_from_stdin"
        )]
        sso: bool,
        /// A local password, read as one line from standard input (at
        /// least 12 characters, not easy to guess). Replacing one signs
        /// the account out everywhere.
        #[arg(long)]
        password_from_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// Students and enrolments from the student information system's CSV
    /// export (idempotent; bad lines are reported and skipped).
    Enrolments {
        /// The CSV file (header line; `;` or `,` separated).
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum ExportCommand {
    /// A centre's agreements of an academic year, as PDFs in one ZIP.
    Pdf {
        /// Centre id.
        #[arg(long)]
        centre: i64,
        /// Academic year, e.g. 2026-2027.
        #[arg(long)]
        academic_year: String,
        /// Where to write the ZIP.
        #[arg(long)]
        output: PathBuf,
    },
}

pub fn main() -> ExitCode {
    init_tracing();
    let cli = Cli::parse();
    if matches!(cli.command, Command::Serve)
        && let Err(message) = bounded_malloc_arenas()
    {
        eprintln!("stages: {message}");
        return ExitCode::FAILURE;
    }
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("stages: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The variable that bounds glibc's malloc arenas.
const ARENA_MAX: &str = "MALLOC_ARENA_MAX";

/// The arenas `stages serve` runs with: one per core, two at least
/// ([`bounded_malloc_arenas`]).
fn arenas() -> String {
    std::thread::available_parallelism()
        .map_or(2, |cores| cores.get().max(2))
        .to_string()
}

/// The variable that fixes the size from which glibc maps an allocation
/// on its own (and unmaps it when freed).
const MMAP_THRESHOLD: &str = "MALLOC_MMAP_THRESHOLD_";

/// Runs the server again in this process with one malloc arena per core, unless
/// the environment already chose a number. glibc gives each thread that
/// allocates its own arena, up to eight per core, and keeps each arena's
/// freed memory: under eight clients the server grew from 92 to 183 MB
/// resident with the searches' threads. One arena kept it at 94 MB but
/// made every allocation of every thread take turns on its lock: eight
/// clients then got fewer answers a second than one (100k, organisations
/// 697 against 739). Two arenas, one per core of a two-core machine,
/// answer 1,114 a second for 89 MB (BENCHMARKS.md). The variable can only be read by glibc at
/// start, and setting it from Rust after threads exist is unsound: hence
/// `exec`, which keeps the process id that service managers watch.
/// Returns only when the variable was set already (or on another C
/// library).
///
/// The mmap threshold is fixed at glibc's default, 128 KiB: left dynamic,
/// glibc raises it after the first large buffer is freed, and the pages of
/// an offers search (big JSON bodies) then stayed in the heap: 114 MB
/// resident at 1M after eight clients, 78 MB with it fixed.
fn bounded_malloc_arenas() -> Result<(), String> {
    if !cfg!(all(target_os = "linux", target_env = "gnu")) || std::env::var_os(ARENA_MAX).is_some()
    {
        return Ok(());
    }
    use std::os::unix::process::CommandExt;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let mut command = std::process::Command::new(exe);
    let arenas = arenas();
    command
        .args(std::env::args_os().skip(1))
        .env(ARENA_MAX, &arenas);
    if std::env::var_os(MMAP_THRESHOLD).is_none() {
        command.env(MMAP_THRESHOLD, "131072");
    }
    let error = command.exec();
    Err(format!(
        "cannot start again with {arenas} malloc arenas: {error}"
    ))
}

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("STAGES_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
}

fn run(cli: Cli) -> Result<(), String> {
    if let Command::Openapi { output } = &cli.command {
        let json = openapi::document_json();
        return match output {
            Some(path) => std::fs::write(path, json).map_err(|e| e.to_string()),
            None => {
                print!("{json}");
                Ok(())
            }
        };
    }
    let config = Config::load(&cli.config).map_err(|e| e.to_string())?;
    let limits = match cli.command {
        Command::Serve => db::Limits::SERVER,
        _ => db::Limits::COMMAND,
    };
    let pool = db::connect(&config.database_url, 10, limits).map_err(|e| e.to_string())?;
    let mut conn = pool
        .get()
        .map_err(|e| format!("cannot open the database: {e}"))?;
    match cli.command {
        Command::Migrate => {
            let applied = db::run_migrations(&mut conn).map_err(|e| e.to_string())?;
            let values = reference::sync(&mut conn).map_err(|e| e.to_string())?;
            println!("{applied} migration(s) applied, {values} reference value(s) added");
            if !stages_api::db::users::has_active_admin(&mut conn).map_err(|e| e.to_string())? {
                println!(
                    "No administrator yet. Create the first one with\n  \
                     stages admin create USERNAME --sso                  (signs in through the directory or single sign-on)\n  \
                     stages admin create USERNAME --password-from-stdin  (a local password, read from standard input)"
                );
            }
            Ok(())
        }
        Command::Admin(AdminCommand::Create {
            username,
            sso,
            password_from_stdin,
        }) => {
            use stages_api::app::admins::{self, Credential, Outcome};
            let credential = if sso && !password_from_stdin {
                Credential::SingleSignOn
            } else {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .map_err(|e| format!("cannot read the password: {e}"))?;
                Credential::Password(line.trim_end_matches(['\n', '\r']).to_owned())
            };
            let outcome = admins::create_or_promote(&mut conn, &username, &credential)
                .map_err(|e| e.to_string())?;
            let how = match credential {
                Credential::SingleSignOn => "signs in through the directory or single sign-on",
                Credential::Password(_) => "signs in with its local password",
            };
            match outcome {
                Outcome::Created => println!("Administrator {username} created; it {how}."),
                Outcome::Promoted => {
                    println!("{username} is now an active administrator; it {how}.")
                }
            }
            Ok(())
        }
        Command::SeedDemo { scale } => {
            if demo::seed(&mut conn).map_err(|e| e.to_string())? {
                println!("Demo data loaded.");
            } else {
                println!("The database already has data; demo data not loaded again.");
            }
            println!("Demo accounts (password \"{}\"):", demo::DEMO_PASSWORD);
            for account in demo::DEMO_ACCOUNTS {
                println!("  {:<14} {}", account.username, account.what);
            }
            if let Some(n) = scale {
                let start = std::time::Instant::now();
                let written = scale::seed(&mut conn, n).map_err(|e| e.to_string())?;
                println!(
                    "{written} conventions, {written} organisations and {} students generated in {:.1} s",
                    (written / 2).max(1),
                    start.elapsed().as_secs_f64()
                );
            }
            Ok(())
        }
        Command::Export(ExportCommand::Pdf {
            centre,
            academic_year,
            output,
        }) => {
            let start = std::time::Instant::now();
            let today = config
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive());
            let documents = stages_api::app::documents::centre_documents(
                &mut conn,
                &config.institution_name,
                centre,
                academic_year.trim(),
                today,
            )
            .map_err(|e| e.to_string())?;
            let zip =
                stages_api::documents::zip_conventions(&documents).map_err(|e| e.to_string())?;
            std::fs::write(&output, &zip)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            println!(
                "{} agreement(s), {} bytes, written to {} in {:.1} s",
                documents.len(),
                zip.len(),
                output.display(),
                start.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Import(ImportCommand::Enrolments { file }) => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let today = chrono::Local::now().date_naive();
            let report = registry::import(&mut conn, &text, stages_api::i18n::Lang::En, today)
                .map_err(|e| e.to_string())?;
            println!(
                "{} line(s): {} student(s) created, {} updated; {} enrolment(s) created, {} updated; {} unchanged; {} refused",
                report.lines,
                report.students_created,
                report.students_updated,
                report.enrolments_created,
                report.enrolments_updated,
                report.unchanged,
                report.errors.len()
            );
            for error in &report.errors {
                println!("  line {}: {}: {}", error.line, error.field, error.message);
            }
            if report.errors.is_empty() {
                Ok(())
            } else {
                Err(format!("{} line(s) refused", report.errors.len()))
            }
        }
        Command::BenchSql {
            search,
            read,
            words,
            centre,
            iterations,
            clients,
        } => {
            // The pool holds ten connections, one of them taken above.
            if !(1..=8).contains(&clients) {
                return Err("--clients: from 1 to 8".to_owned());
            }
            let words: Vec<String> = words.split(',').map(str::to_owned).collect();
            let report = bench::run(&pool, search, read, &words, centre, iterations, clients)?;
            println!(
                "{}",
                serde_json::to_string(&report).map_err(|e| e.to_string())?
            );
            Ok(())
        }
        Command::Serve => {
            if db::has_pending_migrations(&mut conn).map_err(|e| e.to_string())? {
                return Err("the database schema is not up to date: run `stages migrate`".into());
            }
            drop(conn);
            serve(config, pool)
        }
        Command::Openapi { .. } => Ok(()),
    }
}

fn serve(config: Config, pool: db::DbPool) -> Result<(), String> {
    let bind = config.bind.clone();
    let listener =
        std::net::TcpListener::bind(&bind).map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let state = server::state(config, pool).map_err(|e| e.to_string())?;
    let sender = match &state.config.smtp_url {
        Some(url) => Some(
            stages_api::mail::worker::Sender::new(url, &state.config.mail_from)?
                .with_links(state.links.clone()),
        ),
        None => {
            tracing::warn!("no SMTP server configured (--smtp-url): mails stay queued");
            None
        }
    };
    tracing::info!("Stages is serving on http://{bind}");
    actix_web::rt::System::new()
        .block_on(async move {
            if let Some(sender) = sender {
                actix_web::rt::spawn(stages_api::mail::worker::run(
                    state.pool.clone(),
                    sender,
                    std::time::Duration::from_secs(5),
                ));
            }
            actix_web::rt::spawn(stages_api::app::evaluations::scheduler::run(
                state.clone(),
                std::time::Duration::from_secs(60),
            ));
            server::run(listener, state)
                .map_err(|e| std::io::Error::other(e.to_string()))?
                .await
        })
        .map_err(|e| e.to_string())
}
