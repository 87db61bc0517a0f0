//! Users of Stages: people who sign in (students, supervisors, staff,
//! admins). Workplace tutors are contacts, not users.

use crate::auth::{Role, roles_of};
use crate::db::AnyConnection;
use crate::db::schema::users;
use crate::db::search::{self, Kind};
use crate::directory::ldap::DirectoryUser;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_domain::staff::StaffRights;

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
    /// Created by `stages seed-demo`.
    pub is_demo: bool,
    /// An administrator reset the password: the owner changes it before
    /// anything else (AUTH-06).
    pub must_change_password: bool,
}

impl User {
    /// Roles the user acts with: the directory affiliations (comma-separated
    /// in `affiliation`) through the configured mapping, and the admin flag.
    pub fn roles(&self, mapping: &[(String, Role)]) -> Vec<Role> {
        roles_of(&self.affiliation, mapping, self.is_admin)
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
    pub is_demo: bool,
}

diesel::define_sql_function! {
    /// SQL's `lower`: usernames are compared without case, as the
    /// directory compares them (a unique index on `lower(username)` keeps
    /// one account per name).
    fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// Where an account's password is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A password kept (hashed) by Stages: the built-in directory, the
    /// demo accounts, an emergency administrator.
    Local,
    /// An identity kept by the university (its LDAP directory, its CAS
    /// server): Stages never sees a password. The column says which
    /// (`ldap`, `cas`), as of the latest sign-in.
    Directory,
}

/// The `source` of an account whose latest sign-in went through CAS.
pub const VIA_CAS: &str = "cas";
/// The `source` of an account whose latest sign-in went through OpenID
/// Connect.
pub const VIA_OIDC: &str = "oidc";

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Local => "builtin",
            Source::Directory => "ldap",
        }
    }
}

impl User {
    /// Where this account signs in; an unknown value is treated as the
    /// directory's, which never accepts a local password.
    pub fn source(&self) -> Source {
        if self.source == Source::Local.as_str() {
            Source::Local
        } else {
            Source::Directory
        }
    }
}

