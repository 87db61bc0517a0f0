//! Helpdesk tickets (Signaler un problème, seed §12): any signed-in user
//! reports a problem, optionally about a convention or an organisation;
//! staff answer and close them.

use crate::app::conventions::load_visible;
use crate::audit::{self, Entity};
use crate::auth::Caller;
use crate::caller;
use crate::concurrency;
use crate::db::AnyConnection;
use crate::db::schema::tickets;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::fields::Fields;
use crate::i18n::Lang;
use crate::organisations as records;
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;
use stages_domain::access;
use stages_domain::model::TicketStatus;
use stages_domain::requests;
use utoipa::IntoParams;

const MAX_SUBJECT: usize = 200;
const MAX_BODY: usize = 10_000;
const MAX_PAGE: usize = 500;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = tickets)]
struct TicketRow {
    id: i64,
    author_id: i64,
    subject: String,
    body: String,
    page: Option<String>,
    convention_id: Option<i64>,
    organisation_id: Option<i64>,
    status: String,
    answer: Option<String>,
    answered_by: Option<i64>,
    answered_at: Option<NaiveDateTime>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    centre_id: Option<i64>,
}

pub use stages_api_types::tickets::Ticket;

fn status_code(status: TicketStatus) -> &'static str {
    match status {
        TicketStatus::Open => "open",
        TicketStatus::Answered => "answered",
        TicketStatus::Closed => "closed",
    }
}

fn status_of(code: &str) -> Result<TicketStatus, ApiError> {
    match code {
        "open" => Ok(TicketStatus::Open),
        "answered" => Ok(TicketStatus::Answered),
        "closed" => Ok(TicketStatus::Closed),
        other => Err(ApiError::internal(format!("unknown ticket status {other}"))),
    }
}

