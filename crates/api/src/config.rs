//! Configuration: command-line flags win over environment variables, which
//! win over the optional TOML file, which wins over the defaults.

use crate::auth::Role;
use crate::sso::cas::CasConfig;
use crate::sso::oidc::OidcConfig;
use clap::Args;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/stages.sqlite";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_DATA_DIR: &str = "data";
pub const DEFAULT_WEB_DIR: &str = "dist";
/// Lifetime of an access token: short, the refresh token renews it.
pub const DEFAULT_ACCESS_TOKEN_MINUTES: i64 = 15;

/// Settings shared by every sub-command.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// Optional TOML file with the same keys as the long flags (snake_case).
    #[arg(long, env = "STAGES_CONFIG", global = true)]
    pub config: Option<PathBuf>,
    /// `sqlite://PATH` (embedded) or `postgres://USER@HOST:PORT/DB`.
    #[arg(long = "database", env = "STAGES_DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Address and port the server listens on.
    #[arg(long, env = "STAGES_BIND", global = true)]
    pub bind: Option<String>,
    /// Directory for the server's own files (JWT secret, uploads).
    #[arg(long, env = "STAGES_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
    /// Directory of the built SPA (Trunk's `dist`).
    #[arg(long, env = "STAGES_WEB_DIR", global = true)]
    pub web_dir: Option<PathBuf>,
    /// Secret that signs access tokens (HS256). Generated and kept in the
    /// data directory when absent.
    #[arg(long, env = "STAGES_JWT_SECRET", global = true, hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// Identity source: `builtin`, or an LDAP URL such as `ldap://127.0.0.1:3389`.
    #[arg(long, env = "STAGES_DIRECTORY", global = true)]
    pub directory: Option<String>,
    /// Where users reach Stages, for the links in mails (default
    /// `http://BIND`).
    #[arg(long, env = "STAGES_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,
    /// SMTP server for notifications: `smtp://host:port`,
    /// `smtp://host?tls=required` or `smtps://user:password@host`. Without
    /// one, mails stay queued.
    #[arg(long, env = "STAGES_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// Sender of the notifications.
    #[arg(long, env = "STAGES_MAIL_FROM", global = true)]
    pub mail_from: Option<String>,
    /// Days between reminders of an evaluation not filled in.
    #[arg(long, env = "STAGES_EVALUATION_REMINDER_DAYS", global = true)]
    pub evaluation_reminder_days: Option<i64>,
    /// Searches run at once; more wait for their turn. Default: the
    /// machine's cores, at least 2. Raise it to the database's cores when
    /// PostgreSQL runs on a larger machine of its own.
    #[arg(long, env = "STAGES_SEARCHES", global = true)]
    pub searches: Option<usize>,
    /// The institution's name, printed on the agreements' letterhead.
    #[arg(long, env = "STAGES_INSTITUTION_NAME", global = true)]
    pub institution_name: Option<String>,
    /// The private key (PKCS#8 PEM, RSA or ECDSA P-256) that seals signed
    /// agreements. Without it, a key and a self-signed certificate are
    /// generated and kept in the data directory (a demo, not production).
    #[arg(long, env = "STAGES_SEAL_KEY", global = true)]
    pub seal_key: Option<PathBuf>,
    /// The certificate (PEM) of the seal key.
    #[arg(long, env = "STAGES_SEAL_CERTIFICATE", global = true)]
    pub seal_certificate: Option<PathBuf>,
    /// An external signature platform that reports signatures to
    /// `/api/signature-platforms/NAME/reports` (letters, digits, `-`).
    #[arg(long, env = "STAGES_SIGNATURE_PLATFORM", global = true)]
    pub signature_platform: Option<String>,
    /// The secret the platform signs its reports with (HMAC-SHA256).
    #[arg(
        long,
        env = "STAGES_SIGNATURE_PLATFORM_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub signature_platform_secret: Option<String>,
    /// LDAP: where people are (`ou=people,dc=univ,dc=fr` or the suffix).
    #[arg(long, env = "STAGES_LDAP_BASE_DN", global = true)]
    pub ldap_base_dn: Option<String>,
    /// LDAP: the service account Stages searches with.
    #[arg(long, env = "STAGES_LDAP_BIND_DN", global = true)]
    pub ldap_bind_dn: Option<String>,
    #[arg(
        long,
        env = "STAGES_LDAP_BIND_PASSWORD",
        global = true,
        hide_env_values = true
    )]
    pub ldap_bind_password: Option<String>,
    /// LDAP: filter finding a person by sign-in name; `{username}` is
    /// replaced by the escaped name. Default `(uid={username})`.
    #[arg(long, env = "STAGES_LDAP_USER_FILTER", global = true)]
    pub ldap_user_filter: Option<String>,
    /// LDAP: filter selecting academic supervisors. Default
    /// `(eduPersonAffiliation=faculty)`.
    #[arg(long, env = "STAGES_LDAP_SUPERVISOR_FILTER", global = true)]
    pub ldap_supervisor_filter: Option<String>,
    /// LDAP: attribute holding the student number. Default `supannEtuId`.
    #[arg(long, env = "STAGES_LDAP_STUDENT_NUMBER_ATTRIBUTE", global = true)]
    pub ldap_student_number_attribute: Option<String>,
    /// Directory affiliation → role, e.g.
    /// `student=student,faculty=supervisor,staff=manager` (the default).
    #[arg(long, env = "STAGES_AFFILIATION_ROLES", global = true)]
    pub affiliation_roles: Option<String>,
    /// Pretend today is this date (YYYY-MM-DD), for demonstrations and
    /// tests of date-bound rules; the server's date otherwise.
    #[arg(long, env = "STAGES_TODAY", global = true)]
    pub today: Option<chrono::NaiveDate>,
    /// Reverse proxies in front of Stages, as addresses or networks
    /// (`10.0.0.5,192.168.0.0/24`): only their `X-Forwarded-For` names the
    /// client (for sign-in throttling and the logs). None by default.
    #[arg(long, env = "STAGES_TRUSTED_PROXIES", global = true)]
    pub trusted_proxies: Option<String>,
    /// Single sign-on through the university's CAS server (CAS 3.0), e.g.
    /// `https://cas.univ.fr/cas`: the sign-in page then offers "Se
    /// connecter avec l'ENT".
    #[arg(long, env = "STAGES_CAS_URL", global = true)]
    pub cas_url: Option<String>,
    /// CAS attributes, as `field=attribute` pairs replacing the SUPANN
    /// defaults (`email=mail,first_name=givenName,last_name=sn,
    /// display_name=displayName,department=supannEntiteAffectationPrincipale,
    /// affiliations=eduPersonAffiliation,student_number=supannEtuId`);
    /// `username=uid` takes the name from an attribute rather than CAS's
    /// user.
    #[arg(long, env = "STAGES_CAS_ATTRIBUTES", global = true)]
    pub cas_attributes: Option<String>,
    /// Single sign-on through an OpenID Connect provider: its issuer, e.g.
    /// `https://idp.univ.fr/realms/univ` (discovery is read from it).
    #[arg(long, env = "STAGES_OIDC_ISSUER", global = true)]
    pub oidc_issuer: Option<String>,
    /// OIDC: Stages' client id at the provider.
    #[arg(long, env = "STAGES_OIDC_CLIENT_ID", global = true)]
    pub oidc_client_id: Option<String>,
    /// OIDC: Stages' client secret at the provider.
    #[arg(
        long,
        env = "STAGES_OIDC_CLIENT_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub oidc_client_secret: Option<String>,
    /// OIDC: scopes asked for besides `openid` (default `profile email`).
    #[arg(long, env = "STAGES_OIDC_SCOPES", global = true)]
    pub oidc_scopes: Option<String>,
    /// OIDC: claims, as `field=claim` pairs replacing the defaults
    /// (`username=preferred_username,email=email,first_name=given_name,
    /// last_name=family_name,display_name=name,affiliations=eduPersonAffiliation,
    /// student_number=supannEtuId,department=supannEntiteAffectationPrincipale`).
    #[arg(long, env = "STAGES_OIDC_CLAIMS", global = true)]
    pub oidc_claims: Option<String>,
}

