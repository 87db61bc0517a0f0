//! Why an action is refused.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::messages::MessageKey;
use crate::violation::ArgValue;

/// Why the refusal stands: the caller's role or relation (asking again
/// will not help), the record's present state (it may change), or its
/// content, which breaks rules the caller must fix first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefusalKind {
    /// The caller may not do this (HTTP 403).
    Forbidden,
    /// Not in the record's present state (HTTP 409).
    Conflict,
    /// The content breaks rules; their violations tell which (HTTP 422).
    Invalid,
}

/// A refused transition or permission: a rule or reason id (`WF-03`,
/// `PERM-02`, `AVN-04`), whether the caller or the state refuses it, the
/// fluent message key the UI shows, and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{rule}: {message_key}")]
pub struct Refusal {
    /// Rule or reason id.
    pub rule: String,
    pub kind: RefusalKind,
    /// Fluent message key.
    pub message_key: String,
    /// The message's placeables.
    pub args: BTreeMap<String, ArgValue>,
}

impl Refusal {
    /// Refused by the record's state.
    pub(crate) fn new(rule: &str, key: MessageKey) -> Self {
        Self {
            rule: rule.to_owned(),
            kind: RefusalKind::Conflict,
            message_key: key.as_str().to_owned(),
            args: BTreeMap::new(),
        }
    }

    /// Refused to this caller, whatever the state.
    pub(crate) fn forbidden(rule: &str, key: MessageKey) -> Self {
        Self {
            kind: RefusalKind::Forbidden,
            ..Self::new(rule, key)
        }
    }

    /// Refused until the content stops breaking rules.
    pub(crate) fn invalid(rule: &str, key: MessageKey) -> Self {
        Self {
            kind: RefusalKind::Invalid,
            ..Self::new(rule, key)
        }
    }

    pub(crate) fn with_arg(mut self, name: &str, value: impl Into<ArgValue>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}
