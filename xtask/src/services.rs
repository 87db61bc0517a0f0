//! Throwaway services for a test run: a PostgreSQL database (on the
//! machine's server, or on a cluster started for the run when none answers),
//! an OpenLDAP `slapd` loaded with the project's test directory, and an SMTP
//! server that keeps what it receives. Each is stopped when its guard is
//! dropped, also when a step fails.

use crate::process::{free_port, output, run};
use crate::root;
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn answers(port: u16) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_ok()
}

fn temp_dir(name: &str) -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("stages-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    Ok(dir)
}

/// A PostgreSQL server for the run and the database created for it.
pub struct Postgres {
    pub port: u16,
    /// The run's database: migrated once, then copied by each test.
    pub database: String,
    cluster: Option<PathBuf>,
}

impl Postgres {
    /// URL of the server's maintenance database, from which tests create
    /// and drop their own.
    pub fn admin_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    pub fn database_url(&self) -> String {
        format!(
            "postgres://postgres@127.0.0.1:{}/{}",
            self.port, self.database
        )
    }

    fn psql(&self, sql: &str) -> Result<String, String> {
        output(Command::new("psql").args([
            "-h",
            "127.0.0.1",
            "-p",
            &self.port.to_string(),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-qAtc",
            sql,
        ]))
    }

    /// Uses the server on 127.0.0.1:5432 when one answers; otherwise starts
    /// a cluster of its own on a free port. `purpose` names the run's
    /// database (`stages_<purpose>_<pid>`), so that two steps never share one.
    pub fn start(purpose: &str) -> Result<Self, String> {
        let (port, cluster) = if answers(5432) {
            (5432, None)
        } else {
            let (port, dir) = start_cluster()?;
            (port, Some(dir))
        };
        let mut pg = Self {
            port,
            database: format!("stages_{purpose}_{}", std::process::id()),
            cluster,
        };
        pg.psql(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            pg.database
        ))?;
        pg.psql(&format!("CREATE DATABASE {}", pg.database))
            .inspect_err(|_| pg.database.clear())?;
        Ok(pg)
    }
}

fn start_cluster() -> Result<(u16, PathBuf), String> {
    let bin = postgres_bin_dir()?;
    let dir = temp_dir("pg")?;
    run(Command::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(&dir))?;
    let data = dir.join("data");
    run(Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(bin.join("initdb"))
        .args([
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-U",
            "postgres",
            "-D",
        ])
        .arg(&data))?;
    let port = free_port()?;
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
        dir.display()
    );
    run(Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(bin.join("pg_ctl"))
        .args(["-w", "-l"])
        .arg(dir.join("log"))
        .arg("-D")
        .arg(&data)
        .args(["-o", &options, "start"]))?;
    Ok((port, dir))
}

