//! Demo data for a fresh database: the accounts a newcomer signs in with.

use crate::auth::password;
use crate::db::AnyConnection;
use crate::users::{self, NewUser};
use diesel::Connection;

/// Password of every demo account.
pub const DEMO_PASSWORD: &str = "demo";

pub struct DemoAccount {
    pub username: &'static str,
    pub display_name: &'static str,
    pub email: &'static str,
    pub affiliation: &'static str,
    pub student_number: Option<&'static str>,
    pub is_admin: bool,
    pub what: &'static str,
}

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "etudiant",
        display_name: "Camille Martin",
        email: "camille.martin@etu.univ-demo.fr",
        affiliation: "student",
        student_number: Some("22401234"),
        is_admin: false,
        what: "student (M1 Informatique)",
    },
    DemoAccount {
        username: "enseignant",
        display_name: "Paul Durand",
        email: "paul.durand@univ-demo.fr",
        affiliation: "faculty",
        student_number: None,
        is_admin: false,
        what: "academic supervisor",
    },
    DemoAccount {
        username: "gestionnaire",
        display_name: "Géraldine Baviere",
        email: "geraldine.baviere@univ-demo.fr",
        affiliation: "staff",
        student_number: None,
        is_admin: false,
        what: "manager of the Sciences centre",
    },
    DemoAccount {
        username: "admin",
        display_name: "Alex Moreau",
        email: "alex.moreau@univ-demo.fr",
        affiliation: "staff",
        student_number: None,
        is_admin: true,
        what: "administrator",
    },
];

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("database error: {0}")]
    Db(#[from] diesel::result::Error),
    #[error("cannot hash a demo password: {0}")]
    Hash(String),
}

/// Loads the demo data unless the database already has users; returns
/// whether it loaded anything.
pub fn seed(conn: &mut AnyConnection) -> Result<bool, DemoError> {
    if users::count(conn)? > 0 {
        return Ok(false);
    }
    let hash = password::hash(DEMO_PASSWORD).map_err(|e| DemoError::Hash(e.to_string()))?;
    let now = chrono::Utc::now().naive_utc();
    conn.transaction(|conn| {
        for account in DEMO_ACCOUNTS {
            users::insert(
                conn,
                &NewUser {
                    username: account.username,
                    display_name: account.display_name,
                    email: Some(account.email),
                    password_hash: Some(&hash),
                    source: "builtin",
                    affiliation: account.affiliation,
                    student_number: account.student_number,
                    is_admin: account.is_admin,
                    active: true,
                    created_at: now,
                    updated_at: now,
                },
            )?;
        }
        Ok::<_, DemoError>(())
    })?;
    Ok(true)
}
