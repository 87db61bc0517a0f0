//! Helpdesk tickets (Signaler un problème, seed §12): any signed-in user
//! reports a problem, optionally about a convention or an organisation;
//! staff answer and close them.

use crate::app::tickets as app;
use crate::auth::Caller;
use crate::concurrency;
use crate::error::{ApiError, Problem};
use crate::extract::Json;
use crate::extract::Path;
use crate::fields::Fields;
use crate::pagination::{Page, PageParams};
use crate::problems::{IfMatchMissing, Malformed, NotSignedIn, Stale};
use crate::state::AppState;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;
use stages_domain::access;
use stages_domain::model::TicketStatus;
use utoipa::IntoParams;

const MAX_SUBJECT: usize = 200;
const MAX_BODY: usize = 10_000;
const MAX_PAGE: usize = 500;

pub use stages_api_types::tickets::Ticket;

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
    body: Json<NewTicket>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let mut f = Fields::new();
    let subject = f.text("subject", &input.subject, MAX_SUBJECT);
    let text = f.text("body", &input.body, MAX_BODY);
    let page = f.optional_text("page", input.page.as_deref(), MAX_PAGE);
    f.finish()?;
    let report = app::Report {
        subject,
        body: text,
        page,
        convention_id: input.convention_id,
        organisation_id: input.organisation_id,
    };
    let ticket = app::create(&state, caller, report).await?;
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
    let page = app::list(&state, caller, query.status, after, limit).await?;
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
        (status = 403, description = "Staff without the tickets right in its centre (PERM-16)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ticket, or not the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/tickets/{id}")]
pub async fn get(
    state: web::Data<AppState>,
    caller: Caller,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let ticket = app::get(&state, caller, id).await?;
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
        (status = 403, description = "Staff only (PERM-12), or without the tickets right in its centre (PERM-16)", body = Problem, content_type = "application/problem+json"),
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
    req: HttpRequest,
    id: Path<i64>,
    body: Json<TicketAnswer>,
) -> Result<HttpResponse, ApiError> {
    access::may_do_staff_work(&caller.roles).map_err(|r| ApiError::refusal(&r))?;
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let mut f = Fields::new();
    let text = f.text("answer", &body.into_inner().answer, MAX_BODY);
    f.finish()?;
    let roles = caller.roles.clone();
    let ticket = app::change(
        &state,
        caller,
        id,
        expected,
        "answer",
        move |status, rights, _| {
            access::may_answer_ticket(&roles, rights)?;
            status.answer().map(|next| (next, Some(text)))
        },
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
    req: HttpRequest,
    id: Path<i64>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let expected = concurrency::expected_version(&req)?;
    let roles = caller.roles.clone();
    let ticket = app::change(
        &state,
        caller,
        id,
        expected,
        "close",
        move |status, rights, author| {
            // Its author closes it; staff close it as they answer it.
            if !author {
                access::may_answer_ticket(&roles, rights)?;
            }
            status.close().map(|next| (next, None))
        },
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header(concurrency::etag(ticket.version))
        .json(ticket))
}