/// The same keys, read from the TOML file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    bind: Option<String>,
    data_dir: Option<PathBuf>,
    web_dir: Option<PathBuf>,
    jwt_secret: Option<String>,
    directory: Option<String>,
    today: Option<chrono::NaiveDate>,
    ldap_base_dn: Option<String>,
    ldap_bind_dn: Option<String>,
    ldap_bind_password: Option<String>,
    ldap_user_filter: Option<String>,
    ldap_supervisor_filter: Option<String>,
    ldap_student_number_attribute: Option<String>,
    affiliation_roles: Option<String>,
    institution_name: Option<String>,
    seal_key: Option<PathBuf>,
    seal_certificate: Option<PathBuf>,
    signature_platform: Option<String>,
    signature_platform_secret: Option<String>,
    public_url: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    evaluation_reminder_days: Option<i64>,
    searches: Option<usize>,
    trusted_proxies: Option<String>,
    cas_url: Option<String>,
    cas_attributes: Option<String>,
    oidc_issuer: Option<String>,
    oidc_client_id: Option<String>,
    oidc_client_secret: Option<String>,
    oidc_scopes: Option<String>,
    oidc_claims: Option<String>,
}

/// Where users are authenticated and looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directory {
    /// Users and argon2 hashes in the database (embedded default, demo).
    Builtin,
    /// A university LDAP directory.
    Ldap(LdapConfig),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LdapConfig {
    pub url: String,
    pub base_dn: String,
    pub bind_dn: Option<String>,
    pub bind_password: Option<String>,
    pub user_filter: String,
    pub supervisor_filter: String,
    pub student_number_attribute: String,
}