fn to_api(row: TicketRow) -> Result<Ticket, ApiError> {
    Ok(Ticket {
        status: status_of(&row.status)?,
        id: row.id,
        author_id: row.author_id,
        subject: row.subject,
        body: row.body,
        page: row.page,
        convention_id: row.convention_id,
        organisation_id: row.organisation_id,
        centre_id: row.centre_id,
        answer: row.answer,
        answered_by: row.answered_by,
        answered_at: row.answered_at.map(|at| at.and_utc()),
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

fn find(conn: &mut AnyConnection, id: i64) -> Result<TicketRow, ApiError> {
    tickets::table
        .find(id)
        .select(TicketRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(ApiError::not_found)
}

/// The ticket, when the caller may read it (404 otherwise).
fn find_visible(conn: &mut AnyConnection, caller: &Caller, id: i64) -> Result<TicketRow, ApiError> {
    let row = find(conn, id)?;
    let ctx = caller::load(conn, caller)?;
    let manages = row.centre_id.is_some_and(|c| ctx.manages(c));
    access::may_view_ticket(&caller.roles, row.author_id == caller.user_id, manages)
        .map_err(|_| ApiError::not_found())?;
    Ok(row)
}

/// The centre whose staff handle a new ticket: its convention's, else the
/// centre of its author's latest convention, else the fallback centre.
fn centre_of(
    conn: &mut AnyConnection,
    ctx: &caller::Context,
    convention: Option<i64>,
) -> Result<Option<i64>, ApiError> {
    use crate::db::schema::{centres, conventions};
    if let Some(id) = convention {
        return Ok(Some(
            conventions::table
                .find(id)
                .select(conventions::centre_id)
                .first(conn)?,
        ));
    }
    if let Some(student) = ctx.student_id {
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

pub use stages_api_types::tickets::NewTicket;

/// Reports a problem.
#[utoipa::path(
    tag = "tickets",
    operation_id = "create_ticket",
    security(("bearer" = [])),
    request_body = NewTicket,
    responses(
        (status = 201, description = "Recorded", body = Ticket),
        Malformed,
        NotSignedIn,
        (status = 422, description = "Missing subject or text, or unknown convention or organisation", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/tickets")]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    body: Json<NewTicket>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let mut f = Fields::new(lang);
    let subject = f.text("subject", &input.subject, MAX_SUBJECT);
    let text = f.text("body", &input.body, MAX_BODY);
    let page = f.optional_text("page", input.page.as_deref(), MAX_PAGE);
    f.finish()?;
    let ticket = state
        .db(move |conn| {
            // A ticket names only what its author may see.
            if let Some(id) = input.convention_id {
                load_visible(conn, &caller, id).map_err(|_| {
                    ApiError::bad_request(requests::no_such_convention("convention_id"))
                })?;
            }
            if let Some(id) = input.organisation_id {
                records::find(conn, id).map_err(|_| {
                    ApiError::bad_request(requests::no_such_organisation("organisation_id"))
                })?;
            }
            let ctx = caller::load(conn, &caller)?;
            let centre = centre_of(conn, &ctx, input.convention_id)?;
            crate::db::transaction(conn, |conn| {
                let now = chrono::Utc::now().naive_utc();
                let id: i64 = diesel::insert_into(tickets::table)
                    .values((
                        tickets::author_id.eq(caller.user_id),
                        tickets::centre_id.eq(centre),
                        tickets::subject.eq(&subject),
                        tickets::body.eq(&text),
                        tickets::page.eq(&page),
                        tickets::convention_id.eq(input.convention_id),
                        tickets::organisation_id.eq(input.organisation_id),
                        tickets::status.eq(status_code(TicketStatus::Open)),
                        tickets::version.eq(1),
                        tickets::created_at.eq(now),
                        tickets::updated_at.eq(now),
                    ))
                    .returning(tickets::id)
                    .get_result(conn)?;
                let ticket = to_api(find(conn, id)?)?;
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
        .await?;
    Ok(HttpResponse::Created()
        .insert_header(concurrency::etag(ticket.version))
        .json(ticket))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TicketQuery {
    pub status: Option<TicketStatus>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// Lists tickets: staff see every ticket, others their own; newest first.
#[utoipa::path(
    tag = "tickets",
    operation_id = "list_tickets",
    security(("bearer" = [])),
    params(TicketQuery),
    responses(
        (status = 200, description = "One page of tickets", body = Page<Ticket>),
        (status = 400, description = "Malformed query", body = Problem, content_type = "application/problem+json"),
        NotSignedIn,
    )
)]
#[get("/tickets")]
pub async fn list_tickets(
    state: web::Data<AppState>,
    caller: Caller,
    query: crate::extract::Query<TicketQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    let params = PageParams {
        limit: query.limit,
        cursor: query.cursor,
    };
    let limit = params.limit()?;
    let after: Option<i64> = params.after()?;
    let page = state
        .db(move |conn| {
            let ctx = caller::load(conn, &caller)?;
            let mut q = tickets::table.select(TicketRow::as_select()).into_boxed();
            // Their own tickets, and for staff those they handle: every
            // ticket for administrators, their centres' for managers.
            if !ctx.is_admin() {
                let handled = if ctx.is_staff() {
                    ctx.centre_ids.clone()
                } else {
                    Vec::new()
                };
                q = q.filter(
                    tickets::author_id
                        .eq(caller.user_id)
                        .or(tickets::centre_id.eq_any(handled)),
                );
            }
            if let Some(status) = query.status {
                q = q.filter(tickets::status.eq(status_code(status)));
            }
            if let Some(after) = after {
                q = q.filter(tickets::id.lt(after));
            }
            let rows: Vec<TicketRow> = q.order(tickets::id.desc()).limit(limit + 1).load(conn)?;
            let page = crate::pagination::from_rows(rows, limit, |t| t.id);
            Ok(Page {
                items: page
                    .items
                    .into_iter()
                    .map(to_api)
                    .collect::<Result<Vec<_>, _>>()?,
                next_cursor: page.next_cursor,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Returns one ticket (its author or staff).
#[utoipa::path(
    tag = "tickets",
    operation_id = "get_ticket",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Ticket id")),
    responses(
        (status = 200, description = "The ticket", body = Ticket, headers(("ETag" = String, description = "Version"))),
        NotSignedIn,
        (status = 404, description = "No such ticket, or not the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/tickets/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let ticket = state
        .db(move |conn| to_api(find_visible(conn, &caller, id)?))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(ticket.version))
        .json(ticket))
}

pub use stages_api_types::tickets::TicketAnswer;

/// Answers a ticket (staff).
#[utoipa::path(
    tag = "tickets",
    operation_id = "answer_ticket",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Ticket id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    request_body = TicketAnswer,
    responses(
        (status = 200, description = "Answered", body = Ticket),
        Malformed,
        NotSignedIn,
        (status = 403, description = "Staff only", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Closed", body = Problem, content_type = "application/problem+json"),
        Stale,
        (status = 422, description = "Empty answer", body = Problem, content_type = "application/problem+json"),
        IfMatchMissing,
    )
)]
#[post("/tickets/{id}/answer")]
pub async fn answer_ticket(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<TicketAnswer>,
) -> Result<HttpResponse, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refused(&r, lang))?;
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let mut f = Fields::new(lang);
    let text = f.text("answer", &body.into_inner().answer, MAX_BODY);
    f.finish()?;
    let ticket = change(
        &state,
        caller,
        lang,
        id,
        expected,
        "answer",
        move |status| status.answer().map(|next| (next, Some(text))),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(ticket.version))
        .json(ticket))
}

/// Closes a ticket (its author or staff).
#[utoipa::path(
    tag = "tickets",
    operation_id = "close_ticket",
    security(("bearer" = [])),
    params(
        ("id" = i64, Path, description = "Ticket id"),
        ("If-Match" = String, Header, description = "ETag of the version read"),
    ),
    responses(
        (status = 200, description = "Closed", body = Ticket),
        NotSignedIn,
        (status = 404, description = "No such ticket, or not the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already closed", body = Problem, content_type = "application/problem+json"),
        Stale,
        IfMatchMissing,
    )
)]
#[post("/tickets/{id}/close")]
pub async fn close_ticket(
    state: web::Data<AppState>,
    caller: Caller,
    lang: Lang,
    req: HttpRequest,
    id: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let ticket = change(&state, caller, lang, id, expected, "close", |status| {
        status.close().map(|next| (next, None))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(ticket.version))
        .json(ticket))
}

/// Applies a status transition of the domain, with its audit record.
async fn change<F>(
    state: &AppState,
    caller: Caller,
    lang: Lang,
    id: i64,
    expected: i32,
    action: &'static str,
    transition: F,
) -> Result<Ticket, ApiError>
where
    F: FnOnce(TicketStatus) -> Result<(TicketStatus, Option<String>), stages_domain::Refusal>
        + Send
        + 'static,
{
    state
        .db(move |conn| {
            crate::db::transaction(conn, |conn| {
                let row = find_visible(conn, &caller, id)?;
                concurrency::check_version(expected, row.version)?;
                let before = to_api(row.clone())?;
                let (next, answer) =
                    transition(before.status).map_err(|r| ApiError::refused(&r, lang))?;
                let now = chrono::Utc::now().naive_utc();
                let written = diesel::update(
                    tickets::table
                        .find(id)
                        .filter(tickets::version.eq(row.version)),
                )
                .set((
                    tickets::status.eq(status_code(next)),
                    tickets::version.eq(row.version + 1),
                    tickets::updated_at.eq(now),
                ))
                .execute(conn)?;
                crate::db::check_written(written)?;
                if let Some(answer) = answer {
                    diesel::update(tickets::table.find(id))
                        .set((
                            tickets::answer.eq(answer),
                            tickets::answered_by.eq(caller.user_id),
                            tickets::answered_at.eq(now),
                        ))
                        .execute(conn)?;
                }
                let after = to_api(find(conn, id)?)?;
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
