//! The first administrator, or another: `stages admin create` works on
//! any database, before any screen can be used (none is reachable until an
//! administrator exists), and never through HTTP.

use crate::auth::password::{self, WeakPassword};
use crate::auth::refresh;
use crate::db::AnyConnection;
use crate::db::audit::{self, Entity};
use crate::db::search::{self, Kind};
use crate::db::users::{self, NewUser, Source, User};
use diesel::Connection;
use serde::Serialize;

/// How the administrator signs in.
pub enum Credential {
    /// A local password (an emergency administrator, or an installation
    /// without a directory), checked against the password policy.
    Password(String),
    /// The directory or single sign-on: Stages keeps no password; the
    /// account takes its names and affiliations at the first sign-in.
    SingleSignOn,
}

/// What happened to the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    Promoted,
}

/// The longest username accepted.
pub const MAX_USERNAME_CHARS: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("a username has 1 to {MAX_USERNAME_CHARS} characters, without spaces")]
    BadUsername,
    #[error(transparent)]
    Weak(#[from] WeakPassword),
    #[error(
        "{0} signs in through the directory or single sign-on: it cannot be given a local password"
    )]
    DirectoryAccount(String),
    #[error("{0} is a local account with a password: use --password-from-stdin to replace it")]
    LocalAccount(String),
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error("database error: {0}")]
    Db(#[from] diesel::result::Error),
}

/// What the audit log keeps of the account (never the password).
#[derive(Serialize)]
struct Snapshot<'a> {
    username: &'a str,
    source: &'a str,
    is_admin: bool,
    active: bool,
    password_replaced: bool,
}

impl<'a> Snapshot<'a> {
    fn of(user: &'a User, password_replaced: bool) -> Self {
        Self {
            username: &user.username,
            source: &user.source,
            is_admin: user.is_admin,
            active: user.active,
            password_replaced,
        }
    }
}

/// Creates `username` as an administrator, or makes the existing account
/// one (active again if it was deactivated). An account keeps where it
/// signs in: a directory or SSO identity is never given a local password,
/// and a local account is not turned into an SSO one. Replacing a local
/// password signs out the account's sessions. Audited, with no actor (the
/// command line).
pub fn create_or_promote(
    conn: &mut AnyConnection,
    username: &str,
    credential: &Credential,
) -> Result<Outcome, AdminError> {
    let username = username.trim();
    let chars = username.chars().count();
    if chars == 0
        || chars > MAX_USERNAME_CHARS
        || username
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(AdminError::BadUsername);
    }
    let hash = match credential {
        Credential::Password(secret) => {
            password::check_policy(secret, &[username])?;
            Some(password::hash(secret).map_err(|e| AdminError::Hash(e.to_string()))?)
        }
        Credential::SingleSignOn => None,
    };
    let now = chrono::Utc::now().naive_utc();
    conn.transaction(|conn| match users::find_by_username(conn, username)? {
        Some(existing) => {
            match (credential, existing.source()) {
                (Credential::Password(_), Source::Directory) => {
                    return Err(AdminError::DirectoryAccount(existing.username));
                }
                (Credential::SingleSignOn, Source::Local) => {
                    return Err(AdminError::LocalAccount(existing.username));
                }
                _ => {}
            }
            users::make_admin(conn, existing.id, hash.as_deref(), now)?;
            if hash.is_some() {
                refresh::revoke_user(conn, existing.id, None, now)?;
            }
            let after = users::find(conn, existing.id)?.ok_or(diesel::result::Error::NotFound)?;
            audit::record(
                conn,
                Entity::User,
                existing.id,
                "make_admin",
                None,
                Some(&Snapshot::of(&existing, false)),
                Some(&Snapshot::of(&after, hash.is_some())),
            )?;
            Ok(Outcome::Promoted)
        }
        None => {
            let source = match credential {
                Credential::Password(_) => Source::Local,
                Credential::SingleSignOn => Source::Directory,
            };
            let id = users::insert(
                conn,
                &NewUser {
                    username,
                    display_name: username,
                    first_name: "",
                    last_name: "",
                    department: None,
                    email: None,
                    password_hash: hash.as_deref(),
                    source: source.as_str(),
                    affiliation: "",
                    student_number: None,
                    is_admin: true,
                    active: true,
                    created_at: now,
                    updated_at: now,
                    is_demo: false,
                },
            )?;
            search::index(conn, Kind::User, id, &[username])?;
            let created = users::find(conn, id)?.ok_or(diesel::result::Error::NotFound)?;
            audit::record::<Snapshot, Snapshot>(
                conn,
                Entity::User,
                id,
                "create_admin",
                None,
                None,
                Some(&Snapshot::of(&created, hash.is_some())),
            )?;
            Ok(Outcome::Created)
        }
    })
}