pub const DEFAULT_MAIL_FROM: &str = "Stages <stages@localhost>";
pub const DEFAULT_REMINDER_DAYS: i64 = 7;
pub const DEFAULT_INSTITUTION_NAME: &str = "Université de démonstration";
pub const DEFAULT_AFFILIATION_ROLES: &str = "student=student,faculty=supervisor,staff=manager";

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub bind: String,
    pub data_dir: PathBuf,
    pub web_dir: PathBuf,
    pub jwt_secret: Option<String>,
    pub directory: Directory,
    /// Directory affiliation → role.
    pub affiliation_roles: Vec<(String, Role)>,
    pub access_token_minutes: i64,
    pub today: Option<chrono::NaiveDate>,
    pub institution_name: String,
    /// The seal's key and certificate files, when configured.
    pub seal_files: Option<(PathBuf, PathBuf)>,
    /// An external signature platform's name and shared secret.
    pub signature_platform: Option<(String, String)>,
    pub public_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub evaluation_reminder_days: i64,
    /// Searches run at once, when set (see [`crate::state::concurrent_searches`]).
    pub searches: Option<usize>,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The CAS server people sign in with, when there is one.
    pub cas: Option<CasConfig>,
    /// The OpenID Connect provider people sign in with, when there is one.
    pub oidc: Option<OidcConfig>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("invalid configuration file {path}: {source}")]
    Parse {
        path: String,
        source: Box<toml::de::Error>,
    },
    #[error(
        "invalid affiliation mapping {0:?}: write affiliation=role pairs, roles student, supervisor, manager or admin"
    )]
    AffiliationRoles(String),
    #[error("the LDAP directory needs a base DN (STAGES_LDAP_BASE_DN)")]
    LdapBaseDn,
    #[error("cannot keep the JWT secret in {path}: {source}")]
    Secret {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "invalid trusted proxies {0:?}: give addresses or networks separated by commas (10.0.0.5,192.168.0.0/24)"
    )]
    TrustedProxies(String),
    #[error(transparent)]
    CasUrl(#[from] crate::sso::cas::CasUrlError),
    #[error(transparent)]
    Attributes(#[from] crate::sso::MappingError),
    #[error(
        "OpenID Connect needs STAGES_OIDC_CLIENT_ID and STAGES_OIDC_CLIENT_SECRET with STAGES_OIDC_ISSUER"
    )]
    OidcClient,
    #[error(
        "a signature platform needs STAGES_SIGNATURE_PLATFORM (letters, digits, -) and STAGES_SIGNATURE_PLATFORM_SECRET (at least {MIN_SECRET_BYTES} bytes)"
    )]
    SignaturePlatform,
    #[error("the seal needs both STAGES_SEAL_KEY and STAGES_SEAL_CERTIFICATE")]
    SealFiles,
    #[error("STAGES_SEARCHES must be at least 1")]
    Searches,
    #[error("cannot use the seal {path}: {cause}")]
    Seal { path: String, cause: String },
    #[error(
        "the JWT secret has {0} bytes: give at least {MIN_SECRET_BYTES} random bytes (e.g. `openssl rand -hex 32`)"
    )]
    WeakSecret(usize),
}

