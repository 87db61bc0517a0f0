//! What the database knows about the caller beyond the token: their
//! student record, their supervisor record and the centres they manage.
//! Handlers derive the caller's relation to a convention from it, and the
//! domain decides what that relation allows.

use crate::auth::{Caller, Role};
use crate::db::{AnyConnection, users};
use crate::error::ApiError;
use stages_domain::ids::{CentreId, StudentId, SupervisorId};
use stages_domain::permissions::{self, Parties, Person, Relation};
use stages_domain::staff::StaffRights;

#[derive(Debug, Clone)]
pub struct Context {
    pub user_id: i64,
    pub username: String,
    pub roles: Vec<Role>,
    pub student_id: Option<StudentId>,
    pub supervisor_id: Option<SupervisorId>,
    /// The centres the caller manages, with their rights in each.
    pub centres: Vec<(CentreId, StaffRights)>,
}

impl Context {
    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }

    pub fn is_staff(&self) -> bool {
        stages_domain::access::is_staff(&self.roles)
    }

    pub fn manages(&self, centre_id: i64) -> bool {
        self.rights_in(centre_id).is_some()
    }

    /// The caller's rights in the centre, if they manage it.
    pub fn rights_in(&self, centre_id: i64) -> Option<StaffRights> {
        self.centres
            .iter()
            .find(|(centre, _)| *centre == CentreId(centre_id))
            .map(|(_, rights)| *rights)
    }

    /// The managed centres' ids as the database stores them, for the
    /// filters of the repositories.
    pub fn centre_keys(&self) -> Vec<i64> {
        self.centres.iter().map(|(c, _)| c.get()).collect()
    }

    /// The caller's student record id as stored; -1 (no record) when the
    /// caller is none, so that a filter on it matches nothing.
    pub fn student_key(&self) -> i64 {
        self.student_id.map_or(-1, StudentId::get)
    }

    /// The caller's supervisor record id as stored; -1 when none.
    pub fn supervisor_key(&self) -> i64 {
        self.supervisor_id.map_or(-1, SupervisorId::get)
    }

    /// The caller as the domain's permissions read them.
    pub fn person(&self) -> Person {
        Person {
            admin: self.is_admin(),
            student_id: self.student_id,
            supervisor_id: self.supervisor_id,
            managed_centres: self.centres.clone(),
        }
    }

    /// The caller's strongest relation to a convention with these parties
    /// (the domain decides).
    pub fn relation(&self, parties: Parties) -> Relation {
        permissions::relation(&self.person(), parties)
    }
}

/// Loads the caller's context. The account itself (active, signed in) was
/// checked when the caller was let in ([`crate::auth::Credentials::check`]),
/// on the same connection for a search, on another one just before for the
/// other handlers; it is not read again.
pub fn load(conn: &mut AnyConnection, caller: &Caller) -> Result<Context, ApiError> {
    let facts = users::caller_facts(
        conn,
        caller.user_id,
        &caller.username,
        caller.student_number.as_deref(),
        caller.roles.contains(&Role::Student),
    )?;
    Ok(Context {
        user_id: caller.user_id,
        username: caller.username.clone(),
        roles: caller.roles.clone(),
        student_id: facts.student_id.map(StudentId),
        supervisor_id: facts.supervisor_id.map(SupervisorId),
        centres: facts
            .centres
            .into_iter()
            .map(|(centre, rights)| (CentreId(centre), rights))
            .collect(),
    })
}
