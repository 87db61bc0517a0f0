//! Helpdesk tickets as stored. A status change is written conditioned on
//! the version read, the answer with it in the same statement.

use crate::db::AnyConnection;
use crate::db::schema::{centres, conventions, tickets};
use crate::db::{RepoError, RepoResult, check_written, codec};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use stages_domain::model::TicketStatus;

pub use stages_api_types::tickets::Ticket;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tickets)]
pub struct TicketRow {
    pub id: i64,
    pub author_id: i64,
    subject: String,
    body: String,
    page: Option<String>,
    convention_id: Option<i64>,
    organisation_id: Option<i64>,
    status: String,
    answer: Option<String>,
    answered_by: Option<i64>,
    answered_at: Option<NaiveDateTime>,
    pub version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    pub centre_id: Option<i64>,
}

impl TicketRow {
    /// The ticket as the API shows it.
    pub fn to_api(self) -> RepoResult<Ticket> {
        Ok(Ticket {
            status: codec::from_code(&self.status)?,
            id: self.id,
            author_id: self.author_id,
            subject: self.subject,
            body: self.body,
            page: self.page,
            convention_id: self.convention_id,
            organisation_id: self.organisation_id,
            centre_id: self.centre_id,
            answer: self.answer,
            answered_by: self.answered_by,
            answered_at: self.answered_at.map(|at| at.and_utc()),
            version: self.version,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        })
    }
}

/// The ticket with this id.
pub fn find(conn: &mut AnyConnection, id: i64) -> RepoResult<TicketRow> {
    tickets::table
        .find(id)
        .select(TicketRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(RepoError::NotFound)
}

/// The centre whose staff handle a new ticket: its convention's, else the
/// centre of its author's latest convention, else the fallback centre.
pub fn handling_centre(
    conn: &mut AnyConnection,
    convention: Option<i64>,
    student: Option<i64>,
) -> RepoResult<Option<i64>> {
    if let Some(id) = convention {
        return Ok(Some(
            conventions::table
                .find(id)
                .select(conventions::centre_id)
                .first(conn)?,
        ));
    }
    if let Some(student) = student {
        let latest: Option<i64> = conventions::table
            .filter(conventions::student_id.eq(student))
            .order(conventions::id.desc())
            .select(conventions::centre_id)
            .first(conn)
            .optional()?;
        if latest.is_some() {
            return Ok(latest);
        }
    }
    Ok(centres::table
        .filter(centres::is_fallback.eq(true))
        .order(centres::id)
        .select(centres::id)
        .first(conn)
        .optional()?)
}

/// A new ticket, open, in its first version.
pub struct NewTicket<'a> {
    pub author_id: i64,
    pub centre_id: Option<i64>,
    pub subject: &'a str,
    pub body: &'a str,
    pub page: Option<&'a str>,
    pub convention_id: Option<i64>,
    pub organisation_id: Option<i64>,
}

/// Stores a new ticket; its id.
pub fn insert(conn: &mut AnyConnection, t: &NewTicket<'_>) -> RepoResult<i64> {
    let now = chrono::Utc::now().naive_utc();
    Ok(diesel::insert_into(tickets::table)
        .values((
            tickets::author_id.eq(t.author_id),
            tickets::centre_id.eq(t.centre_id),
            tickets::subject.eq(t.subject),
            tickets::body.eq(t.body),
            tickets::page.eq(t.page),
            tickets::convention_id.eq(t.convention_id),
            tickets::organisation_id.eq(t.organisation_id),
            tickets::status.eq(codec::to_code(TicketStatus::Open)),
            tickets::version.eq(1),
            tickets::created_at.eq(now),
            tickets::updated_at.eq(now),
        ))
        .returning(tickets::id)
        .get_result(conn)?)
}

/// Whose tickets a list shows: every ticket (`None`), or those of an
/// author and of the centres they handle.
pub struct Reader {
    pub author_id: i64,
    pub centres: Vec<i64>,
}

/// A page of tickets, newest first, after the id `after`.
pub fn page(
    conn: &mut AnyConnection,
    reader: Option<Reader>,
    status: Option<TicketStatus>,
    after: Option<i64>,
    limit: i64,
) -> RepoResult<Vec<TicketRow>> {
    let mut q = tickets::table.select(TicketRow::as_select()).into_boxed();
    if let Some(reader) = reader {
        q = q.filter(
            tickets::author_id
                .eq(reader.author_id)
                .or(tickets::centre_id.eq_any(reader.centres)),
        );
    }
    if let Some(status) = status {
        q = q.filter(tickets::status.eq(codec::to_code(status)));
    }
    if let Some(after) = after {
        q = q.filter(tickets::id.lt(after));
    }
    Ok(q.order(tickets::id.desc()).limit(limit).load(conn)?)
}

/// Moves the ticket read at `version` to `status`, with the answer given
/// by `by` when there is one.
pub fn set_status_at_version(
    conn: &mut AnyConnection,
    id: i64,
    version: i32,
    status: TicketStatus,
    answer: Option<(&str, i64)>,
) -> RepoResult<()> {
    let now = chrono::Utc::now().naive_utc();
    let target = tickets::table.find(id).filter(tickets::version.eq(version));
    let fields = (
        tickets::status.eq(codec::to_code(status)),
        tickets::version.eq(version + 1),
        tickets::updated_at.eq(now),
    );
    let written = match answer {
        Some((text, by)) => diesel::update(target)
            .set((
                fields,
                tickets::answer.eq(text),
                tickets::answered_by.eq(by),
                tickets::answered_at.eq(now),
            ))
            .execute(conn)?,
        None => diesel::update(target).set(fields).execute(conn)?,
    };
    check_written(written)
}
