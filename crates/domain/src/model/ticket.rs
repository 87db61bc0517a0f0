//! Helpdesk tickets ("Signaler un problème").

use serde::{Deserialize, Serialize};

use crate::lifecycle::ConventionNumber;

/// What a ticket is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketCategory {
    /// A convention (creation, change, deletion).
    Convention,
    /// Wrong data on a host organisation.
    Organisation,
    /// Anything else about the application.
    Application,
}

/// Whether a ticket still needs an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// Waiting for the helpdesk.
    Open,
    /// Answered, waiting for the reporter.
    Answered,
    /// Closed.
    Closed,
}

/// A problem reported to the helpdesk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    /// Category.
    pub category: TicketCategory,
    /// Subject line.
    pub subject: String,
    /// Description.
    pub body: String,
    /// The convention concerned, if any.
    pub convention: Option<ConventionNumber>,
    /// Status.
    pub status: TicketStatus,
}
