//! Helpdesk tickets (Signaler un problème, seed §12): any signed-in user
//! reports a problem, optionally about a convention or an organisation it
//! may see; staff of the centre that handles it answer, and its author or
//! staff close it (the domain's transitions).

use crate::app::caller;
use crate::app::conventions::load_visible;
use crate::auth::Caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::audit::{self, Entity};
use crate::db::organisations as records;
use crate::db::tickets::{self as store, Reader, Ticket, TicketRow};
use crate::error::ApiError;
use crate::pagination::Page;
use crate::state::AppState;
use stages_domain::access;
use stages_domain::model::TicketStatus;
use stages_domain::requests;
use stages_domain::staff::StaffRights;

/// What a new ticket says, checked.
pub struct Report {
    pub subject: String,
    pub body: String,
    pub page: Option<String>,
    pub convention_id: Option<i64>,
    pub organisation_id: Option<i64>,
}

/// The ticket, when the caller may read it (404 otherwise), and the
/// caller's rights in the centre that handles it, if they manage it.
fn find_visible(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: i64,
) -> Result<(TicketRow, Option<StaffRights>), ApiError> {
    let row = store::find(conn, id)?;
    let ctx = caller::load(conn, caller)?;
    let rights = row.centre_id.and_then(|c| ctx.rights_in(c));
    access::may_view_ticket(
        &caller.roles,
        row.author_id == caller.user_id,
        rights.is_some(),
    )
    .map_err(|_| ApiError::not_found())?;
    Ok((row, rights))
}

/// Records a report, routed to the centre that handles it.
pub async fn create(state: &AppState, caller: Caller, report: Report) -> Result<Ticket, ApiError> {
    state
        .db(move |conn| {
            // A ticket names only what its author may see.
            if let Some(id) = report.convention_id {
                load_visible(conn, &caller, id).map_err(|_| {
                    ApiError::bad_request(requests::no_such_convention("convention_id"))
                })?;
            }
            if let Some(id) = report.organisation_id {
                records::find(conn, id).map_err(|_| {
                    ApiError::bad_request(requests::no_such_organisation("organisation_id"))
                })?;
            }
            let ctx = caller::load(conn, &caller)?;
            let centre = store::handling_centre(
                conn,
                report.convention_id,
                ctx.student_id.map(|s| s.get()),
            )?;
            crate::db::transaction(conn, |conn| {
                let id = store::insert(
                    conn,
                    &store::NewTicket {
                        author_id: caller.user_id,
                        centre_id: centre,
                        subject: &report.subject,
                        body: &report.body,
                        page: report.page.as_deref(),
                        convention_id: report.convention_id,
                        organisation_id: report.organisation_id,
                    },
                )?;
                let ticket = store::find(conn, id)?.to_api()?;
                audit::record(
                    conn,
                    Entity::Ticket,
                    id,
                    "create",
                    Some(caller.user_id),
                    None::<&()>,
                    Some(&ticket),
                )?;
                Ok(ticket)
            })
        })
        .await
}

/// A page of tickets, newest first: their own for everyone, and those they
/// handle for staff (every ticket for administrators, their centres' for
/// managers).
pub async fn list(
    state: &AppState,
    caller: Caller,
    status: Option<TicketStatus>,
    after: Option<i64>,
    limit: i64,
) -> Result<Page<Ticket>, ApiError> {
    state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let reader = (!ctx.is_admin()).then(|| Reader {
                author_id: caller.user_id,
                centres: if ctx.is_staff() {
                    ctx.centre_keys()
                } else {
                    Vec::new()
                },
            });
            let rows = store::page(conn, reader, status, after, limit + 1)?;
            let page = crate::pagination::from_rows(rows, limit, |t| t.id);
            Ok(Page {
                items: page
                    .items
                    .into_iter()
                    .map(TicketRow::to_api)
                    .collect::<Result<Vec<_>, _>>()?,
                next_cursor: page.next_cursor,
            })
        })
        .await
}

/// One ticket its author or its staff may read.
pub async fn get(state: &AppState, caller: Caller, id: i64) -> Result<Ticket, ApiError> {
    state
        .db(move |conn| Ok(find_visible(conn, &caller, id)?.0.to_api()?))
        .await
}

/// Applies a status transition of the domain to the ticket read at
/// `expected`, with its audit record. The transition is given the ticket's
/// status, the caller's rights in its centre and whether the caller wrote
/// it.
pub async fn change<F>(
    state: &AppState,
    caller: Caller,
    id: i64,
    expected: i32,
    action: &'static str,
    transition: F,
) -> Result<Ticket, ApiError>
where
    F: FnOnce(
            TicketStatus,
            Option<StaffRights>,
            bool,
        ) -> Result<(TicketStatus, Option<String>), stages_domain::Refusal>
        + Send
        + 'static,
{
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let (row, rights) = find_visible(conn, &caller, id)?;
                concurrency::check_version(expected, row.version)?;
                let version = row.version;
                let author = row.author_id == caller.user_id;
                let before = row.to_api()?;
                let (next, answer) =
                    transition(before.status, rights, author).map_err(|r| ApiError::refusal(&r))?;
                store::set_status_at_version(
                    conn,
                    id,
                    version,
                    next,
                    answer.as_deref().map(|text| (text, caller.user_id)),
                )?;
                let after = store::find(conn, id)?.to_api()?;
                audit::record(
                    conn,
                    Entity::Ticket,
                    id,
                    action,
                    Some(caller.user_id),
                    Some(&before),
                    Some(&after),
                )?;
                Ok(after)
            })
        })
        .await
}
