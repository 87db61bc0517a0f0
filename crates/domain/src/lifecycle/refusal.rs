//! Why an action is refused.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::messages::MessageKey;
use crate::violation::ArgValue;

/// A refused transition or permission: a rule or reason id (`WF-03`,
/// `PERM-02`, `AVN-04`), the fluent message key the UI shows, and its
/// arguments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{rule}: {message_key}")]
pub struct Refusal {
    /// Rule or reason id.
    pub rule: String,
    /// Fluent message key.
    pub message_key: String,
    /// The message's placeables.
    pub args: BTreeMap<String, ArgValue>,
}

impl Refusal {
    pub(crate) fn new(rule: &str, key: MessageKey) -> Self {
        Self {
            rule: rule.to_owned(),
            message_key: key.as_str().to_owned(),
            args: BTreeMap::new(),
        }
    }

    pub(crate) fn with_arg(mut self, name: &str, value: impl Into<ArgValue>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}
