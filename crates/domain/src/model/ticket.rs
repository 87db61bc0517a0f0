//! Helpdesk tickets ("Signaler un problème").

use serde::{Deserialize, Serialize};

use crate::lifecycle::{ConventionNumber, Refusal};
use crate::messages::MessageKey;

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
impl TicketStatus {
    /// Staff answer an open or answered ticket; a closed one stays closed
    /// (the author opens a new one).
    pub fn answer(self) -> Result<Self, Refusal> {
        match self {
            Self::Closed => Err(Refusal::new("TKT-01", MessageKey::Tkt01Closed)),
            Self::Open | Self::Answered => Ok(Self::Answered),
        }
    }

    /// The author or staff close a ticket once.
    pub fn close(self) -> Result<Self, Refusal> {
        match self {
            Self::Closed => Err(Refusal::new("TKT-01", MessageKey::Tkt01Closed)),
            Self::Open | Self::Answered => Ok(Self::Closed),
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_ticket_is_neither_answered_nor_closed_again() {
        assert_eq!(TicketStatus::Open.answer(), Ok(TicketStatus::Answered));
        assert_eq!(TicketStatus::Answered.close(), Ok(TicketStatus::Closed));
        assert_eq!(
            TicketStatus::Closed.answer().map_err(|r| r.rule),
            Err("TKT-01".to_owned())
        );
        assert!(TicketStatus::Closed.close().is_err());
    }
}
