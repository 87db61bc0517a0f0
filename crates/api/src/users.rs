//! Users of Stages: people who sign in (students, supervisors, staff,
//! admins). Workplace tutors are contacts, not users.

use crate::auth::{Role, role_of_affiliation};
use crate::db::AnyConnection;
use crate::db::schema::users;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub first_name: String,
    pub last_name: String,
    pub department: Option<String>,
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub source: String,
    pub affiliation: String,
    pub student_number: Option<String>,
    pub is_admin: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl User {
    /// Roles the user acts with, from the directory affiliation and the
    /// admin flag.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = role_of_affiliation(&self.affiliation).into_iter().collect();
        if self.is_admin {
            roles.push(Role::Admin);
        }
        roles
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub department: Option<&'a str>,
    pub email: Option<&'a str>,
    pub password_hash: Option<&'a str>,
    pub source: &'a str,
    pub affiliation: &'a str,
    pub student_number: Option<&'a str>,
    pub is_admin: bool,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn find_by_username(conn: &mut AnyConnection, username: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::username.eq(username))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut AnyConnection, user: &NewUser<'_>) -> QueryResult<i64> {
    diesel::insert_into(users::table)
        .values(user)
        .returning(users::id)
        .get_result(conn)
}

pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}