fn postgres_bin_dir() -> Result<PathBuf, String> {
    let base = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(base)
        .map_err(|e| format!("PostgreSQL is not installed ({}): {e}", base.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").is_file())
        .collect();
    versions.sort();
    versions
        .pop()
        .ok_or_else(|| "no initdb under /usr/lib/postgresql".to_owned())
}

impl Drop for Postgres {
    fn drop(&mut self) {
        if !self.database.is_empty() {
            let _ = self.psql(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.database
            ));
        }
        if let Some(dir) = &self.cluster {
            if let Ok(bin) = postgres_bin_dir() {
                let _ = run(Command::new("runuser")
                    .args(["-u", "postgres", "--"])
                    .arg(bin.join("pg_ctl"))
                    .arg("-D")
                    .arg(dir.join("data"))
                    .args(["-m", "fast", "stop"]));
            }
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Suffix and accounts of the test directory (`e2e/ldap/directory.ldif`).
pub const LDAP_BASE_DN: &str = "dc=univ-demo,dc=fr";
pub const LDAP_SERVICE_DN: &str = "cn=stages,ou=services,dc=univ-demo,dc=fr";
pub const LDAP_SERVICE_PASSWORD: &str = "stages-service-secret";

/// An OpenLDAP server on a loopback port, loaded offline with `slapadd`.
pub struct Slapd {
    pub port: u16,
    dir: PathBuf,
}

impl Slapd {
    pub fn url(&self) -> String {
        format!("ldap://127.0.0.1:{}", self.port)
    }

    pub fn start() -> Result<Self, String> {
        let dir = temp_dir("slapd")?;
        let ldap = root().join("e2e").join("ldap");
        let db = dir.join("db");
        std::fs::create_dir_all(&db).map_err(|e| e.to_string())?;
        let conf = dir.join("slapd.conf");
        let text = format!(
            "include /etc/ldap/schema/core.schema\n\
             include /etc/ldap/schema/cosine.schema\n\
             include /etc/ldap/schema/inetorgperson.schema\n\
             include /etc/ldap/schema/nis.schema\n\
             include {schema}\n\
             modulepath /usr/lib/ldap\n\
             moduleload back_mdb\n\
             pidfile {pid}\n\
             database mdb\n\
             maxsize 104857600\n\
             suffix \"{LDAP_BASE_DN}\"\n\
             rootdn \"cn=admin,{LDAP_BASE_DN}\"\n\
             rootpw admin-secret\n\
             directory {db}\n\
             index objectClass,uid eq\n\
             index cn,sn,givenName eq,sub\n\
             access to attrs=userPassword by anonymous auth by self write by * none\n\
             access to * by dn.exact=\"{LDAP_SERVICE_DN}\" read by self read by * none\n",
            schema = ldap.join("eduperson.schema").display(),
            pid = dir.join("slapd.pid").display(),
            db = db.display(),
        );
        std::fs::write(&conf, text).map_err(|e| e.to_string())?;
        run(Command::new("/usr/sbin/slapadd")
            .arg("-q")
            .arg("-f")
            .arg(&conf)
            .arg("-l")
            .arg(ldap.join("directory.ldif")))?;
        let port = free_port()?;
        run(Command::new("/usr/sbin/slapd")
            .arg("-f")
            .arg(&conf)
            .arg("-h")
            .arg(format!("ldap://127.0.0.1:{port}/")))?;
        let slapd = Self { port, dir };
        for _ in 0..50 {
            if answers(port) {
                return Ok(slapd);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("slapd does not answer on port {port}"))
    }
}

impl Drop for Slapd {
    fn drop(&mut self) {
        if let Ok(pid) = std::fs::read_to_string(self.dir.join("slapd.pid")) {
            let _ = Command::new("kill").arg(pid.trim()).status();
            for _ in 0..50 {
                if !answers(self.port) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// An SMTP server (aiosmtpd) that stores every message it receives in a
/// maildir, where the mail tests read them.
pub struct SmtpSink {
    pub port: u16,
    pub maildir: PathBuf,
    child: std::process::Child,
    dir: PathBuf,
}

impl SmtpSink {
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn start() -> Result<Self, String> {
        let dir = temp_dir("smtp")?;
        let maildir = dir.join("maildir");
        let port = free_port()?;
        let child = Command::new(crate::tools::venv_python())
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(dir.join("log")).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("cannot start the SMTP server: {e}"))?;
        let mut sink = Self {
            port,
            maildir,
            child,
            dir,
        };
        for _ in 0..100 {
            if answers(port) {
                return Ok(sink);
            }
            if let Ok(Some(status)) = sink.child.try_wait() {
                return Err(format!("the SMTP server exited: {status}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("the SMTP server does not answer on port {port}"))
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The identity providers of the tests (`e2e/idp`), both over the test
/// directory: django-cas-server (CAS 3.0, from PyPI) checking passwords
/// and releasing attributes as a university's CAS does, and
/// django-oidc-provider (OpenID Connect) with a client `stages`. Stages
/// validates their tickets, codes and ID tokens for real.
pub struct Idp {
    pub port: u16,
    child: std::process::Child,
    dir: PathBuf,
}

impl Idp {
    /// The CAS server's base address (`STAGES_CAS_URL`).
    pub fn cas_url(&self) -> String {
        format!("http://127.0.0.1:{}/cas", self.port)
    }

    /// The OpenID provider's issuer (`STAGES_OIDC_ISSUER`).
    pub fn oidc_issuer(&self) -> String {
        format!("http://127.0.0.1:{}/openid", self.port)
    }

    /// Where a test server registers its addresses with the Stages client.
    pub fn registration_url(&self) -> String {
        format!("http://127.0.0.1:{}/test/stages-servers", self.port)
    }

    pub fn start(slapd: &Slapd) -> Result<Self, String> {
        let dir = temp_dir("idp")?;
        let project = root().join("e2e").join("idp");
        let manage = |args: &[&str]| {
            let mut cmd = Command::new(crate::tools::venv_python());
            cmd.current_dir(&project)
                .arg("manage.py")
                .args(args)
                .env("IDP_DATA", &dir)
                .env("IDP_LDAP_URL", slapd.url())
                .env("IDP_LDAP_BASE_DN", LDAP_BASE_DN)
                .env("IDP_LDAP_BIND_DN", LDAP_SERVICE_DN)
                .env("IDP_LDAP_BIND_PASSWORD", LDAP_SERVICE_PASSWORD);
            cmd
        };
        output(&mut manage(&["migrate", "--noinput", "-v", "0"]))?;
        output(&mut manage(&["bootstrap"]))?;
        let port = free_port()?;
        let child = manage(&["runserver", &format!("127.0.0.1:{port}"), "--noreload"])
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(dir.join("log")).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("cannot start the identity provider: {e}"))?;
        let mut idp = Self { port, child, dir };
        for _ in 0..200 {
            if answers(port) {
                return Ok(idp);
            }
            if let Ok(Some(status)) = idp.child.try_wait() {
                let log = std::fs::read_to_string(idp.dir.join("log")).unwrap_or_default();
                return Err(format!("the identity provider exited: {status}\n{log}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!(
            "the identity provider does not answer on port {port}"
        ))
    }
}

impl Drop for Idp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The Stages client at the test OpenID provider (`e2e/idp` bootstrap).
pub const OIDC_CLIENT_ID: &str = "stages";
pub const OIDC_CLIENT_SECRET: &str = "stages-oidc-test-secret";

/// The `stages` binary serving the demo data on a fresh SQLite database and
/// a free port: what the integration scripts and the contract fuzzing talk
/// to. Its log goes to `log` (kept when the run fails, for the 5xx).
pub struct Stages {
    pub port: u16,
    pub log: PathBuf,
    child: std::process::Child,
    dir: PathBuf,
}

impl Stages {
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `stages migrate`, `seed-demo`, then `serve`, on `database_url` (a
    /// fresh SQLite file when `None`). Today is pinned so that the dates the
    /// scripts write stay in the future whenever they run.
    pub fn start(
        binary: &Path,
        log: PathBuf,
        database_url: Option<String>,
    ) -> Result<Self, String> {
        let dir = temp_dir("integration")?;
        let port = free_port()?;
        let database_url = database_url
            .unwrap_or_else(|| format!("sqlite://{}", dir.join("stages.sqlite").display()));
        let command = |sub: &str| {
            let mut cmd = Command::new(binary);
            cmd.arg(sub)
                .env("STAGES_DATABASE_URL", &database_url)
                .env("STAGES_DATA_DIR", &dir)
                .env("STAGES_WEB_DIR", dir.join("no-spa"))
                .env("STAGES_BIND", format!("127.0.0.1:{port}"))
                .env("STAGES_TODAY", "2026-11-29")
                .env("STAGES_LOG", "warn");
            cmd
        };
        output(&mut command("migrate"))?;
        output(&mut command("seed-demo"))?;
        let child = command("serve")
            .stdout(std::process::Stdio::null())
            .stderr(std::fs::File::create(&log).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("cannot start `stages serve`: {e}"))?;
        let mut server = Self {
            port,
            log,
            child,
            dir,
        };
        for _ in 0..200 {
            if answers(port) {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!("`stages serve` exited: {status}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(format!("`stages serve` does not answer on port {port}"))
    }
}

impl Drop for Stages {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
