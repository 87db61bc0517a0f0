//! The append-only audit log: who changed what, when, and the record before
//! and after, written in the same transaction as the change.

use crate::db::AnyConnection;
use crate::db::schema::audit_log;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Convention,
    Amendment,
    Organisation,
    HostService,
    Contact,
    Centre,
    Nomenclature,
    HourlyRate,
    PostReview,
    Ticket,
    User,
    Offer,
}

impl Entity {
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Convention => "convention",
            Entity::Amendment => "amendment",
            Entity::Organisation => "organisation",
            Entity::HostService => "host_service",
            Entity::Contact => "contact",
            Entity::Centre => "centre",
            Entity::Nomenclature => "nomenclature",
            Entity::HourlyRate => "hourly_rate",
            Entity::PostReview => "convention_post_review",
            Entity::Ticket => "ticket",
            Entity::User => "user",
            Entity::Offer => "offer",
        }
    }
}

/// Records one change. `before` is `None` for a creation, `after` for a
/// deletion.
pub fn record<B: Serialize, A: Serialize>(
    conn: &mut AnyConnection,
    entity: Entity,
    entity_id: i64,
    action: &str,
    actor_id: Option<i64>,
    before: Option<&B>,
    after: Option<&A>,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::entity.eq(entity.as_str()),
            audit_log::entity_id.eq(entity_id),
            audit_log::action.eq(action),
            audit_log::actor_id.eq(actor_id),
            audit_log::at.eq(chrono::Utc::now().naive_utc()),
            audit_log::before_state.eq(before.and_then(|b| serde_json::to_string(b).ok())),
            audit_log::after_state.eq(after.and_then(|a| serde_json::to_string(a).ok())),
        ))
        .execute(conn)?;
    Ok(())
}

pub use stages_api_types::audit::AuditEntry;

/// The history of one record, oldest first.
pub fn history(
    conn: &mut AnyConnection,
    entity: Entity,
    entity_id: i64,
) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .filter(audit_log::entity.eq(entity.as_str()))
        .filter(audit_log::entity_id.eq(entity_id))
        .order(audit_log::id.asc())
        .select((
            audit_log::id,
            audit_log::action,
            audit_log::actor_id,
            audit_log::at,
            audit_log::before_state,
            audit_log::after_state,
        ))
        .load::<(
            i64,
            String,
            Option<i64>,
            NaiveDateTime,
            Option<String>,
            Option<String>,
        )>(conn)
        .map(|rows| {
            rows.into_iter()
                .map(
                    |(id, action, actor_id, at, before_state, after_state)| AuditEntry {
                        id,
                        action,
                        actor_id,
                        at: at.and_utc(),
                        before_state,
                        after_state,
                    },
                )
                .collect()
        })
}