/// Shortest accepted secret: HS256 keys shorter than its hash are weak.
pub const MIN_SECRET_BYTES: usize = 32;

/// The data dir, created if needed, readable by its owner only.
fn private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    make_private(dir, 0o700)
}

/// Takes away every right of the group and others.
fn make_private(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let current = std::fs::metadata(path)?.permissions().mode() & 0o777;
    if current & 0o077 != 0 {
        tracing::warn!(
            path = %path.display(),
            "readable by others: made private ({:o} -> {mode:o})",
            current
        );
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// Writes a new file that only its owner can read, from its creation on.
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

impl Config {
    pub fn load(args: &ConfigArgs) -> Result<Self, ConfigError> {
        let file = match &args.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        let directory = args
            .directory
            .clone()
            .or(file.directory)
            .unwrap_or_else(|| "builtin".to_owned());
        let pick = |flag: &Option<String>, file: Option<String>| flag.clone().or(file);
        let directory = if directory == "builtin" {
            Directory::Builtin
        } else {
            Directory::Ldap(LdapConfig {
                url: directory,
                base_dn: pick(&args.ldap_base_dn, file.ldap_base_dn)
                    .ok_or(ConfigError::LdapBaseDn)?,
                bind_dn: pick(&args.ldap_bind_dn, file.ldap_bind_dn),
                bind_password: pick(&args.ldap_bind_password, file.ldap_bind_password),
                user_filter: pick(&args.ldap_user_filter, file.ldap_user_filter)
                    .unwrap_or_else(|| "(uid={username})".to_owned()),
                supervisor_filter: pick(&args.ldap_supervisor_filter, file.ldap_supervisor_filter)
                    .unwrap_or_else(|| "(eduPersonAffiliation=faculty)".to_owned()),
                student_number_attribute: pick(
                    &args.ldap_student_number_attribute,
                    file.ldap_student_number_attribute,
                )
                .unwrap_or_else(|| "supannEtuId".to_owned()),
            })
        };
        let affiliation_roles = parse_affiliation_roles(
            &pick(&args.affiliation_roles, file.affiliation_roles)
                .unwrap_or_else(|| DEFAULT_AFFILIATION_ROLES.to_owned()),
        )?;
        let cas = match pick(&args.cas_url, file.cas_url) {
            Some(url) => Some(CasConfig {
                url: crate::sso::cas::parse_url(&url)?,
                attributes: crate::sso::AttributeMap::parse(
                    crate::sso::DEFAULT_CAS_ATTRIBUTES,
                    pick(&args.cas_attributes, file.cas_attributes).as_deref(),
                )?,
            }),
            None => None,
        };
        let oidc = match pick(&args.oidc_issuer, file.oidc_issuer) {
            Some(issuer) => Some(OidcConfig {
                // Checked, but kept as written: the ID token's `iss` must
                // match it exactly, final `/` included where the provider
                // has one.
                issuer: {
                    crate::sso::cas::parse_url(&issuer)?;
                    issuer.trim().to_owned()
                },
                client_id: pick(&args.oidc_client_id, file.oidc_client_id)
                    .ok_or(ConfigError::OidcClient)?,
                client_secret: pick(&args.oidc_client_secret, file.oidc_client_secret)
                    .ok_or(ConfigError::OidcClient)?,
                scopes: pick(&args.oidc_scopes, file.oidc_scopes)
                    .unwrap_or_else(|| crate::sso::oidc::DEFAULT_OIDC_SCOPES.to_owned())
                    .split_whitespace()
                    .filter(|s| *s != "openid")
                    .map(str::to_owned)
                    .collect(),
                claims: crate::sso::AttributeMap::parse(
                    crate::sso::oidc::DEFAULT_OIDC_CLAIMS,
                    pick(&args.oidc_claims, file.oidc_claims).as_deref(),
                )?,
            }),
            None => None,
        };
        let bind = args
            .bind
            .clone()
            .or(file.bind.clone())
            .unwrap_or_else(|| DEFAULT_BIND.to_owned());
        Ok(Self {
            database_url: args
                .database_url
                .clone()
                .or(file.database_url)
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            bind: bind.clone(),
            data_dir: args
                .data_dir
                .clone()
                .or(file.data_dir)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR)),
            web_dir: args
                .web_dir
                .clone()
                .or(file.web_dir)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_WEB_DIR)),
            jwt_secret: args.jwt_secret.clone().or(file.jwt_secret),
            directory,
            affiliation_roles,
            access_token_minutes: DEFAULT_ACCESS_TOKEN_MINUTES,
            today: args.today.or(file.today),
            institution_name: pick(&args.institution_name, file.institution_name)
                .unwrap_or_else(|| DEFAULT_INSTITUTION_NAME.to_owned()),
            seal_files: match (
                args.seal_key.clone().or(file.seal_key),
                args.seal_certificate.clone().or(file.seal_certificate),
            ) {
                (Some(key), Some(certificate)) => Some((key, certificate)),
                (None, None) => None,
                _ => return Err(ConfigError::SealFiles),
            },
            signature_platform: match (
                pick(&args.signature_platform, file.signature_platform),
                pick(
                    &args.signature_platform_secret,
                    file.signature_platform_secret,
                ),
            ) {
                (Some(name), Some(secret))
                    if !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        && secret.len() >= MIN_SECRET_BYTES =>
                {
                    Some((name, secret))
                }
                (None, None) => None,
                _ => return Err(ConfigError::SignaturePlatform),
            },
            public_url: pick(&args.public_url, file.public_url)
                .unwrap_or_else(|| format!("http://{bind}")),
            smtp_url: pick(&args.smtp_url, file.smtp_url),
            mail_from: pick(&args.mail_from, file.mail_from)
                .unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned()),
            evaluation_reminder_days: args
                .evaluation_reminder_days
                .or(file.evaluation_reminder_days)
                .unwrap_or(DEFAULT_REMINDER_DAYS),
            searches: match args.searches.or(file.searches) {
                Some(0) => return Err(ConfigError::Searches),
                searches => searches,
            },
            trusted_proxies: parse_trusted_proxies(
                &pick(&args.trusted_proxies, file.trusted_proxies).unwrap_or_default(),
            )?,
            cas,
            oidc,
        })
    }

    /// The secret that signs access tokens and tutor links: the configured
    /// one (at least [`MIN_SECRET_BYTES`]), else the one generated in the
    /// data dir on first start. Whoever reads it can mint an
    /// administrator's token: the file is the owner's alone (0600, in a
    /// 0700 directory); one left readable by others (by an older version)
    /// is made private.
    pub fn jwt_secret(&self) -> Result<String, ConfigError> {
        if let Some(secret) = &self.jwt_secret {
            if secret.len() < MIN_SECRET_BYTES {
                return Err(ConfigError::WeakSecret(secret.len()));
            }
            return Ok(secret.clone());
        }
        let path = self.data_dir.join("jwt-secret");
        let to_err = |source| ConfigError::Secret {
            path: path.display().to_string(),
            source,
        };
        private_dir(&self.data_dir).map_err(to_err)?;
        match std::fs::read_to_string(&path) {
            Ok(secret) if !secret.trim().is_empty() => {
                make_private(&path, 0o600).map_err(to_err)?;
                if secret.trim().len() < MIN_SECRET_BYTES {
                    return Err(ConfigError::WeakSecret(secret.trim().len()));
                }
                Ok(secret.trim().to_owned())
            }
            _ => {
                let secret = random_secret();
                write_private(&path, &secret).map_err(to_err)?;
                Ok(secret)
            }
        }
    }
}

