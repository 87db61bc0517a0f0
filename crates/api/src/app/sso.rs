//! Opening a session for someone single sign-on vouched for (CAS, OpenID
//! Connect): one transaction that creates or refreshes the account from
//! what the provider released, asks the domain whether it may sign in,
//! records the provider's session (CAS: its ticket, which opens one
//! sign-in and which its logout names) and issues the refresh token.

use crate::auth::{Role, refresh, roles_of};
use crate::db::AnyConnection;
use crate::db::users::{self, DirectoryUserError};
use crate::db::{sso_identities, sso_sessions};
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
    /// Too many sign-ins started from this address, or under way at once.
    Busy,
}

impl Failure {
    pub fn code(self) -> &'static str {
        match self {
            Failure::Ticket => "ticket",
            Failure::Unavailable => "unavailable",
            Failure::Identity => "identity",
            Failure::NoAccess => "ACCOUNT-01",
            Failure::Reserved => "ACCOUNT-02",
            Failure::Busy => "busy",
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

/// Who a provider says signed in, beyond the username: OpenID's issuer
/// and `sub`, which the provider never gives to someone else.
pub struct Subject {
    pub issuer: String,
    pub subject: String,
}

/// Opens the session of `person`, who signed in `via` a provider (`cas`,
/// `oidc`): the new refresh token. `provider_session` names the
/// provider's session (CAS's ticket) when it has one; it opens one
/// sign-in only. `subject` (OpenID) binds the account at its first
/// sign-in: afterwards the subject finds the account whatever username
/// the provider releases, and another subject bringing that username is
/// refused.
pub fn open_session(
    conn: &mut AnyConnection,
    person: &DirectoryUser,
    via: &str,
    provider_session: Option<&str>,
    subject: Option<&Subject>,
    mapping: &[(String, Role)],
    now: chrono::NaiveDateTime,
) -> Result<String, Failure> {
    crate::db::transaction(conn, |conn| {
        let mut person = person.clone();
        let mut unbound = None;
        if let Some(id) = subject {
            match sso_identities::bound_account(conn, &id.issuer, &id.subject)? {
                Some(account) => {
                    let username = users::find(conn, account)?
                        .ok_or(diesel::result::Error::NotFound)?
                        .username;
                    if username != person.uid {
                        tracing::info!(
                            via,
                            "the provider released another username for a bound subject: the account keeps its own"
                        );
                        person.uid = username;
                    }
                }
                None => {
                    if let Some(existing) = users::find_by_username(conn, &person.uid)?
                        && sso_identities::is_bound(conn, &id.issuer, existing.id)?
                    {
                        tracing::warn!(
                            via,
                            "a username bound to another subject of this provider: refused"
                        );
                        return Err(Failure::Identity);
                    }
                    unbound = Some(id);
                }
            }
        }
        let user = users::upsert_from_directory(conn, &person, via).map_err(|e| match e {
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
        if let Some(id) = unbound
            && !sso_identities::bind(conn, &id.issuer, &id.subject, user.id, now)?
        {
            tracing::warn!(via, "a subject was bound at the same moment: refused");
            return Err(Failure::Ticket);
        }
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
