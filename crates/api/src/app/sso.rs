//! Opening a session for someone single sign-on vouched for (CAS, OpenID
//! Connect): one transaction that creates or refreshes the account from
//! what the provider released, asks the domain whether it may sign in,
//! records the provider's session (CAS: its ticket, which opens one
//! sign-in and which its logout names) and issues the refresh token.

use crate::auth::{Role, refresh, roles_of};
use crate::db::AnyConnection;
use crate::db::sso_sessions;
use crate::db::users::{self, DirectoryUserError};
use crate::directory::ldap::DirectoryUser;
use stages_domain::access;

/// Why a single sign-on did not open a session; the sign-in page explains
/// each (`sso-error-…` messages of the SPA).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// A CAS ticket missing, malformed, unknown, expired, used, or for
    /// another service; an OIDC answer that does not finish a sign-in
    /// this browser started.
    Ticket,
    /// The provider or the database could not be reached.
    Unavailable,
    /// What the provider released does not describe a usable account.
    Identity,
    /// ACCOUNT-01: no affiliation that gives a role, or a disabled account.
    NoAccess,
    /// ACCOUNT-02: the name of a local account.
    Reserved,
}

impl Failure {
    pub fn code(self) -> &'static str {
        match self {
            Failure::Ticket => "ticket",
            Failure::Unavailable => "unavailable",
            Failure::Identity => "identity",
            Failure::NoAccess => "ACCOUNT-01",
            Failure::Reserved => "ACCOUNT-02",
        }
    }

    /// The sign-in page, saying why.
    pub fn page(self) -> String {
        format!("/login?sso_error={}", self.code())
    }
}

impl From<diesel::result::Error> for Failure {
    fn from(e: diesel::result::Error) -> Self {
        tracing::error!(%e, "single sign-on: database error");
        Failure::Unavailable
    }
}

/// Opens the session of `person`, who signed in `via` a provider (`cas`,
/// `oidc`): the new refresh token. `provider_session` names the
/// provider's session (CAS's ticket) when it has one; it opens one
/// sign-in only.
pub fn open_session(
    conn: &mut AnyConnection,
    person: &DirectoryUser,
    via: &str,
    provider_session: Option<&str>,
    mapping: &[(String, Role)],
    now: chrono::NaiveDateTime,
) -> Result<String, Failure> {
    crate::db::transaction(conn, |conn| {
        let user = users::upsert_from_directory(conn, person, via).map_err(|e| match e {
            DirectoryUserError::LocalAccount(uid) => {
                tracing::warn!(
                    uid,
                    via,
                    "a single sign-on identity has the name of a local account: refused"
                );
                Failure::Reserved
            }
            DirectoryUserError::Db(e) => e.into(),
        })?;
        let roles = roles_of(&user.affiliation, mapping, user.is_admin);
        access::may_sign_in(user.active, &roles).map_err(|_| Failure::NoAccess)?;
        let family = refresh::random_secret();
        if let Some(session) = provider_session {
            if !sso_sessions::open(conn, via, session, &family, user.id, now)? {
                tracing::warn!(via, "a provider session was presented twice: refused");
                return Err(Failure::Ticket);
            }
            sso_sessions::purge(conn, now)?;
        }
        Ok(refresh::issue(conn, user.id, Some(family), now)?)
    })
}
