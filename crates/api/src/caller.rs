//! What the database knows about the caller beyond the token: their
//! student record, their supervisor record and the centres they manage.
//! Handlers derive the caller's relation to a convention from it, and the
//! domain decides what that relation allows.

use crate::auth::{Caller, Role};
use crate::db::AnyConnection;
use crate::db::schema::{centre_staff, students, supervisors, users};
use crate::error::ApiError;
use crate::texts::Text;
use diesel::prelude::*;
use stages_domain::permissions::{self, Parties, Person, Relation};

#[derive(Debug, Clone)]
pub struct Context {
    pub user_id: i64,
    pub username: String,
    pub roles: Vec<Role>,
    pub student_id: Option<i64>,
    pub supervisor_id: Option<i64>,
    pub centre_ids: Vec<i64>,
}

impl Context {
    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }

    pub fn is_staff(&self) -> bool {
        stages_domain::access::is_staff(&self.roles)
    }

    pub fn manages(&self, centre_id: i64) -> bool {
        self.centre_ids.contains(&centre_id)
    }

    /// The caller as the domain's permissions read them.
    pub fn person(&self) -> Person {
        Person {
            admin: self.is_admin(),
            student_id: self.student_id,
            supervisor_id: self.supervisor_id,
            managed_centres: self.centre_ids.clone(),
        }
    }

    /// The caller's strongest relation to a convention with these parties
    /// (the domain decides).
    pub fn relation(&self, parties: Parties) -> Relation {
        permissions::relation(&self.person(), parties)
    }
}

/// Loads the caller's context; a disabled or deleted account is refused.
pub fn load(conn: &mut AnyConnection, caller: &Caller) -> Result<Context, ApiError> {
    let (username, active, student_number): (String, bool, Option<String>) = users::table
        .find(caller.user_id)
        .select((users::username, users::active, users::student_number))
        .first(conn)
        .optional()?
        .ok_or_else(|| ApiError::unauthorized(Text::AccountGone))?;
    if !active {
        return Err(ApiError::unauthorized(Text::AccountDisabled));
    }
    let student_id: Option<i64> = if caller.roles.contains(&Role::Student) {
        let by_user: Option<i64> = students::table
            .filter(students::user_id.eq(caller.user_id))
            .select(students::id)
            .first(conn)
            .optional()?;
        match (by_user, student_number) {
            (Some(id), _) => Some(id),
            // A record nobody signed in to yet is found by its number.
            (None, Some(number)) => students::table
                .filter(students::student_number.eq(number))
                .filter(students::user_id.is_null())
                .select(students::id)
                .first(conn)
                .optional()?,
            (None, None) => None,
        }
    } else {
        None
    };
    let supervisor_id = supervisors::table
        .filter(supervisors::uid.eq(&username))
        .select(supervisors::id)
        .first(conn)
        .optional()?;
    let centre_ids = centre_staff::table
        .filter(centre_staff::user_id.eq(caller.user_id))
        .select(centre_staff::centre_id)
        .load(conn)?;
    Ok(Context {
        user_id: caller.user_id,
        username,
        roles: caller.roles.clone(),
        student_id,
        supervisor_id,
        centre_ids,
    })
}
