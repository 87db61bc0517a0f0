//! Helpdesk tickets ("Signaler un problème").

use super::ApiError;
use super::client::{Call, Page};

pub use stages_api_types::tickets::{NewTicket, Ticket};

pub async fn create(ticket: &NewTicket) -> Result<Ticket, ApiError> {
    Call::post("/api/tickets").json(ticket).fetch().await
}

/// The caller's tickets (staff see every ticket).
pub async fn list() -> Result<Page<Ticket>, ApiError> {
    Call::get("/api/tickets").fetch().await
}