impl Config {
    /// The seal of signed agreements: the configured key and certificate,
    /// else the demo's, generated on first start and kept (private) in the
    /// data directory so that a restart seals with the same certificate.
    pub fn seal(&self) -> Result<crate::documents::seal::Seal, ConfigError> {
        use crate::documents::seal::Seal;
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|e| ConfigError::Seal {
                path: path.display().to_string(),
                cause: e.to_string(),
            })
        };
        if let Some((key, certificate)) = &self.seal_files {
            return Seal::from_pem(&read(key)?, &read(certificate)?).map_err(|e| {
                ConfigError::Seal {
                    path: key.display().to_string(),
                    cause: e.to_string(),
                }
            });
        }
        let key = self.data_dir.join("seal-key.pem");
        let certificate = self.data_dir.join("seal-certificate.pem");
        let to_err = |cause: String| ConfigError::Seal {
            path: key.display().to_string(),
            cause,
        };
        if key.is_file() && certificate.is_file() {
            make_private(&key, 0o600).map_err(|e| to_err(e.to_string()))?;
            return Seal::from_pem(&read(&key)?, &read(&certificate)?)
                .map_err(|e| to_err(e.to_string()));
        }
        let seal = Seal::generate(&self.institution_name).map_err(|e| to_err(e.to_string()))?;
        let (key_pem, certificate_pem) = seal.to_pem().map_err(|e| to_err(e.to_string()))?;
        private_dir(&self.data_dir).map_err(|e| to_err(e.to_string()))?;
        write_private(&key, &key_pem).map_err(|e| to_err(e.to_string()))?;
        std::fs::write(&certificate, certificate_pem).map_err(|e| to_err(e.to_string()))?;
        Ok(seal)
    }
}

