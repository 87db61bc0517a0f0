//! Helpdesk tickets ("Signaler un problème").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use stages_domain::model::TicketStatus;

/// A ticket as its author and staff read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ticket {
    pub id: i64,
    pub author_id: i64,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Adresse de l'entreprise erronée")
    )]
    pub subject: String,
    pub body: String,
    /// The screen the user was on.
    #[cfg_attr(feature = "openapi", schema(example = "/organisations/12"))]
    pub page: Option<String>,
    pub convention_id: Option<i64>,
    pub organisation_id: Option<i64>,
    /// The centre whose staff handle it.
    pub centre_id: Option<i64>,
    pub status: TicketStatus,
    pub answer: Option<String>,
    pub answered_by: Option<i64>,
    pub answered_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "subject": "Adresse de l'entreprise erronée",
    "body": "Le code postal de la Société Générale d'Ingénierie est 25000, pas 25030.",
    "page": "/organisations/1",
    "organisation_id": 1
})))]
pub struct NewTicket {
    pub subject: String,
    pub body: String,
    pub page: Option<String>,
    pub convention_id: Option<i64>,
    pub organisation_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"answer": "C'est corrigé, merci."})))]
pub struct TicketAnswer {
    pub answer: String,
}