/// The account named `username`, whatever the case of either.
pub fn find_by_username(conn: &mut AnyConnection, username: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(lower(users::username).eq(lower(username)))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// A directory identity names a local account: it must not sign in as it.
#[derive(Debug, thiserror::Error)]
pub enum DirectoryUserError {
    #[error("the directory's {0:?} has the name of a local account")]
    LocalAccount(String),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// The account, and whether the sign-in `session` (a refresh family, the
/// access token's `sid`) is still open: signed out, ended by the
/// provider's logout or revoked, it is not. One statement, as the plain
/// lookup was. An access token without a session (issued before `sid`
/// existed) counts as open.
pub fn find_signed_in(
    conn: &mut AnyConnection,
    id: i64,
    session: Option<&str>,
) -> QueryResult<Option<(User, bool)>> {
    use crate::db::schema::refresh_tokens;
    let Some(session) = session else {
        return Ok(find(conn, id)?.map(|user| (user, true)));
    };
    let open = refresh_tokens::table
        .filter(refresh_tokens::family.eq(session.to_owned()))
        .filter(refresh_tokens::user_id.eq(id))
        .filter(refresh_tokens::revoked_at.is_null());
    users::table
        .find(id)
        .select((User::as_select(), diesel::dsl::exists(open)))
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

/// How many accounts are, and are not, demo accounts (`seed-demo`'s).
pub fn count_demo_and_other(conn: &mut AnyConnection) -> QueryResult<(i64, i64)> {
    let demo: i64 = users::table
        .filter(users::is_demo)
        .count()
        .get_result(conn)?;
    Ok((demo, count(conn)? - demo))
}

/// Makes the account an active administrator, with a new local password
/// hash when one is given.
pub fn make_admin(
    conn: &mut AnyConnection,
    id: i64,
    password_hash: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::is_admin.eq(true),
            users::active.eq(true),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    if let Some(hash) = password_hash {
        diesel::update(users::table.find(id))
            .set((
                users::password_hash.eq(hash),
                users::must_change_password.eq(false),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Whether an active administrator exists (`stages migrate` says how to
/// create the first one otherwise).
pub fn has_active_admin(conn: &mut AnyConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        users::table.filter(users::is_admin.and(users::active)),
    ))
    .get_result(conn)
}

/// The user record of someone who signed in through the directory: created
/// on first sign-in, refreshed from the directory afterwards. The admin
/// flag and the active flag stay under the administrators' control. A
/// student is linked to their registry record by student number: the
/// directory is the authority on who holds a number.
///
/// The account is found by the directory's uid without case, and must be
/// a directory account: a local account of the same name (the emergency
/// administrator `admin`, say) is never selected by a directory identity.
/// `via` is how they signed in this time (`ldap`, `cas`): the account
/// records it, so that it says where it authenticates.
pub fn upsert_from_directory(
    conn: &mut AnyConnection,
    person: &DirectoryUser,
    via: &str,
) -> Result<User, DirectoryUserError> {
    use crate::db::schema::students;
    let now = chrono::Utc::now().naive_utc();
    let affiliations = person.affiliations.join(",");
    let id = match find_by_username(conn, &person.uid)? {
        Some(existing) if existing.source() == Source::Local => {
            return Err(DirectoryUserError::LocalAccount(person.uid.clone()));
        }
        Some(existing) => {
            diesel::update(users::table.find(existing.id))
                .set((
                    users::display_name.eq(&person.display_name),
                    users::first_name.eq(&person.first_name),
                    users::last_name.eq(&person.last_name),
                    users::department.eq(&person.department),
                    users::email.eq(&person.email),
                    users::affiliation.eq(&affiliations),
                    users::student_number.eq(&person.student_number),
                    users::source.eq(via),
                    users::updated_at.eq(now),
                ))
                .execute(conn)?;
            existing.id
        }
        None => insert(
            conn,
            &NewUser {
                username: &person.uid,
                display_name: &person.display_name,
                first_name: &person.first_name,
                last_name: &person.last_name,
                department: person.department.as_deref(),
                email: person.email.as_deref(),
                password_hash: None,
                source: via,
                affiliation: &affiliations,
                student_number: person.student_number.as_deref(),
                is_admin: false,
                active: true,
                created_at: now,
                updated_at: now,
                is_demo: false,
            },
        )?,
    };
    search::index(
        conn,
        Kind::User,
        id,
        &[&person.first_name, &person.last_name],
    )?;
    if let Some(number) = &person.student_number {
        diesel::update(students::table.filter(students::student_number.eq(number)))
            .set(students::user_id.eq(id))
            .execute(conn)?;
    }
    Ok(find(conn, id)?.ok_or(diesel::result::Error::NotFound)?)
}

/// What the database knows of a signed-in caller beyond their account.
pub struct CallerFacts {
    pub student_id: Option<i64>,
    pub supervisor_id: Option<i64>,
    /// The centres they manage, with their rights in each.
    pub centres: Vec<(i64, StaffRights)>,
}

/// The records of the caller `user_id` (`username`, with this student
/// number): their student record when they are a `student`, their
/// supervisor record, the centres they manage. The account itself was read
/// when the caller was let in.
///
/// One statement ([`facts::Facts`]) rather than one per record: every
/// request that needs the caller's relation to a record (a manager's or a
/// student's search, every convention) paid two or three round trips to
/// the database for them.
pub fn caller_facts(
    conn: &mut AnyConnection,
    user_id: i64,
    username: &str,
    student_number: Option<&str>,
    student: bool,
) -> QueryResult<CallerFacts> {
    use crate::db::schema::students;
    let query = facts::Facts { user_id, username };
    let rows: Vec<facts::Row> = match conn {
        AnyConnection::Sqlite(c) => query.load(c)?,
        AnyConnection::Postgresql(c) => query.load(c)?,
    };
    let supervisor_id = rows.first().and_then(|r| r.0);
    let by_user = rows.first().and_then(|r| r.1);
    let student_id = match (student, by_user, student_number) {
        (false, _, _) => None,
        (true, Some(id), _) => Some(id),
        // A record nobody signed in to yet is found by its number.
        (true, None, Some(number)) => students::table
            .filter(students::student_number.eq(number))
            .filter(students::user_id.is_null())
            .select(students::id)
            .first(conn)
            .optional()?,
        (true, None, None) => None,
    };
    let centres = rows
        .into_iter()
        .filter_map(|(_, _, centre, rights)| Some((centre?, rights?.into())))
        .collect();
    Ok(CallerFacts {
        student_id,
        supervisor_id,
        centres,
    })
}

/// [`caller_facts`]'s statement.
mod facts {
    use crate::db::centres::RightsRow;
    use diesel::backend::Backend;
    use diesel::prelude::*;
    use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
    use diesel::serialize::ToSql;
    use diesel::sql_types::{BigInt, Bool, HasSqlType, Nullable, Text};

    /// The caller's supervisor record and student record (by account) on
    /// every row, and a row per centre they manage with their rights in it
    /// (one row of `NULL` centre when they manage none): a left join of the
    /// centres on a single row.
    pub struct Facts<'a> {
        pub user_id: i64,
        pub username: &'a str,
    }

    /// Supervisor id, student id, centre id and rights in it.
    pub type Row = (Option<i64>, Option<i64>, Option<i64>, Option<RightsRow>);

    /// The identity of [`Facts`]'s statement in the cache of prepared
    /// statements.
    pub struct FactsId;

    impl QueryId for Facts<'_> {
        type QueryId = FactsId;
        const HAS_STATIC_QUERY_ID: bool = true;
    }

    type Rights = Nullable<(Bool, Bool, Bool, Bool, Bool, Bool, Bool, Bool)>;

    impl Query for Facts<'_> {
        type SqlType = (Nullable<BigInt>, Nullable<BigInt>, Nullable<BigInt>, Rights);
    }

    impl<DB> QueryFragment<DB> for Facts<'_>
    where
        DB: Backend + HasSqlType<BigInt> + HasSqlType<Text>,
        i64: ToSql<BigInt, DB>,
        str: ToSql<Text, DB>,
    {
        fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
            out.push_sql("SELECT (SELECT sv.id FROM supervisors sv WHERE sv.uid = ");
            out.push_bind_param::<Text, _>(self.username)?;
            out.push_sql("), (SELECT st.id FROM students st WHERE st.user_id = ");
            out.push_bind_param::<BigInt, _>(&self.user_id)?;
            out.push_sql(
                " LIMIT 1), cs.centre_id, cs.validate_pedagogical, \
                 cs.validate_administrative_check, cs.validate_administrative, cs.print, \
                 cs.evaluations, cs.tickets, cs.statistics, cs.alerts \
                 FROM (SELECT 1 AS one) o LEFT JOIN centre_staff cs ON cs.user_id = ",
            );
            out.push_bind_param::<BigInt, _>(&self.user_id)?;
            out.push_sql(" ORDER BY cs.centre_id");
            Ok(())
        }
    }

    impl RunQueryDsl<diesel::SqliteConnection> for Facts<'_> {}
    impl RunQueryDsl<diesel::PgConnection> for Facts<'_> {}
}

/// Accounts whose name or username starts with every word of `words`
/// (normalised), by username, after `after` (keyset paging): up to
/// `limit` of them.
pub fn search_accounts(
    conn: &mut AnyConnection,
    words: &[String],
    after: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<User>> {
    let mut query = users::table.into_boxed();
    // The words are letters and digits only (`text::terms`): no LIKE
    // wildcard can reach the pattern.
    for word in words {
        let one = std::slice::from_ref(word);
        let Some(named) = search::matching(conn, "users.id", Kind::User, one) else {
            continue;
        };
        query = query.filter(named.or(lower(users::username).like(format!("{word}%"))));
    }
    if let Some(after) = after {
        query = query.filter(users::username.gt(after.to_owned()));
    }
    query
        .order(users::username)
        .limit(limit)
        .select(User::as_select())
        .load(conn)
}

/// Locks the active administrators' rows until the transaction ends, so
/// that two changes that each leave "another" administrator cannot, at
/// once, leave none (PostgreSQL; SQLite runs one writer at a time).
pub fn lock_active_admins(conn: &mut AnyConnection) -> QueryResult<()> {
    if let AnyConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT id FROM users WHERE is_admin AND active ORDER BY id FOR UPDATE")
            .execute(pg)?;
    }
    Ok(())
}

/// Active administrators other than `id`.
pub fn other_active_admins(conn: &mut AnyConnection, id: i64) -> QueryResult<i64> {
    users::table
        .filter(users::is_admin.and(users::active))
        .filter(users::id.ne(id))
        .count()
        .get_result(conn)
}

pub fn set_active(
    conn: &mut AnyConnection,
    id: i64,
    active: bool,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((users::active.eq(active), users::updated_at.eq(now)))
        .execute(conn)
}

pub fn set_admin(
    conn: &mut AnyConnection,
    id: i64,
    admin: bool,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((users::is_admin.eq(admin), users::updated_at.eq(now)))
        .execute(conn)
}

/// A new local password hash; `must_change` says whether its owner must
/// replace it before doing anything else (an administrator's reset).
pub fn set_password(
    conn: &mut AnyConnection,
    id: i64,
    hash: &str,
    must_change: bool,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::must_change_password.eq(must_change),
            users::updated_at.eq(now),
        ))
        .execute(conn)
}