/// `10.0.0.5, 192.168.0.0/24` → networks (an address is a network of one).
pub fn parse_trusted_proxies(text: &str) -> Result<Vec<ipnet::IpNet>, ConfigError> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<ipnet::IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| ConfigError::TrustedProxies(text.to_owned()))
        })
        .collect()
}

/// `student=student,faculty=supervisor` → pairs.
pub fn parse_affiliation_roles(text: &str) -> Result<Vec<(String, Role)>, ConfigError> {
    text.split(',')
        .filter(|pair| !pair.trim().is_empty())
        .map(|pair| {
            let (affiliation, role) = pair
                .split_once('=')
                .ok_or_else(|| ConfigError::AffiliationRoles(text.to_owned()))?;
            let role = serde_json::from_value(serde_json::Value::String(role.trim().to_owned()))
                .map_err(|_| ConfigError::AffiliationRoles(text.to_owned()))?;
            Ok((affiliation.trim().to_owned(), role))
        })
        .collect()
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    toml::from_str(&text).map_err(|source| ConfigError::Parse {
        path: path.display().to_string(),
        source: Box::new(source),
    })
}

fn random_secret() -> String {
    use rand::Rng;
    let bytes: [u8; 32] = rand::rng().random();
    hex::encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_the_file_and_defaults_fill_the_rest() {
        let dir = std::env::temp_dir().join(format!("stages-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("stages.toml");
        std::fs::write(
            &file,
            "bind = \"0.0.0.0:9000\"\ndatabase_url = \"sqlite://x.sqlite\"\n",
        )
        .expect("write config");
        let args = ConfigArgs {
            config: Some(file),
            database_url: Some("postgres://db/stages".into()),
            ..ConfigArgs::default()
        };
        let config = Config::load(&args).expect("config");
        assert_eq!(config.database_url, "postgres://db/stages");
        assert_eq!(config.bind, "0.0.0.0:9000");
        assert_eq!(config.web_dir, PathBuf::from(DEFAULT_WEB_DIR));
        assert_eq!(config.directory, Directory::Builtin);
        assert_eq!(
            config.affiliation_roles[1],
            ("faculty".to_owned(), Role::Supervisor)
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn searches_at_once_are_read_and_none_is_refused() {
        let default = Config::load(&ConfigArgs::default()).expect("config");
        assert_eq!(default.searches, None);
        let three = Config::load(&ConfigArgs {
            searches: Some(3),
            ..ConfigArgs::default()
        })
        .expect("config");
        assert_eq!(three.searches, Some(3));
        assert!(matches!(
            Config::load(&ConfigArgs {
                searches: Some(0),
                ..ConfigArgs::default()
            }),
            Err(ConfigError::Searches)
        ));
    }

    #[test]
    fn unknown_keys_in_the_file_are_refused() {
        let dir = std::env::temp_dir().join(format!("stages-config-bad-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("stages.toml");
        std::fs::write(&file, "bnid = \"x\"\n").expect("write config");
        let args = ConfigArgs {
            config: Some(file),
            ..ConfigArgs::default()
        };
        assert!(matches!(
            Config::load(&args),
            Err(ConfigError::Parse { .. })
        ));
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn generated_secret_is_kept_across_loads() {
        let dir = std::env::temp_dir().join(format!("stages-secret-{}", std::process::id()));
        let args = ConfigArgs {
            data_dir: Some(dir.clone()),
            ..ConfigArgs::default()
        };
        let config = Config::load(&args).expect("config");
        let first = config.jwt_secret().expect("secret");
        let second = config.jwt_secret().expect("secret");
        assert_eq!(first, second);
        assert_eq!(first.len(), 64);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn the_secret_is_private_and_long_enough() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
        let dir = std::env::temp_dir().join(format!("stages-secret-mode-{}", std::process::id()));
        let config = Config::load(&ConfigArgs {
            data_dir: Some(dir.clone()),
            ..ConfigArgs::default()
        })
        .expect("config");
        config.jwt_secret().expect("secret");
        let file = dir.join("jwt-secret");
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir), 0o700);
        // A file an older version left readable by all is made private.
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        config.jwt_secret().expect("secret");
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&dir), 0o700);
        std::fs::remove_dir_all(&dir).ok();

        let short = Config {
            jwt_secret: Some("short secret".into()),
            ..config
        };
        assert!(matches!(
            short.jwt_secret(),
            Err(ConfigError::WeakSecret(12))
        ));
    }
}

#[cfg(test)]
mod mapping_tests {
    use super::*;

    #[test]
    fn trusted_proxies_are_addresses_or_networks() {
        let proxies = parse_trusted_proxies("10.0.0.5, 192.168.0.0/24,::1").expect("valid");
        assert_eq!(proxies.len(), 3);
        assert!(proxies[0].contains(&"10.0.0.5".parse::<std::net::IpAddr>().expect("ip")));
        assert!(proxies[1].contains(&"192.168.0.77".parse::<std::net::IpAddr>().expect("ip")));
        assert!(parse_trusted_proxies("").expect("none").is_empty());
        assert!(parse_trusted_proxies("proxy.example").is_err());
    }

    #[test]
    fn affiliations_map_to_roles_and_bad_mappings_are_refused() {
        let roles = parse_affiliation_roles("student=student, employee=manager").expect("valid");
        assert_eq!(
            roles,
            vec![
                ("student".into(), Role::Student),
                ("employee".into(), Role::Manager)
            ]
        );
        assert!(parse_affiliation_roles("student").is_err());
        assert!(parse_affiliation_roles("student=dean").is_err());
    }
}
