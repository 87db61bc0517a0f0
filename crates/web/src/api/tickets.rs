//! Helpdesk tickets ("Signaler un problème").

use super::ApiError;
use super::client::{Call, Page};
use serde::{Deserialize, Serialize};
use stages_domain::model::TicketStatus;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct NewTicket {
    pub subject: String,
    pub body: String,
    /// The screen the user was on.
    pub page: Option<String>,
    pub convention_id: Option<i64>,
    pub organisation_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Ticket {
    pub id: i64,
    pub subject: String,
    pub body: String,
    pub page: Option<String>,
    pub status: TicketStatus,
    pub answer: Option<String>,
}

pub async fn create(ticket: &NewTicket) -> Result<Ticket, ApiError> {
    Call::post("/api/tickets").json(ticket).fetch().await
}

/// The caller's tickets (staff see every ticket).
pub async fn list() -> Result<Page<Ticket>, ApiError> {
    Call::get("/api/tickets").fetch().await
}
